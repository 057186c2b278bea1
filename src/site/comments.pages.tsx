import type { Child } from 'hono/jsx';
import { LIMITS } from '../comments/comment.rules.ts';
import { type CommentOrder, type PublicComment, THREADS_PER_PAGE, type Thread } from '../comments/comments.queries.ts';
import { type Lang, t as message } from '../lang/i18n.ts';
import { COMMENTS_SCRIPT } from '../web/assets.ts';
import { useLang } from '../web/lang.context.ts';
import { OutLink } from '../web/link.tsx';

// The "Leave a reply" section of a show page. Plain forms that work without JavaScript;
// The comment script only saves the page reload.

export interface CommentFilter {
  season: number | null;
  order: CommentOrder;
  page: number;
}

export interface CommentFormState {
  values: Record<string, string>;
  errors: Record<string, string>;
  /** A message about the whole form (rate limit, expired form …). */
  problem?: string;
}

export interface CommentsProps {
  slug: string;
  title: string;
  thread: Thread;
  counts: { season: number | null; n: number }[];
  /** Published comments on the show, every season. */
  total: number;
  seasons: number[];
  filter: CommentFilter;
  notice: string | null;
  replyTo: PublicComment | null;
  form: CommentFormState;
  token: string;
  mailEnabled: boolean;
}

/** "1 comment", "1,234 comments"; "1 comentario" on a Spanish page. */
export const countLabel = (n: number, lang: Lang = 'en') => message(lang, 'comments.count', { n });

/** A path to the show page's comments with a filter, in the page's language. */
function useCommentLink() {
  const { href } = useLang();
  return (slug: string, f: Partial<CommentFilter>, hash = '#comments', extra: Record<string, string> = {}) => {
    const q = new URLSearchParams();
    if (f.season != null) q.set('season', String(f.season));
    if (f.order === 'newest') q.set('order', 'newest');
    if (f.page && f.page > 1) q.set('cpage', String(f.page));
    for (const [k, v] of Object.entries(extra)) q.set(k, v);
    const s = q.toString();
    return `${href(`/shows/${slug}`)}${s ? `?${s}` : ''}${hash}`;
  };
}

export function CommentsSection(p: CommentsProps) {
  const { lang, t, rich, href, number } = useLang();
  const link = useCommentLink();
  const { filter, thread, slug } = p;
  const pages = Math.max(1, Math.ceil(thread.threads / THREADS_PER_PAGE));
  const season = (n: number) => t('comments.season', { n: String(n) });
  const feed = (path: string) => (text: Child[]) => <a href={href(`/shows/${slug}/comments/${path}`)}>{text}</a>;
  return (
    <section aria-labelledby="comments" class="comments" data-slug={slug}>
      <h2 id="comments">{t('comments.heading', { count: countLabel(p.total, lang) })}</h2>
      <nav aria-label={t('comments.threads')} class="meta">
        {filter.season === null ? (
          <strong>{t('comments.all')}</strong>
        ) : (
          <a href={link(slug, { ...filter, season: null, page: 1 })}>{t('comments.all')}</a>
        )}
        {p.seasons.map((n) => {
          const count = p.counts.find((c) => c.season === n)?.n ?? 0;
          return (
            <>
              {' · '}
              {filter.season === n ? <strong>{season(n)}</strong> : <a href={link(slug, { ...filter, season: n, page: 1 })}>{season(n)}</a>}
              {count ? ` (${number(count)})` : ''}
            </>
          );
        })}
        {' | '}
        {filter.order === 'oldest' ? (
          <>
            {t('comments.oldestFirstHere')} · <a href={link(slug, { ...filter, order: 'newest', page: 1 })}>{t('comments.newestFirst')}</a>
          </>
        ) : (
          <>
            <a href={link(slug, { ...filter, order: 'oldest', page: 1 })}>{t('comments.oldestFirst')}</a> · {t('comments.newestFirstHere')}
          </>
        )}
      </nav>
      <p class="notice" role="status" aria-live="polite" id="comment-status">
        {p.notice ?? ''}
      </p>
      {thread.comments.length === 0 ? (
        <p class="meta" id="no-comments">
          {t('comments.none', { season: filter.season === null ? 'none' : String(filter.season) })}
        </p>
      ) : null}
      <ol class="comment-list" id="comment-list">
        {thread.comments.map((c) => (
          <CommentItem comment={c} slug={slug} filter={filter} token={p.token} />
        ))}
      </ol>
      {pages > 1 ? (
        <nav aria-label={t('comments.pages')} class="meta">
          {filter.page > 1 ? <a href={link(slug, { ...filter, page: filter.page - 1 })}>{t('comments.previous')}</a> : null}{' '}
          {t('comments.pageOf', { page: filter.page, pages })}{' '}
          {filter.page < pages ? <a href={link(slug, { ...filter, page: filter.page + 1 })}>{t('comments.more')}</a> : null}
        </nav>
      ) : null}
      <p class="meta">{rich('comments.feeds', { rss: feed('feed.xml'), atom: feed('feed.atom'), json: feed('feed.json') })}</p>
      <CommentForm {...p} />
      <script src={COMMENTS_SCRIPT.url} defer />
    </section>
  );
}

