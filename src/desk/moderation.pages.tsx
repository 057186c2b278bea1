import type { Selectable } from 'kysely';
import type { User } from '../accounts/accounts.queries.ts';
import { LIMITS } from '../comments/comment.rules.ts';
import type { QueueFilter, QueueRow } from '../comments/comments.queries.ts';
import type { CommentBansTable } from '../db/schema.ts';
import { banRange } from '../web/client.ts';
import { AdminBar, Csrf, described, Field, FormProblems } from './admin.pages.tsx';

// The moderators' queue. Only here are a commenter's email and IP address shown.

export const FILTERS: QueueFilter[] = ['pending', 'reported', 'published', 'hidden', 'spam', 'deleted'];
const ACTIONS = [
  ['approve', 'Approve'],
  ['hide', 'Hide'],
  ['spam', 'Spam'],
  ['delete', 'Delete'],
] as const;

const FILTER_LABELS: Record<QueueFilter, string> = {
  pending: 'Waiting',
  reported: 'Reported',
  published: 'Published',
  hidden: 'Hidden',
  spam: 'Spam',
  deleted: 'Deleted',
};

const queueLink = (filter: QueueFilter, page: number) => `/admin/comments?status=${filter}${page > 1 ? `&page=${page}` : ''}`;

/** Links to the pages either side. The waiting are listed oldest first, the rest newest first. */
function Pager({ filter, page, more }: { filter: QueueFilter; page: number; more: boolean }) {
  if (page === 1 && !more) return null;
  const oldestFirst = filter === 'pending';
  const earlier = page > 1 ? <a href={queueLink(filter, page - 1)}>{oldestFirst ? '← Older' : '← Newer'}</a> : null;
  const later = more ? <a href={queueLink(filter, page + 1)}>{oldestFirst ? 'Newer →' : 'Older →'}</a> : null;
  return (
    <nav class="pager" aria-label="Pages of the comment queue">
      {earlier ?? <span />}
      <span class="meta">Page {page}</span>
      {later ?? <span />}
    </nav>
  );
}

export function QueuePage(p: {
  user: User;
  csrf: string;
  filter: QueueFilter;
  counts: Record<QueueFilter, number>;
  rows: QueueRow[];
  notice: string | null;
  page: number;
  more: boolean;
  error?: string;
}) {
  return (
    <>
      <AdminBar user={p.user} csrf={p.csrf} current="/admin/comments" />
      <h1>Comments</h1>
      <nav class="desk-tabs" aria-label="Comment queue">
        <ul>
          {FILTERS.map((f) => (
            <li>
              <a href={queueLink(f, 1)} aria-current={f === p.filter ? 'page' : undefined}>
                {`${FILTER_LABELS[f]} (${p.counts[f]})`}
              </a>
            </li>
          ))}
          <li>
            <a href="/admin/bans">Bans</a>
          </li>
        </ul>
      </nav>
      {p.notice ? (
        <p role="status" class="notice">
          {p.notice}
        </p>
      ) : null}
      {p.error ? (
        <p role="alert" class="form-problems">
          {p.error}
        </p>
      ) : null}
      {p.rows.length === 0 && !p.error ? <p>Nothing here.</p> : null}
      <Pager filter={p.filter} page={p.page} more={p.more} />
      <ol class="plain queue">
        {p.rows.map((r) => (
          <li id={`queue-${r.id}`} class="queue-item">
            <p>
              <strong>{r.author_name}</strong> &lt;{r.author_email}&gt; {r.author_url ? <span class="meta">{r.author_url}</span> : null} ·
              IP {r.ip}
              <br />
              <span class="meta">
                on <a href={`/shows/${r.slug}#comments`}>{r.title}</a>
                {r.season_number !== null ? `, season ${r.season_number}` : ''}
                {r.parent_id !== null ? `, replying to #${r.parent_id}` : ''} · {r.created_at.slice(0, 16).replace('T', ' ')} UTC ·{' '}
                {r.status}
                {r.status_reason ? ` (${r.status_reason})` : ''}
                {r.reports ? ` · ${r.reports} open report${r.reports === 1 ? '' : 's'} (${r.reportReasons})` : ''}
                {r.spoiler ? ' · marked as spoiler' : ''}
                {r.edited_at ? ' · edited' : ''}
              </span>
            </p>
            <div class="comment-body" dangerouslySetInnerHTML={{ __html: r.html }} />
            <p class="row-actions">
              {ACTIONS.filter(([a]) => !(a === 'approve' && r.status === 'published')).map(([action, label]) => (
                <form method="post" action={`/admin/comments/${r.id}/${action}`} class="inline">
                  <Csrf token={p.csrf} />
                  <input type="hidden" name="back" value={p.filter} />
                  <input type="hidden" name="page" value={String(p.page)} />
                  <button
                    type="submit"
                    class={action === 'approve' ? undefined : action === 'delete' || action === 'spam' ? 'danger' : 'secondary'}
                    aria-label={`${label} comment ${r.id} by ${r.author_name}`}
                  >
                    {label}
                  </button>{' '}
                </form>
              ))}
              <a href={`/admin/comments/${r.id}/edit`} class="button-link">
                Edit
              </a>{' '}
              <BanButton csrf={p.csrf} kind="email" value={r.author_email} label="Ban this email" />
              <BanButton csrf={p.csrf} kind="ip" value={banRange(r.ip)} label={`Ban ${banRange(r.ip)}`} />
            </p>
          </li>
        ))}
      </ol>
      <Pager filter={p.filter} page={p.page} more={p.more} />
    </>
  );
}

