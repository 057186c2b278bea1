import cluster from 'node:cluster';
import fs from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { Command } from 'commander';
import { audit, createUser, findLogin } from './accounts/accounts.queries.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from './accounts/passwords.ts';
import { alertSender, countDue } from './alerts/alerts.sender.ts';
import { countShows, getShowBySlug } from './catalog/shows.queries.ts';
import { fixFallbackSlugs, renameShowSlug, type SlugChange, SlugError } from './catalog/slugs.writes.ts';
import { purgeOldPersonalData } from './comments/comments.retention.ts';
import { ConfigError, loadConfig, PROJECT_ROOT } from './config.ts';
import { runDailyJob, scheduleDailyJob } from './daily.job.ts';
import { BackupError, backupDatabase, restoreDatabase } from './db/backup.ts';
import { type Db, openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import type { Role } from './db/schema.ts';
import { ExportError, exportSite } from './export/export.build.ts';
import { keepExported } from './export/export.watch.ts';
import { runPointBacktest } from './forecast/backtest.points.ts';
import { pointReliabilityChart, pointReport, scoreTable } from './forecast/backtest.report.ts';
import { summarise } from './forecast/backtest.summary.ts';
import { monthlyCutoffs, runBacktest } from './forecast/backtest.ts';
import { answerQueries, InputError, readHistory, readQueries, SIGNAL_COLUMNS } from './forecast/contract.ts';
import { loadHistories } from './forecast/forecast.queries.ts';
import { forecastService } from './forecast/forecast.service.ts';
import type { ShowHistory } from './forecast/history.ts';
import { INDUSTRY_PAUSES } from './forecast/pauses.rules.ts';
import { loadPrior, PRIOR_FILE, trainPrior } from './forecast/prior.ts';
import { checkEconomistFile, economistItems } from './importers/economist.import.ts';
import { runImport, WrongInputError } from './importers/import.run.ts';
import { checkEngagementFile, engagementItems } from './importers/netflix.engagement.import.ts';
import { checkNetflixFile, netflixItems } from './importers/netflix.import.ts';
import { checkTop10File, top10Items } from './importers/netflix.top10.import.ts';
import { fileProgress } from './importers/progress.ts';
import type { Origin } from './importers/show.record.ts';
import { importStarterCatalogue } from './importers/starter/starter.import.ts';
import { DataFileError, loadStarterCatalogue } from './importers/starter/starter.load.ts';
import { tvmazeClient } from './importers/tvmaze.client.ts';
import { checkTvmazeFile, tvmazeItems } from './importers/tvmaze.import.ts';
import { syncTvmaze } from './importers/tvmaze.sync.ts';
import { mailSender } from './mail/sender.ts';
import { runIntake } from './news/intake.ts';
import { feedInput } from './news/news.input.ts';
import { buildSite } from './server.ts';
import { validateEvent } from './status/event.input.ts';
import { addEvent } from './status/events.writes.ts';
import { EVENT_KINDS, TIERS } from './status/status.rules.ts';
import { errorsByField } from './web/fields.ts';

// Output piped into `head` and the like: stop quietly when the reader goes away.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const STARTUP_LOCK = 4_815_162_343; // any constant, shared by every process that starts on the same database
const STOP_GRACE_MS = 10_000;

const { version } = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
const program = new Command('nextseason')
  .description('Will there be another season, and when?')
  .version(`nextseason ${version} (Node ${process.versions.node})`, '-V, --version')
  .showHelpAfterError();

program
  .command('serve')
  .description(
    'migrate the database, load the starter catalogue into an empty one, and serve the site; SIGTERM stops it gracefully. Reads PORT, HOST, DATABASE_URL, SITE_URL, SMTP_URL, MAIL_FROM, TRUST_PROXY, PAGE_CACHE_MB, COMMENT_RETENTION_DAYS, ALERT_CLAIM_SECONDS, ALLOW_PRIVATE_WEBHOOKS',
  )
  .option('--workers <n>', 'app processes sharing the port (PostgreSQL only)', '1')
  .option('--export <dir>', 'keep a static export of the public site in DIR, for nginx or a CDN (docs/deploy.md)')
  .action(async (o: { workers: string; export?: string }) => {
    const started = performance.now();
    const config = loadConfig();
    const workers = Number(o.workers);
    if (!Number.isInteger(workers) || workers < 1 || workers > 64)
      fail(`--workers must be a whole number from 1 to 64, got "${o.workers}"`, 2);
    if (workers > 1 && config.database.engine !== 'postgres')
      fail('--workers needs PostgreSQL (DATABASE_URL=postgres://…): SQLite suits one process', 2);
    if (workers > 1 && cluster.isPrimary) return superviseWorkers(workers);
    const db = await openDatabase(config.database, { listen: true });
    await prepareDatabase(db);
    const now = () => new Date();
    const forecasts = forecastService(db);
    const chanceOf = async (slug: string) => (await forecasts.forShow(slug, now()))?.forecast.pWithin365 ?? null;
    // Statuses that age with the calendar, clock alerts, and personal data past its use: now, and after every midnight.
    await runDailyJob(db, { retentionDays: config.retentionDays, chanceOf, now: now(), oncePerDay: true });
    const mail = config.smtpUrl ? mailSender({ db, smtpUrl: config.smtpUrl, from: config.mailFrom, now }) : null;
    const alerts = alertSender({
      db,
      siteUrl: config.siteUrl,
      smtpUrl: config.smtpUrl,
      from: config.mailFrom,
      now,
      allowPrivateWebhooks: config.allowPrivateWebhooks,
      claimMs: config.alertClaimSeconds * 1000,
    });
    alerts.poke();
    // The day's model is trained off the request path: once listening, and again after each daily job.
    const warm = () => forecasts.warm(now()).catch((error: Error) => console.error(`forecast: ${error.message}`));
    const { app, listener } = buildSite({
      db,
      siteUrl: config.siteUrl,
      now,
      mail,
      alerts,
      allowPrivateWebhooks: config.allowPrivateWebhooks,
      forecasts,
      trustProxy: config.trustProxy,
      cacheBytes: config.cacheBytes,
    });
    const server = createServer(listener).listen(config.port, config.host);
    server.on('error', (error: NodeJS.ErrnoException) => {
      // Once listening, an error (a connection the system could not accept) is logged; the server goes on.
      if (server.listening) return console.error(`server: ${error.code ?? ''} ${error.message}`);
      const reason = error.code === 'EADDRINUSE' ? `port ${config.port} is in use; set PORT to a free port` : error.message;
      fail(`cannot listen on ${config.host}:${config.port}: ${reason}`);
    });
    server.once('listening', () => {
      const engine = config.database.engine === 'sqlite' ? `SQLite ${config.database.file}` : 'PostgreSQL';
      console.log(`Next Season is running at ${config.siteUrl}/ (${engine}; ready in ${Math.round(performance.now() - started)} ms)`);
      console.log(`Open ${config.siteUrl}/shows/somos to see a show page.`);
      void warm();
    });
    const stopDaily = scheduleDailyJob(db, { retentionDays: config.retentionDays, chanceOf, now, afterRun: warm });
    // With several workers, one keeps the export (the supervisor names it): one writer per folder.
    const exporter =
      o.export && (cluster.isPrimary || process.env.NEXTSEASON_EXPORTER === '1') ? keepExported({ app, db, dir: o.export, now }) : null;
    // Stop accepting, let requests in flight finish (up to STOP_GRACE_MS), let the senders finish what they
    // are delivering and hand back what they had claimed, close the pool: exit 0.
    const stop = async (signal: string) => {
      console.log(`${signal}: stopping; requests in flight have ${STOP_GRACE_MS / 1000} s to finish`);
      stopDaily();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const cut = setTimeout(() => server.closeAllConnections(), STOP_GRACE_MS);
      await closed;
      clearTimeout(cut);
      await Promise.all([alerts.shutdown(), exporter?.stop()]);
      mail?.stop();
      await db.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  });

/** Migrates, and loads the starter catalogue into an empty database; several processes at once: one does it, the others find it done. */
function prepareDatabase(db: Db) {
  return db.exclusive(STARTUP_LOCK, async () => {
    const { applied } = await migrate(db);
    if (applied.length > 0) console.log(`migrated: ${applied.join(', ')}`);
    if ((await countShows(db.kysely)) === 0) {
      const tally = await importStarterCatalogue(db, loadStarterCatalogue(), new Date());
      console.log(`loaded the starter catalogue: ${tally.counts.get('shows')?.inserted ?? 0} shows`);
    }
  });
}

/** `serve --workers N`: N processes share the port (node:cluster); one that dies is replaced; SIGTERM stops all. */
function superviseWorkers(n: number) {
  let stopping = false;
  // The first worker keeps the static export (serve --export), and so does the one that replaces it.
  let exporter = cluster.fork({ NEXTSEASON_EXPORTER: '1' });
  for (let i = 1; i < n; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`worker ${worker.process.pid} ended (${signal ?? code}); starting another`);
    if (worker === exporter) exporter = cluster.fork({ NEXTSEASON_EXPORTER: '1' });
    else cluster.fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGTERM'));
}

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    const db = await openDatabase(loadConfig().database);
    const { applied, version } = await db.exclusive(STARTUP_LOCK, () => migrate(db));
    console.log(
      applied.length > 0 ? `applied ${applied.join(', ')}; schema version ${version}` : `up to date at schema version ${version}`,
    );
    await db.close();
  });

