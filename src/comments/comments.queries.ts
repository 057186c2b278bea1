import type { Kysely, Selectable } from 'kysely';
import type { CommentStatus, CommentsTable, Database } from '../db/schema.ts';
import { safeHttpUrl } from '../web/urls.ts';
import { renderComment } from './markdown.ts';

// Reading comments. Public readers get published comments only, and never an email or IP address.

export interface PublicComment {
  id: number;
  name: string;
  website: string | null;
  html: string;
  spoiler: boolean;
  season: number | null;
  parentId: number | null;
  replyingTo: string | null;
  createdAt: string;
  editedAt: string | null;
  /** A thread's first comment that is not shown (taken down, or held after reports); kept so its replies still read in order. */
  removed: false | 'removed' | 'under review';
  replies: PublicComment[];
}

export type CommentOrder = 'oldest' | 'newest';
export const THREADS_PER_PAGE = 50;

export interface Thread {
  total: number;
  threads: number;
  comments: PublicComment[];
}

const PUBLIC_COLUMNS = [
  'id',
  'author_name',
  'author_url',
  'body',
  'spoiler',
  'season_number',
  'parent_id',
  'root_id',
  'published_at',
  'created_at',
  'edited_at',
  'status',
] as const;

type Row = Pick<Selectable<CommentsTable>, (typeof PUBLIC_COLUMNS)[number]>;

function publicComment(r: Row, replyingTo: string | null): PublicComment {
  if (r.status !== 'published') {
    const createdAt = r.created_at;
    return {
      id: r.id,
      name: '',
      website: null,
      html: '',
      spoiler: false,
      season: r.season_number,
      parentId: null,
      replyingTo: null,
      createdAt,
      editedAt: null,
      removed: r.status === 'pending' ? 'under review' : 'removed',
      replies: [],
    };
  }
  return {
    id: r.id,
    name: r.author_name,
    website: safeHttpUrl(r.author_url), // checked again: stored data is not trusted
    html: renderComment(r.body),
    spoiler: r.spoiler === 1,
    season: r.season_number,
    parentId: r.parent_id,
    replyingTo,
    createdAt: r.published_at ?? '',
    editedAt: r.edited_at,
    removed: false,
    replies: [],
  };
}

/** Published comments on a show (or one season of it), threads paged, replies oldest first under each. */
export async function loadThread(
  db: Kysely<Database>,
  showId: number,
  { season, order, page }: { season: number | null; order: CommentOrder; page: number },
): Promise<Thread> {
  const base = db
    .selectFrom('comments as c')
    .where('c.show_id', '=', showId)
    .$if(season !== null, (q) => q.where('c.season_number', '=', season));
  const published = base.where('c.status', '=', 'published');
  // Threads: published first comments, and removed ones that still have published replies.
  const threads = base
    .where('c.root_id', 'is', null)
    .where((eb) =>
      eb.or([
        eb('c.status', '=', 'published'),
        eb.exists(eb.selectFrom('comments as r').select('r.id').whereRef('r.root_id', '=', 'c.id').where('r.status', '=', 'published')),
      ]),
    );
  const [total, threadCount, roots] = await Promise.all([
    published.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    threads.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    threads
      .select(PUBLIC_COLUMNS.map((k) => `c.${k}` as const))
      .orderBy('c.created_at', order === 'newest' ? 'desc' : 'asc')
      .orderBy('c.id', order === 'newest' ? 'desc' : 'asc')
      .limit(THREADS_PER_PAGE)
      .offset((page - 1) * THREADS_PER_PAGE)
      .execute(),
  ]);
  const replies = roots.length
    ? await published
        .select(PUBLIC_COLUMNS.map((k) => `c.${k}` as const))
        .where(
          'c.root_id',
          'in',
          roots.map((r) => r.id),
        )
        .orderBy('c.published_at')
        .orderBy('c.id')
        .execute()
    : [];
  const names = new Map([...roots, ...replies].filter((r) => r.status === 'published').map((r) => [r.id, r.author_name]));
  const toPublic = (r: Row) =>
    publicComment(r, r.parent_id !== null && r.parent_id !== r.root_id ? (names.get(r.parent_id) ?? null) : null);
  const byRoot = new Map<number, PublicComment>();
  const comments = roots.map((r) => {
    const c = toPublic(r);
    byRoot.set(c.id, c);
    return c;
  });
  for (const r of replies) byRoot.get(r.root_id as number)?.replies.push(toPublic(r));
  return { total: Number(total.n), threads: Number(threadCount.n), comments };
}

