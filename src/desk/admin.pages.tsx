import type { Child } from 'hono/jsx';
import type { User } from '../accounts/accounts.queries.ts';
import type { ShowRow } from '../catalog/shows.queries.ts';
import { formatPartialDate } from '../lang/dates.ts';
import type { EventRow } from '../status/events.queries.ts';
import { EVENT_KINDS, TIERS } from '../status/status.rules.ts';
import { OutLink } from '../web/link.tsx';

// The editors' desk. Plain forms that work without JavaScript; every POST carries the CSRF token.

export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

function Field({ name, label, errors, children }: { name: string; label: string; errors: Record<string, string>; children: Child }) {
  return (
    <p>
      <label for={name}>{label}</label>
      <br />
      {children}
      {errors[name] ? (
        <span class="error" id={`${name}-error`} role="alert">
          {' '}
          {errors[name]}
        </span>
      ) : null}
    </p>
  );
}

function EventFields({ errors, values }: { errors: Record<string, string>; values: Record<string, string> }) {
  const v = (k: string) => values[k] ?? '';
  return (
    <>
      <Field name="kind" label="Kind" errors={errors}>
        <select id="kind" name="kind">
          {EVENT_KINDS.map((k) => (
            <option value={k} selected={v('kind') === k}>
              {k}
            </option>
          ))}
        </select>
      </Field>
      <Field name="season" label="Season" errors={errors}>
        <input id="season" name="season" inputmode="numeric" value={v('season')} />
      </Field>
      <Field name="date" label="Date (2025-07-23, 2025-07, 2025-Q3 or 2025)" errors={errors}>
        <input id="date" name="date" required value={v('date')} />
      </Field>
      <Field name="announced" label="Announced premiere date (for date kinds)" errors={errors}>
        <input id="announced" name="announced" value={v('announced')} />
      </Field>
      <Field name="tier" label="Source tier" errors={errors}>
        <select id="tier" name="tier">
          {TIERS.map((t) => (
            <option value={t} selected={v('tier') === t}>
              {t}
            </option>
          ))}
        </select>
      </Field>
      <Field name="source_url" label="Source URL" errors={errors}>
        <input id="source_url" name="source_url" type="url" value={v('source_url')} />
      </Field>
      <Field name="outlet" label="Outlet" errors={errors}>
        <input id="outlet" name="outlet" value={v('outlet')} />
      </Field>
      <Field name="quote" label="Quote" errors={errors}>
        <textarea id="quote" name="quote">
          {v('quote')}
        </textarea>
      </Field>
      <Field name="notes" label="Notes" errors={errors}>
        <textarea id="notes" name="notes">
          {v('notes')}
        </textarea>
      </Field>
    </>
  );
}

export function AdminBar({ user, csrf }: { user: User; csrf: string }) {
  return (
    <nav class="meta" aria-label="Editors' desk">
      {user.role !== 'moderator' ? <a href="/admin">Desk</a> : null}
      {user.role !== 'moderator' ? ' · ' : null}
      <a href="/admin/comments">Comments</a>
      {user.role !== 'moderator' ? (
        <>
          {' · '}
          <a href="/admin/queue">Review queue</a>
          {' · '}
          <a href="/admin/feeds">Feeds</a>
        </>
      ) : null}
      {user.role === 'admin' ? (
        <>
          {' · '}
          <a href="/admin/audit">Audit log</a>
        </>
      ) : null}
      {' · '}
      {user.name} ({user.role}){' '}
      <form method="post" action="/admin/logout" class="inline">
        <Csrf token={csrf} />
        <button type="submit">Log out</button>
      </form>
    </nav>
  );
}

export function LoginPage({ error, email, next, csrf }: { error?: string; email: string; next: string; csrf: string }) {
  return (
    <>
      <h1>Editors' desk: log in</h1>
      {error ? <p role="alert">{error}</p> : null}
      <form method="post" action="/admin/login">
        <Csrf token={csrf} />
        <input type="hidden" name="next" value={next} />
        <Field name="email" label="Email" errors={{}}>
          <input id="email" name="email" type="email" autocomplete="username" required value={email} />
        </Field>
        <Field name="password" label="Password" errors={{}}>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
        </Field>
        <button type="submit">Log in</button>
      </form>
    </>
  );
}

export function DeskPage({
  user,
  csrf,
  query,
  shows,
  events,
}: {
  user: User;
  csrf: string;
  query: string;
  shows: ShowRow[];
  events: Array<EventRow & { slug: string; title: string }>;
}) {
  return (
    <>
      <AdminBar user={user} csrf={csrf} />
      <h1>Editors' desk</h1>
      <form method="get" action="/admin">
        <label for="show-q">Find a show</label> <input id="show-q" name="q" value={query} /> <button type="submit">Find</button>
      </form>
      {shows.length ? (
        <ul>
          {shows.map((s) => (
            <li>
              <a href={`/admin/shows/${s.slug}`}>{s.title}</a> <span class="meta">{s.platform?.name ?? ''}</span>
            </li>
          ))}
        </ul>
      ) : query ? (
        <p>No show matches.</p>
      ) : null}
      <h2>Latest status events</h2>
      <ul class="plain">
        {events.map((e) => (
          <li>
            {formatPartialDate(e.effective)} — <a href={`/admin/shows/${e.slug}`}>{e.title}</a>: {e.kind}
            {e.season !== null ? `, season ${e.season}` : ''} <span class="meta">[{e.tier}]</span>
            {e.retracted ? <strong> (retracted)</strong> : null}
          </li>
        ))}
      </ul>
    </>
  );
}

