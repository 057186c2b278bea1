import type { Context } from 'hono';
import type { User } from '../accounts/accounts.queries.ts';
import type { AppDeps } from '../app.types.ts';
import { feedInput } from '../news/news.input.ts';
import { acceptCandidate, pendingCandidates, rejectCandidate } from '../news/queue.ts';
import { fieldMessages } from '../status/event.input.ts';
import { idParam } from '../web/fields.ts';
import { adminPage, formValues } from './admin.routes.tsx';
import type { AdminEnv } from './auth.middleware.ts';
import { FeedsPage, QueuePage } from './news.pages.tsx';

type C = Context<AdminEnv>;

export function newsPages({ db, now }: AppDeps) {
  const me = (c: C) => c.get('session') as { user: User; csrf: string };
  const listFeeds = () =>
    db.kysely.selectFrom('feeds').select(['id', 'url', 'name', 'tier', 'last_fetched_at', 'last_result']).orderBy('name').execute();

  return {
    // GET /admin/queue
    async queue(c: C) {
      const { user, csrf } = me(c);
      return adminPage(c, 'Review queue', <QueuePage user={user} csrf={csrf} items={await pendingCandidates(db.kysely)} />);
    },

    // POST /admin/queue/:id/accept
    async accept(c: C) {
      const { user, csrf } = me(c);
      const id = idParam(c.req.param('id'));
      const edits = await formValues(c);
      const result = id ? await acceptCandidate(db.kysely, id, edits, user, now()) : null;
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
      const { user } = me(c);
      const id = idParam(c.req.param('id'));
      if (!id || !(await rejectCandidate(db.kysely, id, user, now())))
        return adminPage(c, 'Not found', <h1>No such candidate waiting</h1>, 404);
      return c.redirect('/admin/queue', 303);
    },

    // GET /admin/feeds
    async feeds(c: C) {
      const { user, csrf } = me(c);
      return adminPage(c, 'Feeds', <FeedsPage user={user} csrf={csrf} feeds={await listFeeds()} errors={{}} values={{}} />);
    },

    // POST /admin/feeds
    async addFeed(c: C) {
      const { user, csrf } = me(c);
      const values = await formValues(c);
      const parsed = feedInput.safeParse(values);
      const taken =
        parsed.success && (await db.kysely.selectFrom('feeds').select('id').where('url', '=', parsed.data.url).executeTakeFirst());
      if (!parsed.success || taken) {
        const errors = parsed.success ? { url: 'this feed is already on the list' } : fieldMessages(parsed.error);
        return adminPage(c, 'Feeds', <FeedsPage user={user} csrf={csrf} feeds={await listFeeds()} errors={errors} values={values} />, 400);
      }
      await db.kysely
        .insertInto('feeds')
        .values({ ...parsed.data, created_at: now().toISOString() })
        .execute();
      return c.redirect('/admin/feeds', 303);
    },
  };
}
