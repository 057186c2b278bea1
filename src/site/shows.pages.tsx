import type { NextSeasonAnswer } from '../catalog/show.answers.ts';
import type { ShowView } from '../catalog/show.view.ts';
import type { CreditRow } from '../catalog/shows.queries.ts';
import type { ShowForecast } from '../forecast/forecast.service.ts';
import { formatPartialDate } from '../lang/dates.ts';
import { countryName, languageName } from '../lang/words.rules.ts';
import type { EventRow } from '../status/events.queries.ts';
import { OutLink } from '../web/link.tsx';
import { safeHttpUrl } from '../web/urls.ts';
import { type CommentsProps, CommentsSection, countLabel } from './comments.pages.tsx';
import { FollowForm } from './follows.pages.tsx';
import { Top10Chart } from './top10.chart.tsx';

export type ShowPageProps = ShowView & { comments?: CommentsProps; followable?: boolean };

const RELEASE_STYLE: Record<string, string> = { all_at_once: 'All at once', weekly: 'Weekly', in_parts: 'In parts' };
const ROLE_TITLES: Array<[string, string]> = [
  ['creator', 'Created by'],
  ['showrunner', 'Showrunner'],
  ['based_on', 'Based on work by'],
  ['writer', 'Written by'],
  ['director', 'Directed by'],
  ['cinematographer', 'Cinematography'],
  ['composer', 'Music'],
  ['producer', 'Produced by'],
];
const TIER_LABEL: Record<string, string> = { official: 'Official', trade: 'Trade press', report: 'Report', rumour: 'Rumour' };
const EVENT_LABEL: Record<string, string> = {
  in_development: 'In development',
  renewed: 'Renewed',
  cancelled: 'Cancelled',
  ended: 'Final season',
  limited: 'Limited series',
  production_started: 'Production started',
  production_wrapped: 'Production wrapped',
  date_announced: 'Date announced',
  date_changed: 'Date changed',
  released: 'Released',
  cast_joined: 'Cast joined',
  cast_left: 'Cast left',
  rumour: 'Rumour',
};

export function verdictClass(verdict: NextSeasonAnswer['verdict']): string {
  return verdict === 'Yes' || verdict === 'Coming'
    ? 'verdict-yes'
    : verdict === 'No' || verdict === 'Most likely not'
      ? 'verdict-no'
      : 'verdict-wait';
}

