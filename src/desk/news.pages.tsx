import type { User } from '../accounts/accounts.queries.ts';
import { formatPartialDate } from '../lang/dates.ts';
import type { pendingCandidates } from '../news/queue.ts';
import { KIND_LABELS, kindLabel, TIER_LABELS, tierLabel } from '../status/status.labels.ts';
import { EVENT_KINDS, TIERS } from '../status/status.rules.ts';
import { OutLink } from '../web/link.tsx';
import { safeHttpUrl } from '../web/urls.ts';
import { AdminBar, Csrf, described, Field, FormProblems } from './admin.pages.tsx';

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
      <AdminBar user={user} csrf={csrf} current="/admin/queue" />
      <h1>Review queue</h1>
      <p>
        Proposed from news feeds. Nothing changes a status until it is accepted here. <a href="/admin/feeds">Feeds</a>
      </p>
      {items.length === 0 ? <p>Nothing waiting.</p> : null}
      {items.map((c) => {
        // Each candidate's fields carry its id, so the labels on one page stay unique.
        const e = Object.fromEntries(
          Object.entries(errors?.[c.id] ?? {}).map(([f, m]) => [`${f === 'source_url' ? 'source' : f}-${c.id}`, m]),
        );
        return (
          <section aria-label={`Candidate ${c.id}`} class="candidate">
            <h2>
              <a href={`/admin/shows/${c.slug}`}>{c.title}</a>: {kindLabel(c.kind)}
              {c.season_number !== null ? `, season ${c.season_number}` : ''}
            </h2>
            <p>
              <OutLink href={c.url}>{c.headline}</OutLink>{' '}
              <span class="meta">
                ({c.feed}, {tierLabel(c.tier)})
              </span>
            </p>
            {errors?.[c.id] ? (
              <p role="alert" class="form-problems">
                {Object.entries(errors[c.id] ?? {})
                  .map(([f, m]) => `${f}: ${m}`)
                  .join('; ')}
              </p>
            ) : null}
            <form method="post" action={`/admin/queue/${c.id}/accept`} class="desk-form">
              <Csrf token={csrf} />
              <div class="fields">
                <Field name={`kind-${c.id}`} label="What happened" errors={e}>
                  <select id={`kind-${c.id}`} name="kind" {...described(`kind-${c.id}`, e)}>
                    {EVENT_KINDS.map((k) => (
                      <option value={k} selected={k === c.kind}>
                        {KIND_LABELS[k]}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field name={`season-${c.id}`} label="Season" errors={e}>
                  <input
                    id={`season-${c.id}`}
                    name="season"
                    inputmode="numeric"
                    value={c.season_number === null ? '' : String(c.season_number)}
                    {...described(`season-${c.id}`, e)}
                  />
                </Field>
                <Field name={`announced-${c.id}`} label="Announced date" errors={e}>
                  <input
                    id={`announced-${c.id}`}
                    name="announced"
                    value={c.announced_date ? formatDateInput(c.announced_date, c.announced_precision) : ''}
                    {...described(`announced-${c.id}`, e)}
                  />
                </Field>
                <Field name={`tier-${c.id}`} label="Source tier" errors={e}>
                  <select id={`tier-${c.id}`} name="tier" {...described(`tier-${c.id}`, e)}>
                    {TIERS.map((t) => (
                      <option value={t} selected={t === c.tier}>
                        {TIER_LABELS[t]}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field name={`source-${c.id}`} label="Source URL" wide errors={e}>
                  <input
                    id={`source-${c.id}`}
                    name="source_url"
                    type="url"
                    value={safeHttpUrl(c.url) ?? ''}
                    {...described(`source-${c.id}`, e)}
                  />
                </Field>
              </div>
              <p class="actions">
                <button type="submit">Accept</button>
                {/* The same form, sent to the reject action: its token is all that action reads. */}
                <button
                  type="submit"
                  class="secondary"
                  formaction={`/admin/queue/${c.id}/reject`}
                  formnovalidate
                  aria-label={`Reject candidate ${c.id}`}
                >
                  Reject
                </button>
              </p>
            </form>
          </section>
        );
      })}
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
  // The form's ids are prefixed; its errors come named by field.
  const e = Object.fromEntries(Object.entries(errors).map(([f, m]) => [`feed-${f}`, m]));
  return (
    <>
      <AdminBar user={user} csrf={csrf} current="/admin/feeds" />
      <h1>News feeds</h1>
      <p>
        <a href="/admin/queue">Review queue</a>
      </p>
      {feeds.length === 0 ? <p>No feeds yet.</p> : null}
      <table class="desk-table">
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
              <td data-label="Feed">
                {f.name}
                <br />
                <span class="meta url">{f.url}</span>
              </td>
              <td data-label="Tier">{tierLabel(f.tier)}</td>
              <td data-label="Last fetched">
                {f.last_fetched_at ? formatPartialDate({ date: f.last_fetched_at.slice(0, 10), precision: 'day' }) : 'never'}
              </td>
              <td data-label="Result">{f.last_result ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Add a feed</h2>
      <FormProblems errors={e} />
      <form method="post" action="/admin/feeds" class="desk-form">
        <Csrf token={csrf} />
        <div class="fields">
          <Field name="feed-url" label="RSS or Atom URL" wide errors={e}>
            <input id="feed-url" name="url" type="url" required value={values.url ?? ''} {...described('feed-url', e)} />
          </Field>
          <Field name="feed-name" label="Name" errors={e}>
            <input id="feed-name" name="name" required value={values.name ?? ''} {...described('feed-name', e)} />
          </Field>
          <Field name="feed-tier" label="Tier of its news" errors={e}>
            <select id="feed-tier" name="tier" {...described('feed-tier', e)}>
              {TIERS.map((t) => (
                <option value={t} selected={(values.tier ?? 'trade') === t}>
                  {TIER_LABELS[t]}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <p class="actions">
          <button type="submit">Add feed</button>
        </p>
      </form>
    </>
  );
}
