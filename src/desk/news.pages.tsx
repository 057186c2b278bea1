import type { User } from '../accounts/accounts.queries.ts';
import { formatPartialDate } from '../lang/dates.ts';
import type { pendingCandidates } from '../news/queue.ts';
import { EVENT_KINDS, TIERS } from '../status/status.rules.ts';
import { OutLink } from '../web/link.tsx';
import { safeHttpUrl } from '../web/urls.ts';
import { AdminBar, Csrf } from './admin.pages.tsx';

type Pending = Awaited<ReturnType<typeof pendingCandidates>>[number];

export function QueuePage({
  user,
  csrf,
  items,
  errors,
}: {
  user: User;
  csrf: string;
  items: Pending[];
  errors?: Record<number, Record<string, string>>;
}) {
  return (
    <>
      <AdminBar user={user} csrf={csrf} />
      <h1>Review queue</h1>
      <p>
        Proposed from news feeds. Nothing changes a status until it is accepted here. <a href="/admin/feeds">Feeds</a>
      </p>
      {items.length === 0 ? <p>Nothing waiting.</p> : null}
      {items.map((c) => (
        <section aria-label={`Candidate ${c.id}`} class="candidate">
          <h2>
            <a href={`/admin/shows/${c.slug}`}>{c.title}</a>: {c.kind}
            {c.season_number !== null ? `, season ${c.season_number}` : ''}
          </h2>
          <p>
            <OutLink href={c.url}>{c.headline}</OutLink>{' '}
            <span class="meta">
              ({c.feed}, {c.tier})
            </span>
          </p>
          {errors?.[c.id] ? (
            <p role="alert">
              {Object.entries(errors[c.id] ?? {})
                .map(([f, m]) => `${f}: ${m}`)
                .join('; ')}
            </p>
          ) : null}
          <form method="post" action={`/admin/queue/${c.id}/accept`}>
            <Csrf token={csrf} />
            <label for={`kind-${c.id}`}>Kind</label>{' '}
            <select id={`kind-${c.id}`} name="kind">
              {EVENT_KINDS.map((k) => (
                <option value={k} selected={k === c.kind}>
                  {k}
                </option>
              ))}
            </select>{' '}
            <label for={`season-${c.id}`}>Season</label>{' '}
            <input id={`season-${c.id}`} name="season" size={3} value={c.season_number === null ? '' : String(c.season_number)} />{' '}
            <label for={`announced-${c.id}`}>Announced date</label>{' '}
            <input
              id={`announced-${c.id}`}
              name="announced"
              size={10}
              value={c.announced_date ? formatDateInput(c.announced_date, c.announced_precision) : ''}
            />{' '}
            <label for={`tier-${c.id}`}>Tier</label>{' '}
            <select id={`tier-${c.id}`} name="tier">
              {TIERS.map((t) => (
                <option value={t} selected={t === c.tier}>
                  {t}
                </option>
              ))}
            </select>{' '}
            <label for={`source-${c.id}`}>Source URL</label>{' '}
            <input id={`source-${c.id}`} name="source_url" type="url" size={30} value={safeHttpUrl(c.url) ?? ''} />{' '}
            <button type="submit">Accept</button>
          </form>
          <form method="post" action={`/admin/queue/${c.id}/reject`}>
            <Csrf token={csrf} />
            <button type="submit">Reject</button>
          </form>
        </section>
      ))}
    </>
  );
}

function formatDateInput(date: string, precision: string | null): string {
  if (precision === 'month') return date.slice(0, 7);
  if (precision === 'year') return date.slice(0, 4);
  return date;
}

export function FeedsPage({
  user,
  csrf,
  feeds,
  errors,
  values,
}: {
  user: User;
  csrf: string;
  feeds: Array<{ id: number; url: string; name: string; tier: string; last_fetched_at: string | null; last_result: string | null }>;
  errors: Record<string, string>;
  values: Record<string, string>;
}) {
  return (
    <>
      <AdminBar user={user} csrf={csrf} />
      <h1>News feeds</h1>
      <p>
        <a href="/admin/queue">Review queue</a>
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Feed</th>
            <th scope="col">Tier</th>
            <th scope="col">Last fetched</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {feeds.map((f) => (
            <tr>
              <td>
                {f.name}
                <br />
                <span class="meta">{f.url}</span>
              </td>
              <td>{f.tier}</td>
              <td>{f.last_fetched_at ? formatPartialDate({ date: f.last_fetched_at.slice(0, 10), precision: 'day' }) : 'never'}</td>
              <td>{f.last_result ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Add a feed</h2>
      <form method="post" action="/admin/feeds">
        <Csrf token={csrf} />
        <p>
          <label for="feed-url">RSS or Atom URL</label>
          <br />
          <input id="feed-url" name="url" type="url" required value={values.url ?? ''} />
          {errors.url ? <span class="error"> {errors.url}</span> : null}
        </p>
        <p>
          <label for="feed-name">Name</label>
          <br />
          <input id="feed-name" name="name" required value={values.name ?? ''} />
          {errors.name ? <span class="error"> {errors.name}</span> : null}
        </p>
        <p>
          <label for="feed-tier">Tier of its news</label>
          <br />
          <select id="feed-tier" name="tier">
            {TIERS.map((t) => (
              <option value={t} selected={(values.tier ?? 'trade') === t}>
                {t}
              </option>
            ))}
          </select>
        </p>
        <button type="submit">Add feed</button>
      </form>
    </>
  );
}
