import type { Context } from 'hono';
import { check, followForm } from '../alerts/follow.input.ts';
import { FOLLOWER_PURPOSE } from '../alerts/follow.mails.ts';
import { followerView, followsByFeedKey, followTarget } from '../alerts/follows.queries.ts';
import { confirmFollower, leaveAll, renewFeedKey, requestEmailFollow, setDigest, unfollow } from '../alerts/follows.writes.ts';
import type { AppDeps } from '../app.types.ts';
import { signedId, siteSecret } from '../db/secrets.ts';
import { premieresCalendar, updatesFeed } from '../feeds/feeds.build.ts';
import { feedBody } from '../feeds/feeds.encode.ts';
import { datedPremieres, entryVersions, latestUpdates } from '../feeds/feeds.queries.ts';
import { addressKey, clientAddress } from '../web/client.ts';
import { idParam } from '../web/fields.ts';
import { readForm } from '../web/form.ts';
import { speakerFor } from '../web/lang.context.ts';
import { render } from '../web/render.tsx';
import { MessagePage } from './comments.pages.tsx';
import { FEED_TYPES, type FeedFormat } from './feeds.routes.ts';
import { ManagePage } from './follows.pages.tsx';

// Readers' side of alerts: ask to follow, confirm on a page (a link scanner confirms nothing), manage,
// leave in one click (RFC 8058), and read a private feed. Every page here is the follower's own: never cached.

const PRIVATE = 'private, no-store';

