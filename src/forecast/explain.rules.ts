import { formatPartialDate } from '../lang/dates.ts';
import { formatChance, type Lang, type MessageKey, t, type Values } from '../lang/i18n.ts';
import { numberWord, ordinal } from '../lang/words.rules.ts';
import type { ClaimCheck, DecisionClock } from './clock.rules.ts';
import type { EpisodeOutlook } from './episodes.rules.ts';
import type { Forecast } from './forecast.rules.ts';
import { dayNumber, MONTH_DAYS, type ShowHistory } from './history.ts';
import { normalisePlatform, platformKind } from './platforms.rules.ts';

// The forecast in plain words, each number with the evidence behind it.

export interface Cohort {
  label: string;
  /** Which shows the cohort is: the show's platform's, its kind of platform's, or all. */
  group: 'platform' | 'kind' | 'all';
  name: string;
  shows: number;
  returned: number;
  waiting: number;
  medianWaitMonths: number | null;
}

const MIN_COHORT = 8;

/** Shows like this one at the same point: how many got their next season, and how long it took. */
export function cohortEvidence(histories: ShowHistory[], show: ShowHistory, asOf: string): Cohort | null {
  const latest = show.seasons.at(-1);
  if (!latest) return null;
  const n = latest.number;
  const platform = normalisePlatform(show.platform);
  const kind = platformKind(show.platform);
  const groups: Array<[Cohort['group'], string, (h: ShowHistory) => boolean]> = [
    ['platform', show.platform ?? '', (h) => platform !== null && normalisePlatform(h.platform) === platform],
    ['kind', kind, (h) => kind !== 'unknown' && platformKind(h.platform) === kind],
    ['all', '', () => true],
  ];
  for (const [group, name, member] of groups) {
    const spells = histories
      .filter((h) => h.id !== show.id && member(h))
      .flatMap((h) => {
        const s = h.seasons.find((x) => x.number === n && x.premiered <= asOf);
        if (!s) return [];
        const next = h.seasons.find((x) => x.number === n + 1 && x.premiered <= asOf);
        const ended = h.decisions.some((d) => d.date <= asOf && (d.kind === 'cancelled' || d.kind === 'ended') && d.season <= n);
        return [{ gap: next ? dayNumber(next.premiered) - dayNumber(s.premiered) : null, ended }];
      });
    if (spells.length < MIN_COHORT) continue;
    const gaps = spells.flatMap((s) => (s.gap === null ? [] : [s.gap])).sort((a, b) => a - b);
    return {
      label: group === 'all' ? 'shows' : `${name} shows`,
      group,
      name,
      shows: spells.length,
      returned: gaps.length,
      waiting: spells.filter((s) => s.gap === null && !s.ended).length,
      medianWaitMonths: gaps.length ? Math.round((gaps[Math.floor((gaps.length - 1) / 2)] as number) / MONTH_DAYS) : null,
    };
  }
  return null;
}

/** A season's weeks in Netflix's Top 10, as published by the as-of date, and what the model makes of them. */
export interface Top10Evidence {
  season: number;
  weeks: number;
  best: { rank: number; week: string; public: string };
  english: boolean;
  /** The model's chance that a season like this ever gets a next one, and that chance had it never charted. */
  pEver: number | null;
  pEverUncharted: number | null;
}

/** The latest season's Top 10 weeks known on `asOf`; null when it has none. */
export function top10Evidence(
  show: ShowHistory,
  asOf: string,
  odds: { pEver: number; pEverUncharted: number } | null,
): Top10Evidence | null {
  const latest = show.seasons.at(-1);
  const weeks = (show.top10 ?? []).filter((w) => latest && w.season === latest.number && w.public <= asOf);
  if (!latest || weeks.length === 0) return null;
  const best = weeks.reduce((a, b) => (b.rank < a.rank || (b.rank === a.rank && b.week < a.week) ? b : a));
  return {
    season: latest.number,
    weeks: weeks.length,
    best: { rank: best.rank, week: best.week, public: best.public },
    english: best.english,
    pEver: odds?.pEver ?? null,
    pEverUncharted: odds?.pEverUncharted ?? null,
  };
}

