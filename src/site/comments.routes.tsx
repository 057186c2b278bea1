import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppDeps } from '../app.types.ts';
import { slugParam } from '../catalog/shows.params.ts';
import { findShowRef } from '../catalog/shows.queries.ts';
import { validateComment } from '../comments/comment.input.ts';
import { subscriptionFromToken } from '../comments/comment.mails.ts';
import { commentsFeed } from '../comments/comments.feed.ts';
import { commentApiQuery, NOTICES } from '../comments/comments.params.ts';
import { latestComments, loadThread, publishedComment } from '../comments/comments.queries.ts';
import { postComment, reportComment } from '../comments/comments.writes.ts';
import { formCookie, formSecret } from '../comments/form.cookie.ts';
import { checkFormToken, FORM_COOKIE, issueFormToken, MIN_FILL_MS, TOKEN_MESSAGES } from '../comments/form.token.ts';
import { setSubscription } from '../comments/notices.writes.ts';
import { concurrencyLimit } from '../db/concurrency.ts';
import { feedBody } from '../feeds/feeds.encode.ts';
import { langOfPath, localPath, t } from '../lang/i18n.ts';
import { clientAddress } from '../web/client.ts';
import { idParam } from '../web/fields.ts';
import { readForm } from '../web/form.ts';
import { LangContext } from '../web/lang.context.ts';
import { invalidParameters, problem } from '../web/problem.ts';
import { render } from '../web/render.tsx';
import { CommentItem, ConfirmReport, MessagePage } from './comments.pages.tsx';
import { FEED_TYPES, type FeedFormat } from './feeds.routes.ts';
import { showPages } from './shows.routes.tsx';

// Readers' side of comments: post, report, confirm or stop reply mail, and the public API.

const REPORT_REASONS = ['spam', 'abuse', 'spoiler', 'other'];

