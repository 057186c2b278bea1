import {
  type Kysely,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  sql,
  type UnknownRow,
} from 'kysely';
import type { Database } from './schema.ts';

// How caches know the catalogue changed: this process counts its own writes (a Kysely plugin sees every
// insert, update and delete once it has run), and the database's revision catches other processes.

const WRITES = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode', 'MergeQueryNode']);

export class WriteCounter implements KyselyPlugin {
  count = 0;
  private readonly pending = new WeakSet<object>();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const raw = args.node.kind === 'RawNode' && /^\s*(insert|update|delete)\b/i.test((args.node.sqlFragments ?? []).join(' '));
    if (WRITES.has(args.node.kind) || raw) this.pending.add(args.queryId);
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (this.pending.has(args.queryId)) this.count += 1;
    return args.result;
  }
}

/** What the catalogue looks like from the database: changes when any process writes a show, season, event or comment. */
export async function databaseRevision(db: Kysely<Database>): Promise<string> {
  const row = await sql<{
    shows: string | null;
    n: number;
    events: number;
    seasons: number;
    retracted: string | null;
    comments: string | null;
  }>`
    select (select max(updated_at) from shows) as shows, (select count(*) from shows) as n,
           (select count(*) from status_events) as events, (select count(*) from seasons) as seasons,
           (select max(retracted_at) from status_events) as retracted, (select max(updated_at) from comments) as comments`.execute(db);
  const r = row.rows[0];
  return `${r?.shows}|${r?.n}|${r?.events}|${r?.seasons}|${r?.retracted}|${r?.comments}`;
}
