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

// Writes no public page shows: they must not empty the page cache or retrain the forecaster.
const PRIVATE = new Set([
  'users',
  'sessions',
  'login_failures',
  'audit_log',
  'mail_outbox',
  'comment_subscriptions',
  'comment_reports',
  'site_secrets',
  'comment_bans',
  'comment_authors',
  'used_form_tokens',
  'followers',
  'follows',
  'follow_requests',
  'alert_outbox',
  'job_runs',
]);
// Reader comments appear on pages but say nothing about the catalogue.
const COMMENTS = new Set(['comments']);

/** The table a write goes to, from Kysely's query tree (or the SQL text of a raw query). */
function tableOf(node: RootOperationNode): string | null {
  const n = node as unknown as Record<string, any>;
  const table = n.into ?? n.table ?? n.from?.froms?.[0];
  const named = table?.kind === 'AliasNode' ? table.node : table;
  if (named?.kind === 'TableNode') return named.table.identifier.name as string;
  if (node.kind === 'RawNode')
    return /^\s*(?:insert\s+into|update|delete\s+from)\s+"?(\w+)/i.exec(node.sqlFragments.join(' '))?.[1] ?? null;
  return null;
}

export class WriteCounter implements KyselyPlugin {
  /** Writes to anything a public page shows. */
  count = 0;
  /** Writes to the catalogue itself (shows, seasons, events …), not counting comments. */
  catalogue = 0;
  private readonly pending = new WeakMap<object, string | null>();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const raw = args.node.kind === 'RawNode' && /^\s*(insert|update|delete)\b/i.test((args.node.sqlFragments ?? []).join(' '));
    if (WRITES.has(args.node.kind) || raw) this.pending.set(args.queryId, tableOf(args.node));
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (this.pending.has(args.queryId)) {
      const table = this.pending.get(args.queryId) ?? null;
      if (table === null || !PRIVATE.has(table)) this.count += 1;
      if (table === null || (!PRIVATE.has(table) && !COMMENTS.has(table))) this.catalogue += 1;
    }
    return args.result;
  }
}

/** What the catalogue looks like from the database: changes when any process writes a show, season, event or comment. */
export async function databaseRevision(db: Kysely<Database>, { comments = true } = {}): Promise<string> {
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
           (select max(retracted_at) from status_events) as retracted,
           ${comments ? sql`(select max(updated_at) from comments)` : sql`null`} as comments`.execute(db);
  const r = row.rows[0];
  return `${r?.shows}|${r?.n}|${r?.events}|${r?.seasons}|${r?.retracted}|${r?.comments}`;
}