export function CommentItem({
  comment: c,
  slug,
  filter,
  token,
}: {
  comment: PublicComment;
  slug: string;
  filter: CommentFilter;
  token: string;
}) {
  const { t, day } = useLang();
  const link = useCommentLink();
  if (c.removed) {
    return (
      <li class="comment comment-removed" id={`comment-${c.id}`}>
        <p class="meta">{c.removed === 'under review' ? t('comments.underReview') : t('comments.removed')}</p>
        <Replies comment={c} slug={slug} filter={filter} token={token} />
      </li>
    );
  }
  return (
    <li class="comment" id={`comment-${c.id}`}>
      <p class="comment-head">
        <strong class="comment-author">
          <OutLink href={c.website} rel="nofollow ugc noopener">
            {c.name}
          </OutLink>
        </strong>
        {c.replyingTo ? <span class="meta"> {t('comments.replyingTo', { name: c.replyingTo })}</span> : null}
        <span class="meta">
          {' · '}
          <a href={`#comment-${c.id}`}>
            <time datetime={c.createdAt}>{day(c.createdAt)}</time>
          </a>
          {c.season !== null ? t('comments.aboutSeason', { n: String(c.season) }) : ''}
          {c.editedAt ? t('comments.edited') : ''}
        </span>
      </p>
      {c.spoiler ? (
        <details class="spoiler">
          <summary>{t('comments.spoiler')}</summary>
          <div class="comment-body" dangerouslySetInnerHTML={{ __html: c.html }} />
        </details>
      ) : (
        <div class="comment-body" dangerouslySetInnerHTML={{ __html: c.html }} />
      )}
      <div class="comment-actions meta">
        <a href={link(slug, filter, '#respond', { reply: String(c.id) })} data-reply={c.id}>
          {t('comments.reply')}
        </a>
        {' · '}
        <ReportForm id={c.id} token={token} />
      </div>
      <Replies comment={c} slug={slug} filter={filter} token={token} />
    </li>
  );
}

function Replies({ comment, slug, filter, token }: { comment: PublicComment; slug: string; filter: CommentFilter; token: string }) {
  return comment.replies.length > 0 ? (
    <ol class="comment-replies">
      {comment.replies.map((r) => (
        <CommentItem comment={r} slug={slug} filter={filter} token={token} />
      ))}
    </ol>
  ) : null;
}

function ReportForm({ id, token }: { id: number; token: string }) {
  const { t } = useLang();
  return (
    <details class="report">
      <summary>{t('comments.report')}</summary>
      <form method="post" action={`/comments/${id}/report`} class="report-form" data-enhance="report">
        <input type="hidden" name="_form" value={token} />
        <label for={`report-reason-${id}`}>{t('comments.why')}</label>{' '}
        <select id={`report-reason-${id}`} name="reason">
          <option value="spam">{t('comments.reason.spam')}</option>
          <option value="abuse">{t('comments.reason.abuse')}</option>
          <option value="spoiler">{t('comments.reason.spoiler')}</option>
          <option value="other">{t('comments.reason.other')}</option>
        </select>{' '}
        <button type="submit">{t('comments.sendReport')}</button>
      </form>
    </details>
  );
}

/** A report that came without a form token (no script), offered again on a form that has one. */
export function ConfirmReport({ id, reason, token, problem }: { id: number; reason: string; token: string; problem: string }) {
  const { t } = useLang();
  return (
    <>
      <h1>{t('comments.confirmReport')}</h1>
      <p>{problem}</p>
      <form method="post" action={`/comments/${id}/report`} class="report-form">
        <input type="hidden" name="_form" value={token} />
        <input type="hidden" name="reason" value={reason} />
        <button type="submit">{t('comments.sendTheReport')}</button>
      </form>
    </>
  );
}

function Problem({ name, errors }: { name: string; errors: Record<string, string> }) {
  return errors[name] ? (
    <span class="error" id={`c-${name}-error`} role="alert">
      {' '}
      {errors[name]}
    </span>
  ) : null;
}

