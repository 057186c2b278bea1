import type { NextSeasonAnswer } from '../catalog/show.answers.ts';
import type { ShowView } from '../catalog/show.view.ts';
import type { CreditRow } from '../catalog/shows.queries.ts';
import type { ShowForecast } from '../forecast/forecast.service.ts';
import { onDate } from '../lang/dates.ts';
import { formatChance } from '../lang/i18n.ts';
import { countryName, languageName } from '../lang/words.rules.ts';
import type { EventRow } from '../status/events.queries.ts';
import { useLang } from '../web/lang.context.ts';
import { OutLink } from '../web/link.tsx';
import { safeHttpUrl } from '../web/urls.ts';
import { type CommentsProps, CommentsSection, countLabel } from './comments.pages.tsx';
import { FollowForm } from './follows.pages.tsx';
import { Top10Chart } from './top10.chart.tsx';

export type ShowPageProps = ShowView & { comments?: CommentsProps; followable?: boolean };

const ROLES = ['creator', 'showrunner', 'based_on', 'writer', 'director', 'cinematographer', 'composer', 'producer'];

export function verdictClass(verdict: NextSeasonAnswer['verdict']): string {
  return verdict === 'Yes' || verdict === 'Coming'
    ? 'verdict-yes'
    : verdict === 'No' || verdict === 'Most likely not'
      ? 'verdict-no'
      : 'verdict-wait';
}