program
  .command('seed')
  .description('load or refresh the starter catalogue (idempotent: reports inserted, updated and unchanged rows)')
  .action(async () => {
    const db = await openDatabase(loadConfig().database);
    const tally = await db.exclusive(STARTUP_LOCK, async () => {
      await migrate(db);
      return importStarterCatalogue(db, loadStarterCatalogue(), new Date());
    });
    console.log(tally.summary());
    console.log(tally.total('inserted') + tally.total('updated') === 0 ? 'nothing changed' : 'starter catalogue loaded');
    await db.close();
  });

const IMPORTERS = {
  tvmaze: { check: checkTvmazeFile, items: tvmazeItems },
  'netflix-titles': { check: checkNetflixFile, items: netflixItems },
  'economist-imdb': { check: checkEconomistFile, items: economistItems },
  'netflix-top10': { check: checkTop10File, items: top10Items },
  'netflix-engagement': { check: checkEngagementFile, items: engagementItems },
} as const;

program
  .command('import')
  .description(
    "import files into the catalogue: tvmaze (API JSON), netflix-titles (Kaggle CSV), economist-imdb (CSV), netflix-top10 (Netflix's weekly Top 10 CSV), netflix-engagement (a Netflix engagement report's TV sheet as CSV)",
  )
  .argument('<kind>', Object.keys(IMPORTERS).join(' | '))
  .argument('<files...>', 'input files (.gz is read as gzip)')
  .option('--quiet', 'no progress output')
  .action(async (kind: string, files: string[], options: { quiet?: boolean }) => {
    const importer = IMPORTERS[kind as keyof typeof IMPORTERS];
    if (!importer) fail(`unknown import kind "${kind}": use ${Object.keys(IMPORTERS).join(', ')}`, 2);
    for (const file of files) await importer.check(file); // refuse a wrong file before writing anything
    const db = await openDatabase(loadConfig().database);
    await migrate(db);
    // This process only imports: a power cut may lose its last batches (WAL stays consistent), and a rerun redoes them.
    db.sqlite?.pragma('synchronous = NORMAL');
    for (const file of files) {
      const started = performance.now();
      const summary = await runImport({
        db,
        origin: kind as Origin,
        input: file,
        items: importer.items(file),
        now: new Date(),
        ...(options.quiet ? {} : { progress: fileProgress(file, `import ${kind}`) }),
      });
      console.log(
        `${file}: ${summary.records} shows read in ${((performance.now() - started) / 1000).toFixed(1)} s (run #${summary.runId})`,
      );
      console.log(summary.tally.summary());
      if (summary.skipped > 0) {
        console.log(`skipped ${summary.skipped}:`);
        for (const p of summary.problems.slice(0, 20)) console.log(`  ${p.location}: ${p.field ? `${p.field}: ` : ''}${p.reason}`);
        if (summary.skipped > 20) console.log(`  … ${summary.skipped - 20} more in import_problems (run #${summary.runId})`);
      }
      console.log(summary.tally.total('inserted') + summary.tally.total('updated') === 0 ? 'nothing changed' : 'done');
    }
    await db.close();
  });