export function CommentForm(p: CommentsProps) {
  const { t, rich, href } = useLang();
  const { values, errors } = p.form;
  const v = (k: string) => values[k] ?? '';
  const described = (k: string) => (errors[k] ? { 'aria-invalid': 'true', 'aria-describedby': `c-${k}-error` } : {});
  const replyTo = p.replyTo;
  return (
    <form method="post" action={href(`/shows/${p.slug}/comments`)} class="comment-form" id="respond" data-enhance="comment" novalidate>
      <h3 id="reply-title">{replyTo ? t('comments.replyTo', { name: replyTo.name }) : t('comments.leaveReply')}</h3>
      {replyTo ? (
        <p class="meta" id="replying">
          {rich('comments.replying', {
            name: replyTo.name,
            who: (text) => <a href={`#comment-${replyTo.id}`}>{text}</a>,
            cancel: (text) => <a href={`${href(`/shows/${p.slug}`)}#respond`}>{text}</a>,
          })}
        </p>
      ) : null}
      {p.form.problem ? (
        <p class="error" role="alert" id="form-problem">
          {p.form.problem}
        </p>
      ) : null}
      <p class="meta">{rich('comments.privacy', { how: (text) => <a href={`${href('/about')}#comments`}>{text}</a> })}</p>
      <input type="hidden" name="_form" value={p.token} />
      <input type="hidden" name="parent" value={replyTo ? String(replyTo.id) : v('parent')} />
      <p>
        <label for="c-body">{t('comments.body')}</label>
        <br />
        <textarea id="c-body" name="body" rows={6} maxlength={LIMITS.body} required {...described('body')}>
          {v('body')}
        </textarea>
        <Problem name="body" errors={errors} />
        <br />
        <span class="meta">{t('comments.markdown', { links: LIMITS.links })}</span>
      </p>
      {replyTo ? null : (
        <p>
          <label for="c-season">{t('comments.about')}</label>{' '}
          <select id="c-season" name="season" {...described('season')}>
            <option value="">{t('comments.wholeShow')}</option>
            {p.seasons.map((n) => (
              <option value={String(n)} selected={v('season') === String(n) || (!v('season') && p.filter.season === n)}>
                {t('comments.season', { n: String(n) })}
              </option>
            ))}
          </select>
          <Problem name="season" errors={errors} />
        </p>
      )}
      <p>
        <input type="checkbox" id="c-spoiler" name="spoiler" checked={v('spoiler') === 'on'} />{' '}
        <label for="c-spoiler">{t('comments.spoilerBox')}</label>
      </p>
      <div class="comment-who">
        <p>
          <label for="c-name">{t('comments.name')}</label>
          <br />
          <input id="c-name" name="name" autocomplete="name" required maxlength={LIMITS.name} value={v('name')} {...described('name')} />
          <Problem name="name" errors={errors} />
        </p>
        <p>
          <label for="c-email">{t('comments.email')}</label>
          <br />
          <input
            id="c-email"
            name="email"
            type="email"
            autocomplete="email"
            required
            maxlength={LIMITS.email}
            value={v('email')}
            {...described('email')}
          />
          <Problem name="email" errors={errors} />
        </p>
        <p>
          <label for="c-website">{t('comments.website')}</label>
          <br />
          <input
            id="c-website"
            name="website"
            type="url"
            autocomplete="url"
            maxlength={LIMITS.website}
            value={v('website')}
            {...described('website')}
          />
          <Problem name="website" errors={errors} />
        </p>
      </div>
      {/* A field people never see: bots that fill every input give themselves away. */}
      <p class="hp" aria-hidden="true">
        <label for="c-fax">{t('comments.honeypot')}</label>
        <input id="c-fax" name="fax" tabindex={-1} autocomplete="off" value="" />
      </p>
      {p.mailEnabled ? (
        <p>
          <input type="checkbox" id="c-notify" name="notify" checked={v('notify') === 'on'} />{' '}
          <label for="c-notify">{t('comments.notify')}</label>
        </p>
      ) : null}
      <p>
        <button type="submit">{replyTo ? t('comments.postReply') : t('comments.post')}</button>
      </p>
      <p class="notice" role="status" aria-live="polite" id="form-status" />
      <p class="meta">{t('comments.firstWaits')}</p>
    </form>
  );
}

export function MessagePage({
  title,
  message,
  action,
  button,
  token,
}: {
  title: string;
  message: string;
  action?: string;
  button?: string;
  token?: string;
}) {
  return (
    <>
      <h1>{title}</h1>
      <p>{message}</p>
      {action ? (
        <form method="post" action={action}>
          {token ? <input type="hidden" name="token" value={token} /> : null}
          <button type="submit">{button}</button>
        </form>
      ) : null}
    </>
  );
}
