import type { FollowerView } from '../alerts/follows.queries.ts';

// The follow form on public pages (the same for every reader: nothing in it is anyone's) and the follower's
// own pages, reached only by the signed link in their mail.

export const THRESHOLDS = [0.5, 0.75, 0.9];

/** Follow by email: works without JavaScript; the page it posts to says what happens next. */
export function FollowForm({ show, platform, name }: { show?: string; platform?: string; name: string }) {
  return (
    <form method="post" action="/follows" class="follow">
      <h2 id="follow-heading">Get an alert</h2>
      <p class="meta">
        An email when {name} is renewed, cancelled or dated, when a premiere date moves, and the day before it starts. No account; every
        mail has a one-click unsubscribe.
      </p>
      {show ? <input type="hidden" name="show" value={show} /> : null}
      {platform ? <input type="hidden" name="platform" value={platform} /> : null}
      <label>
        Email <input type="email" name="email" required autocomplete="email" maxlength={254} />
      </label>
      {show ? (
        <label>
          Also tell me when a next season within a year becomes{' '}
          <select name="threshold">
            <option value="">— (events only)</option>
            {THRESHOLDS.map((t) => (
              <option value={String(t)}>at least {Math.round(t * 100)}% likely</option>
            ))}
          </select>
        </label>
      ) : null}
      <button type="submit">Follow</button>
    </form>
  );
}

const pct = (t: number) => `${Math.round(t * 100)}%`;

/** Everything a follower has, and every way to change it. */
export function ManagePage({ view, token, siteUrl, notice }: { view: FollowerView; token: string; siteUrl: string; notice?: string }) {
  const feed = `${siteUrl}/follows/${view.feedKey}`;
  const act = (action: string, label: string, extra?: Record<string, string>) => (
    <form method="post" action="/follows/manage" class="inline">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="action" value={action} />
      {Object.entries(extra ?? {}).map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      <button type="submit">{label}</button>
    </form>
  );
  return (
    <div class="follower">
      <h1>Your alerts</h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <p>
        Alerts go to <strong>{view.address}</strong>
        {view.status === 'disabled' ? ` — stopped: ${view.disabledReason ?? 'deliveries failed'}` : ''}.
      </p>
      <h2>What you follow</h2>
      {view.follows.length === 0 ? (
        <p>Nothing at the moment.</p>
      ) : (
        <ul>
          {view.follows.map((w) => (
            <li>
              {w.slug ? <a href={`/shows/${w.slug}`}>{w.name}</a> : w.name}
              {w.threshold !== null ? ` (and when a next season within a year reaches ${pct(w.threshold)})` : ''}
              {w.confirmed ? '' : ' — waiting for confirmation'} {act('unfollow', 'Stop', { follow: String(w.id) })}
            </li>
          ))}
        </ul>
      )}
      {view.channel === 'email' ? (
        <>
          <h2>How often</h2>
          <p>
            {view.digest === 'daily' ? 'One mail a day (07:00 UTC) with all that happened.' : 'A mail as soon as something happens.'}{' '}
            {view.digest === 'daily'
              ? act('digest', 'Send each at once', { digest: 'immediate' })
              : act('digest', 'One mail a day instead', { digest: 'daily' })}
          </p>
        </>
      ) : null}
      <h2>Private feed and calendar</h2>
      <p>
        Only what you follow: <a href={`${feed}/feed.xml`}>RSS</a> · <a href={`${feed}/feed.atom`}>Atom</a> ·{' '}
        <a href={`${feed}/feed.json`}>JSON Feed</a> · <a href={`${feed}/calendar.ics`}>calendar (.ics)</a>. Anyone with these links can read
        them. {act('renew-feed', 'Make new links (the old stop working)')}
      </p>
      <h2>Leave</h2>
      <p>Your address and everything you follow are deleted at once. {act('leave', 'Leave all and delete my address')}</p>
    </div>
  );
}