export function commentRoutes(deps: AppDeps) {
  const { db, now, siteUrl, mail } = deps;
  const secure = siteUrl.startsWith('https:');
  const secret = formSecret(db);
  const pages = showPages(deps);
  // A burst of posts waits here rather than taking every database connection from the pages.
  const writing = concurrencyLimit(6);
  const wantsJson = (c: Context) => (c.req.header('accept') ?? '').includes('application/json');
  const text = (body: Record<string, unknown>, key: string) => (typeof body[key] === 'string' ? (body[key] as string) : '');

  /** A report needs only proof it came from our page; a comment also needs a person's pause. */
  async function tokenProblem(c: Context, body: Record<string, unknown>, minFillMs?: number) {
    const check = checkFormToken(await secret(), text(body, '_form'), getCookie(c, FORM_COOKIE), now(), minFillMs);
    return check.ok
      ? null
      : {
          message: TOKEN_MESSAGES[check.problem],
          status: check.problem === 'too_fast' ? (400 as const) : (403 as const),
        };
  }

  function messagePage(c: Context, title: string, props: Parameters<typeof MessagePage>[0], status: 200 | 400 | 404 | 429 = 200) {
    return render(c, { title: `${title} | Next Season`, description: title, noindex: true }, <MessagePage {...props} />, { status });
  }

  const invalidLink = (c: Context) =>
    messagePage(c, 'Link not valid', { title: 'This link is not valid', message: 'Copy the whole link from the mail.' }, 400);

  /** A new form token for the page a script posted from: the one it used is spent. */
  const freshToken = async (c: Context) => issueFormToken(await secret(), formCookie(c, secure), now());

  async function findShow(c: Context) {
    const slug = slugParam.safeParse(c.req.param('slug'));
    if (!slug.success) return undefined;
    return findShowRef(db.kysely, slug.data);
  }

  return {
    // POST /shows/:slug/comments
    async post(c: Context) {
      const show = await findShow(c);
      if (!show) return wantsJson(c) ? problem(c, 404, 'Not found', 'no such show') : pages.showPage(c, { token: '', status: 404 });
      const body = await readForm(c);
      const values = Object.fromEntries(
        Object.entries(body).filter(([k, v]) => !k.startsWith('_') && k !== 'fax' && typeof v === 'string'),
      ) as Record<string, string>;
      const refuse = async (status: 400 | 403 | 429, errors: Record<string, string>, message?: string) => {
        // A reader sent back to fix a field has already passed the pause; a new token (none was sent, or it was
        // spent or too fast) starts the pause again, so two posts in a row cannot skip it.
        const issued = message ? now() : new Date(now().getTime() - MIN_FILL_MS);
        const token = issueFormToken(await secret(), formCookie(c, secure), issued);
        if (wantsJson(c)) return c.json({ ok: false, message: message ?? 'Please correct the fields marked.', errors, token }, status);
        return pages.showPage(c, { token, status, form: { values, errors, problem: message } });
      };

      const stale = await tokenProblem(c, body);
      if (stale) return refuse(stale.status, {}, stale.message);
      const checked = validateComment(values);
      if (!checked.ok) return refuse(400, checked.errors);
      const secretKey = await secret();
      const outcome = await writing(() =>
        postComment(
          db,
          {
            ...checked.data,
            notify: checked.data.notify && Boolean(mail),
            showId: show.id,
            ip: clientAddress(c, deps.trustProxy),
            honeypot: text(body, 'fax') !== '',
            formKey: createHash('sha256')
              .update(getCookie(c, FORM_COOKIE) ?? '')
              .digest('hex'),
            token: text(body, '_form'),
          },
          { now: now(), siteUrl, secret: secretKey },
        ),
      );
      if (outcome.kind === 'refused') {
        if (outcome.retryAfterSeconds) c.header('retry-after', String(outcome.retryAfterSeconds));
        return refuse(
          outcome.status,
          outcome.field ? { [outcome.field]: outcome.message } : {},
          outcome.field ? undefined : outcome.message,
        );
      }
      // A honeypot catch, and the same text sent from another browser, are told what a first-time commenter is told.
      const stored = outcome.kind === 'stored' ? outcome : null;
      if (stored?.mailQueued) mail?.poke();
      const shown = stored?.duplicate ? 'duplicate' : stored?.status === 'published' ? 'published' : 'held';
      const mailNews =
        !checked.data.notify || !mail || shown === 'duplicate' ? null : shown === 'held' ? 'later' : stored?.mailQueued ? 'sent' : null;
      const lang = langOfPath(c.req.path);
      const message = t(lang, 'comments.notice', { notice: shown, mail: mailNews ?? 'none' });
      if (wantsJson(c)) {
        // Only a comment on the page is named: a held one's id would tell a prober more than a person needs.
        const comment = stored?.status === 'published' ? await publishedComment(db.kysely, stored.id) : null;
        const filter = { season: null, order: 'oldest' as const, page: 1 };
        const html = comment
          ? String(
              <LangContext.Provider value={lang}>
                <CommentItem comment={comment} slug={show.slug} filter={filter} token={text(body, '_form')} />
              </LangContext.Provider>,
            )
          : null;
        const reply = {
          ok: true,
          status: shown,
          message,
          html,
          id: comment?.id,
          parent: comment?.parentId ?? null,
          token: await freshToken(c),
        };
        return c.json(reply, shown === 'duplicate' ? 200 : 201);
      }
      const anchor = stored?.status === 'published' ? `#comment-${stored.id}` : '#comments';
      return c.redirect(`${localPath(lang, `/shows/${show.slug}`)}?comment=${shown}${mailNews ? `&mail=${mailNews}` : ''}${anchor}`, 303);
    },

    // POST /comments/:id/report
    async report(c: Context) {
      const id = idParam(c.req.param('id'));
      const body = await readForm(c);
      const stale = await tokenProblem(c, body, 0);
      if (stale && wantsJson(c)) return c.json({ ok: false, message: stale.message }, stale.status);
      // Without the script a report arrives with no token: ask once more, on a form that has one.
      if (stale)
        return render(
          c,
          { title: 'Report this comment | Next Season', description: 'Report a comment', noindex: true },
          <ConfirmReport id={id ?? 0} reason={text(body, 'reason')} token={await freshToken(c)} problem={stale.message} />,
          { status: 403 },
        );
      const reason = REPORT_REASONS.includes(text(body, 'reason')) ? text(body, 'reason') : 'other';
      const done = id ? await reportComment(db, id, reason, clientAddress(c, deps.trustProxy), now()) : 'missing';
      if (done === 'limited') {
        const message = 'You have sent many reports in the last hour. A moderator will get to them; try again later.';
        return wantsJson(c)
          ? c.json({ ok: false, message }, 429)
          : messagePage(c, 'Too many reports', { title: 'Too many reports', message }, 429);
      }
      if (done === 'missing') {
        return wantsJson(c)
          ? c.json({ ok: false, message: 'No such comment.' }, 404)
          : messagePage(c, 'Not found', { title: 'No such comment', message: 'That comment is not on the site.' }, 404);
      }
      if (wantsJson(c)) return c.json({ ok: true, message: NOTICES.reported });
      return c.redirect(`/shows/${done.showSlug}?comment=reported#comment-${id}`, 303);
    },

    // GET /comments/form-token (per reader, never cached: it sets the form cookie the token is bound to)
    async formToken(c: Context) {
      c.header('cache-control', 'private, no-store');
      return c.json({ token: await freshToken(c) });
    },

    // GET /comments/subscriptions/confirm?token= (a page with a button, so mail scanners that follow links confirm nothing)
    async confirmForm(c: Context) {
      const token = c.req.query('token') ?? '';
      if (!subscriptionFromToken(await secret(), token)) return invalidLink(c);
      return messagePage(c, 'Confirm reply mail', {
        title: 'Confirm reply notifications',
        message: 'Press the button to get an email when someone replies to your comment.',
        action: '/comments/subscriptions/confirm',
        button: 'Yes, email me about replies',
        token,
      });
    },

    // POST /comments/subscriptions/confirm
    async confirm(c: Context) {
      const body = await readForm(c);
      const id = subscriptionFromToken(await secret(), text(body, 'token'));
      const done = id ? await setSubscription(db, id, 'confirmed', now()) : null;
      if (!done) return invalidLink(c);
      return messagePage(c, 'Confirmed', {
        title: 'Confirmed',
        message: 'We will email you when someone replies. Every mail has a link to stop them.',
      });
    },

    // GET /comments/subscriptions/unsubscribe?token=
    async unsubscribeForm(c: Context) {
      const token = c.req.query('token') ?? '';
      if (!subscriptionFromToken(await secret(), token)) return invalidLink(c);
      return messagePage(c, 'Stop reply mail', {
        title: 'Stop reply mail',
        message: 'Press the button and we will send no more mail about this comment.',
        action: `/comments/subscriptions/unsubscribe?token=${encodeURIComponent(token)}`,
        button: 'Unsubscribe',
      });
    },

    // POST /comments/subscriptions/unsubscribe?token= (also RFC 8058 one-click, from the List-Unsubscribe header)
    async unsubscribe(c: Context) {
      const body = await readForm(c);
      const id = subscriptionFromToken(await secret(), c.req.query('token') ?? text(body, 'token'));
      const done = id ? await setSubscription(db, id, 'unsubscribed', now()) : null;
      if (!done) return invalidLink(c);
      return messagePage(c, 'Unsubscribed', { title: 'Unsubscribed', message: 'You will get no more mail about this comment.' });
    },

    // GET /api/shows/:slug/comments
    async api(c: Context) {
      const show = await findShow(c);
      if (!show) return problem(c, 404, 'Not found', `no show with slug "${c.req.param('slug')}"`);
      const parsed = commentApiQuery.safeParse(Object.fromEntries(new URL(c.req.url).searchParams));
      if (!parsed.success) return invalidParameters(c, parsed.error);
      const q = parsed.data;
      const thread = await loadThread(db.kysely, show.id, { season: q.season ?? null, order: q.order, page: q.cpage });
      return c.json({ show: show.slug, total: thread.total, threads: thread.threads, page: q.cpage, comments: thread.comments });
    },

    // GET /shows/:slug/comments/feed.{xml,atom,json}
    feed: (format: FeedFormat) => async (c: Context) => {
      const show = await findShow(c);
      if (!show) return c.notFound();
      const feed = commentsFeed({ siteUrl, show, comments: await latestComments(db.kysely, show.id) });
      return c.body(feedBody(feed, format), 200, { 'content-type': FEED_TYPES[format] });
    },
  };
}
