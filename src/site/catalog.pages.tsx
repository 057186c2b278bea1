import type { CalendarItem } from '../catalog/calendar.queries.ts';
import type { PersonHit, ShowPage as ShowList, ShowRow } from '../catalog/shows.queries.ts';
import type { Precision } from '../db/schema.ts';
import { updateTitle } from '../feeds/feeds.build.ts';
import type { Update } from '../feeds/feeds.queries.ts';
import { durationInWords } from '../lang/dates.ts';
import { useLang } from '../web/lang.context.ts';
import { FollowForm } from './follows.pages.tsx';
import { StatusBadge } from './shows.pages.tsx';

function ShowItem({ show }: { show: ShowRow }) {
  const { t, href } = useLang();
  return (
    <li>
      <a href={href(`/shows/${show.slug}`)}>{show.title}</a> <StatusBadge status={show.status} />
      <br />
      <span class="meta">
        {show.platform?.name ?? t('list.tv')}
        {show.premiered ? ` ${t('list.since', { year: show.premiered.slice(0, 4) })}` : ''}
        {show.originalTitle && show.originalTitle !== show.title ? ` · ${show.originalTitle}` : ''}
      </span>
    </li>
  );
}

export interface HomeLists {
  updates: Update[];
  upcoming: CalendarItem[];
  renewed: Decision[];
  cancelled: Decision[];
  waiting: Array<{ slug: string; title: string; platform: string | null; latest: string | null; season: number | null }>;
}

type Decision = {
  slug: string;
  title: string;
  kind: string;
  season_number: number | null;
  effective_date: string;
  effective_precision: Precision;
};

function DecisionList({ items, empty }: { items: Decision[]; empty: string }) {
  const { t, href, date } = useLang();
  if (items.length === 0) return <p>{empty}</p>;
  return (
    <ul class="plain">
      {items.map((d) => (
        <li>
          <a href={href(`/shows/${d.slug}`)}>{d.title}</a>
          {d.season_number !== null ? t('home.decisionSeason', { season: d.season_number }) : ''}{' '}
          <span class="meta">· {date({ date: d.effective_date, precision: d.effective_precision })}</span>
        </li>
      ))}
    </ul>
  );
}

export function HomePage({ shows, lists, today, followable }: { shows: ShowRow[]; lists: HomeLists; today: string; followable?: boolean }) {
  const { t, rich, href, date, day, lang } = useLang();
  return (
    <>
      <h1>{t('home.heading')}</h1>
      <p class="lede">{t('home.lede')}</p>
      <h2>{t('home.updates')}</h2>
      <ul class="plain">
        {lists.updates.map((u) => (
          <li>
            <time datetime={u.effective.date}>{date(u.effective)}</time> —{' '}
            <a href={href(`/shows/${u.show.slug}`)}>{updateTitle(u, lang)}</a>{' '}
            <span class="meta">[{t('tier.label', { tier: u.tier })}]</span>
          </li>
        ))}
      </ul>
      <p class="meta">
        {rich('home.feeds', {
          rss: (text) => <a href={href('/feed.xml')}>{text}</a>,
          atom: (text) => <a href={href('/feed.atom')}>{text}</a>,
          json: (text) => <a href={href('/feed.json')}>{text}</a>,
          ics: (text) => <a href={href('/calendar.ics')}>{text}</a>,
        })}
      </p>
      {followable ? <FollowForm name={t('home.anyShow')} /> : null}
      <h2>{t('home.comingUp')}</h2>
      {lists.upcoming.length === 0 ? (
        <p>{t('home.noPremieres')}</p>
      ) : (
        <ul class="plain">
          {lists.upcoming.map((p) => (
            <li>
              {rich('home.premiere', {
                show: () => <a href={href(`/shows/${p.slug}`)}>{p.title}</a>,
                season: p.season,
                date: date(p.premiere),
              })}
              {p.platform ? <span class="meta"> · {p.platform}</span> : null}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('home.renewed')}</h2>
      <DecisionList items={lists.renewed} empty={t('home.noRenewals')} />
      <h2>{t('home.cancelled')}</h2>
      <DecisionList items={lists.cancelled} empty={t('home.noCancellations')} />
      <h2>{t('home.waiting')}</h2>
      {lists.waiting.length === 0 ? <p>{t('home.noneWaiting')}</p> : null}
      <ul class="plain">
        {lists.waiting.map((w) => (
          <li>
            <a href={href(`/shows/${w.slug}`)}>{w.title}</a>
            <span class="meta">
              {' '}
              {t('home.waitingItem', {
                season: w.season ?? '?',
                date: w.latest ? day(w.latest) : 'none',
                ago: w.latest ? durationInWords(w.latest, today, lang) : '',
              })}
            </span>
          </li>
        ))}
      </ul>
      <h2>{t('home.recent')}</h2>
      {shows.length === 0 ? (
        <p>{t('home.empty')}</p>
      ) : (
        <ul class="plain">
          {shows.map((s) => (
            <ShowItem show={s} />
          ))}
        </ul>
      )}
    </>
  );
}

export function SearchPage({
  query,
  result,
  people = [],
  page,
  pageSize,
  error,
}: {
  query: string;
  result: ShowList | null;
  people?: PersonHit[];
  page: number;
  pageSize: number;
  error?: string;
}) {
  const { t, rich, href, number } = useLang();
  const pages = result ? Math.ceil(result.total / pageSize) : 0;
  const link = (p: number) => `${href('/search')}?q=${encodeURIComponent(query)}&page=${p}`;
  return (
    <>
      <h1>{query ? t('search.headingQuery', { q: query }) : t('search.heading')}</h1>
      {error ? <p role="alert">{t('search.invalid', { error })}</p> : null}
      {people.length > 0 ? (
        <section aria-labelledby="people-results">
          <h2 id="people-results">{t('search.people')}</h2>
          <ul class="plain">
            {people.map((p) => (
              <li>
                <a href={href(`/people/${p.slug}`)}>{p.name}</a>
                <span class="meta">
                  {' '}
                  ·{' '}
                  {p.credits.map((c, i) => (
                    <>
                      {i ? ', ' : ''}
                      {rich('search.credit', {
                        role: t('role.word', { role: c.role }),
                        show: () => <a href={href(`/shows/${c.show.slug}`)}>{c.show.title}</a>,
                      })}
                    </>
                  ))}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {!result ? (
        <p>{t('search.hint')}</p>
      ) : result.total === 0 ? (
        <p>{t('search.none', { q: query })}</p>
      ) : (
        <>
          <p>
            {result.fuzzy
              ? t('search.fuzzy', { q: query, n: result.total })
              : t('search.count', { q: query, n: result.total, total: number(result.total), capped: result.totalCapped ? 'yes' : 'no' })}
          </p>
          <ul class="plain">
            {result.items.map((s) => (
              <ShowItem show={s} />
            ))}
          </ul>
          {pages > 1 ? (
            <nav aria-label={t('paging.label')}>
              {page > 1 ? <a href={link(page - 1)}>{t('paging.previous')}</a> : null} {t('paging.page', { page, pages })}{' '}
              {page < pages ? <a href={link(page + 1)}>{t('paging.next')}</a> : null}
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}
