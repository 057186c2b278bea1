import { durationInWords, formatPartialDate, hasHappened, onDate, type PartialDate } from '../lang/dates.ts';
import { type Lang, t } from '../lang/i18n.ts';
import { countryName, indefiniteArticle, kindWords, languageName, listWords, numberWord, ordinal } from '../lang/words.rules.ts';
import { type DerivedStatus, DORMANT_AFTER_DAYS } from '../status/status.rules.ts';
import type { CreditRow, SeasonRow, ShowRow } from './shows.queries.ts';

// The answers a "Season 2 release date" reader looks for, as sentences built from data. Pure: `today` is passed in.

/** Joins sentences, dropping the doubled stop a title such as "Somos." leaves at a sentence end. */
export function prose(...sentences: string[]): string {
  return sentences.join(' ').replace(/(?<!\.)\.\.(?!\.)/g, '.');
}

/** ICU selects take a word: 'none' stands for a value that is not there. */
const orNone = (value: string | null | undefined) => (value ? value : 'none');
const yes = (flag: boolean) => (flag ? 'yes' : 'no');

export function releasedSeasons(seasons: SeasonRow[], status: DerivedStatus): SeasonRow[] {
  return seasons.filter((s) => status.latestSeason !== null && s.number <= status.latestSeason && s.number > 0);
}

/** One paragraph: what the show is, where and when it came out, how much of it there is, who made it. */
export function summary({
  show,
  seasons,
  credits,
  status,
  lang = 'en',
}: {
  show: ShowRow;
  seasons: SeasonRow[];
  credits: CreditRow[];
  status: DerivedStatus;
  lang?: Lang;
}): string {
  const language = show.language && show.language !== lang ? languageName(show.language, lang) : null;
  const kind = kindWords(lang, show.type, show.genres);
  const first = seasons.find((s) => s.number === 1) ?? seasons[0];
  const parts = [
    t(lang, 'summary.intro', {
      title: show.title,
      article: indefiniteArticle(lang, kind, language ? `${language}-language` : kind.phrase),
      language: orNone(language),
      kind: kind.phrase,
      feminine: yes(kind.feminine),
      from: orNone(countryName(show.country, true, lang)),
      released: yes(first?.releaseStyle === 'all_at_once'),
      platform: orNone(show.platform?.name),
      on: onDate(first?.premiere ?? null, lang),
    }),
  ];
  if (!show.platform) parts.push(t(lang, 'summary.unknownPlatform'));

  const out = releasedSeasons(seasons, status);
  const episodes = out.reduce((n, s) => n + (s.episodeCount ?? 0), 0);
  if (out.length > 0) {
    parts.push(
      t(lang, 'summary.seasons', {
        seasons: out.length,
        seasonsWord: numberWord(out.length, lang),
        counted: yes(out.every((s) => s.episodeCount !== null)),
        episodes,
        episodesWord: numberWord(episodes, lang),
      }),
    );
  }
  const creators = names(credits, 'creator');
  // The catalogue writes what a show is based on in English only: other languages leave it out of the sentence.
  const basis = lang === 'en' ? orNone(show.basis) : 'none';
  if (creators.length > 0) parts.push(t(lang, 'summary.created', { creators: listWords(creators, lang), basis }));
  else if (basis !== 'none') parts.push(t(lang, 'summary.basedOn', { basis }));
  const directors = names(credits, 'director');
  if (directors.length > 0)
    parts.push(t(lang, 'summary.directed', { directors: listWords(directors.slice(0, 4), lang), more: yes(directors.length > 4) }));
  return prose(...parts);
}

export function names(credits: CreditRow[], role: string): string[] {
  return [...new Set(credits.filter((c) => c.role === role).map((c) => c.person.name))];
}

/** "How many seasons are there?" */
export function seasonsAnswer({
  show,
  seasons,
  status,
  lang = 'en',
}: {
  show: ShowRow;
  seasons: SeasonRow[];
  status: DerivedStatus;
  lang?: Lang;
}): string {
  const out = releasedSeasons(seasons, status);
  if (out.length === 0) return prose(t(lang, 'seasons.none', { title: show.title }));
  const last = out.at(-1) as SeasonRow;
  const upcoming = seasons.filter((s) => s.number > last.number).map((s) => String(s.number));
  const count = t(lang, 'seasons.count', {
    seasons: out.length,
    seasonsWord: numberWord(out.length, lang),
    title: show.title,
    latest: last.number,
    on: onDate(last.premiere, lang),
  });
  const more = upcoming.length > 0 ? t(lang, 'seasons.announced', { count: upcoming.length, numbers: listWords(upcoming, lang) }) : null;
  return prose(count, ...(more ? [more] : []));
}

export type Verdict = 'Yes' | 'No' | 'Not decided yet' | 'Most likely not' | 'Coming';

export interface NextSeasonAnswer {
  /** The verdict's key (the API's value); `said` is how the page's language puts it. */
  verdict: Verdict;
  said: string;
  sentence: string;
}

