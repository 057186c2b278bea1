import type { Child } from 'hono/jsx';
import type { User } from '../accounts/accounts.queries.ts';
import type { ShowRow } from '../catalog/shows.queries.ts';
import type { Role } from '../db/schema.ts';
import { formatPartialDate } from '../lang/dates.ts';
import type { EventRow } from '../status/events.queries.ts';
import { KIND_LABELS, kindLabel, TIER_LABELS, tierLabel } from '../status/status.labels.ts';
import { EVENT_KINDS, TIERS } from '../status/status.rules.ts';
import { OutLink } from '../web/link.tsx';

// The editors' desk. Plain forms that work without JavaScript; every POST carries the CSRF token.

export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** The attributes that tie a form control to its hint and its error message. */
export function described(name: string, errors: Record<string, string>, hint = false) {
  const ids = [hint ? `${name}-hint` : '', errors[name] ? `${name}-error` : ''].filter(Boolean).join(' ');
  return { ...(ids ? { 'aria-describedby': ids } : {}), ...(errors[name] ? { 'aria-invalid': 'true' } : {}) };
}

/** A labelled control in a desk form's grid, its hint and then its error below it. */
export function Field({
  name,
  label,
  hint,
  wide,
  errors,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  /** Takes the form's whole width (text areas). */
  wide?: boolean;
  errors: Record<string, string>;
  children: Child;
}) {
  return (
    <div class={`field${wide ? ' field-wide' : ''}${errors[name] ? ' field-invalid' : ''}`}>
      <label for={name}>{label}</label>
      {children}
      {hint ? (
        <span class="hint" id={`${name}-hint`}>
          {hint}
        </span>
      ) : null}
      {errors[name] ? (
        <span class="error" id={`${name}-error`}>
          {errors[name]}
        </span>
      ) : null}
    </div>
  );
}

/** The message above a form sent back with mistakes. */
export function FormProblems({ errors }: { errors: Record<string, string> }) {
  const n = Object.keys(errors).length;
  return n ? (
    <p role="alert" class="form-problems">
      Please correct the {n === 1 ? 'field' : `${n} fields`} marked below.
    </p>
  ) : null;
}