function BanButton({ csrf, kind, value, label }: { csrf: string; kind: 'email' | 'ip'; value: string; label: string }) {
  return (
    <form method="post" action="/admin/bans" class="inline">
      <Csrf token={csrf} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="value" value={value} />
      <button type="submit" class="secondary">
        {label}
      </button>{' '}
    </form>
  );
}

export function EditCommentPage(p: { user: User; csrf: string; id: number; body: string; error?: string }) {
  const errors: Record<string, string> = p.error ? { body: p.error } : {};
  return (
    <>
      <AdminBar user={p.user} csrf={p.csrf} current="/admin/comments" />
      <h1>Edit comment #{p.id}</h1>
      <p class="meta">The comment will show “edited by a moderator”.</p>
      <FormProblems errors={errors} />
      <form method="post" action={`/admin/comments/${p.id}/edit`} class="desk-form">
        <Csrf token={p.csrf} />
        <div class="fields">
          <Field name="body" label="Comment" wide errors={errors}>
            <textarea id="body" name="body" rows={10} maxlength={LIMITS.body} {...described('body', errors)}>
              {p.body}
            </textarea>
          </Field>
        </div>
        <p class="actions">
          <button type="submit">Save</button> <a href="/admin/comments">Back to the queue</a>
        </p>
      </form>
    </>
  );
}

export function BansPage(p: {
  user: User;
  csrf: string;
  bans: Selectable<CommentBansTable>[];
  error?: string;
  values?: Record<string, string>;
}) {
  const v = (k: string) => p.values?.[k] ?? '';
  const errors: Record<string, string> = p.error ? { [p.error.startsWith('The reason') ? 'ban-reason' : 'ban-value']: p.error } : {};
  return (
    <>
      <AdminBar user={p.user} csrf={p.csrf} current="/admin/comments" />
      <h1>Comment bans</h1>
      <p>
        <a href="/admin/comments">Back to the comment queue</a>
      </p>
      <FormProblems errors={errors} />
      <form method="post" action="/admin/bans" class="desk-form">
        <Csrf token={p.csrf} />
        <div class="fields">
          <Field name="ban-kind" label="Ban" errors={errors}>
            <select id="ban-kind" name="kind">
              <option value="email" selected={v('kind') !== 'ip'}>
                an email address
              </option>
              <option value="ip" selected={v('kind') === 'ip'}>
                an IP address or range (203.0.113.0/24)
              </option>
            </select>
          </Field>
          <Field name="ban-value" label="Value" errors={errors}>
            <input id="ban-value" name="value" value={v('value')} {...described('ban-value', errors)} />
          </Field>
          <Field name="ban-reason" label="Reason" errors={errors}>
            <input id="ban-reason" name="reason" value={v('reason')} {...described('ban-reason', errors)} />
          </Field>
        </div>
        <p class="actions">
          <button type="submit">Ban</button>
        </p>
      </form>
      <h2>Bans in force</h2>
      {p.bans.length === 0 ? <p>None.</p> : null}
      <table class="desk-table">
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Value</th>
            <th scope="col">Reason</th>
            <th scope="col">By</th>
            <th scope="col">Since</th>
            <th scope="col">
              <span class="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {p.bans.map((b) => (
            <tr>
              <td data-label="Kind">{b.kind === 'ip' ? 'IP range' : 'Email'}</td>
              <td data-label="Value">{b.value}</td>
              <td data-label="Reason">{b.reason ?? ''}</td>
              <td data-label="By">{b.created_by}</td>
              <td data-label="Since">{b.created_at.slice(0, 10)}</td>
              <td>
                <form method="post" action={`/admin/bans/${b.id}/lift`}>
                  <Csrf token={p.csrf} />
                  <button type="submit" class="secondary" aria-label={`Lift the ban on ${b.value}`}>
                    Lift
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