/** "Will there be a season N+1?" from the derived status. */
export function nextSeasonAnswer(args: {
  show: ShowRow;
  seasons: SeasonRow[];
  status: DerivedStatus;
  today: string;
  lang?: Lang;
}): NextSeasonAnswer {
  const lang = args.lang ?? 'en';
  const answer = decideNextSeason({ ...args, lang });
  return { verdict: answer.verdict, said: t(lang, `verdict.${answer.verdict}`), sentence: prose(...answer.sentences) };
}

function decideNextSeason({
  show,
  seasons,
  status,
  today,
  lang,
}: {
  show: ShowRow;
  seasons: SeasonRow[];
  status: DerivedStatus;
  today: string;
  lang: Lang;
}): { verdict: Verdict; sentences: string[] } {
  const n = status.nextSeason;
  const latest = status.latestSeason;
  const by = orNone(show.platform?.name);
  const title = show.title;
  const on = status.decision ? onDate(status.decision.effective, lang) : 'none';
  const say = (verdict: Verdict, ...sentences: string[]) => ({ verdict, sentences });
  switch (status.kind) {
    case 'upcoming':
      return say('Coming', t(lang, 'next.upcoming', { title, on: onDate(status.nextPremiere, lang) }));
    case 'renewed':
      if (status.decision?.kind === 'renewed')
        return say('Yes', t(lang, 'next.renewed', { by, title, ordinal: ordinal(n, lang), on, final: yes(status.nextIsFinal) }));
      if (status.nextIsFinal) return say('Yes', t(lang, 'next.finalComing', { n, by, on }));
      return say('Yes', t(lang, 'next.dated', { n }));
    case 'cancelled':
      return say('No', t(lang, 'next.cancelled', { by, title, on, seasons: latest ?? 0, seasonsWord: numberWord(latest ?? 0, lang) }));
    case 'ended':
      return say('No', t(lang, 'next.ended', { title, latest: latest ?? 0, on }));
    case 'limited':
      return say('No', t(lang, 'next.limited', { title, seasons: latest ?? 1, seasonsWord: numberWord(latest ?? 1, lang) }));
    case 'dormant': {
      const last = seasons.find((s) => s.number === latest);
      // A premiere, else the episodes' mean air date, else a day it was out by: each dates it to a year.
      const year = (last?.premiere?.date ?? last?.meanAirDate ?? last?.outBy)?.slice(0, 4) ?? null;
      return say('Most likely not', t(lang, 'next.dormant', { year: orNone(year), by, title }));
    }
    default: {
      const last = seasons.find((s) => s.number === latest);
      const since = sinceLastSeason(last, today, lang);
      if (!show.platform)
        return say('Not decided yet', t(lang, 'next.undecidedUnknown', { title, since }), t(lang, 'summary.unknownPlatform'));
      const checked = show.verifiedOn ? formatPartialDate({ date: show.verifiedOn, precision: 'day' }, lang) : 'none';
      return say('Not decided yet', t(lang, 'next.undecided', { by, title, since, checked }));
    }
  }
}

function sinceLastSeason(season: SeasonRow | undefined, today: string, lang: Lang): string {
  if (!season?.premiere && season?.outBy)
    return t(lang, 'since.outBy', { n: season.number, date: formatPartialDate({ date: season.outBy, precision: 'day' }, lang) });
  if (!season?.premiere) return t(lang, 'since.unknown');
  const weekly = season.releaseStyle !== 'all_at_once' && season.finale && season.finale.precision === 'day';
  const anchor = weekly ? (season.finale as PartialDate) : season.premiere;
  return t(lang, 'since.anchor', {
    duration: durationInWords(anchor.date, today, lang),
    n: season.number,
    ended: yes(Boolean(weekly)),
    on: onDate(anchor, lang),
  });
}

/** "When will season N+1 come out?" */
export function whenAnswer(args: { show: ShowRow; status: DerivedStatus; today: string; lang?: Lang }): string {
  return prose(decideWhen({ ...args, lang: args.lang ?? 'en' }));
}

function decideWhen({ show, status, today, lang }: { show: ShowRow; status: DerivedStatus; today: string; lang: Lang }): string {
  const n = status.nextSeason;
  const platform = orNone(show.platform?.name);
  if (status.kind === 'cancelled' || status.kind === 'ended' || status.kind === 'limited') return t(lang, 'when.none', { n });
  if (status.kind === 'dormant') {
    const years = Math.round(DORMANT_AFTER_DAYS / 365.25);
    return t(lang, 'when.dormant', { n, years, yearsWord: numberWord(years, lang) });
  }
  if (status.nextPremiere && hasHappened(status.nextPremiere, today)) {
    // An announced date has passed with no release on record: say so rather than promise a past date.
    const date = formatPartialDate(status.nextPremiere, lang);
    return t(lang, 'when.passed', { n, date, on: onDate(status.nextPremiere, lang), platform });
  }
  if (status.nextPremiere) return t(lang, 'when.comes', { n, on: onDate(status.nextPremiere, lang), platform });
  const values = { n, by: platform, title: show.title };
  return t(lang, status.kind === 'renewed' ? 'when.renewedNoDate' : 'when.undecided', values);
}
