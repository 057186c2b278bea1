import { LIMITS } from '../comments/comment.rules.ts';
import { type CommentOrder, type PublicComment, THREADS_PER_PAGE, type Thread } from '../comments/comments.queries.ts';
import { formatPartialDate } from '../lang/dates.ts';
import { COMMENTS_SCRIPT } from '../web/assets.ts';
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

export const countLabel = (n: number) => (n === 1 ? '1 comment' : `${n.toLocaleString('en-GB')} comments`);

const day = (iso: string) => formatPartialDate({ date: iso.slice(0, 10), precision: 'day' });

function link(slug: string, f: Partial<CommentFilter>, hash = '#comments', extra: Record<string, string> = {}) {
  const q = new URLSearchParams();
  if (f.season != null) q.set('season', String(f.season));
  if (f.order === 'newest') q.set('order', 'newest');
  if (f.page && f.page > 1) q.set('cpage', String(f.page));
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  const s = q.toString();
  return `/shows/${slug}${s ? `?${s}` : ''}${hash}`;
}

export function CommentsSection(p: CommentsProps) {
  const { filter, thread, slug } = p;
  const pages = Math.max(1, Math.ceil(thread.threads / THREADS_PER_PAGE));
  return (
    <section aria-labelledby="comments" class="comments" data-slug={slug}>
      <h2 id="comments">Comments ({countLabel(p.total)})</h2>
      <nav aria-label="Comment threads" class="meta">
        {filter.season === null ? <strong>All</strong> : <a href={link(slug, { ...filter, season: null, page: 1 })}>All</a>}
        {p.seasons.map((n) => {
          const count = p.counts.find((c) => c.season === n)?.n ?? 0;
          return (
            <>
              {' · '}
              {filter.season === n ? <strong>Season {n}</strong> : <a href={link(slug, { ...filter, season: n, page: 1 })}>Season {n}</a>}
              {count ? ` (${count})` : ''}
            </>
          );
        })}
        {' | '}
        {filter.order === 'oldest' ? (
          <>
            Oldest first · <a href={link(slug, { ...filter, order: 'newest', page: 1 })}>newest first</a>
          </>
        ) : (
          <>
            <a href={link(slug, { ...filter, order: 'oldest', page: 1 })}>oldest first</a> · Newest first
          </>
        )}
      </nav>
      <p class="notice" role="status" aria-live="polite" id="comment-status">
        {p.notice ?? ''}
      </p>
      {thread.comments.length === 0 ? (
        <p class="meta" id="no-comments">
          No comments {filter.season !== null ? `about season ${filter.season} ` : ''}yet. Be the first.
        </p>
      ) : null}
      <ol class="comment-list" id="comment-list">
        {thread.comments.map((c) => (
          <CommentItem comment={c} slug={slug} filter={filter} token={p.token} />
        ))}
      </ol>
      {pages > 1 ? (
        <nav aria-label="Comment pages" class="meta">
          {filter.page > 1 ? <a href={link(slug, { ...filter, page: filter.page - 1 })}>Previous comments</a> : null} Page {filter.page} of{' '}
          {pages} {filter.page < pages ? <a href={link(slug, { ...filter, page: filter.page + 1 })}>More comments</a> : null}
        </nav>
      ) : null}
      <p class="meta">
        Follow the comments: <a href={`/shows/${slug}/comments/feed.xml`}>RSS</a> · <a href={`/shows/${slug}/comments/feed.atom`}>Atom</a> ·{' '}
        <a href={`/shows/${slug}/comments/feed.json`}>JSON Feed</a>
      </p>
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
  if (c.removed) {
    return (
      <li class="comment comment-removed" id={`comment-${c.id}`}>
        <p class="meta">
          {c.removed === 'under review'
            ? 'This comment is hidden while a moderator looks at it.'
            : 'This comment was removed by a moderator.'}
        </p>
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
        {c.replyingTo ? <span class="meta"> replying to {c.replyingTo}</span> : null}
        <span class="meta">
          {' · '}
          <a href={`#comment-${c.id}`}>
            <time datetime={c.createdAt}>{day(c.createdAt)}</time>
          </a>
          {c.season !== null ? ` · about season ${c.season}` : ''}
          {c.editedAt ? ' · edited by a moderator' : ''}
        </span>
      </p>
      {c.spoiler ? (
        <details class="spoiler">
          <summary>Contains spoilers: show the comment</summary>
          <div class="comment-body" dangerouslySetInnerHTML={{ __html: c.html }} />
        </details>
      ) : (
        <div class="comment-body" dangerouslySetInnerHTML={{ __html: c.html }} />
      )}
      <div class="comment-actions meta">
        <a href={link(slug, filter, '#respond', { reply: String(c.id) })} data-reply={c.id}>
          Reply
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
  return (
    <details class="report">
      <summary>Report</summary>
      <form method="post" action={`/comments/${id}/report`} class="report-form" data-enhance="report">
        <input type="hidden" name="_form" value={token} />
        <label for={`report-reason-${id}`}>Why?</label>{' '}
        <select id={`report-reason-${id}`} name="reason">
          <option value="spam">Spam</option>
          <option value="abuse">Abusive or hateful</option>
          <option value="spoiler">Unmarked spoilers</option>
          <option value="other">Something else</option>
        </select>{' '}
        <button type="submit">Send report</button>
      </form>
    </details>
  );
}

/** A report that came without a form token (no script), offered again on a form that has one. */
export function ConfirmReport({ id, reason, token, problem }: { id: number; reason: string; token: string; problem: string }) {
  return (
    <>
      <h1>Report this comment?</h1>
      <p>{problem}</p>
      <form method="post" action={`/comments/${id}/report`} class="report-form">
        <input type="hidden" name="_form" value={token} />
        <input type="hidden" name="reason" value={reason} />
        <button type="submit">Send the report</button>
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
  const { values, errors } = p.form;
  const v = (k: string) => values[k] ?? '';
  const described = (k: string) => (errors[k] ? { 'aria-invalid': 'true', 'aria-describedby': `c-${k}-error` } : {});
  const replyTo = p.replyTo;
  return (
    <form method="post" action={`/shows/${p.slug}/comments`} class="comment-form" id="respond" data-enhance="comment" novalidate>
      <h3 id="reply-title">{replyTo ? `Reply to ${replyTo.name}` : 'Leave a reply'}</h3>
      {replyTo ? (
        <p class="meta" id="replying">
          Replying to <a href={`#comment-${replyTo.id}`}>{replyTo.name}</a>. <a href={`/shows/${p.slug}#respond`}>Cancel reply</a>
        </p>
      ) : null}
      {p.form.problem ? (
        <p class="error" role="alert" id="form-problem">
          {p.form.problem}
        </p>
      ) : null}
      <p class="meta">
        Your email address is never shown or shared (<a href="/about#comments">how comments work</a>). Required fields are marked *.
      </p>
      <input type="hidden" name="_form" value={p.token} />
      <input type="hidden" name="parent" value={replyTo ? String(replyTo.id) : v('parent')} />
      <p>
        <label for="c-body">Comment *</label>
        <br />
        <textarea id="c-body" name="body" rows={6} maxlength={LIMITS.body} required {...described('body')}>
          {v('body')}
        </textarea>
        <Problem name="body" errors={errors} />
        <br />
        <span class="meta">Markdown: **bold**, _italic_, `code`, &gt; quote, lists and links (at most {LIMITS.links}).</span>
      </p>
      {replyTo ? null : (
        <p>
          <label for="c-season">About</label>{' '}
          <select id="c-season" name="season" {...described('season')}>
            <option value="">The whole show</option>
            {p.seasons.map((n) => (
              <option value={String(n)} selected={v('season') === String(n) || (!v('season') && p.filter.season === n)}>
                Season {n}
              </option>
            ))}
          </select>
          <Problem name="season" errors={errors} />
        </p>
      )}
      <p>
        <input type="checkbox" id="c-spoiler" name="spoiler" checked={v('spoiler') === 'on'} />{' '}
        <label for="c-spoiler">Contains spoilers (hidden until a reader opens it)</label>
      </p>
      <div class="comment-who">
        <p>
          <label for="c-name">Name *</label>
          <br />
          <input id="c-name" name="name" autocomplete="name" required maxlength={LIMITS.name} value={v('name')} {...described('name')} />
          <Problem name="name" errors={errors} />
        </p>
        <p>
          <label for="c-email">Email *</label>
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
          <label for="c-website">Website</label>
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
        <label for="c-fax">Leave this empty</label>
        <input id="c-fax" name="fax" tabindex={-1} autocomplete="off" value="" />
      </p>
      {p.mailEnabled ? (
        <p>
          <input type="checkbox" id="c-notify" name="notify" checked={v('notify') === 'on'} />{' '}
          <label for="c-notify">Email me when someone replies (we send one mail to confirm first)</label>
        </p>
      ) : null}
      <p>
        <button type="submit">{replyTo ? 'Post reply' : 'Post comment'}</button>
      </p>
      <p class="notice" role="status" aria-live="polite" id="form-status" />
      <p class="meta">A first comment waits for a moderator; after that, yours appear at once.</p>
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
