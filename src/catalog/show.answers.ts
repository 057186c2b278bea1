import { durationInWords, formatPartialDate, hasHappened, type PartialDate } from '../lang/dates.ts';
import { count, countryName, kindOfShow, languageName, listWords, ordinal } from '../lang/words.rules.ts';
import { type DerivedStatus, DORMANT_AFTER_DAYS } from '../status/status.rules.ts';
import type { CreditRow, SeasonRow, ShowRow } from './shows.queries.ts';

// The answers a "Season 2 release date" reader looks for, as sentences built from data. Pure: `today` is passed in.

/** Joins sentences, dropping the doubled stop a title such as "Somos." leaves at a sentence end. */
export function prose(...sentences: string[]): string {
  return sentences.join(' ').replace(/(?<!\.)\.\.(?!\.)/g, '.');
}

/** "on 30 June 2021", "in June 2021", "in 2026". */
export function onDate(pd: PartialDate | null): string {
  if (!pd || pd.precision === 'unknown') return 'on a date not yet known';
  return `${pd.precision === 'day' ? 'on' : 'in'} ${formatPartialDate(pd)}`;
}

/** " on Netflix", or nothing when the catalogue does not know where the show airs. */
const onPlatform = (show: ShowRow) => (show.platform ? ` on ${show.platform.name}` : '');

/** Said once, where a sentence would otherwise name a network it does not know. */
const UNKNOWN_PLATFORM = 'The catalogue does not record which network or service makes it.';

export function releasedSeasons(seasons: SeasonRow[], status: DerivedStatus): SeasonRow[] {
  return seasons.filter((s) => status.latestSeason !== null && s.number <= status.latestSeason && s.number > 0);
}

/** One paragraph: what the show is, where and when it came out, how much of it there is, who made it. */
export function summary({
  show,
  seasons,
  credits,
  status,
}: {
  show: ShowRow;
  seasons: SeasonRow[];
  credits: CreditRow[];
  status: DerivedStatus;
}): string {
  const language = show.language && show.language !== 'en' ? `${languageName(show.language)}-language ` : '';
  const kind = kindOfShow(show.type, show.genres);
  const from = show.country ? ` from ${countryName(show.country, true)}` : '';
  const first = seasons.find((s) => s.number === 1) ?? seasons[0];
  const verb = first?.releaseStyle === 'all_at_once' ? 'released' : 'premiered';
  const article = /^[aeiou]/i.test(language || kind) ? 'an' : 'a';
  const parts = [`${show.title} is ${article} ${language}${kind}${from}, ${verb}${onPlatform(show)} ${onDate(first?.premiere ?? null)}.`];
  if (!show.platform) parts.push(UNKNOWN_PLATFORM);

  const out = releasedSeasons(seasons, status);
  const episodes = out.reduce((n, s) => n + (s.episodeCount ?? 0), 0);
  const allCounted = out.every((s) => s.episodeCount !== null);
  if (out.length === 1) parts.push(`It has one season${allCounted ? ` of ${count(episodes, 'episode')}` : ''}.`);
  else if (out.length > 1) parts.push(`It has ${count(out.length, 'season')}${allCounted ? ` and ${episodes} episodes` : ''}.`);

  const creators = names(credits, 'creator');
  const basedOn = show.basis ? ` based on ${show.basis}` : '';
  if (creators.length > 0) parts.push(`It was created by ${listWords(creators)}${basedOn ? `,${basedOn}` : ''}.`);
  else if (basedOn) parts.push(`It is${basedOn}.`);
  const directors = names(credits, 'director');
  if (directors.length > 0) parts.push(`Directed by ${listWords(directors.slice(0, 4))}${directors.length > 4 ? ' and others' : ''}.`);
  return prose(...parts);
}

export function names(credits: CreditRow[], role: string): string[] {
  return [...new Set(credits.filter((c) => c.role === role).map((c) => c.person.name))];
}

/** "How many seasons are there?" */
export function seasonsAnswer({ show, seasons, status }: { show: ShowRow; seasons: SeasonRow[]; status: DerivedStatus }): string {
  const out = releasedSeasons(seasons, status);
  if (out.length === 0) return `No season of ${show.title} has come out yet.`;
  const last = out.at(-1) as SeasonRow;
  const lead = out.length === 1 ? `There is one season of ${show.title}` : `There are ${count(out.length, 'season')} of ${show.title}`;
  const latest = out.length === 1 ? '' : `; the latest, season ${last.number}, came out ${onDate(last.premiere)}`;
  const upcoming = seasons.filter((s) => s.number > last.number);
  const more = upcoming.length > 0 ? ` Season ${upcoming.map((s) => s.number).join(' and ')} is announced.` : '';
  return prose(`${lead} so far${latest}.${more}`);
}

export interface NextSeasonAnswer {
  verdict: 'Yes' | 'No' | 'Not decided yet' | 'Most likely not' | 'Coming';
  sentence: string;
}

/** "Will there be a season N+1?" from the derived status. */
export function nextSeasonAnswer(args: { show: ShowRow; seasons: SeasonRow[]; status: DerivedStatus; today: string }): NextSeasonAnswer {
  const answer = decideNextSeason(args);
  return { ...answer, sentence: prose(answer.sentence) };
}