program
  .command('export')
  .description(
    'write every public page, feed, calendar, sitemap and asset into DIR as files (with .gz and .br), for nginx or a CDN; run again to update. Reads DATABASE_URL, SITE_URL',
  )
  .argument('<dir>')
  .action(async (dir: string) => {
    const config = loadConfig();
    const db = await openDatabase(config.database);
    await prepareDatabase(db);
    const { app } = buildSite({ db, siteUrl: config.siteUrl, now: () => new Date() });
    const tally = await exportSite(app, dir).catch(failOn(ExportError));
    console.log(`exported ${tally.files} files to ${path.resolve(dir)}: ${tally.written} written, ${tally.removed} removed`);
    await db.close();
  });

program
  .command('backup')
  .description(
    "copy the database to FILE while the site runs (SQLite: its online backup; PostgreSQL: pg_dump's custom format). Reads DATABASE_URL",
  )
  .argument('<file>')
  .action(async (file: string) => {
    console.log(await backupDatabase(loadConfig().database, file).catch(failOn(BackupError)));
  });

program
  .command('restore')
  .description(
    'replace the database with a backup made by `backup`, then migrate it to this build (SQLite: stop serve first; PostgreSQL: pg_restore --clean). Reads DATABASE_URL',
  )
  .argument('<file>')
  .action(async (file: string) => {
    console.log(await restoreDatabase(loadConfig().database, file).catch(failOn(BackupError)));
  });

