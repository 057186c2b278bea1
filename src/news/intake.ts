import type { Db } from '../db/database.ts';
import { normalizeText } from '../lang/text.rules.ts';
import { safeHttpUrl } from '../web/urls.ts';
import { type FetchResult, fetchFeed } from './feed.fetch.ts';
import { readFeed, UnreadableFeedError } from './feed.read.ts';
import { classify, showsNamed, type TitleEntry } from './news.rules.ts';

// The news job: fetch each feed that is due, keep its new items, and propose candidate events
// for the review queue. Nothing here changes a show's status.

export interface IntakeOptions {
  now: Date;
  userAgent: string;
  force?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
}

export interface FeedReport {
  feed: string;
  result: string;
  newItems: number;
  candidates: number;
}

async function titleEntries(db: Db): Promise<TitleEntry[]> {
  const [shows, aliases] = await Promise.all([
    db.kysely.selectFrom('shows').select(['id', 'title', 'original_title']).execute(),
    db.kysely.selectFrom('show_aliases').select(['show_id', 'alias']).execute(),
  ]);
  const entries: TitleEntry[] = [];
  const add = (showId: number, title: string | null) => {
    if (title) entries.push({ showId, title, normalized: normalizeText(title) });
  };
  for (const s of shows) {
    add(s.id, s.title);
    if (s.original_title !== s.title) add(s.id, s.original_title);
  }
  for (const a of aliases) add(a.show_id, a.alias);
  return entries;
}

export async function runIntake(db: Db, o: IntakeOptions): Promise<FeedReport[]> {
  const feeds = await db.kysely.selectFrom('feeds').selectAll().where('enabled', '=', 1).orderBy('id').execute();
  const due = feeds.filter(
    (f) => o.force || !f.last_fetched_at || o.now.getTime() - Date.parse(f.last_fetched_at) >= f.interval_minutes * 60_000,
  );
  if (due.length === 0) return [];
  const titles = await titleEntries(db);
  const stamp = o.now.toISOString();
  const reports: FeedReport[] = [];
  for (const feed of due) {
    const feedUrl = safeHttpUrl(feed.url);
    const fetched: FetchResult = feedUrl
      ? await fetchFeed(feedUrl, {
          etag: feed.etag,
          lastModified: feed.last_modified,
          userAgent: o.userAgent,
          timeoutMs: o.timeoutMs,
          maxBytes: o.maxBytes,
        })
      : { kind: 'error', reason: 'the feed URL is not an http(s) URL' };
    const report: FeedReport = { feed: feed.name, result: '', newItems: 0, candidates: 0 };
    let etag = feed.etag;
    let lastModified = feed.last_modified;
    if (fetched.kind === 'not_modified') report.result = 'not modified';
    else if (fetched.kind === 'error') report.result = `error: ${fetched.reason}`;
    else {
      try {
        const items = readFeed(fetched.body);
        ({ etag, lastModified } = fetched);
        await db.kysely.transaction().execute(async (trx) => {
          for (const item of items) {
            const { title, guid } = item;
            if (!title || !guid) continue;
            const exists = await trx
              .selectFrom('feed_items')
              .select('id')
              .where('feed_id', '=', feed.id)
              .where('guid', '=', guid)
              .executeTakeFirst();
            if (exists) continue;
            const { id } = await trx
              .insertInto('feed_items')
              .values({
                feed_id: feed.id,
                guid,
                url: safeHttpUrl(item.link), // a javascript: or data: link is dropped; the item stays
                title,
                summary: item.summary?.slice(0, 2000) ?? null,
                published_at: item.published,
                fetched_at: stamp,
              })
              .returning('id')
              .executeTakeFirstOrThrow();
            report.newItems += 1;
            const news = classify(title);
            if (!news) continue;
            for (const showId of showsNamed(title, titles)) {
              await trx
                .insertInto('candidates')
                .values({
                  feed_item_id: id,
                  show_id: showId,
                  kind: news.kind,
                  season_number: news.season,
                  announced_date: news.announced?.date ?? null,
                  announced_precision: news.announced?.precision ?? null,
                  created_at: stamp,
                })
                .execute();
              report.candidates += 1;
            }
          }
        });
        report.result = 'ok';
      } catch (error) {
        const why = (error as Error).message.split('\n')[0];
        report.result =
          error instanceof UnreadableFeedError ? `error: not a readable feed (${why})` : `error: its items were not kept (${why})`;
      }
    }
    await db.kysely
      .updateTable('feeds')
      .set({ etag, last_modified: lastModified, last_fetched_at: stamp, last_result: report.result })
      .where('id', '=', feed.id)
      .execute();
    reports.push(report);
  }
  return reports;
}