function decideNextSeason({
  show,
  seasons,
  status,
  today,
}: {
  show: ShowRow;
  seasons: SeasonRow[];
  status: DerivedStatus;
  today: string;
}): NextSeasonAnswer {
  const n = status.nextSeason;
  const latest = status.latestSeason;
  const by = show.platform?.name ?? null;
  const decidedOn = status.decision ? ` ${onDate(status.decision.effective)}` : '';
  switch (status.kind) {
    case 'upcoming':
      return { verdict: 'Coming', sentence: `${show.title} has not come out yet; season 1 is expected ${onDate(status.nextPremiere)}.` };
    case 'renewed':
      if (status.decision?.kind === 'renewed') {
        const last = status.nextIsFinal ? ` It will be the final season.` : '';
        const renewed = by ? `${by} renewed ${show.title}` : `${show.title} was renewed`;
        return { verdict: 'Yes', sentence: `${renewed} for a ${ordinal(n)} season${decidedOn}.${last}` };
      }
      if (status.nextIsFinal) {
        return {
          verdict: 'Yes',
          sentence: `Season ${n} is coming, and it will be the last: ${by ?? 'it was'} announced${decidedOn} that it is the final season.`,
        };
      }
      return { verdict: 'Yes', sentence: `Season ${n} has a premiere date, so it is coming.` };
    case 'cancelled':
      return {
        verdict: 'No',
        sentence: `${by ? `${by} cancelled ${show.title}` : `${show.title} was cancelled`}${decidedOn}, after ${count(latest ?? 0, 'season')}.`,
      };
    case 'ended':
      return { verdict: 'No', sentence: `${show.title} has ended: season ${latest} was the final season, as announced${decidedOn}.` };
    case 'limited':
      return {
        verdict: 'No',
        sentence: `${show.title} was made as a limited series: its story is complete in ${count(latest ?? 1, 'season')}.`,
      };
    case 'dormant': {
      const last = seasons.find((s) => s.number === latest);
      // A premiere, else the episodes' mean air date, else a day it was out by: each dates it to a year.
      const year = (last?.premiere?.date ?? last?.meanAirDate ?? last?.outBy)?.slice(0, 4) ?? null;
      const quietFor = year ? `No new season since ${year}` : 'No new season for years';
      const word = by ? `no word from ${by}` : 'no decision on record';
      return { verdict: 'Most likely not', sentence: `${quietFor} and ${word}: ${show.title} is most likely over.` };
    }
    default: {
      const last = seasons.find((s) => s.number === latest);
      const since = sinceLastSeason(last, today);
      const checked = show.verifiedOn ? ` as of the last check on ${formatPartialDate({ date: show.verifiedOn, precision: 'day' })}` : '';
      return {
        verdict: 'Not decided yet',
        sentence: by
          ? `${by} has neither renewed nor cancelled ${show.title}. ${since}, with no announcement${checked}.`
          : `No renewal or cancellation of ${show.title} is on record. ${since}. ${UNKNOWN_PLATFORM}`,
      };
    }
  }
}

function sinceLastSeason(season: SeasonRow | undefined, today: string): string {
  if (!season?.premiere && season?.outBy)
    return `Season ${season.number} was out by ${formatPartialDate({ date: season.outBy, precision: 'day' })}; its premiere date is not known`;
  if (!season?.premiere) return 'Its latest season came out on a date we do not know';
  const weekly = season.releaseStyle !== 'all_at_once' && season.finale && season.finale.precision === 'day';
  const anchor = weekly ? (season.finale as PartialDate) : season.premiere;
  const verb = weekly ? 'ended' : 'came out';
  return `It has been ${durationInWords(anchor.date, today)} since season ${season.number} ${verb} ${onDate(anchor)}`;
}

/** "When will season N+1 come out?" */
export function whenAnswer(args: { show: ShowRow; status: DerivedStatus; today: string }): string {
  return prose(decideWhen(args));
}

function decideWhen({ show, status, today }: { show: ShowRow; status: DerivedStatus; today: string }): string {
  const n = status.nextSeason;
  if (status.kind === 'cancelled' || status.kind === 'ended' || status.kind === 'limited') return `There will be no season ${n}.`;
  if (status.kind === 'dormant')
    return `No season ${n} is expected: no new season has come out in over ${count(Math.round(DORMANT_AFTER_DAYS / 365.25), 'year')}, and none is announced.`;
  if (status.nextPremiere && hasHappened(status.nextPremiere, today)) {
    // An announced date has passed with no release on record: say so rather than promise a past date.
    return `Season ${n} was scheduled for ${formatPartialDate(status.nextPremiere)}${onPlatform(show)}; its release is not recorded here yet.`;
  }
  if (status.nextPremiere) return `Season ${n} comes out ${onDate(status.nextPremiere)}${onPlatform(show)}.`;
  const by = show.platform?.name;
  if (status.kind === 'renewed')
    return by
      ? `Not announced: ${by} has renewed ${show.title} but has not given a date for season ${n}.`
      : `Not announced: ${show.title} has been renewed, but no date for season ${n} has been given.`;
  return by
    ? `Not announced: there is no release date for season ${n}, because ${by} has not decided whether to make it.`
    : `Not announced: there is no release date for season ${n}, because no decision to make it is on record.`;
}