const user = program.command('user').description("editors' desk accounts");
user
  .command('add')
  .description('create an account; the password is read from standard input (at least 12 characters)')
  .requiredOption('--email <email>')
  .requiredOption('--name <name>')
  .option('--role <role>', 'admin, editor or moderator', 'editor')
  .action(async (options: { email: string; name: string; role: string }) => {
    if (!['admin', 'editor', 'moderator'].includes(options.role))
      fail(`--role must be admin, editor or moderator, got "${options.role}"`, 2);
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(options.email)) fail(`--email is not an email address: "${options.email}"`, 2);
    const password = (await readStdin()).replace(/\r?\n$/, '');
    if (password.length < MIN_PASSWORD_LENGTH)
      fail(`the password (from standard input) must have at least ${MIN_PASSWORD_LENGTH} characters`, 2);
    const db = await openDatabase(loadConfig().database);
    await migrate(db);
    if (await findLogin(db.kysely, options.email)) fail(`an account for ${options.email} exists already`, 1);
    const created = await createUser(
      db.kysely,
      { email: options.email, name: options.name, role: options.role as Role, passwordHash: await hashPassword(password) },
      new Date(),
    );
    await audit(
      db.kysely,
      { user: null, action: 'user.add', entity: 'user', entityId: created.id, after: { email: created.email, role: created.role } },
      new Date(),
    );
    console.log(`created ${created.role} ${created.email}`);
    await db.close();
  });

const event = program.command('event').description('status events');
event
  .command('add')
  .description("add a status event to a show (as the editors' desk does)")
  .requiredOption('--show <slug>')
  .requiredOption('--kind <kind>', EVENT_KINDS.join(', '))
  .requiredOption('--date <date>', '2025-07-23, 2025-07, 2025-Q3 or 2025')
  .requiredOption('--tier <tier>', `${TIERS.join(', ')} (a rumour is shown but never changes the status)`)
  .option('--season <n>')
  .option('--announced <date>', 'the premiere date announced (date_announced, date_changed)')
  .option('--source-url <url>')
  .option('--outlet <name>')
  .option('--quote <text>')
  .option('--notes <text>')
  .action(async (o: Record<string, string | undefined>) => {
    const checked = validateEvent({
      kind: o.kind,
      season: o.season,
      date: o.date,
      announced: o.announced,
      tier: o.tier,
      source_url: o.sourceUrl,
      outlet: o.outlet,
      quote: o.quote,
      notes: o.notes,
    });
    if (!checked.ok)
      fail(
        Object.entries(checked.errors)
          .map(([f, m]) => `--${f.replace('_', '-')}: ${m}`)
          .join('; '),
        2,
      );
    const db = await openDatabase(loadConfig().database);
    await migrate(db);
    const show = await getShowBySlug(db.kysely, o.show ?? '');
    if (!show) fail(`--show: no show has the slug "${o.show}"`, 2);
    const id = await addEvent(db.kysely, show.id, checked.data, null, new Date());
    const status = await db.kysely.selectFrom('shows').select('derived_status').where('id', '=', show.id).executeTakeFirstOrThrow();
    console.log(`added event #${id} to ${show.slug}; status now ${status.derived_status}`);
    await db.close();
  });