export function ShowDeskPage({
  user,
  csrf,
  show,
  events,
  errors,
  values,
  saved,
  facts,
}: {
  user: User;
  csrf: string;
  show: ShowRow;
  events: EventRow[];
  errors: Record<string, string>;
  values: Record<string, string>;
  saved?: boolean;
  facts: { values: Record<string, string | null>; errors: Record<string, string> };
}) {
  const fact = (k: string) => facts.values[k] ?? '';
  return (
    <>
      <AdminBar user={user} csrf={csrf} />
      <h1>
        {show.title} <span class="meta">status events</span>
      </h1>
      <p>
        <a href={`/shows/${show.slug}`}>Public page</a>
      </p>
      {saved ? <p role="status">Saved. The public page, API and status have been updated.</p> : null}
      <h2>Add an event</h2>
      {Object.keys(errors).length ? <p role="alert">Please correct the fields marked below.</p> : null}
      <form method="post" action={`/admin/shows/${show.slug}/events`}>
        <Csrf token={csrf} />
        <EventFields errors={errors} values={values} />
        <button type="submit">Add event</button>
      </form>
      <h2>Show facts</h2>
      <form method="post" action={`/admin/shows/${show.slug}/facts`}>
        <Csrf token={csrf} />
        <Field name="title" label="Title" errors={facts.errors}>
          <input id="title" name="title" required value={fact('title')} />
        </Field>
        <Field name="original_title" label="Original title" errors={facts.errors}>
          <input id="original_title" name="original_title" value={fact('original_title')} />
        </Field>
        <Field name="synopsis" label="Synopsis" errors={facts.errors}>
          <textarea id="synopsis" name="synopsis" rows={3} cols={60}>
            {fact('synopsis')}
          </textarea>
        </Field>
        <Field name="basis" label="Based on" errors={facts.errors}>
          <input id="basis" name="basis" value={fact('basis')} />
        </Field>
        <Field name="official_site" label="Official site" errors={facts.errors}>
          <input id="official_site" name="official_site" type="url" value={fact('official_site')} />
        </Field>
        <Field name="verified_on" label="Facts last verified (YYYY-MM-DD)" errors={facts.errors}>
          <input id="verified_on" name="verified_on" value={fact('verified_on')} />
        </Field>
        <button type="submit">Save facts</button>
      </form>
      <h2>Events</h2>
      <ul class="plain">
        {events.map((e) => (
          <li>
            {formatPartialDate(e.effective)} — {e.kind}
            {e.season !== null ? `, season ${e.season}` : ''} <span class="meta">[{e.tier}]</span>{' '}
            {e.source?.url ? <OutLink href={e.source.url}>{e.source.outlet}</OutLink> : null}
            {e.retracted ? (
              <strong> (retracted)</strong>
            ) : (
              <form method="post" action={`/admin/events/${e.id}/retract`} class="inline">
                <a href={`/admin/events/${e.id}/edit`}>Edit</a>
                <Csrf token={csrf} /> <button type="submit">Retract</button>
              </form>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

export function EditEventPage({
  user,
  csrf,
  show,
  eventId,
  errors,
  values,
}: {
  user: User;
  csrf: string;
  show: ShowRow;
  eventId: number;
  errors: Record<string, string>;
  values: Record<string, string>;
}) {
  return (
    <>
      <AdminBar user={user} csrf={csrf} />
      <h1>
        Edit event #{eventId} <span class="meta">{show.title}</span>
      </h1>
      {Object.keys(errors).length ? <p role="alert">Please correct the fields marked below.</p> : null}
      <form method="post" action={`/admin/events/${eventId}`}>
        <Csrf token={csrf} />
        <EventFields errors={errors} values={values} />
        <button type="submit">Save event</button>
      </form>
      <p>
        <a href={`/admin/shows/${show.slug}`}>Back to {show.title}</a>
      </p>
    </>
  );
}

export function AuditPage({
  user,
  csrf,
  entries,
}: {
  user: User;
  csrf: string;
  entries: Array<{
    id: number;
    actor: string;
    action: string;
    entity: string;
    entity_id: number | null;
    before: string | null;
    after: string | null;
    at: string;
  }>;
}) {
  return (
    <>
      <AdminBar user={user} csrf={csrf} />
      <h1>Audit log</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Before → after</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr>
              <td>{e.at.replace('T', ' ').slice(0, 19)}</td>
              <td>{e.actor}</td>
              <td>
                {e.action} {e.entity} #{e.entity_id}
              </td>
              <td>
                <code>{e.before ?? '—'}</code> → <code>{e.after ?? '—'}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
