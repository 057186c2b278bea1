import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ForecastService, ShowForecast } from '../forecast/forecast.service.ts';
import { formatPartialDate, isoDay } from '../lang/dates.ts';
import { type Lang, t } from '../lang/i18n.ts';
import { seasonDates } from '../status/events.queries.ts';
import { type DerivedStatus, deriveStatus } from '../status/status.rules.ts';
import { loadPopularity } from './popularity.queries.ts';
import { popularitySentences, type SeasonPopularity } from './popularity.rules.ts';
import { type NextSeasonAnswer, nextSeasonAnswer, seasonsAnswer, summary, whenAnswer } from './show.answers.ts';
import { getShowDetail, type ShowDetail, similarCandidates } from './shows.queries.ts';
import { type SimilarShow, similarShows } from './similar.rules.ts';

export interface ShowView {
  detail: ShowDetail;
  forecast: ShowForecast | null;
  status: DerivedStatus;
  summary: string;
  seasonsAnswer: string;
  next: NextSeasonAnswer;
  when: string;
  similar: SimilarShow[];
  /** Netflix's figures, one sentence per season, as published by `now`. */
  popularity: SeasonPopularity[];
  /** Why there is no forecast though the show is waiting: the fact the model lacks. */
  forecastGap: string | null;
}

/** A show with its derived status, answers and similar shows as of `now`; null for an unknown slug. */
export async function loadShowView(
  db: Kysely<Database>,
  forecasts: ForecastService,
  slug: string,
  now: Date,
  lang: Lang = 'en',
): Promise<ShowView | null> {
  const found = await getShowDetail(db, slug);
  if (!found) return null;
  const detail = inOwnLanguage(found, lang);
  const today = isoDay(now);
  const onAirSince = detail.show.premiered ?? detail.show.addedToNetflix;
  const status = deriveStatus({ seasons: seasonDates(detail.seasons.map(toSeasonRow)), events: detail.events, today, onAirSince });
  const { show, seasons, credits } = detail;
  const [candidates, popularity] = await Promise.all([similarCandidates(db, show), loadPopularity(db, show.id, today)]);
  const forecast = await forecasts.forShow(slug, now, lang);
  // The model reads dated seasons only: if a later season is known to be out without its date (a chart
  // week, a report), a forecast would be about a season that is already out.
  const latest = detail.seasons.find((s) => s.number === status.latestSeason);
  const undated =
    !!forecast &&
    (forecast.forecast.basis === 'waiting' || forecast.forecast.basis === 'no_season') &&
    !!latest?.outBy &&
    latest.number > (forecast.forecast.latestSeason ?? 0);
  return {
    detail,
    forecast: undated ? null : forecast,
    forecastGap: undated && latest ? forecastGapSentence(show.title, latest, lang) : null,
    status,
    summary: summary({ show, seasons, credits, status, lang }),
    seasonsAnswer: seasonsAnswer({ show, seasons, status, lang }),
    next: nextSeasonAnswer({ show, seasons, status, today, lang }),
    when: whenAnswer({ show, status, today, lang }),
    similar: similarShows({ show, candidates, lang }),
    popularity: popularitySentences(popularity, lang),
  };
}

/** A page in the show's own language calls it by its original title ("La casa de papel" on a Spanish page). */
function inOwnLanguage(detail: ShowDetail, lang: Lang): ShowDetail {
  const { show } = detail;
  if (lang === 'en' || show.language !== lang || !show.originalTitle || show.originalTitle === show.title) return detail;
  return { ...detail, show: { ...show, title: show.originalTitle, originalTitle: show.title } };
}

function forecastGapSentence(title: string, season: { number: number; outBy: string | null }, lang: Lang): string {
  const outBy = season.outBy ? formatPartialDate({ date: season.outBy, precision: 'day' }, lang) : 'none';
  return t(lang, 'when.gap', { n: season.number, title, outBy });
}

function toSeasonRow(s: ShowDetail['seasons'][number]) {
  return {
    number: s.number,
    premiere_date: s.premiere?.date ?? null,
    premiere_precision: s.premiere?.precision ?? ('unknown' as const),
    mean_air_date: s.meanAirDate,
    out_by: s.outBy,
  };
}