const show = program.command('show').description('shows in the catalogue');
show
  .command('rename-slug')
  .description(
    'give a show a new slug (its address: /shows/NEW); the old one is kept and every URL under it answers 301 to the same URL under the new. Imports and title edits never change a slug: this is the one way',
  )
  .argument('<old>', 'the slug the show has now')
  .argument('<new>', 'lower-case letters a-z, digits and single hyphens')
  .action(async (from: string, to: string) => {
    const db = await openDatabase(loadConfig().database);
    await migrate(db);
    const renamed = await renameShowSlug(db.kysely, { from, to, now: new Date() }).catch((error: unknown) => {
      if (error instanceof SlugError) fail(`${error.field === 'old' ? 'OLD' : 'NEW'}: ${error.message}`, 2);
      throw error;
    });
    console.log(
      renamed.changed
        ? `${renamed.name}: /shows/${renamed.from} is now /shows/${renamed.to}; the old address answers 301`
        : `${renamed.name} has the slug "${renamed.to}" already; nothing changed`,
    );
    await db.close();
  });

const slugs = program.command('slugs').description("shows' and people's slugs");
slugs
  .command('fix')
  .description(
    'once, after upgrading to slugs in every script: give each show whose slug is a fallback ("x", "x-2014") the slug its title spells out ("kingdeom"), and each person the slug their name now gives; the old slugs answer 301',
  )
  .option('--dry-run', 'list the changes and make none')
  .action(async (o: { dryRun?: boolean }) => {
    const db = await openDatabase(loadConfig().database);
    await migrate(db);
    const fixes = await fixFallbackSlugs(db.kysely, { now: new Date(), apply: !o.dryRun });
    const line = (kind: string) => (c: SlugChange) => console.log(`${kind} ${c.from} → ${c.to}  (${c.name})`);
    fixes.shows.forEach(line('show'));
    fixes.people.forEach(line('person'));
    for (const c of fixes.skipped) console.log(`person ${c.from} kept: "${c.to}" is another person's  (${c.name})`);
    const counts = `${fixes.shows.length} shows and ${fixes.people.length} people`;
    console.log(
      fixes.shows.length + fixes.people.length === 0
        ? 'no slug to fix'
        : o.dryRun
          ? `would re-slug ${counts} (dry run: nothing changed)`
          : `re-slugged ${counts}; their old slugs answer 301`,
    );
    await db.close();
  });

const news = program.command('news').description('news intake: feeds proposing status events to the review queue');
news
  .command('add-feed')
  .description('watch an RSS or Atom feed')
  .requiredOption('--url <url>')
  .requiredOption('--name <name>')
  .option('--tier <tier>', 'official, trade, report or rumour', 'trade')
  .action(async (o: { url: string; name: string; tier: string }) => {
    const parsed = feedInput.safeParse(o);
    if (!parsed.success)
      fail(
        Object.entries(errorsByField(parsed.error))
          .map(([f, m]) => `--${f}: ${m}`)
          .join('; '),
        2,
      );
    const db = await openDatabase(loadConfig().database);
    await migrate(db);
    await db.kysely
      .insertInto('feeds')
      .values({ ...parsed.data, created_at: new Date().toISOString() })
      .execute();
    console.log(`watching ${parsed.data.name}`);
    await db.close();
  });
news
  .command('fetch')
  .description('fetch every feed that is due (or all, with --force) and queue candidate events')
  .option('--force', "ignore each feed's interval")
  .action(async (o: { force?: boolean }) => {
    const config = loadConfig();
    const db = await openDatabase(config.database);
    await migrate(db);
    const reports = await runIntake(db, {
      now: new Date(),
      userAgent: `nextseason/0.1 (TV renewal tracker; ${config.siteUrl})`,
      force: !!o.force,
    });
    for (const r of reports) console.log(`${r.feed}: ${r.result}; ${r.newItems} new items, ${r.candidates} candidates`);
    if (reports.length === 0) console.log('no feed is due');
    await db.close();
  });

