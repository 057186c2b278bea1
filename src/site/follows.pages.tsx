import type { Child } from 'hono/jsx';
import type { FollowerView } from '../alerts/follows.queries.ts';
import { useLang } from '../web/lang.context.ts';

// The follow form on public pages (the same for every reader: nothing in it is anyone's) and the follower's
// own pages, reached only by the signed link in their mail.

export const THRESHOLDS = [0.5, 0.75, 0.9];

/**
 * Follow by email: works without JavaScript; the page it posts to says what happens next. `name` is the show's
 * title or the platform's name; with neither a show nor a platform the form follows the whole site.
 */
export function FollowForm({ show, platform, name }: { show?: string; platform?: string; name?: string }) {
  const { t, number, href } = useLang();
  const target = show ? 'show' : platform ? 'platform' : 'site';
  return (
    <form method="post" action={href('/follows')} class="follow">
      <h2 id="follow-heading">{t('follow.heading')}</h2>
      <p class="meta">{t('follow.intro', { target, name: name ?? '' })}</p>
      {show ? <input type="hidden" name="show" value={show} /> : null}
      {platform ? <input type="hidden" name="platform" value={platform} /> : null}
      <label>
        {t('follow.email')} <input type="email" name="email" required autocomplete="email" maxlength={254} />
      </label>
      {show ? (
        <label>
          {t('follow.threshold')}{' '}
          <select name="threshold">
            <option value="">{t('follow.eventsOnly')}</option>
            {THRESHOLDS.map((share) => (
              <option value={String(share)}>{t('follow.atLeast', { share: number(share, { style: 'percent' }) })}</option>
            ))}
          </select>
        </label>
      ) : null}
      <button type="submit">{t('follow.submit')}</button>
    </form>
  );
}

/** Everything a follower has, and every way to change it. */
export function ManagePage({ view, token, siteUrl, notice }: { view: FollowerView; token: string; siteUrl: string; notice?: string }) {
  const { t, rich, href, number } = useLang();
  const feed = `${siteUrl}/follows/${view.feedKey}`;
  const pct = (share: number) => number(Math.round(share * 100) / 100, { style: 'percent' });
  const feedLink = (path: string) => (text: Child[]) => <a href={`${feed}${path}`}>{text}</a>;
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
      <h1>{t('follow.manage.heading')}</h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <p>
        {rich('follow.manage.goesTo', {
          address: () => <strong>{view.address}</strong>,
          stopped: view.status === 'disabled' ? 'yes' : 'no',
          reason: view.disabledReason ?? t('follow.manage.deliveriesFailed'),
        })}
      </p>
      <h2>{t('follow.manage.following')}</h2>
      {view.follows.length === 0 ? (
        <p>{t('follow.manage.nothing')}</p>
      ) : (
        <ul>
          {view.follows.map((w) => (
            <li>
              {w.slug ? <a href={href(`/shows/${w.slug}`)}>{w.name}</a> : w.name}
              {w.threshold !== null ? t('follow.manage.threshold', { share: pct(w.threshold) }) : ''}
              {w.confirmed ? '' : t('follow.manage.unconfirmed')} {act('unfollow', t('follow.manage.stop'), { follow: String(w.id) })}
            </li>
          ))}
        </ul>
      )}
      {view.channel === 'email' ? (
        <>
          <h2>{t('follow.manage.howOften')}</h2>
          <p>
            {view.digest === 'daily' ? t('follow.manage.daily') : t('follow.manage.immediate')}{' '}
            {view.digest === 'daily'
              ? act('digest', t('follow.manage.toImmediate'), { digest: 'immediate' })
              : act('digest', t('follow.manage.toDaily'), { digest: 'daily' })}
          </p>
        </>
      ) : null}
      <h2>{t('follow.manage.feeds')}</h2>
      <p>
        {rich('follow.manage.feedLinks', {
          rss: feedLink('/feed.xml'),
          atom: feedLink('/feed.atom'),
          json: feedLink('/feed.json'),
          ics: feedLink('/calendar.ics'),
        })}{' '}
        {act('renew-feed', t('follow.manage.renewFeed'))}
      </p>
      <h2>{t('follow.manage.leave')}</h2>
      <p>
        {t('follow.manage.leaveText')} {act('leave', t('follow.manage.leaveButton'))}
      </p>
    </div>
  );
}
