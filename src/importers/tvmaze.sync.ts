import type { Kysely } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { type ImportItem, type ImportSummary, type Progress, runImport } from './import.run.ts';
import type { TvmazeClient, TvmazeError } from './tvmaze.client.ts';
import { invalidShow, mapShow, type TvmazeShow } from './tvmaze.map.ts';

// `nextseason sync tvmaze`: asks TVmaze which shows changed, then fetches each with its episodes and
// seasons. The work list and the place reached are saved with every batch, so a stopped sync resumes.

const STATE = 'tvmaze';

interface SyncState {
  queue: Array<[number, number]>;
  position: number;
  lastCompleted: string | null;
  /** Shows that could not be fetched: tried again by the next sync. */
  retry?: number[];
}

async function loadState(db: Kysely<Database>): Promise<SyncState> {
  const row = await db.selectFrom('sync_state').select('value').where('name', '=', STATE).executeTakeFirst();
  return row ? (JSON.parse(row.value) as SyncState) : { queue: [], position: 0, lastCompleted: null };
}

/** One row per sync, written in place (one statement on either engine, so two writers cannot both insert it). */
async function saveState(db: Kysely<Database>, state: SyncState, now: Date): Promise<void> {
  const row = { name: STATE, value: JSON.stringify(state), updated_at: now.toISOString() };
  await db
    .insertInto('sync_state')
    .values(row)
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: row.value, updated_at: row.updated_at }))
    .execute();
}

/** TVmaze's narrowest updates window that still covers `since`. */
export function updatesWindow(since: Date | null, now: Date): 'day' | 'week' | 'month' | undefined {
  if (!since) return undefined;
  const age = now.getTime() - since.getTime();
  if (age <= 86_400_000) return 'day';
  if (age <= 7 * 86_400_000) return 'week';
  if (age <= 30 * 86_400_000) return 'month';
  return undefined;
}

export interface SyncResult extends ImportSummary {
  resumed: boolean;
  queued: number;
  remaining: number;
  /** Shows that failed and wait for the next sync. */
  retrying: number;
}

export async function syncTvmaze({
  db,
  client,
  since,
  now,
  limit,
  progress,
}: {
  db: Db;
  client: TvmazeClient;
  since: Date | null;
  now: Date;
  limit?: number;
  progress?: Progress;
}): Promise<SyncResult> {
  let state = await loadState(db.kysely);
  const resumed = state.position < state.queue.length;
  if (!resumed) {
    // Without --since, pick up from the last completed sync.
    since ??= state.lastCompleted ? new Date(state.lastCompleted) : null;
    const updates = await client.updates(updatesWindow(since, now));
    const from = since ? Math.floor(since.getTime() / 1000) : 0;
    const known = new Map(
      (
        await db.kysely
          .selectFrom('show_sources')
          .innerJoin('shows', 'shows.id', 'show_sources.show_id')
          .select(['shows.tvmaze_id', 'show_sources.version'])
          .where('origin', '=', 'tvmaze')
          .execute()
      ).map((r) => [r.tvmaze_id, Number(r.version)]),
    );
    // Only shows changed since the last look: a show already at this version needs no call.
    const changed = Object.entries(updates)
      .map(([id, updated]) => [Number(id), Number(updated)] as [number, number])
      .filter(([id, updated]) => Number.isInteger(id) && updated >= from && (known.get(id) ?? -1) < updated);
    const retry = (state.retry ?? []).filter((id) => !changed.some(([c]) => c === id)).map((id) => [id, 0] as [number, number]);
    const queue = [...changed, ...retry].sort((a, b) => a[0] - b[0]);
    state = { queue, position: 0, lastCompleted: state.lastCompleted, retry: [] };
    await saveState(db.kysely, state, now);
  }
  const start = state.position;
  const end = limit === undefined ? state.queue.length : Math.min(state.queue.length, start + limit);

  async function* items(): AsyncIterable<ImportItem> {
    for (let i = start; i < end; i++) {
      const [id] = state.queue[i] as [number, number];
      const location = `tvmaze show ${id}`;
      let show: unknown;
      try {
        show = await client.show(id);
      } catch (error) {
        if ((error as TvmazeError).status !== 404) state.retry = [...(state.retry ?? []), id];
        yield { problem: { location, field: null, reason: (error as Error).message }, cursor: i + 1 };
        continue;
      }
      const problem = invalidShow(show);
      if (problem) yield { problem: { location, field: null, reason: problem }, cursor: i + 1 };
      else yield { record: mapShow(show as TvmazeShow, location), cursor: i + 1 };
    }
  }

  const summary = await runImport({
    db,
    origin: 'tvmaze',
    input: `sync tvmaze${since ? ` since ${since.toISOString().slice(0, 10)}` : ''}`,
    items: items(),
    now,
    batchSize: 10,
    ...(progress ? { progress } : {}),
    afterBatch: async (trx, batch) => {
      const cursor = Math.max(...batch.map((b) => b.cursor ?? 0));
      state.position = cursor;
      if (cursor >= state.queue.length) state = { queue: [], position: 0, lastCompleted: now.toISOString(), retry: state.retry ?? [] };
      await saveState(trx, state, now);
    },
  });
  return {
    ...summary,
    resumed,
    queued: state.queue.length,
    remaining: state.queue.length - state.position,
    retrying: state.retry?.length ?? 0,
  };
}
