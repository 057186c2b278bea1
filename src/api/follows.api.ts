import type { Context } from 'hono';
import { PINGS_PER_HOUR, queuePing } from '../alerts/alerts.queue.ts';
import { check, webhookFollow } from '../alerts/follow.input.ts';
import { FOLLOWER_PURPOSE, followLinks } from '../alerts/follow.mails.ts';
import { type FollowerView, followerView, followTarget } from '../alerts/follows.queries.ts';
import { createWebhookFollower, enableFollower, leaveAll } from '../alerts/follows.writes.ts';
import { webhookUrlProblem } from '../alerts/webhook.address.ts';
import type { AppDeps } from '../app.types.ts';
import { signedId, siteSecret } from '../db/secrets.ts';
import { addressKey, clientAddress } from '../web/client.ts';
import { problem } from '../web/problem.ts';

// Webhook followers through the API: register (the signing secret is shown once), see the endpoint's state
// and why it was stopped, send a test ping, start it again, leave. The token from registration is the key.

export function followsApi(deps: AppDeps) {
  const { db, now, siteUrl } = deps;
  const secret = () => siteSecret(db.kysely, 'follow-links');

  const describe = (view: FollowerView) => ({
    id: view.id,
    url: view.address,
    status: view.status,
    disabledReason: view.disabledReason,
    deadLetters: view.deadLetters,
    follows: view.follows.map((w) => ({ target: w.target, name: w.name, show: w.slug, threshold: w.threshold })),
    feeds: Object.fromEntries(
      ['feed.xml', 'feed.atom', 'feed.json', 'calendar.ics'].map((f) => [f.replace('.', '_'), `${siteUrl}/follows/${view.feedKey}/${f}`]),
    ),
  });

  /** The follower a bearer token names, or a problem answer. */
  async function owner(c: Context): Promise<FollowerView | Response> {
    c.header('cache-control', 'private, no-store');
    const token = /^Bearer (\S+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    if (!token) return problem(c, 401, 'Unauthorized', 'send the token from registration as "Authorization: Bearer TOKEN"');
    const id = signedId(await secret(), FOLLOWER_PURPOSE, token);
    const view = id ? await followerView(db.kysely, id) : null;
    if (view?.channel !== 'webhook') return problem(c, 401, 'Unauthorized', 'the token names no webhook endpoint');
    return view;
  }

  return {
    // POST /api/follows
    async create(c: Context) {
      const body = await c.req.json().catch(() => undefined);
      const checked = check(webhookFollow, body);
      if (!checked.ok)
        return problem(c, 400, 'Invalid follow', checked.errors.map((e) => `${e.field}: ${e.message}`).join('; '), checked.errors);
      const refused = await webhookUrlProblem(checked.data.url, deps.allowPrivateWebhooks ?? false);
      if (refused) return problem(c, 400, 'Invalid follow', `url: ${refused}`, [{ field: 'url', message: refused }]);
      const asked = [
        ...(checked.data.site ? [{}] : []),
        ...(checked.data.shows ?? []).map((show) => ({ show })),
        ...(checked.data.platforms ?? []).map((platform) => ({ platform })),
      ];
      const targets = [];
      for (const [i, a] of asked.entries()) {
        const t = await followTarget(db.kysely, a);
        if (!t) {
          const field = 'show' in a ? 'shows' : 'platforms';
          return problem(c, 404, 'Not found', `${field}: no such ${field.slice(0, -1)} "${Object.values(a)[0]}"`, [
            { field: `${field}.${i}`, message: 'not found' },
          ]);
        }
        targets.push(t);
      }
      const made = await createWebhookFollower(
        db.kysely,
        { url: checked.data.url, targets, threshold: checked.data.threshold ?? null, ipKey: addressKey(clientAddress(c, deps.trustProxy)) },
        now(),
      );
      if ('limited' in made) {
        c.header('retry-after', String(made.retryAfterSeconds));
        return problem(c, 429, 'Too many requests', 'too many endpoints were made from this network today');
      }
      const view = (await followerView(db.kysely, made.id)) as FollowerView;
      const links = followLinks(siteUrl, await secret(), made.id);
      c.header('cache-control', 'private, no-store');
      return c.json({ ...describe(view), secret: made.secret, token: links.token }, 201);
    },

    // GET /api/follows/me
    async me(c: Context) {
      const view = await owner(c);
      return view instanceof Response ? view : c.json(describe(view));
    },

    // POST /api/follows/me/ping: a signed test alert, delivered like any other
    async ping(c: Context) {
      const view = await owner(c);
      if (view instanceof Response) return view;
      if (view.status !== 'active')
        return problem(c, 409, 'Conflict', `the endpoint is ${view.status}: ${view.disabledReason ?? ''}`.trim());
      if (!(await queuePing(db.kysely, view.id, now()))) {
        c.header('retry-after', '3600');
        return problem(c, 429, 'Too many requests', `at most ${PINGS_PER_HOUR} test alerts an hour`);
      }
      deps.alerts?.poke();
      return c.json({ queued: true }, 202);
    },

    // POST /api/follows/me/enable: after fixing an endpoint that was stopped
    async enable(c: Context) {
      const view = await owner(c);
      if (view instanceof Response) return view;
      await enableFollower(db.kysely, view.id);
      return c.json(describe((await followerView(db.kysely, view.id)) as FollowerView));
    },

    // DELETE /api/follows/me
    async leave(c: Context) {
      const view = await owner(c);
      if (view instanceof Response) return view;
      await leaveAll(db.kysely, view.id);
      return c.body(null, 204);
    },
  };
}
