import type { Selectable } from 'kysely';
import type { User } from '../accounts/accounts.queries.ts';
import { LIMITS } from '../comments/comment.rules.ts';
import type { QueueFilter, QueueRow } from '../comments/comments.queries.ts';
import type { CommentBansTable } from '../db/schema.ts';
import { banRange } from '../web/client.ts';
import { AdminBar, Csrf } from './admin.pages.tsx';

// The moderators' queue. Only here are a commenter's email and IP address shown.

export const FILTERS: QueueFilter[] = ['pending', 'reported', 'published', 'hidden', 'spam', 'deleted'];
const ACTIONS = [
  ['approve', 'Approve'],
  ['hide', 'Hide'],
  ['spam', 'Spam'],
  ['delete', 'Delete'],
] as const;

export function QueuePage(p: {
  user: User;
  csrf: string;
  filter: QueueFilter;
  counts: Record<QueueFilter, number>;
  rows: QueueRow[];
  notice: string | null;
}) {
  return (
    <>
      <AdminBar user={p.user} csrf={p.csrf} />
      <h1>Comments</h1>
      <nav class="meta" aria-label="Comment queue">
        {FILTERS.map((f, i) => (
          <>
            {i > 0 ? ' · ' : ''}
            {f === p.filter ? (
              <strong>{`${f} (${p.counts[f]})`}</strong>
            ) : (
              <a href={`/admin/comments?status=${f}`}>{`${f} (${p.counts[f]})`}</a>
            )}
          </>
        ))}
        {' · '}
        <a href="/admin/bans">Bans</a>
      </nav>
      {p.notice ? (
        <p role="status" class="notice">
          {p.notice}
        </p>
      ) : null}
      {p.rows.length === 0 ? <p>Nothing here.</p> : null}
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
            <p>
              {ACTIONS.filter(([a]) => !(a === 'approve' && r.status === 'published')).map(([action, label]) => (
                <form method="post" action={`/admin/comments/${r.id}/${action}`} class="inline">
                  <Csrf token={p.csrf} />
                  <input type="hidden" name="back" value={p.filter} />
                  <button type="submit" aria-label={`${label} comment ${r.id} by ${r.author_name}`}>
                    {label}
                  </button>{' '}
                </form>
              ))}
              <a href={`/admin/comments/${r.id}/edit`}>Edit</a>{' '}
              <BanButton csrf={p.csrf} kind="email" value={r.author_email} label="Ban this email" />
              <BanButton csrf={p.csrf} kind="ip" value={banRange(r.ip)} label={`Ban ${banRange(r.ip)}`} />
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}

function BanButton({ csrf, kind, value, label }: { csrf: string; kind: 'email' | 'ip'; value: string; label: string }) {
  return (
    <form method="post" action="/admin/bans" class="inline">
      <Csrf token={csrf} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="value" value={value} />
      <button type="submit">{label}</button>{' '}
    </form>
  );
}

function FormError({ message }: { message: string | undefined }) {
  return message ? (
    <span class="error" role="alert">
      {' '}
      {message}
    </span>
  ) : null;
}

export function EditCommentPage(p: { user: User; csrf: string; id: number; body: string; error?: string }) {
  return (
    <>
      <AdminBar user={p.user} csrf={p.csrf} />
      <h1>Edit comment #{p.id}</h1>
      <p class="meta">The comment will show “edited by a moderator”.</p>
      <form method="post" action={`/admin/comments/${p.id}/edit`}>
        <Csrf token={p.csrf} />
        <label for="body">Comment</label>
        <br />
        <textarea id="body" name="body" rows={10} cols={70} maxlength={LIMITS.body}>
          {p.body}
        </textarea>
        <FormError message={p.error} />
        <p>
          <button type="submit">Save</button>
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
  return (
    <>
      <AdminBar user={p.user} csrf={p.csrf} />
      <h1>Comment bans</h1>
      <form method="post" action="/admin/bans">
        <Csrf token={p.csrf} />
        <label for="ban-kind">Ban</label>{' '}
        <select id="ban-kind" name="kind">
          <option value="email" selected={v('kind') !== 'ip'}>
            an email address
          </option>
          <option value="ip" selected={v('kind') === 'ip'}>
            an IP address or range (203.0.113.0/24)
          </option>
        </select>{' '}
        <label for="ban-value">Value</label> <input id="ban-value" name="value" value={v('value')} /> <label for="ban-reason">Reason</label>{' '}
        <input id="ban-reason" name="reason" value={v('reason')} /> <button type="submit">Ban</button>
        <FormError message={p.error} />
      </form>
      <table>
        <thead>
          <tr>
            <th>Kind</th>
            <th>Value</th>
            <th>Reason</th>
            <th>By</th>
            <th>Since</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {p.bans.map((b) => (
            <tr>
              <td>{b.kind}</td>
              <td>{b.value}</td>
              <td>{b.reason ?? ''}</td>
              <td>{b.created_by}</td>
              <td>{b.created_at.slice(0, 10)}</td>
              <td>
                <form method="post" action={`/admin/bans/${b.id}/lift`}>
                  <Csrf token={p.csrf} />
                  <button type="submit">Lift</button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