const comments = program.command('comments').description('reader comments');
comments
  .command('purge')
  .description(
    "forget old comments' IP addresses; delete old spam, deleted comments, sent mail and unconfirmed sign-ups (run daily from cron)",
  )
  .option('--days <n>', 'keep personal data this many days (default: COMMENT_RETENTION_DAYS or 90)')
  .action(async (o: { days?: string }) => {
    const config = loadConfig();
    const days = o.days === undefined ? config.retentionDays : Number(o.days);
    if (o.days !== undefined && (!/^\d+$/.test(o.days) || days < 1))
      fail(`--days must be a whole number of days, 1 or more, got "${o.days}"`, 2);
    const db = await openDatabase(config.database);
    await migrate(db);
    const r = await purgeOldPersonalData(db, days, new Date());
    console.log(
      `older than ${days} days: ${r.addressesForgotten} IP addresses forgotten, ${r.commentsRemoved} spam or deleted comments removed, ${r.mailsRemoved} sent mails removed, ${r.subscriptionsRemoved} unconfirmed sign-ups removed, ${r.reportsRemoved} reports removed`,
    );
    await db.close();
  });

const alerts = program.command('alerts').description('alerts to followers (serve sends them too)');
alerts
  .command('send')
  .description(
    'send every alert due now, waiting out the claims of a sender that died, then exit; with --watch, keep sending as alerts are queued (a sender process beside serve). Reads DATABASE_URL, SMTP_URL, MAIL_FROM, SITE_URL, ALERT_CLAIM_SECONDS, ALLOW_PRIVATE_WEBHOOKS',
  )
  .option('--watch', 'keep running until stopped (SIGTERM)')
  .action(async (o: { watch?: boolean }) => {
    const config = loadConfig();
    const db = await openDatabase(config.database);
    await migrate(db);
    const sender = alertSender({
      db,
      siteUrl: config.siteUrl,
      smtpUrl: config.smtpUrl,
      from: config.mailFrom,
      now: () => new Date(),
      allowPrivateWebhooks: config.allowPrivateWebhooks,
      claimMs: config.alertClaimSeconds * 1000,
    });
    if (o.watch) {
      sender.poke();
      const stop = async () => {
        await sender.shutdown();
        await db.close();
        process.exit(0);
      };
      process.once('SIGTERM', () => void stop());
      process.once('SIGINT', () => void stop());
      return;
    }
    const total = { sent: 0, failed: 0 };
    for (;;) {
      const r = await sender.drain();
      total.sent += r.sent;
      total.failed += r.failed;
      if ((await countDue(db, new Date())) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 250)); // rows another sender holds: wait for its claim to pass
    }
    console.log(`alerts: ${total.sent} delivered, ${total.failed} failed (to be tried again)`);
    sender.stop();
    await db.close();
  });

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text;
}

program
  .command('sync')
  .description('fetch shows changed at TVmaze since the last sync (or --since), with their episodes and seasons; resumable')
  .argument('<source>', 'tvmaze')
  .option('--since <date>', 'only shows updated on or after this day (YYYY-MM-DD)')
  .option('--base-url <url>', 'TVmaze API base URL', process.env.TVMAZE_BASE_URL ?? 'https://api.tvmaze.com')
  .option('--limit <n>', 'stop after this many shows (the rest waits for the next run)')
  .option('--quiet', 'no progress output')
  .action(async (source: string, options: { since?: string; baseUrl: string; limit?: string; quiet?: boolean }) => {
    if (source !== 'tvmaze') fail(`unknown sync source "${source}": use tvmaze`, 2);
    if (options.since && !/^\d{4}-\d{2}-\d{2}$/.test(options.since)) fail(`--since must be a date (YYYY-MM-DD), got "${options.since}"`, 2);
    if (options.limit && !/^\d+$/.test(options.limit)) fail(`--limit must be a whole number, got "${options.limit}"`, 2);
    const config = loadConfig();
    const db = await openDatabase(config.database);
    await migrate(db);
    const client = tvmazeClient({ baseUrl: options.baseUrl, userAgent: `nextseason/0.1 (TV renewal tracker; ${config.siteUrl})` });
    const result = await syncTvmaze({
      db,
      client,
      since: options.since ? new Date(`${options.since}T00:00:00Z`) : null,
      now: new Date(),
      ...(options.limit ? { limit: Number(options.limit) } : {}),
      ...(options.quiet ? {} : { progress: { tick: (n: number) => process.stderr.write(`sync tvmaze: ${n} shows\n`), done: () => {} } }),
    });
    console.log(
      `${result.resumed ? 'resumed: ' : ''}${result.records} shows fetched, ${result.skipped} skipped, ${result.remaining} still to do`,
    );
    console.log(result.tally.summary());
    for (const p of result.problems.slice(0, 20)) console.log(`  ${p.location}: ${p.reason}`);
    await db.close();
  });

