import type { Kysely } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { Tally } from '../db/upsert.ts';
import { normalizeText } from '../lang/text.rules.ts';
import { tidyRecord } from './record.rules.ts';
import { writeNewShows } from './show.bulk.ts';
import { ShowIndex } from './show.index.ts';
import type { ImportedShow, Origin } from './show.record.ts';
import { writeShow } from './show.writer.ts';

// Runs one import: records are written in batches, each batch one transaction, so a killed import
// leaves whole batches behind and running it again finishes the job without duplicating anything.

/** A record that cannot be imported, with where and why. */
export interface Problem {
  location: string;
  field: string | null;
  reason: string;
}

/** A record or a problem; `cursor` marks how far through its input it is (for resuming). */
export type ImportItem = ({ record: ImportedShow } | { problem: Problem }) & { cursor?: number };

/** A file that is not what the importer reads; refused before anything is written. */
export class WrongInputError extends Error {
  readonly code = 'wrong_input';
}

export interface ImportSummary {
  runId: number;
  tally: Tally;
  records: number;
  skipped: number;
  problems: Problem[];
}

export interface Progress {
  tick(records: number): void;
  done(): void;
}

/** Every source's record tidied the same way before it is matched or written; one left without a title is a problem. */
function tidied(item: ImportItem): ImportItem {
  if (!('record' in item)) return item;
  const record = tidyRecord(item.record);
  if (record.title) return { ...item, record };
  return { problem: { location: record.location, field: 'title', reason: 'is empty' }, cursor: item.cursor };
}

function recordKeys(rec: ImportedShow): string[] {
  const keys = [`title:${normalizeText(rec.title)}`];
  for (const [k, v] of Object.entries(rec.ids)) if (v !== null && v !== undefined) keys.push(`${k}:${v}`);
  return keys;
}

export async function runImport({
  db,
  origin,
  input,
  items,
  now,
  batchSize = 200,
  progress,
  afterBatch,
}: {
  db: Db;
  origin: Origin;
  input: string;
  items: AsyncIterable<ImportItem>;
  now: Date;
  batchSize?: number;
  progress?: Progress;
  /** Runs inside each batch's transaction, after its writes: where a resumable import saves its place. */
  afterBatch?: (trx: Kysely<Database>, items: ImportItem[]) => Promise<void>;
}): Promise<ImportSummary> {
  const stamp = now.toISOString();
  const run = await db.kysely
    .insertInto('import_runs')
    .values({ importer: origin, input, started_at: stamp, status: 'running' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const tally = new Tally();
  const problems: Problem[] = [];
  const platforms = new Map<string, number>();
  const figures = new Set<string>();
  let records = 0;
  let batch: ImportItem[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    const items = batch;
    batch = [];
    await db.kysely.transaction().execute(async (trx) => {
      const index = await ShowIndex.forBatch(
        trx,
        items.flatMap((item) => ('record' in item ? [item.record] : [])),
      );
      const ctx = { db: trx, index, origin, stamp, tally, platforms, figures };
      // New shows go in set-based; the rest (matches, and anything that might collide within the batch) one by one.
      const fresh: ImportedShow[] = [];
      const rest: ImportItem[] = [];
      const keys = new Set<string>();
      for (const item of items) {
        const rec = 'record' in item ? item.record : null;
        const recKeys = rec ? recordKeys(rec) : [];
        if (
          rec &&
          // Popularity figures are written by the merge alone, so the two paths cannot differ on them.
          !rec.top10?.length &&
          !rec.engagement?.length &&
          !recKeys.some((k) => keys.has(k)) &&
          index.match({ ids: rec.ids, title: rec.title, country: rec.country ?? null, years: rec.years ?? null }).kind === 'new'
        ) {
          fresh.push(rec);
        } else rest.push(item);
        for (const k of recKeys) keys.add(k);
      }
      await writeNewShows(ctx, { db: trx, engine: db.engine }, fresh);
      for (const item of rest) {
        const problem = 'problem' in item ? item.problem : null;
        if (problem) {
          problems.push(problem);
          await trx
            .insertInto('import_problems')
            .values({ run_id: run.id, location: problem.location, field: problem.field, reason: problem.reason })
            .execute();
          continue;
        }
        const rec = (item as { record: ImportedShow }).record;
        const result = await writeShow(ctx, rec);
        if (!result.ok) {
          const p = { location: rec.location, field: result.field, reason: result.reason };
          problems.push(p);
          await trx
            .insertInto('import_problems')
            .values({ run_id: run.id, location: p.location, field: p.field, reason: p.reason })
            .execute();
        }
      }
      await afterBatch?.(trx, items);
    });
    progress?.tick(records);
  };

  // One batch is written while the next is read, so parsing overlaps the database's work (PostgreSQL's runs
  // in its own process); batches still commit one after another, in order.
  let writing: Promise<void> = Promise.resolve();
  try {
    for await (const raw of items) {
      const item = tidied(raw);
      if ('record' in item) records += 1;
      batch.push(item);
      if (batch.length >= batchSize) {
        await writing;
        writing = flush();
        writing.catch(() => {}); // awaited before the next batch or at the end; this only keeps it from counting as unhandled
      }
    }
    await writing;
    await flush();
  } catch (error) {
    await writing.catch(() => {}); // a batch in flight finishes (or fails) before the run is marked failed
    await db.kysely
      .updateTable('import_runs')
      .set({ status: 'failed', finished_at: new Date().toISOString() })
      .where('id', '=', run.id)
      .execute();
    throw error;
  } finally {
    progress?.done();
  }
  await db.kysely
    .updateTable('import_runs')
    .set({
      status: 'done',
      finished_at: new Date().toISOString(),
      inserted: tally.total('inserted'),
      updated: tally.total('updated'),
      unchanged: tally.total('unchanged'),
      skipped: problems.length,
    })
    .where('id', '=', run.id)
    .execute();
  return { runId: run.id, tally, records, skipped: problems.length, problems };
}