/** Published comments per season of a show (null: about the show as a whole). */
export async function commentCounts(db: Kysely<Database>, showId: number): Promise<{ season: number | null; n: number }[]> {
  const rows = await db
    .selectFrom('comments')
    .select(['season_number', (eb) => eb.fn.countAll<number>().as('n')])
    .where('show_id', '=', showId)
    .where('status', '=', 'published')
    .groupBy('season_number')
    .execute();
  return rows.map((r) => ({ season: r.season_number, n: Number(r.n) }));
}

export async function publishedComment(db: Kysely<Database>, id: number): Promise<PublicComment | null> {
  const r = await db
    .selectFrom('comments')
    .select(PUBLIC_COLUMNS)
    .where('id', '=', id)
    .where('status', '=', 'published')
    .executeTakeFirst();
  if (!r) return null;
  const parent =
    r.parent_id !== null && r.parent_id !== r.root_id
      ? await db.selectFrom('comments').select('author_name').where('id', '=', r.parent_id).executeTakeFirst()
      : undefined;
  return publicComment(r, parent?.author_name ?? null);
}

/** The newest published comments on a show, replies included, for its comment feeds. */
/** A comment's text as stored, whatever its status, for a moderator to edit. */
export async function commentBody(db: Kysely<Database>, id: number) {
  return db.selectFrom('comments').select(['id', 'body']).where('id', '=', id).executeTakeFirst();
}

export async function latestComments(db: Kysely<Database>, showId: number, limit = 50): Promise<PublicComment[]> {
  const rows = await db
    .selectFrom('comments as c')
    .leftJoin('comments as p', (j) => j.onRef('p.id', '=', 'c.parent_id').on('p.status', '=', 'published'))
    .select([...PUBLIC_COLUMNS.map((k) => `c.${k}` as const), 'p.author_name as parent_name'])
    .where('c.show_id', '=', showId)
    .where('c.status', '=', 'published')
    .orderBy('c.published_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => publicComment(r, r.parent_name));
}

export type QueueFilter = CommentStatus | 'reported';

/**
 * The moderators' view: everything about a comment, including the address it came from. The waiting come
 * oldest first, the rest newest first; `offset` and `limit` take one page of that order.
 */
export async function moderationQueue(db: Kysely<Database>, filter: QueueFilter, { limit = 100, offset = 0 } = {}) {
  let q = db
    .selectFrom('comments as c')
    .innerJoin('shows as s', 's.id', 'c.show_id')
    .select([
      'c.id',
      'c.author_name',
      'c.author_email',
      'c.author_url',
      'c.body',
      'c.spoiler',
      'c.status',
      'c.status_reason',
      'c.ip',
      'c.season_number',
      'c.parent_id',
      'c.created_at',
      'c.edited_at',
      's.slug',
      's.title',
    ]);
  q =
    filter === 'reported'
      ? q.where((eb) =>
          eb.exists(
            eb.selectFrom('comment_reports as r').select('r.id').whereRef('r.comment_id', '=', 'c.id').where('r.resolved_at', 'is', null),
          ),
        )
      : q.where('c.status', '=', filter);
  const order = filter === 'pending' ? 'asc' : 'desc';
  const rows = await q.orderBy('c.created_at', order).orderBy('c.id', order).limit(limit).offset(offset).execute();
  // Open reports per comment, by reason: "abuse ×2, spam".
  const open = rows.length
    ? await db
        .selectFrom('comment_reports')
        .select(['comment_id', 'reason', (eb) => eb.fn.countAll<number>().as('n')])
        .where(
          'comment_id',
          'in',
          rows.map((r) => r.id),
        )
        .where('resolved_at', 'is', null)
        .groupBy(['comment_id', 'reason'])
        .orderBy('reason')
        .execute()
    : [];
  return rows.map((r) => {
    const mine = open.filter((o) => o.comment_id === r.id);
    return {
      ...r,
      reports: mine.reduce((sum, o) => sum + Number(o.n), 0),
      reportReasons: mine.map((o) => (Number(o.n) > 1 ? `${o.reason} ×${o.n}` : o.reason)).join(', '),
      html: renderComment(r.body),
    };
  });
}
export type QueueRow = Awaited<ReturnType<typeof moderationQueue>>[number];

export async function queueCounts(db: Kysely<Database>): Promise<Record<QueueFilter, number>> {
  const rows = await db
    .selectFrom('comments')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const reported = await db
    .selectFrom('comment_reports')
    .select((eb) => eb.fn.count<number>('comment_id').distinct().as('n'))
    .where('resolved_at', 'is', null)
    .executeTakeFirstOrThrow();
  const counts: Record<QueueFilter, number> = { pending: 0, published: 0, hidden: 0, spam: 0, deleted: 0, reported: Number(reported.n) };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

export async function listBans(db: Kysely<Database>) {
  return db.selectFrom('comment_bans').selectAll().where('lifted_at', 'is', null).orderBy('id', 'desc').execute();
}