program
  .command('forecast')
  .description('forecast next seasons from CSV files, reading no database; one JSON line per query')
  .requiredOption('--history <seasons.csv>', 'show_id,title,platform,season,premiered')
  .requiredOption('--queries <queries.csv>', 'show_id,as_of')
  .option(
    '--events <events.csv>',
    'show_id,date,kind,season,value; kinds renewed, cancelled, ended, date_announced (value: the date); show_id * for every show: industry_pause_started, industry_pause_ended (value: the pause, e.g. wga-strike-2023)',
  )
  .option(
    '--signals <top10.csv>',
    `Netflix Top 10 weeks in its own format (${SIGNAL_COLUMNS.join(',')}), joined by title; a week counts from the Tuesday it was published`,
  )
  .addHelpText(
    'after',
    '\nA query as of a day uses only rows dated on or before it, in every file: removing later rows changes nothing. The model is refitted on the first of each month; a query uses the latest fit on or before its day, and everything known about the show, the Top 10 and industry stoppages on the day itself.',
  )
  .action((options: { history: string; queries: string; events?: string; signals?: string }) => {
    try {
      const history = readHistory(options.history, options.events, options.signals);
      const lines = answerQueries(history, readQueries(options.queries, history), loadPrior());
      process.stdout.write(lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
    } catch (error) {
      if (error instanceof InputError) fail(error.message, 2);
      throw error;
    }
  });

program
  .command('backtest')
  .description('score the forecaster against baselines that can say no: each season asked once at fixed points, then the monthly replay')
  .option('--history <seasons.csv>', 'score on these files instead of the catalogue database')
  .option('--events <events.csv>', 'decisions for --history')
  .option('--signals <top10.csv>', 'Netflix Top 10 weeks for --history')
  .option('--from <date>', 'first cut-off', '2019-01-01')
  .option('--to <date>', 'last cut-off (default: a month before the data ends)')
  .option('--data-end <date>', 'the day the data is complete up to (default: today)')
  .option('--no-prior', 'learn only from the data, without the built-in prior')
  .option('--svg <file>', "write the fixed-point backtest's reliability diagram here")
  .option('--summary <file>', "write the fixed-point backtest's figures as JSON (for /about/forecasts: src/forecast/quality/)")
  .option('--label <text>', 'what the summary describes, e.g. "Netflix seasons"', 'the catalogue')
  .option('--no-monthly', 'skip the monthly replay (every waiting show at every monthly cut-off)')
  .action(
    async (options: {
      history?: string;
      events?: string;
      signals?: string;
      from: string;
      to?: string;
      dataEnd?: string;
      prior: boolean;
      svg?: string;
      summary?: string;
      label: string;
      monthly: boolean;
    }) => {
      const dataEnd = options.dataEnd ?? new Date().toISOString().slice(0, 10);
      let histories: ShowHistory[];
      let pauses = INDUSTRY_PAUSES;
      if (options.history) {
        const read = readHistory(options.history, options.events, options.signals);
        histories = [...read.shows.values()];
        pauses = [...pauses, ...read.pauses];
      } else {
        const db = await openDatabase(loadConfig().database);
        await migrate(db);
        histories = await loadHistories(db.kysely);
        await db.close();
      }
      const pointsStarted = performance.now();
      const points = runPointBacktest({ histories, dataEnd, prior: options.prior ? loadPrior() : {}, pauses });
      console.log(
        `## Each season asked once, at fixed points\n\n${histories.length} shows; ${points.length} cases scored (${Math.round(performance.now() - pointsStarted)} ms).\n`,
      );
      // The command as run, with file names but not the folders they were in.
      const shown = (a: string) => (a.includes('/') ? path.basename(a) : a.includes(' ') ? `"${a}"` : a);
      const command = ['nextseason', ...process.argv.slice(2).map(shown)].join(' ');
      const summary = summarise(points, { label: options.label, command, dataEnd, shows: histories.length });
      console.log(pointReport(summary));
      if (options.svg) {
        fs.writeFileSync(options.svg, pointReliabilityChart(summary, 'Reliability of P(next season within 365 days), by point'));
        console.log(`\nwrote ${options.svg}`);
      }
      if (options.summary) {
        fs.writeFileSync(options.summary, `${JSON.stringify(summary, null, 1)}\n`);
        console.log(`wrote ${options.summary}`);
      }
      if (!options.monthly) return;
      console.log('\n## The monthly replay (every waiting show at every monthly cut-off)\n');
      const to = options.to ?? new Date(Date.parse(dataEnd) - 31 * 86_400_000).toISOString().slice(0, 10);
      const cutoffs = monthlyCutoffs(options.from, to);
      const started = performance.now();
      const cases = runBacktest({ histories, cutoffs, dataEnd, prior: options.prior ? loadPrior() : {} });
      console.log(
        `${histories.length} shows, ${cutoffs.length} monthly cut-offs ${cutoffs[0]} … ${cutoffs.at(-1)}, ${cases.length} forecasts (${cases.filter((c) => !c.decided).length} with no decision known), ${Math.round(performance.now() - started)} ms\n`,
      );
      console.log('All forecasts:\n');
      console.log(scoreTable(cases));
      console.log('\nOnly shows with no decision known at the cut-off:\n');
      console.log(scoreTable(cases.filter((c) => !c.decided)));
      console.log('\nOnly shows whose latest season came out within two years of the cut-off:\n');
      console.log(scoreTable(cases.filter((c) => c.waited <= 730)));
    },
  );

program
  .command('train-prior')
  .description("fit the built-in prior to The Economist's IMDb season data and write src/forecast/prior.json")
  .argument('<IMDb_Economist_tv_ratings.csv>')
  .action((file: string) => {
    const prior = trainPrior(file);
    fs.writeFileSync(PRIOR_FILE, `${JSON.stringify(prior, null, 1)}\n`);
    console.log(`fitted on ${prior.shows} shows, ${prior.spells} waits up to ${prior.dataEnd}; wrote ${PRIOR_FILE}`);
  });

/** Ends the command with the error's message when it is one of `kind`; anything else is a bug and keeps its stack. */
const failOn =
  (kind: new (...args: never[]) => Error) =>
  (error: unknown): never => {
    if (error instanceof kind) fail(error.message);
    throw error;
  };

function fail(message: string, code = 1): never {
  console.error(`nextseason: ${message}`);
  process.exit(code);
}

// Each command's help ends with the environment variables it reads (serve and alerts send name theirs in full).
const DB_ONLY = 'Reads DATABASE_URL (default sqlite:var/nextseason.db).';
const READS: Record<string, string> = {
  migrate: DB_ONLY,
  seed: DB_ONLY,
  import: DB_ONLY,
  export: `${DB_ONLY} SITE_URL for the links in pages and feeds.`,
  backup: DB_ONLY,
  restore: DB_ONLY,
  'user add': DB_ONLY,
  'event add': DB_ONLY,
  'show rename-slug': DB_ONLY,
  'slugs fix': DB_ONLY,
  'news add-feed': DB_ONLY,
  'news fetch': DB_ONLY,
  'comments purge': `${DB_ONLY} COMMENT_RETENTION_DAYS when --days is not given.`,
  sync: `${DB_ONLY} TVMAZE_BASE_URL for --base-url's default.`,
  forecast: 'Reads no environment variable and no database: only the files it is given.',
  backtest: 'Reads DATABASE_URL (default sqlite:var/nextseason.db) unless --history is given.',
  'train-prior': 'Reads no environment variable.',
};
for (const command of program.commands)
  for (const sub of [command, ...command.commands]) {
    const name = sub === command ? command.name() : `${command.name()} ${sub.name()}`;
    if (READS[name]) sub.addHelpText('after', `\n${READS[name]}`);
  }

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof ConfigError) fail(error.message, 2);
  if (error instanceof WrongInputError) fail(error.message, 65);
  if (error instanceof DataFileError) fail(error.message, 65);
  fail(error instanceof Error ? error.message : String(error));
});