export function explainForecast(a: {
  title: string;
  platform: string | null;
  forecast: Forecast;
  cohort: Cohort | null;
  clock: DecisionClock | null;
  claim: ClaimCheck | null;
  episodes: EpisodeOutlook | null;
  top10?: Top10Evidence | null;
  renewedOn?: string | null;
  lang?: Lang;
}): string[] {
  const lang = a.lang ?? 'en';
  const { forecast: f, title } = a;
  const say = (key: MessageKey, values?: Values) => t(lang, key, values);
  const pct = (p: number) => formatChance(lang, p);
  const day = (iso: string) => formatPartialDate({ date: iso, precision: 'day' }, lang);
  if (f.basis === 'no_season') return [say('forecast.noSeason', { title })];
  const n = f.latestSeason ?? 0;
  const next = f.nextSeason;
  const out: string[] = [];
  if (a.cohort) {
    const c = a.cohort;
    const months = c.medianWaitMonths ?? 0;
    out.push(
      say('forecast.cohort', {
        shows: c.shows,
        group: c.group,
        name: c.group === 'kind' && lang !== 'en' ? say('forecast.kind', { kind: c.name }) : c.name,
        n,
        which: ordinal(n, lang),
        returned: c.returned,
        next: ordinal(n + 1, lang),
        waiting: c.waiting,
        median: c.medianWaitMonths === null ? 'none' : 'known',
        months,
        monthsWord: numberWord(months, lang),
      }),
    );
  } else {
    out.push(say('forecast.noCohort'));
  }
  const waited = Math.round((f.waitedDays ?? 0) / MONTH_DAYS);
  switch (f.basis) {
    case 'ended':
      out.push(say('forecast.ended', { pNext: pct(f.pNext) }));
      break;
    case 'dated':
      out.push(say('forecast.dated', { p365: pct(f.pWithin365) }));
      break;
    case 'renewed':
      out.push(say('forecast.renewed', { title, on: a.renewedOn ? day(a.renewedOn) : 'none', next, pNext: pct(f.pNext) }));
      break;
    default:
      out.push(
        say('forecast.waiting', {
          title,
          months: waited,
          monthsWord: numberWord(waited, lang),
          n,
          next,
          pNext: pct(f.pNext),
          p365: pct(f.pWithin365),
          p730: pct(f.pWithin730),
        }),
      );
  }
  if (a.top10) {
    const t10 = a.top10;
    out.push(
      say('forecast.top10', {
        season: t10.season,
        weeks: t10.weeks,
        weeksWord: numberWord(t10.weeks, lang),
        english: t10.english ? 'yes' : 'no',
        rank: t10.best.rank,
        week: day(t10.best.week),
        published: day(t10.best.public),
      }),
    );
    if (f.basis === 'waiting' && t10.pEver !== null && t10.pEverUncharted !== null)
      out.push(say('forecast.top10Odds', { pEver: pct(t10.pEver), pUncharted: pct(t10.pEverUncharted) }));
  }
  if (f.quantiles) {
    const q = f.quantiles;
    out.push(say('forecast.dates', { p50: day(q.p50), p10: day(q.p10), p90: day(q.p90) }));
  }
  if (f.basis === 'waiting' && !a.clock) out.push(say('forecast.noClock'));
  if (a.clock) {
    const c = a.clock;
    out.push(
      say('forecast.clock', {
        within90: pct(c.within90),
        within30: pct(c.within30),
        within180: pct(c.within180),
        decisions: c.decisions,
      }),
    );
  }
  if (a.claim)
    out.push(say('forecast.claim', { platform: a.claim.platform, decisions: a.claim.decisions, within90: pct(a.claim.within90) }));
  if (a.episodes) {
    const e = a.episodes;
    out.push(
      say('forecast.episodes', {
        last: e.last,
        same: pct(e.same),
        fewer: pct(e.fewer),
        more: pct(e.more),
        pairs: e.pairs,
        from: lang === 'en' ? e.from : say('forecast.episodesFrom', { kind: e.fromKind }),
      }),
    );
  } else if (f.basis !== 'ended') {
    out.push(say('forecast.noEpisodes'));
  }
  if (f.basis !== 'ended') out.push(say('forecast.noCast'));
  return out;
}
