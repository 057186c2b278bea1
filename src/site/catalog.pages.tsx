import type { CalendarItem } from '../catalog/calendar.queries.ts';
import type { PersonHit, ShowPage as ShowList, ShowRow } from '../catalog/shows.queries.ts';
import type { Precision } from '../db/schema.ts';
import { updateTitle } from '../feeds/feeds.build.ts';
import type { Update } from '../feeds/feeds.queries.ts';
import { durationInWords, formatPartialDate } from '../lang/dates.ts';
import { FollowForm } from './follows.pages.tsx';
import { StatusBadge } from './shows.pages.tsx';

function ShowItem({ show }: { show: ShowRow }) {
  return (
    <li>
      <a href={`/shows/${show.slug}`}>{show.title}</a> <StatusBadge status={show.status} />
      <br />
      <span class="meta">
        {show.platform?.name ?? 'TV'}
        {show.premiered ? ` · since ${formatPartialDate({ date: show.premiered, precision: 'year' })}` : ''}
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
  if (items.length === 0) return <p>{empty}</p>;
  return (
    <ul class="plain">
      {items.map((d) => (
        <li>
          <a href={`/shows/${d.slug}`}>{d.title}</a>
          {d.season_number !== null ? `, season ${d.season_number}` : ''}{' '}
          <span class="meta">· {formatPartialDate({ date: d.effective_date, precision: d.effective_precision })}</span>
        </li>
      ))}
    </ul>
  );
}

export function HomePage({ shows, lists, today, followable }: { shows: ShowRow[]; lists: HomeLists; today: string; followable?: boolean }) {
  return (
    <>
      <h1>Will there be another season?</h1>
      <p class="lede">Renewal status, release dates and sourced updates for TV series, written from data and kept current.</p>
      <h2>Latest updates</h2>
      <ul class="plain">
        {lists.updates.map((u) => (
          <li>
            <time datetime={u.effective.date}>{formatPartialDate(u.effective)}</time> —{' '}
            <a href={`/shows/${u.show.slug}`}>{updateTitle(u)}</a> <span class="meta">[{u.tier}]</span>
          </li>
        ))}
      </ul>
      <p class="meta">
        <a href="/feed.xml">RSS</a> · <a href="/feed.atom">Atom</a> · <a href="/feed.json">JSON Feed</a> ·{' '}
        <a href="/calendar.ics">premiere calendar</a>
      </p>
      {followable ? <FollowForm name="any show" /> : null}
      <h2>Coming up</h2>
      {lists.upcoming.length === 0 ? (
        <p>No dated premieres ahead.</p>
      ) : (
        <ul class="plain">
          {lists.upcoming.map((p) => (
            <li>
              <a href={`/shows/${p.slug}`}>{p.title}</a>, season {p.season}: {formatPartialDate(p.premiere)}
              {p.platform ? <span class="meta"> · {p.platform}</span> : null}
            </li>
          ))}
        </ul>
      )}
      <h2>Recently renewed</h2>
      <DecisionList items={lists.renewed} empty="No renewals recorded yet." />
      <h2>Recently cancelled or ended</h2>
      <DecisionList items={lists.cancelled} empty="No cancellations recorded yet." />
      <h2>Waiting longest</h2>
      {lists.waiting.length === 0 ? (
        <p>No show is waiting for a decision: every one has an answer, or has been quiet for over four years.</p>
      ) : null}
      <ul class="plain">
        {lists.waiting.map((w) => (
          <li>
            <a href={`/shows/${w.slug}`}>{w.title}</a>
            <span class="meta">
              {' '}
              · season {w.season} came out {w.latest ? formatPartialDate({ date: w.latest, precision: 'day' }) : 'on a date not known'}
              {w.latest ? `, ${durationInWords(w.latest, today)} ago` : ''}, no decision yet
            </span>
          </li>
        ))}
      </ul>
      <h2>Recently updated</h2>
      {shows.length === 0 ? (
        <p>The catalogue is empty.</p>
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

export const ROLE_WORDS: Record<string, string> = {
  creator: 'creator',
  showrunner: 'showrunner',
  writer: 'writer',
  director: 'director',
  cinematographer: 'cinematographer',
  composer: 'composer',
  producer: 'producer',
  cast: 'cast',
  based_on: 'source author',
};

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
  const pages = result ? Math.ceil(result.total / pageSize) : 0;
  const link = (p: number) => `/search?q=${encodeURIComponent(query)}&page=${p}`;
  return (
    <>
      <h1>{query ? `Search: ${query}` : 'Search'}</h1>
      {error ? <p role="alert">Invalid search: {error}</p> : null}
      {people.length > 0 ? (
        <section aria-labelledby="people-results">
          <h2 id="people-results">People</h2>
          <ul class="plain">
            {people.map((p) => (
              <li>
                <a href={`/people/${p.slug}`}>{p.name}</a>
                <span class="meta">
                  {' '}
                  ·{' '}
                  {p.credits.map((c, i) => (
                    <>
                      {i ? ', ' : ''}
                      {ROLE_WORDS[c.role] ?? c.role} of <a href={`/shows/${c.show.slug}`}>{c.show.title}</a>
                    </>
                  ))}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {!result ? (
        <p>Type a title in the search box, in any language: accents and punctuation do not matter.</p>
      ) : result.total === 0 ? (
        <p>No shows match “{query}”.</p>
      ) : (
        <>
          <p>
            {result.fuzzy
              ? `No title matches “${query}” exactly; ${result.total === 1 ? 'this one is' : 'these are'} spelled closest.`
              : `${result.totalCapped ? 'More than ' : ''}${result.total.toLocaleString('en')} show${result.total === 1 ? '' : 's'} match${result.total === 1 && !result.totalCapped ? 'es' : ''} “${query}”.`}
          </p>
          <ul class="plain">
            {result.items.map((s) => (
              <ShowItem show={s} />
            ))}
          </ul>
          {pages > 1 ? (
            <nav aria-label="Pages">
              {page > 1 ? <a href={link(page - 1)}>Previous</a> : null} Page {page} of {pages}{' '}
              {page < pages ? <a href={link(page + 1)}>Next</a> : null}
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}