export function ShowPage(p: ShowPageProps) {
  const { t, rich, href, date, day, number, lang } = useLang();
  const { show, seasons, credits, ratings, episodes, events } = p.detail;
  const n = p.status.nextSeason;
  const decisionSource = p.status.decision ? events.find((e) => e.id === p.status.decision?.id)?.source : null;
  const conflict = p.status.conflict ? events.find((e) => e.id === p.status.conflict?.id) : null;
  const conflictLink = safeHttpUrl(conflict?.source?.url);
  const officialSite = safeHttpUrl(show.officialSite); // stored data is checked again: only http(s) links go out
  const feed = (file: string) => href(`/shows/${show.slug}/${file}`);
  return (
    <article>
      <p class="meta">
        {show.platform ? <a href={href(`/platforms/${show.platform.slug}`)}>{show.platform.name}</a> : t('show.tvSeries')}
        {show.country ? ` · ${countryName(show.country, false, lang)}` : ''}
        {show.language ? ` · ${languageName(show.language, lang)}` : ''}
      </p>
      <h1>{show.title}</h1>
      {show.originalTitle && show.originalTitle !== show.title ? (
        // On a page in the show's own language the title is the original, and the other one is the English.
        <p class="meta">
          {t(show.language === lang && lang !== 'en' ? 'show.englishTitle' : 'show.originalTitle', { title: show.originalTitle })}
        </p>
      ) : null}
      <p class="lede" id="summary">
        {p.summary}
      </p>
      {show.synopsis ? <p id="synopsis">{show.synopsis}</p> : null}
      {show.addedToNetflix ? (
        // Where to watch, not when it came out: the Netflix catalogue (US) dates when a title was added.
        <p class="meta" id="availability">
          {rich('show.onNetflixSince', { date: () => <time datetime={show.addedToNetflix ?? ''}>{day(show.addedToNetflix ?? '')}</time> })}
        </p>
      ) : null}
      <p class="meta">
        {rich('show.lastUpdated', { date: () => <time datetime={show.updatedAt}>{day(show.updatedAt)}</time> })}
        {show.verifiedOn ? (
          <>
            {' · '}
            {rich('show.verified', { date: () => <time datetime={show.verifiedOn ?? ''}>{day(show.verifiedOn ?? '')}</time> })}
          </>
        ) : null}
        {p.comments ? (
          <>
            {' · '}
            <a href="#comments" id="comment-count">
              {countLabel(p.comments.total, lang)}
            </a>
          </>
        ) : null}
      </p>

      <section aria-labelledby="will">
        <h2 id="will">{t('show.will', { n })}</h2>
        <p>
          <span class={`verdict ${verdictClass(p.next.verdict)}`}>{p.next.said}.</span> {p.next.sentence}
          {decisionSource ? <Cite source={decisionSource} /> : null}
        </p>
        {conflict ? (
          <p class="conflict">
            {rich('show.conflict', {
              strong: (text) => <strong>{text}</strong>,
              tier: t('tier.label', { tier: conflict.tier }),
              outlet: conflict.source?.outlet ?? 'none',
              kind: t('event.words', { kind: conflict.kind }),
              date: date(conflict.effective),
              source: () =>
                conflictLink ? (
                  <>
                    {' '}
                    <a href={conflictLink}>{t('show.source')}</a>
                  </>
                ) : (
                  ''
                ),
            })}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="when">
        <h2 id="when">{t('show.when', { n })}</h2>
        <p>{p.when}</p>
        {p.forecast ? <ForecastSection forecast={p.forecast} /> : null}
        {p.forecastGap ? <p>{p.forecastGap}</p> : null}
      </section>

      <section aria-labelledby="seasons">
        <h2 id="seasons">{t('show.howMany')}</h2>
        <p>{p.seasonsAnswer}</p>
        <section class="table-wrap" tabindex={0} aria-label={t('show.seasonsTable')}>
          <table>
            <caption class="visually-hidden">{t('show.seasonsCaption', { title: show.title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('show.season')}</th>
                <th scope="col">{t('show.premiere')}</th>
                <th scope="col">{t('show.finale')}</th>
                <th scope="col" class="num">
                  {t('show.episodesCol')}
                </th>
                <th scope="col">{t('show.release')}</th>
              </tr>
            </thead>
            <tbody>
              {seasons.map((s) => (
                <tr>
                  <th scope="row">{s.number}</th>
                  <td>
                    {s.premiere || !s.meanAirDate
                      ? date(s.premiere)
                      : t('show.premiereUnknown', { month: date({ date: s.meanAirDate, precision: 'month' }) })}
                  </td>
                  <td>{s.finale ? date(s.finale) : '—'}</td>
                  <td class="num">
                    {s.episodeCount ?? '—'}
                    {s.episodeCount !== null && s.episodeCountKind === 'announced' ? ` ${t('show.announced')}` : ''}
                  </td>
                  <td>{t('release.style', { style: s.releaseStyle ?? 'none' })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </section>

      <Updates events={events} />

      <section aria-labelledby="people">
        <h2 id="people">{t('show.castAndCrew')}</h2>
        <Crew credits={credits} />
      </section>

      {p.popularity.length > 0 ? (
        <section aria-labelledby="charts">
          <h2 id="charts">{t('show.charts')}</h2>
          {p.popularity.map((s) => (
            <div class="top10">
              <p>{s.sentence}</p>
              {s.weeks.length > 1 ? <Top10Chart season={s.season} weeks={s.weeks} /> : null}
            </div>
          ))}
          <p class="meta">
            {p.popularity.some((s) => s.weeks.length > 1) ? `${t('show.chartBars')} ` : ''}
            {t('show.chartCredit')}
          </p>
        </section>
      ) : null}

      <section aria-labelledby="ratings">
        <h2 id="ratings">{t('show.ratings')}</h2>
        {ratings.length === 0 ? (
          <p>{t('show.noRatings')}</p>
        ) : (
          <ul class="plain">
            {ratings.map((r) => (
              <li>
                {rich('show.rating', {
                  value: () => (
                    <strong>
                      {number(r.value, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}/{r.scale}
                    </strong>
                  ),
                  source: r.source === 'imdb' ? 'IMDb' : 'TVmaze',
                  season: r.season ?? 'none',
                  votes: r.votes ? number(r.votes) : 'none',
                  date: date(r.asOf),
                  on: onDate(r.asOf, lang),
                })}
                {r.cite ? <Cite source={{ ...r.cite, title: null }} /> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="episodes">
        <h2 id="episodes">{t('show.episodes')}</h2>
        {seasons.map((s) => {
          const list = episodes.filter((e) => e.season === s.number);
          const known = s.episodeCount === null && list.length === 0 ? 'unknown' : 'known';
          return (
            <details open={seasons.length === 1}>
              <summary>{t('show.seasonEpisodes', { season: s.number, count: known, n: s.episodeCount ?? list.length })}</summary>
              {list.length === 0 ? (
                <p class="meta">{t('show.noEpisodeTitles')}</p>
              ) : (
                <ol>
                  {list.map((e) => (
                    <li value={e.number}>
                      {e.title ?? t('show.episode', { n: e.number })}
                      {e.airdate ? <span class="meta"> · {day(e.airdate)}</span> : null}
                    </li>
                  ))}
                </ol>
              )}
            </details>
          );
        })}
      </section>

      <section aria-labelledby="similar">
        <h2 id="similar">{t('show.similar')}</h2>
        {p.similar.length === 0 ? (
          <p>{t('show.noSimilar')}</p>
        ) : (
          <ul class="plain">
            {p.similar.map((s) => (
              <li>
                <a href={href(`/shows/${s.show.slug}`)}>{s.show.title}</a> <StatusBadge status={s.show.status} />
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
        {rich('show.followFeeds', {
          rss: (text) => <a href={feed('feed.xml')}>{text}</a>,
          atom: (text) => <a href={feed('feed.atom')}>{text}</a>,
          json: (text) => <a href={feed('feed.json')}>{text}</a>,
          ics: (text) => <a href={feed('calendar.ics')}>{text}</a>,
        })}
      </p>
      {show.ids.imdb || officialSite ? (
        <p class="meta">
          {t('show.elsewhere')} {officialSite ? <a href={officialSite}>{t('show.officialSite')}</a> : null}
          {officialSite && show.ids.imdb ? ' · ' : null}
          {show.ids.imdb ? <a href={`https://www.imdb.com/title/${show.ids.imdb}/`}>IMDb</a> : null}
        </p>
      ) : null}
      {p.comments ? <CommentsSection {...p.comments} /> : null}
    </article>
  );
}

function ForecastSection({ forecast }: { forecast: ShowForecast }) {
  const { t, rich, href, day, lang } = useLang();
  const f = forecast.forecast;
  const pct = (p: number) => formatChance(lang, p);
  return (
    <div class="forecast" id="forecast">
      <h3>{t('show.forecast')}</h3>
      {f.basis === 'no_season' ? null : (
        <p class="odds">
          {rich('show.odds', {
            n: f.nextSeason,
            b: (text) => <strong>{text}</strong>,
            pNext: pct(f.pNext),
            p365: pct(f.pWithin365),
            p730: pct(f.pWithin730),
          })}
        </p>
      )}
      {forecast.explanation.map((sentence) => (
        <p>{sentence}</p>
      ))}
      {forecast.chartSvg && f.basis !== 'no_season' ? (
        <figure>
          <div class="chart-wide" dangerouslySetInnerHTML={{ __html: forecast.chartSvg }} />
          <div class="chart-narrow" dangerouslySetInnerHTML={{ __html: forecast.chartSvgNarrow }} />
          <figcaption class="meta">
            {rich('show.chartCaption', {
              n: f.nextSeason,
              asOf: day(f.asOf),
              how: (text) => <a href={href('/about#forecasts')}>{text}</a>,
            })}
          </figcaption>
        </figure>
      ) : null}
    </div>
  );
}

function Cite({ source }: { source: { url: string | null; outlet: string; title?: string | null } }) {
  const { rich } = useLang();
  return (
    <span class="cite"> {rich('show.cite', { outlet: source.outlet, out: (text) => <OutLink href={source.url}>{text}</OutLink> })}</span>
  );
}

function Updates({ events }: { events: EventRow[] }) {
  const { t, date } = useLang();
  const visible = events.filter((e) => !e.retracted);
  return (
    <section aria-labelledby="updates">
      <h2 id="updates">{t('show.updates')}</h2>
      {visible.length === 0 ? (
        <p>{t('show.noUpdates')}</p>
      ) : (
        <ul class="plain">
          {visible.map((e) => (
            <li>
              <time datetime={e.effective.date}>{date(e.effective)}</time> — <strong>{t('event.label', { kind: e.kind })}</strong>
              {e.season !== null ? t('show.updateSeason', { season: e.season }) : ''}
              {e.announced ? t('show.updateFor', { date: date(e.announced) }) : ''}{' '}
              <span class="meta">[{t('tier.label', { tier: e.tier })}]</span>
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
  const { t } = useLang();
  const cast = credits.filter((c) => c.role === 'cast');
  const crew = ROLES.map((role) => ({
    title: t('role.title', { role }),
    people: [...new Map(credits.filter((c) => c.role === role).map((c) => [c.person.slug, c.person])).values()],
  })).filter((r) => r.people.length > 0);
  if (cast.length === 0 && crew.length === 0) return <p>{t('show.noCredits')}</p>;
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
          <h3>{t('show.cast')}</h3>
          <ul>
            {cast.map((c) => (
              <li>
                <PersonLink person={c.person} />
                {c.character ? ` ${t('show.as', { character: c.character })}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function PersonLink({ person }: { person: CreditRow['person'] }) {
  const { href } = useLang();
  return <a href={href(`/people/${person.slug}`)}>{person.name}</a>;
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useLang();
  return <span class={`badge status-${status}`}>{t('status.label', { status })}</span>;
}