export function followRoutes(deps: AppDeps) {
  const { db, now, siteUrl } = deps;
  const secret = () => siteSecret(db.kysely, 'follow-links');
  const text = (body: Record<string, unknown>, key: string) => (typeof body[key] === 'string' ? (body[key] as string) : '');

  function page(c: Context, props: Parameters<typeof MessagePage>[0], status: 200 | 400 | 404 | 429 = 200) {
    c.header('cache-control', PRIVATE);
    const meta = { title: speakerFor(c).t('follow.page.title', { title: props.title }), description: props.title, noindex: true };
    return render(c, meta, <MessagePage {...props} />, { status });
  }
  const invalidLink = (c: Context) => {
    const { t } = speakerFor(c);
    return page(c, { title: t('follow.invalidLink.title'), message: t('follow.invalidLink.message') }, 400);
  };
  const follower = async (token: string) => signedId(await secret(), FOLLOWER_PURPOSE, token);

  async function managePage(c: Context, token: string, notice?: string) {
    const id = await follower(token);
    const view = id ? await followerView(db.kysely, id) : null;
    if (!view) return invalidLink(c);
    c.header('cache-control', PRIVATE);
    const { t } = speakerFor(c);
    const title = t('follow.manage.heading');
    return render(
      c,
      { title: t('follow.page.title', { title }), description: title, noindex: true },
      <ManagePage view={view} token={token} siteUrl={siteUrl} notice={notice} />,
    );
  }

  return {
    // POST /follows
    async follow(c: Context) {
      const { t } = speakerFor(c);
      const body = await readForm(c);
      const checked = check(followForm, Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string')));
      if (!checked.ok)
        return page(
          c,
          { title: t('follow.notFollowed.title'), message: checked.errors.map((e) => `${e.field}: ${e.message}`).join('; ') },
          400,
        );
      if (!deps.mail) return page(c, { title: t('follow.noMail.title'), message: t('follow.noMail.message') }, 400);
      const target = await followTarget(db.kysely, checked.data);
      if (!target) return page(c, { title: t('follow.notFound.title'), message: t('follow.notFound.message') }, 404);
      const outcome = await requestEmailFollow(
        db.kysely,
        {
          email: checked.data.email,
          target,
          threshold: target.showId ? (checked.data.threshold ?? null) : null,
          ipKey: addressKey(clientAddress(c, deps.trustProxy)),
        },
        { now: now(), siteUrl, secret: await secret() },
      );
      if (outcome.kind === 'limited') {
        c.header('retry-after', String(outcome.retryAfterSeconds));
        return page(c, { title: t('follow.limited.title'), message: t('follow.limited.message') }, 429);
      }
      deps.mail.poke();
      // The same words whether the address is new, known or already following: the page tells no one who follows what.
      return page(c, { title: t('follow.sent.title'), message: t('follow.sent.message', { name: target.name }) });
    },

    // GET /follows/confirm?token= (a page with a button: mail scanners that open links confirm nothing)
    async confirmForm(c: Context) {
      const token = c.req.query('token') ?? '';
      if (!(await follower(token))) return invalidLink(c);
      const { t } = speakerFor(c);
      return page(c, {
        title: t('follow.confirm.title'),
        message: t('follow.confirm.message'),
        action: '/follows/confirm',
        button: t('follow.confirm.button'),
        token,
      });
    },

    // POST /follows/confirm
    async confirm(c: Context) {
      const token = text(await readForm(c), 'token');
      const id = await follower(token);
      if (!id || !(await confirmFollower(db.kysely, id, now()))) return invalidLink(c);
      return managePage(c, token, speakerFor(c).t('follow.confirmed'));
    },

    // GET /follows/manage?token=
    manage: (c: Context) => managePage(c, c.req.query('token') ?? ''),

    // POST /follows/manage (action: unfollow | digest | renew-feed | leave)
    async change(c: Context) {
      const body = await readForm(c);
      const token = text(body, 'token');
      const id = await follower(token);
      if (!id) return invalidLink(c);
      const { t } = speakerFor(c);
      const action = text(body, 'action');
      if (action === 'leave') {
        await leaveAll(db.kysely, id);
        return page(c, { title: t('follow.left.title'), message: t('follow.left.message') });
      }
      if (action === 'unfollow') {
        const follow = idParam(text(body, 'follow'));
        if (follow) await unfollow(db.kysely, id, follow);
        return managePage(c, token, t('follow.stopped'));
      }
      if (action === 'digest' && (text(body, 'digest') === 'daily' || text(body, 'digest') === 'immediate')) {
        await setDigest(db.kysely, id, text(body, 'digest') as 'daily' | 'immediate');
        return managePage(c, token, t('follow.changed'));
      }
      if (action === 'renew-feed') {
        await renewFeedKey(db.kysely, id);
        return managePage(c, token, t('follow.renewed'));
      }
      return page(c, { title: t('follow.nothingChanged.title'), message: t('follow.nothingChanged.message') }, 400);
    },

    // GET /follows/unsubscribe?token=
    async unsubscribeForm(c: Context) {
      const token = c.req.query('token') ?? '';
      if (!(await follower(token))) return invalidLink(c);
      const { t } = speakerFor(c);
      return page(c, {
        title: t('follow.unsubscribe.title'),
        message: t('follow.unsubscribe.message'),
        action: `/follows/unsubscribe?token=${encodeURIComponent(token)}`,
        button: t('follow.unsubscribe.button'),
      });
    },

    // POST /follows/unsubscribe?token= (also RFC 8058 one-click, from the List-Unsubscribe header)
    async unsubscribe(c: Context) {
      const body = await readForm(c);
      const id = await follower(c.req.query('token') ?? text(body, 'token'));
      if (!id) return invalidLink(c);
      await leaveAll(db.kysely, id); // once or twice, the answer is the same
      const { t } = speakerFor(c);
      return page(c, { title: t('follow.unsubscribed.title'), message: t('follow.left.message') });
    },

    // GET /follows/:key/feed.{xml,atom,json}
    feed: (format: FeedFormat) => async (c: Context) => {
      const only = await followsByFeedKey(db.kysely, c.req.param('key') ?? '');
      if (!only) return c.notFound();
      const scope = only.site ? {} : { only };
      const feed = updatesFeed({
        siteUrl,
        title: 'Next Season: what you follow',
        path: `/follows/${c.req.param('key')}`,
        updates: await latestUpdates(db.kysely, scope),
      });
      return c.body(feedBody(feed, format), 200, {
        'content-type': FEED_TYPES[format],
        'cache-control': 'private, max-age=300',
        'x-robots-tag': 'noindex',
      });
    },

    // GET /follows/:key/calendar.ics
    async calendar(c: Context) {
      const only = await followsByFeedKey(db.kysely, c.req.param('key') ?? '');
      if (!only) return c.notFound();
      const premieres = await datedPremieres(db.kysely, only.site ? {} : { only });
      const body = premieresCalendar({
        siteUrl,
        name: 'Next Season: premieres you follow',
        premieres,
        versions: await entryVersions(db.kysely, premieres),
      });
      return c.body(body, 200, {
        'content-type': 'text/calendar; charset=utf-8',
        'cache-control': 'private, max-age=300',
        'x-robots-tag': 'noindex',
      });
    },
  };
}
