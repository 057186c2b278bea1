import type { Context } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app.types.ts';
import { validateBan } from '../comments/ban.input.ts';
import { addBan, liftBan } from '../comments/bans.writes.ts';
import { commentInput } from '../comments/comment.input.ts';
import type { ModerationAction } from '../comments/comment.rules.ts';
import { commentBody, listBans, moderationQueue, type QueueFilter, queueCounts } from '../comments/comments.queries.ts';
import { editComment, moderateComment } from '../comments/comments.writes.ts';
import { formSecret } from '../comments/form.cookie.ts';
import { errorLine, idParam } from '../web/fields.ts';
import { type AdminEnv, signedIn } from './auth.middleware.ts';
import { adminPage, formValues } from './desk.page.tsx';
import { BansPage, EditCommentPage, FILTERS, QueuePage } from './moderation.pages.tsx';

type C = Context<AdminEnv>;

/** Comments per page of the queue. */
export const QUEUE_PAGE = 50;
const MAX_PAGE = 10_000;
const PAGE_MESSAGE = `must be a whole number from 1 to ${MAX_PAGE}`;

const queueQuery = z.object({
  page: z
    .string()
    .regex(/^[1-9]\d{0,4}$/, PAGE_MESSAGE)
    .transform(Number)
    .pipe(z.number().max(MAX_PAGE, PAGE_MESSAGE))
    .default(1),
});

const DONE: Record<ModerationAction, string> = {
  approve: 'approved',
  hide: 'hidden',
  spam: 'marked as spam',
  delete: 'deleted',
  hold: 'sent back to the queue',
};

export function moderationPages({ db, now, siteUrl, mail }: AppDeps) {
  const secret = formSecret(db);
  const commentId = (c: C) => idParam(c.req.param('id'));

  async function bansPage(c: C, extra: { error?: string; values?: Record<string, string> } = {}, status: 200 | 400 = 200) {
    const { user, csrf } = signedIn(c);
    return adminPage(c, 'Comment bans', <BansPage user={user} csrf={csrf} bans={await listBans(db.kysely)} {...extra} />, status);
  }

  return {
    // GET /admin/comments?status=&page=
    async queue(c: C) {
      const { user, csrf } = signedIn(c);
      const asked = c.req.query('status') as QueueFilter;
      const filter = FILTERS.includes(asked) ? asked : 'pending';
      const query = queueQuery.safeParse({ page: c.req.query('page') });
      const counts = await queueCounts(db.kysely);
      if (!query.success) {
        const error = errorLine(query.error);
        return adminPage(
          c,
          'Comments',
          <QueuePage {...{ user, csrf, filter, counts, error }} rows={[]} notice={null} page={1} more={false} />,
          400,
        );
      }
      const page = query.data.page;
      const done = c.req.query('done');
      const found = await moderationQueue(db.kysely, filter, { limit: QUEUE_PAGE + 1, offset: (page - 1) * QUEUE_PAGE });
      return adminPage(
        c,
        'Comments',
        <QueuePage
          {...{ user, csrf, filter, counts, page }}
          rows={found.slice(0, QUEUE_PAGE)}
          more={found.length > QUEUE_PAGE}
          notice={done ? `Comment ${done}.` : null}
        />,
      );
    },

    // POST /admin/comments/:id/(approve|hide|spam|delete|hold)
    async act(c: C) {
      const { user } = signedIn(c);
      const id = commentId(c);
      const action = c.req.param('action') as ModerationAction;
      const values = await formValues(c);
      const result = id
        ? await moderateComment(db, id, action, user, { now: now(), siteUrl, secret: await secret() })
        : { found: false as const };
      if (!result.found) return adminPage(c, 'Not found', <h1>No such comment</h1>, 404);
      if (result.mailQueued) mail?.poke();
      const back = FILTERS.includes(values.back as QueueFilter) ? values.back : 'pending';
      const page = queueQuery.safeParse({ page: values.page }).data?.page ?? 1;
      const done = result.refused ? `not ${DONE[action]}: ${result.refused}` : DONE[action];
      return c.redirect(`/admin/comments?status=${back}${page > 1 ? `&page=${page}` : ''}&done=${encodeURIComponent(done)}`, 303);
    },

    // GET /admin/comments/:id/edit
    async editForm(c: C) {
      const { user, csrf } = signedIn(c);
      const id = commentId(c);
      const row = id ? await commentBody(db.kysely, id) : undefined;
      if (!row) return adminPage(c, 'Not found', <h1>No such comment</h1>, 404);
      return adminPage(c, 'Edit comment', <EditCommentPage user={user} csrf={csrf} id={row.id} body={row.body} />);
    },

    // POST /admin/comments/:id/edit
    async edit(c: C) {
      const { user, csrf } = signedIn(c);
      const id = commentId(c);
      const values = await formValues(c);
      const body = commentInput.shape.body.safeParse(values.body ?? '');
      if (!body.success) {
        const error = body.error.issues[0]?.message ?? 'Not a valid comment';
        return adminPage(
          c,
          'Edit comment',
          <EditCommentPage user={user} csrf={csrf} id={id ?? 0} body={values.body ?? ''} error={error} />,
          400,
        );
      }
      if (!id || !(await editComment(db, id, body.data, user, now()))) return adminPage(c, 'Not found', <h1>No such comment</h1>, 404);
      return c.redirect('/admin/comments?status=published&done=edited', 303);
    },

    // GET /admin/bans
    bans: (c: C) => bansPage(c),

    // POST /admin/bans
    async addBan(c: C) {
      const { user } = signedIn(c);
      const values = await formValues(c);
      const checked = validateBan(values);
      if (!checked.ok) return bansPage(c, { error: checked.error, values }, 400);
      await addBan(db, checked.data, user, now());
      return c.redirect('/admin/bans', 303);
    },

    // POST /admin/bans/:id/lift
    async liftBan(c: C) {
      const id = commentId(c);
      if (!id || !(await liftBan(db, id, signedIn(c).user, now()))) return adminPage(c, 'Not found', <h1>No such ban</h1>, 404);
      return c.redirect('/admin/bans', 303);
    },
  };
}
