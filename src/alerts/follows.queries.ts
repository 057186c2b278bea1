import type { Kysely } from 'kysely';
import type { Database, FollowerStatus } from '../db/schema.ts';
import type { FollowTarget } from './follows.writes.ts';

// Reading followers: for their own management page and API answer, and for their private feeds.

export interface FollowView {
  id: number;
  target: string;
  name: string;
  slug: string | null;
  threshold: number | null;
  confirmed: boolean;
}

export interface FollowerView {
  id: number;
  channel: 'email' | 'webhook';
  /** The follower's own address or URL: shown to its owner only. */
  address: string;
  status: FollowerStatus;
  digest: 'immediate' | 'daily';
  disabledReason: string | null;
  feedKey: string;
  follows: FollowView[];
  /** Alerts given up on, with the last error of the latest. */
  deadLetters: { count: number; lastError: string | null };
}

/** What a follow form or API call names, checked against the catalogue; null when it names nothing. */
export async function followTarget(db: Kysely<Database>, t: { show?: string; platform?: string }): Promise<FollowTarget | null> {
  if (t.show) {
    const s = await db.selectFrom('shows').select(['id', 'title']).where('slug', '=', t.show).executeTakeFirst();
    return s ? { target: `show:${s.id}`, showId: s.id, platformId: null, name: s.title } : null;
  }
  if (t.platform) {
    const p = await db.selectFrom('platforms').select(['id', 'name']).where('slug', '=', t.platform).executeTakeFirst();
    return p ? { target: `platform:${p.id}`, showId: null, platformId: p.id, name: `every show on ${p.name}` } : null;
  }
  return { target: 'site', showId: null, platformId: null, name: 'every show' };
}

export async function followerView(db: Kysely<Database>, id: number): Promise<FollowerView | null> {
  const f = await db.selectFrom('followers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!f) return null;
  const follows = await db
    .selectFrom('follows as w')
    .leftJoin('shows as s', 's.id', 'w.show_id')
    .leftJoin('platforms as p', 'p.id', 'w.platform_id')
    .select(['w.id', 'w.target', 'w.threshold', 'w.confirmed_at', 's.title', 's.slug', 'p.name as platform'])
    .where('w.follower_id', '=', id)
    .orderBy('w.id')
    .execute();
  const dead = await db
    .selectFrom('alert_outbox')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('id').as('latest')])
    .where('follower_id', '=', id)
    .where('dead_at', 'is not', null)
    .executeTakeFirstOrThrow();
  const lastError = dead.latest
    ? ((await db.selectFrom('alert_outbox').select('last_error').where('id', '=', Number(dead.latest)).executeTakeFirst())?.last_error ??
      null)
    : null;
  return {
    id: f.id,
    channel: f.channel,
    address: (f.channel === 'email' ? f.email : f.url) ?? '',
    status: f.status,
    digest: f.digest,
    disabledReason: f.disabled_reason,
    feedKey: f.feed_key,
    follows: follows.map((w) => ({
      id: w.id,
      target: w.target,
      name: w.title ?? (w.platform ? `every show on ${w.platform}` : 'every show'),
      slug: w.slug,
      threshold: w.threshold,
      confirmed: w.confirmed_at !== null,
    })),
    deadLetters: { count: Number(dead.n), lastError },
  };
}

export interface FeedFollows {
  followerId: number;
  site: boolean;
  showIds: number[];
  platformIds: number[];
}

/** What a private feed URL covers: the confirmed follows of an active follower; null when the key is unknown or revoked. */
export async function followsByFeedKey(db: Kysely<Database>, key: string): Promise<FeedFollows | null> {
  // Keys are base64url: anything else (a NUL byte PostgreSQL would refuse) is simply not one.
  if (!/^[\w-]{1,64}$/.test(key)) return null;
  const f = await db.selectFrom('followers').select(['id', 'status']).where('feed_key', '=', key).executeTakeFirst();
  if (!f || f.status === 'unconfirmed') return null;
  const follows = await db
    .selectFrom('follows')
    .select(['target', 'show_id', 'platform_id'])
    .where('follower_id', '=', f.id)
    .where('confirmed_at', 'is not', null)
    .execute();
  return {
    followerId: f.id,
    site: follows.some((w) => w.target === 'site'),
    showIds: follows.flatMap((w) => (w.show_id ? [w.show_id] : [])),
    platformIds: follows.flatMap((w) => (w.platform_id ? [w.platform_id] : [])),
  };
}