function EventFields({ errors, values }: { errors: Record<string, string>; values: Record<string, string> }) {
  const v = (k: string) => values[k] ?? '';
  return (
    <div class="fields">
      <Field name="kind" label="What happened" errors={errors}>
        <select id="kind" name="kind" {...described('kind', errors)}>
          {EVENT_KINDS.map((k) => (
            <option value={k} selected={v('kind') === k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </Field>
      <Field name="season" label="Season" hint="A number; empty for the whole show" errors={errors}>
        <input id="season" name="season" inputmode="numeric" value={v('season')} {...described('season', errors, true)} />
      </Field>
      <Field name="date" label="Date" hint="2025-07-23, 2025-07, 2025-Q3 or 2025" errors={errors}>
        <input id="date" name="date" required value={v('date')} {...described('date', errors, true)} />
      </Field>
      <Field name="announced" label="Announced premiere date" hint="For the premiere-date kinds" errors={errors}>
        <input id="announced" name="announced" value={v('announced')} {...described('announced', errors, true)} />
      </Field>
      <Field name="tier" label="Source tier" errors={errors}>
        <select id="tier" name="tier" {...described('tier', errors)}>
          {TIERS.map((t) => (
            <option value={t} selected={v('tier') === t}>
              {TIER_LABELS[t]}
            </option>
          ))}
        </select>
      </Field>
      <Field name="source_url" label="Source URL" hint="Needed unless the tier is rumour" errors={errors}>
        <input id="source_url" name="source_url" type="url" value={v('source_url')} {...described('source_url', errors, true)} />
      </Field>
      <Field name="outlet" label="Outlet" hint="Empty: the source's site name" errors={errors}>
        <input id="outlet" name="outlet" value={v('outlet')} {...described('outlet', errors, true)} />
      </Field>
      <Field name="quote" label="Quote" wide errors={errors}>
        <textarea id="quote" name="quote" rows={3} {...described('quote', errors)}>
          {v('quote')}
        </textarea>
      </Field>
      <Field name="notes" label="Notes" wide errors={errors}>
        <textarea id="notes" name="notes" rows={3} {...described('notes', errors)}>
          {v('notes')}
        </textarea>
      </Field>
    </div>
  );
}

const DESK_LINKS: Array<{ href: string; label: string; roles: Role[] }> = [
  { href: '/admin', label: 'Desk', roles: ['admin', 'editor'] },
  { href: '/admin/queue', label: 'Review queue', roles: ['admin', 'editor'] },
  { href: '/admin/feeds', label: 'Feeds', roles: ['admin', 'editor'] },
  { href: '/admin/comments', label: 'Comments', roles: ['admin', 'editor', 'moderator'] },
  { href: '/admin/audit', label: 'Audit log', roles: ['admin'] },
  { href: '/admin/users', label: 'Users', roles: ['admin'] },
];

/** The desk's navigation bar: the pages the user's role opens, the current one marked, and a way out. */
export function AdminBar({ user, csrf, current }: { user: User; csrf: string; current?: string }) {
  return (
    <nav class="desk-nav" aria-label="Editors' desk">
      <ul>
        {DESK_LINKS.filter((l) => l.roles.includes(user.role)).map((l) => (
          <li>
            <a href={l.href} aria-current={l.href === current ? 'page' : undefined}>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
      <div class="desk-user">
        <span>
          {user.name} <span class="meta">({user.role})</span>
        </span>
        <form method="post" action="/admin/logout" class="inline">
          <Csrf token={csrf} />
          <button type="submit" class="secondary">
            Log out
          </button>
        </form>
      </div>
    </nav>
  );
}

export function LoginPage({ error, email, next, csrf }: { error?: string; email: string; next: string; csrf: string }) {
  return (
    <div class="desk-narrow">
      <h1>Editors' desk: log in</h1>
      {error ? (
        <p role="alert" class="form-problems">
          {error}
        </p>
      ) : null}
      <form method="post" action="/admin/login" class="desk-form">
        <Csrf token={csrf} />
        <input type="hidden" name="next" value={next} />
        <div class="fields fields-one">
          <Field name="email" label="Email" errors={{}}>
            <input id="email" name="email" type="email" autocomplete="username" required value={email} />
          </Field>
          <Field name="password" label="Password" errors={{}}>
            <input id="password" name="password" type="password" autocomplete="current-password" required />
          </Field>
        </div>
        <p class="actions">
          <button type="submit">Log in</button>
        </p>
      </form>
    </div>
  );
}

/** "Renewed, season 2" and its tier, as the desk lists an event. */
function EventSummary({ e }: { e: EventRow }) {
  return (
    <>
      {KIND_LABELS[e.kind]}
      {e.season !== null ? `, season ${e.season}` : ''} <span class="tier">{TIER_LABELS[e.tier]}</span>
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
      <AdminBar user={user} csrf={csrf} current="/admin" />
      <h1>Editors' desk</h1>
      <form method="get" action="/admin" class="desk-search">
        <label for="show-q">Find a show</label>
        <input id="show-q" name="q" type="search" value={query} />
        <button type="submit">Find</button>
      </form>
      {shows.length ? (
        <ul class="desk-list">
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
      <ul class="desk-list">
        {events.map((e) => (
          <li>
            <span class="when">{formatPartialDate(e.effective)}</span> <a href={`/admin/shows/${e.slug}`}>{e.title}</a>:{' '}
            <EventSummary e={e} />
            {e.retracted ? <strong class="retracted"> (retracted)</strong> : null}
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
      {saved ? (
        <p role="status" class="notice">
          Saved. The public page, API and status have been updated.
        </p>
      ) : null}
      <h2>Add an event</h2>
      <FormProblems errors={errors} />
      <form method="post" action={`/admin/shows/${show.slug}/events`} class="desk-form">
        <Csrf token={csrf} />
        <EventFields errors={errors} values={values} />
        <p class="actions">
          <button type="submit">Add event</button>
        </p>
      </form>
      <h2>Events</h2>
      <ul class="desk-list">
        {events.map((e) => (
          <li class={e.retracted ? 'is-retracted' : undefined}>
            <span class="when">{formatPartialDate(e.effective)}</span> <EventSummary e={e} />{' '}
            {e.source?.url ? <OutLink href={e.source.url}>{e.source.outlet}</OutLink> : null}
            {e.retracted ? (
              <strong class="retracted"> (retracted)</strong>
            ) : (
              <span class="row-actions">
                <a href={`/admin/events/${e.id}/edit`} class="button-link">
                  Edit
                </a>
                <form method="post" action={`/admin/events/${e.id}/retract`} class="inline">
                  <Csrf token={csrf} />
                  <button
                    type="submit"
                    class="secondary"
                    aria-label={`Retract ${KIND_LABELS[e.kind]} of ${formatPartialDate(e.effective)}`}
                  >
                    Retract
                  </button>
                </form>
              </span>
            )}
          </li>
        ))}
      </ul>
      <h2>Show facts</h2>
      <FormProblems errors={facts.errors} />
      <form method="post" action={`/admin/shows/${show.slug}/facts`} class="desk-form">
        <Csrf token={csrf} />
        <div class="fields">
          <Field name="title" label="Title" errors={facts.errors}>
            <input id="title" name="title" required value={fact('title')} {...described('title', facts.errors)} />
          </Field>
          <Field name="original_title" label="Original title" errors={facts.errors}>
            <input
              id="original_title"
              name="original_title"
              value={fact('original_title')}
              {...described('original_title', facts.errors)}
            />
          </Field>
          <Field name="basis" label="Based on" errors={facts.errors}>
            <input id="basis" name="basis" value={fact('basis')} {...described('basis', facts.errors)} />
          </Field>
          <Field name="official_site" label="Official site" errors={facts.errors}>
            <input
              id="official_site"
              name="official_site"
              type="url"
              value={fact('official_site')}
              {...described('official_site', facts.errors)}
            />
          </Field>
          <Field name="verified_on" label="Facts last verified" hint="YYYY-MM-DD" errors={facts.errors}>
            <input id="verified_on" name="verified_on" value={fact('verified_on')} {...described('verified_on', facts.errors, true)} />
          </Field>
          <Field name="synopsis" label="Synopsis" wide errors={facts.errors}>
            <textarea id="synopsis" name="synopsis" rows={4} {...described('synopsis', facts.errors)}>
              {fact('synopsis')}
            </textarea>
          </Field>
        </div>
        <p class="actions">
          <button type="submit">Save facts</button>
        </p>
      </form>
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
      <FormProblems errors={errors} />
      <form method="post" action={`/admin/events/${eventId}`} class="desk-form">
        <Csrf token={csrf} />
        <EventFields errors={errors} values={values} />
        <p class="actions">
          <button type="submit">Save event</button> <a href={`/admin/shows/${show.slug}`}>Back to {show.title}</a>
        </p>
      </form>
    </>
  );
}

const ACTION_LABELS: Record<string, string> = {
  'event.add': 'Added an event',
  'event.edit': 'Corrected an event',
  'event.retract': 'Retracted an event',
  'show.edit': "Edited a show's facts",
  'candidate.reject': 'Rejected a news candidate',
  'comment.approve': 'Approved a comment',
  'comment.hide': 'Hid a comment',
  'comment.spam': 'Marked a comment as spam',
  'comment.delete': 'Deleted a comment',
  'comment.hold': 'Held a comment for review',
  'comment.edit': 'Edited a comment',
  'comment.ban': 'Banned a commenter',
  'comment.unban': 'Lifted a ban',
  'comments.purge': 'Purged old comments',
  'user.add': 'Added a user',
  'user.role': "Changed a user's role",
  'user.disable': 'Disabled a user',
  'user.enable': 'Re-enabled a user',
};

// Columns an audit entry need not repeat: they name the row, or say when it was written.
const QUIET = new Set(['id', 'show_id', 'source_id', 'created_at', 'updated_at', 'entered_by']);

/** A stored value as the audit log shows it: kinds and tiers by their labels, long text cut short. */
function auditValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (key === 'kind' && typeof value === 'string') return kindLabel(value);
  if (key === 'tier' && typeof value === 'string') return tierLabel(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

const parsed = (json: string | null): Record<string, unknown> | null => {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
  } catch {
    return { value: json };
  }
};

/** What an entry changed: each field that differs, before → after (or what a new row holds). */
function AuditChange({ before, after }: { before: string | null; after: string | null }) {
  const b = parsed(before);
  const a = parsed(after);
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].filter((k) => !QUIET.has(k));
  const rows = keys.flatMap((k) => {
    const from = b ? auditValue(k, b[k]) : null;
    const to = a ? auditValue(k, a[k]) : null;
    if (from === to || (from === null && to === '—')) return [];
    return [{ k, from, to }];
  });
  if (rows.length === 0) return <span class="meta">—</span>;
  return (
    <ul class="changes">
      {rows.map((r) => (
        <li>
          <span class="meta">{r.k}:</span> {r.from !== null && r.to !== null ? `${r.from} → ${r.to}` : (r.to ?? `${r.from} (removed)`)}
        </li>
      ))}
    </ul>
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
      <AdminBar user={user} csrf={csrf} current="/admin/audit" />
      <h1>Audit log</h1>
      <table class="desk-table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr>
              <td data-label="When">{e.at.replace('T', ' ').slice(0, 16)} UTC</td>
              <td data-label="Who">{e.actor}</td>
              <td data-label="What">
                {ACTION_LABELS[e.action] ?? e.action}{' '}
                <code class="meta">
                  {e.action} {e.entity}
                  {e.entity_id === null ? '' : ` #${e.entity_id}`}
                </code>
              </td>
              <td data-label="Change">
                <AuditChange before={e.before} after={e.after} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