export function ShowPage(p: ShowPageProps) {
  const { show, seasons, credits, ratings, episodes, events } = p.detail;
  const n = p.status.nextSeason;
  const decisionSource = p.status.decision ? events.find((e) => e.id === p.status.decision?.id)?.source : null;
  const conflict = p.status.conflict ? events.find((e) => e.id === p.status.conflict?.id) : null;
  const conflictLink = safeHttpUrl(conflict?.source?.url);
  const officialSite = safeHttpUrl(show.officialSite); // stored data is checked again: only http(s) links go out
  return (
    <article>
      <p class="meta">
        {show.platform ? <a href={`/platforms/${show.platform.slug}`}>{show.platform.name}</a> : 'TV series'}
        {show.country ? ` · ${countryName(show.country)}` : ''}
        {show.language ? ` · ${languageName(show.language)}` : ''}
      </p>
      <h1>{show.title}</h1>
      {show.originalTitle && show.originalTitle !== show.title ? <p class="meta">Original title: {show.originalTitle}</p> : null}
      <p class="lede" id="summary">
        {p.summary}
      </p>
      {show.synopsis ? <p id="synopsis">{show.synopsis}</p> : null}
      {show.addedToNetflix ? (
        // Where to watch, not when it came out: the Netflix catalogue (US) dates when a title was added.
        <p class="meta" id="availability">
          On Netflix (US) since{' '}
          <time datetime={show.addedToNetflix}>{formatPartialDate({ date: show.addedToNetflix, precision: 'day' })}</time>, per the Netflix
          catalogue.
        </p>
      ) : null}
      <p class="meta">
        Last updated <time datetime={show.updatedAt}>{formatPartialDate({ date: show.updatedAt.slice(0, 10), precision: 'day' })}</time>
        {show.verifiedOn ? (
          <>
            {' · '}facts last verified{' '}
            <time datetime={show.verifiedOn}>{formatPartialDate({ date: show.verifiedOn, precision: 'day' })}</time>
          </>
        ) : null}
        {p.comments ? (
          <>
            {' · '}
            <a href="#comments" id="comment-count">
              {countLabel(p.comments.total)}
            </a>
          </>
        ) : null}
      </p>

      <section aria-labelledby="will">
        <h2 id="will">Will there be a season {n}?</h2>
        <p>
          <span class={`verdict ${verdictClass(p.next.verdict)}`}>{p.next.verdict}.</span> {p.next.sentence}
          {decisionSource ? <Cite source={decisionSource} /> : null}
        </p>
        {conflict ? (
          <p class="conflict">
            <strong>Conflicting report:</strong> {TIER_LABEL[conflict.tier]} source{conflict.source ? ` ${conflict.source.outlet}` : ''}{' '}
            says {(EVENT_LABEL[conflict.kind] ?? conflict.kind).toLowerCase()} ({formatPartialDate(conflict.effective)})
            {conflictLink ? (
              <>
                {' '}
                <a href={conflictLink}>source</a>
              </>
            ) : null}
            . The answer above follows the more authoritative source.
          </p>
        ) : null}
      </section>

      <section aria-labelledby="when">
        <h2 id="when">When will season {n} come out?</h2>
        <p>{p.when}</p>
        {p.forecast ? <ForecastSection forecast={p.forecast} /> : null}
        {p.forecastGap ? <p>{p.forecastGap}</p> : null}
      </section>

      <section aria-labelledby="seasons">
        <h2 id="seasons">How many seasons are there?</h2>
        <p>{p.seasonsAnswer}</p>
        <section class="table-wrap" tabindex={0} aria-label="Seasons table">
          <table>
            <caption class="visually-hidden">Seasons of {show.title}</caption>
            <thead>
              <tr>
                <th scope="col">Season</th>
                <th scope="col">Premiere</th>
                <th scope="col">Finale</th>
                <th scope="col" class="num">
                  Episodes
                </th>
                <th scope="col">Release</th>
              </tr>
            </thead>
            <tbody>
              {seasons.map((s) => (
                <tr>
                  <th scope="row">{s.number}</th>
                  <td>
                    {s.premiere || !s.meanAirDate
                      ? formatPartialDate(s.premiere)
                      : `unknown; episodes aired around ${formatPartialDate({ date: s.meanAirDate, precision: 'month' })}`}
                  </td>
                  <td>{s.finale ? formatPartialDate(s.finale) : '—'}</td>
                  <td class="num">
                    {s.episodeCount ?? '—'}
                    {s.episodeCount !== null && s.episodeCountKind === 'announced' ? ' (announced)' : ''}
                  </td>
                  <td>{s.releaseStyle ? RELEASE_STYLE[s.releaseStyle] : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </section>

      <Updates events={events} />

      <section aria-labelledby="people">
        <h2 id="people">Cast and crew</h2>
        <Crew credits={credits} />
      </section>

      {p.popularity.length > 0 ? (
        <section aria-labelledby="charts">
          <h2 id="charts">On Netflix's charts</h2>
          {p.popularity.map((s) => (
            <div class="top10">
              <p>{s.sentence}</p>
              {s.weeks.length > 1 ? <Top10Chart season={s.season} weeks={s.weeks} /> : null}
            </div>
          ))}
          <p class="meta">
            {p.popularity.some((s) => s.weeks.length > 1)
              ? "Bars: a season's rank in each week it was in the list, oldest first; a full bar is #1. "
              : ''}
            Figures: Netflix Top 10 and Netflix's engagement reports (“What We Watched”), published by Netflix.
          </p>
        </section>
      ) : null}

      <section aria-labelledby="ratings">
        <h2 id="ratings">Ratings</h2>
        {ratings.length === 0 ? (
          <p>No ratings recorded yet.</p>
        ) : (
          <ul class="plain">
            {ratings.map((r) => (
              <li>
                <strong>
                  {r.value.toFixed(1)}/{r.scale}
                </strong>{' '}
                on {r.source === 'imdb' ? 'IMDb' : 'TVmaze'}
                {r.season !== null ? ` (season ${r.season})` : ''}
                {r.votes ? `, ${r.votes.toLocaleString('en')} votes` : ''}, as of {formatPartialDate(r.asOf)}
                {r.cite ? <Cite source={{ ...r.cite, title: null }} /> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="episodes">
        <h2 id="episodes">Episodes</h2>
        {seasons.map((s) => {
          const list = episodes.filter((e) => e.season === s.number);
          return (
            <details open={seasons.length === 1}>
              <summary>
                Season {s.number}:{' '}
                {s.episodeCount === null && list.length === 0
                  ? 'episode count not known'
                  : `${s.episodeCount ?? list.length} episode${(s.episodeCount ?? list.length) === 1 ? '' : 's'}`}
              </summary>
              {list.length === 0 ? (
                <p class="meta">Episode titles are not in the catalogue yet.</p>
              ) : (
                <ol>
                  {list.map((e) => (
                    <li value={e.number}>
                      {e.title ?? `Episode ${e.number}`}
                      {e.airdate ? <span class="meta"> · {formatPartialDate({ date: e.airdate, precision: 'day' })}</span> : null}
                    </li>
                  ))}
                </ol>
              )}
            </details>
          );
        })}
      </section>

      <section aria-labelledby="similar">
        <h2 id="similar">Similar shows</h2>
        {p.similar.length === 0 ? (
          <p>No similar shows in the catalogue yet.</p>
        ) : (
          <ul class="plain">
            {p.similar.map((s) => (
              <li>
                <a href={`/shows/${s.show.slug}`}>{s.show.title}</a> <StatusBadge status={s.show.status} />
                <br />
                <span class="meta">{s.reason}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {p.followable ? (
        <section aria-labelledby="follow-heading">
          <FollowForm show={show.slug} name={show.title} />
        </section>
      ) : null}
      <p class="meta">
        Follow: <a href={`/shows/${show.slug}/feed.xml`}>RSS</a> · <a href={`/shows/${show.slug}/feed.atom`}>Atom</a> ·{' '}
        <a href={`/shows/${show.slug}/feed.json`}>JSON Feed</a> · <a href={`/shows/${show.slug}/calendar.ics`}>premiere calendar</a>
      </p>
      {show.ids.imdb || officialSite ? (
        <p class="meta">
          Elsewhere: {officialSite ? <a href={officialSite}>official site</a> : null}
          {officialSite && show.ids.imdb ? ' · ' : null}
          {show.ids.imdb ? <a href={`https://www.imdb.com/title/${show.ids.imdb}/`}>IMDb</a> : null}
        </p>
      ) : null}
      {p.comments ? <CommentsSection {...p.comments} /> : null}
    </article>
  );
}

function ForecastSection({ forecast }: { forecast: ShowForecast }) {
  const f = forecast.forecast;
  return (
    <div class="forecast" id="forecast">
      <h3>Forecast</h3>
      {f.basis === 'no_season' ? null : (
        <p class="odds">
          Chance of a season {f.nextSeason}: <strong>{Math.round(f.pNext * 100)}%</strong> · within a year:{' '}
          <strong>{Math.round(f.pWithin365 * 100)}%</strong> · within two years: <strong>{Math.round(f.pWithin730 * 100)}%</strong>
        </p>
      )}
      {forecast.explanation.map((sentence) => (
        <p>{sentence}</p>
      ))}
      {forecast.chartSvg && f.basis !== 'no_season' ? (
        <figure>
          <div dangerouslySetInnerHTML={{ __html: forecast.chartSvg }} />
          <figcaption class="meta">
            Line: chance that season {f.nextSeason} has premiered by each date. Shaded: the 80% interval; dashed: the median date. A
            backtested model, as of {f.asOf}; see <a href="/about#forecasts">how forecasts work</a>.
          </figcaption>
        </figure>
      ) : null}
    </div>
  );
}

function Cite({ source }: { source: { url: string | null; outlet: string; title?: string | null } }) {
  return (
    <span class="cite">
      {' '}
      (source: <OutLink href={source.url}>{source.outlet}</OutLink>)
    </span>
  );
}

function Updates({ events }: { events: EventRow[] }) {
  const visible = events.filter((e) => !e.retracted);
  return (
    <section aria-labelledby="updates">
      <h2 id="updates">Latest updates</h2>
      {visible.length === 0 ? (
        <p>No updates recorded yet.</p>
      ) : (
        <ul class="plain">
          {visible.map((e) => (
            <li>
              <time datetime={e.effective.date}>{formatPartialDate(e.effective)}</time> — <strong>{EVENT_LABEL[e.kind] ?? e.kind}</strong>
              {e.season !== null ? `: season ${e.season}` : ''}
              {e.announced ? `, for ${formatPartialDate(e.announced)}` : ''} <span class="meta">[{TIER_LABEL[e.tier]}]</span>
              {e.quote ? <q>{e.quote}</q> : null}
              {e.source ? <Cite source={e.source} /> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Crew({ credits }: { credits: CreditRow[] }) {
  const cast = credits.filter((c) => c.role === 'cast');
  const crew = ROLE_TITLES.map(([role, title]) => ({
    title,
    people: [...new Map(credits.filter((c) => c.role === role).map((c) => [c.person.slug, c.person])).values()],
  })).filter((r) => r.people.length > 0);
  if (cast.length === 0 && crew.length === 0) return <p>No credits recorded yet.</p>;
  return (
    <>
      {crew.length > 0 ? (
        <dl>
          {crew.map((r) => (
            <>
              <dt>{r.title}</dt>
              <dd>
                {r.people.map((person, i) => (
                  <>
                    {i ? ', ' : ''}
                    <PersonLink person={person} />
                  </>
                ))}
              </dd>
            </>
          ))}
        </dl>
      ) : null}
      {cast.length > 0 ? (
        <>
          <h3>Cast</h3>
          <ul>
            {cast.map((c) => (
              <li>
                <PersonLink person={c.person} />
                {c.character ? ` as ${c.character}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

export const STATUS_LABEL: Record<string, string> = {
  renewed: 'Renewed',
  cancelled: 'Cancelled',
  ended: 'Ended',
  limited: 'Limited series',
  undecided: 'No decision yet',
  dormant: 'Most likely over',
  upcoming: 'Upcoming',
};

function PersonLink({ person }: { person: CreditRow['person'] }) {
  return <a href={`/people/${person.slug}`}>{person.name}</a>;
}

export function StatusBadge({ status }: { status: string }) {
  return <span class={`badge status-${status}`}>{STATUS_LABEL[status] ?? status}</span>;
}
