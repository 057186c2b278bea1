import { serve as serveHttp } from '@hono/node-server';
import { Command } from 'commander';
import { countShows } from './catalog/shows.queries.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { importStarterCatalogue } from './importers/starter/starter.import.ts';
import { DataFileError, loadStarterCatalogue } from './importers/starter/starter.load.ts';
import { buildApp } from './server.ts';
import { refreshAllStatuses } from './status/events.queries.ts';

const program = new Command('nextseason').description('Will there be another season, and when?').showHelpAfterError();

program
  .command('serve')
  .description('migrate the database, load the starter catalogue into an empty one, and serve the site')
  .action(async () => {
    const started = performance.now();
    const config = loadConfig();
    const db = await openDatabase(config.database);
    const { applied } = await migrate(db);
    if (applied.length > 0) console.log(`migrated: ${applied.join(', ')}`);
    if ((await countShows(db.kysely)) === 0) {
      const tally = await importStarterCatalogue(db, loadStarterCatalogue(), new Date());
      console.log(`loaded the starter catalogue: ${tally.counts.get('shows')?.inserted ?? 0} shows`);
    }
    await refreshAllStatuses(db.kysely, new Date().toISOString().slice(0, 10));
    const app = buildApp({ db, siteUrl: config.siteUrl, now: () => new Date() });
    const server = serveHttp({ fetch: app.fetch, port: config.port, hostname: config.host });
    server.once('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'EADDRINUSE' ? `port ${config.port} is in use; set PORT to a free port` : error.message;
      fail(`cannot listen on ${config.host}:${config.port}: ${reason}`);
    });
    server.once('listening', () => {
      const engine = config.database.engine === 'sqlite' ? `SQLite ${config.database.file}` : 'PostgreSQL';
      console.log(`Next Season is running at ${config.siteUrl}/ (${engine}; ready in ${Math.round(performance.now() - started)} ms)`);
      console.log(`Open ${config.siteUrl}/shows/somos to see a show page.`);
    });
    const stop = () => server.close(() => db.close().then(() => process.exit(0)));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    const db = await openDatabase(loadConfig().database);
    const { applied, version } = await migrate(db);
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
    await migrate(db);
    const tally = await importStarterCatalogue(db, loadStarterCatalogue(), new Date());
    console.log(tally.summary());
    console.log(tally.total('inserted') + tally.total('updated') === 0 ? 'nothing changed' : 'starter catalogue loaded');
    await db.close();
  });

function fail(message: string, code = 1): never {
  console.error(`nextseason: ${message}`);
  process.exit(code);
}

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof ConfigError) fail(error.message, 2);
  if (error instanceof DataFileError) fail(error.message, 65);
  fail(error instanceof Error ? error.message : String(error));
});
