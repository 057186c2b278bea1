import type { Context } from 'hono';
import type { AppDeps } from '../app.types.ts';
import { addFeed, feedListed, listFeeds } from '../news/feeds.queries.ts';
import { feedInput } from '../news/news.input.ts';
import { acceptCandidate, pendingCandidates, rejectCandidate } from '../news/queue.ts';
import { errorsByField, idParam } from '../web/fields.ts';
import { type AdminEnv, signedIn } from './auth.middleware.ts';
import { adminPage, formValues } from './desk.page.tsx';
import { FeedsPage, QueuePage } from './news.pages.tsx';

type C = Context<AdminEnv>;

export function newsPages({ db, now, alerts }: AppDeps) {
  return {
    // GET /admin/queue
    async queue(c: C) {
      const { user, csrf } = signedIn(c);
      return adminPage(c, 'Review queue', <QueuePage user={user} csrf={csrf} items={await pendingCandidates(db.kysely)} />);
    },

    // POST /admin/queue/:id/accept
    async accept(c: C) {
      const { user, csrf } = signedIn(c);
      const id = idParam(c.req.param('id'));
      const edits = await formValues(c);
      const result = id ? await acceptCandidate(db.kysely, id, edits, user, now()) : null;
      if (result) alerts?.poke();
      if (!id || !result) return adminPage(c, 'Not found', <h1>No such candidate waiting</h1>, 404);
      if (!result.ok) {
        return adminPage(
          c,
          'Review queue',
          <QueuePage user={user} csrf={csrf} items={await pendingCandidates(db.kysely)} errors={{ [id]: result.errors }} />,
          400,
        );
      }
      return c.redirect('/admin/queue', 303);
    },

    // POST /admin/queue/:id/reject
    async reject(c: C) {
      const { user } = signedIn(c);
      const id = idParam(c.req.param('id'));
      if (!id || !(await rejectCandidate(db.kysely, id, user, now())))
        return adminPage(c, 'Not found', <h1>No such candidate waiting</h1>, 404);
      return c.redirect('/admin/queue', 303);
    },

    // GET /admin/feeds
    async feeds(c: C) {
      const { user, csrf } = signedIn(c);
      return adminPage(c, 'Feeds', <FeedsPage user={user} csrf={csrf} feeds={await listFeeds(db.kysely)} errors={{}} values={{}} />);
    },

    // POST /admin/feeds
    async addFeed(c: C) {
      const { user, csrf } = signedIn(c);
      const values = await formValues(c);
      const parsed = feedInput.safeParse(values);
      const taken = parsed.success && (await feedListed(db.kysely, parsed.data.url));
      if (!parsed.success || taken) {
        const errors = parsed.success ? { url: 'this feed is already on the list' } : errorsByField(parsed.error);
        return adminPage(
          c,
          'Feeds',
          <FeedsPage user={user} csrf={csrf} feeds={await listFeeds(db.kysely)} errors={errors} values={values} />,
          400,
        );
      }
      await addFeed(db.kysely, parsed.data, now());
      return c.redirect('/admin/feeds', 303);
    },
  };
}
