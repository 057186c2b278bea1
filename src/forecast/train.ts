import { nextSeasonStatus } from './decisions.rules.ts';
import { fitEver, pEver } from './ever.model.ts';
import { type Design, fitHazard, hazardDesign, type Params, rowHazards, type Spell } from './hazard.model.ts';
import { dayNumber, isoFromDay, MONTH_DAYS, type ShowHistory } from './history.ts';
import { INDUSTRY_PAUSES, type PauseEvent, pausesAsOf, type Span, stoppageMonths } from './pauses.rules.ts';
import { normalisePlatform, platformKind } from './platforms.rules.ts';

// Turns show histories into the model's training spells, and learns what the status rules need.

// Eras and season numbers are coded against a reference level (2010–14; season 2) that the baseline carries.
export function eraOf(year: number): string | null {
  return year < 2000 ? 'era:1990s' : year < 2010 ? 'era:2000s' : year < 2015 ? null : year < 2020 ? 'era:2015-19' : 'era:2020s';
}

export function seasonBucket(n: number): string | null {
  return n === 2 ? null : `season:${n >= 4 ? '4+' : n}`;
}

/** The static features of a show's wait after its season `number`, premiered on `premiered`. */
export function spellFeatures(show: Pick<ShowHistory, 'platform' | 'genres' | 'country'>, number: number, premiered: string): string[] {
  const features = [seasonBucket(number), eraOf(Number(premiered.slice(0, 4)))].filter((f): f is string => f !== null);
  const platform = normalisePlatform(show.platform);
  if (platform) features.push(`platform:${platform}`);
  for (const g of show.genres.slice(0, 3)) features.push(`genre:${g.toLowerCase()}`);
  if (show.country) features.push(`country:${show.country.toLowerCase()}`);
  return features;
}

/** Hits take longer to make again: what says whether a season returns also shapes when. */
export function timingFeatures(show: ShowHistory, number: number, premiered: string, ever: string[]): string[] {
  return [...spellFeatures(show, number, premiered), ...ever.filter((f) => /^(top10:|type:|lang:|limited|gap:)/.test(f))];
}

/** Netflix's weekly Top 10 begins with the week ending 2021-07-04: seasons out since its Monday can be measured. */
const TOP10_FROM = '2021-06-28';
/** A season's popularity: its weeks in the Top 10 within the first lists after its release. */
const FIRST_WEEKS_DAYS = 34;
/** Day numbers count from Thursday 1970-01-01, so Sundays are those ≡ 3 (mod 7); Top 10 weeks end on Sundays. */
const SUNDAY = 3;

/** What says whether a season will ever be followed by another, as known on `asOf`. */
export function everFeatures(show: ShowHistory, number: number, premiered: string, asOf: string, top10Through: string | null): string[] {
  const features = [seasonBucket(number), eraOf(Number(premiered.slice(0, 4)))].filter((f): f is string => f !== null);
  const kind = platformKind(show.platform);
  if (kind !== 'unknown') features.push(`kind:${kind}`);
  const platform = normalisePlatform(show.platform);
  if (platform) features.push(`platform:${platform}`);
  if (show.kind && show.kind !== 'scripted') features.push(`type:${show.kind}`);
  // The show's own rhythm: how long its latest gap between seasons was.
  const previous = show.seasons.find((s) => s.number === number - 1);
  if (previous) {
    const gap = (dayNumber(premiered) - dayNumber(previous.premiered)) / MONTH_DAYS;
    features.push(`gap:${gap < 10 ? '<10' : gap < 14 ? '10-14' : gap < 20 ? '14-20' : '20+'}`);
  }
  const weeks = (show.top10 ?? []).filter((w) => w.season === number && w.public <= asOf);
  const english = show.language ? show.language === 'en' : weeks.length > 0 ? weeks.some((w) => w.english) : null;
  if (english === false) features.push('lang:other');
  if (weeks.some((w) => w.limited)) features.push('limited');
  const day = dayNumber(premiered);
  const firstWeeksEnd = isoFromDay(day + FIRST_WEEKS_DAYS);
  const firstSunday = isoFromDay(day + ((SUNDAY - (day % 7) + 7) % 7));
  // Measured only where the season could have charted and the list of its first week is out (by `asOf` and in the data).
  if (platform === 'netflix' && top10Through && premiered >= TOP10_FROM && top10Through >= firstSunday) {
    const first = weeks.filter((w) => w.week <= firstWeeksEnd);
    const n = first.length;
    features.push(`top10:${n === 0 ? '0' : n === 1 ? '1' : n <= 3 ? '2-3' : '4+'}`);
    if (first.some((w) => w.rank <= 3)) features.push('top10:top3');
  }
  return features;
}

/** The latest Top 10 week published by `asOf`, in any history; null when there are none. */
export function top10Through(histories: ShowHistory[], asOf: string): string | null {
  let latest: string | null = null;
  for (const h of histories) for (const w of h.top10 ?? []) if (w.public <= asOf && (latest === null || w.week > latest)) latest = w.week;
  return latest;
}

export interface TrainingSpell extends Spell {
  /** Features of the chance it ever returns. */
  ever: string[];
  /** What the decisions known by `asOf` say: it was ordered, it was stopped, or nothing. */
  known: 'renewed' | 'ended' | null;
  /** Recent seasons count more: halves every RECENCY_HALF_LIFE days before `asOf`. */
  recency: number;
}

const RECENCY_HALF_LIFE = 2 * 365;

/** One spell per season premiered by `asOf`: to the next premiere, or censored at `asOf`, with the stoppages it ran into. */
export function spellsFrom(histories: ShowHistory[], asOf: string, spans: Span[] = [], through: string | null = null): TrainingSpell[] {
  const spells: TrainingSpell[] = [];
  const today = dayNumber(asOf);
  for (const show of histories) {
    // A record known only up to some day says nothing about later seasons: censor it there.
    const until = show.checkedUntil && show.checkedUntil < asOf ? show.checkedUntil : asOf;
    const seasons = show.seasons.filter((s) => s.premiered <= asOf).sort((a, b) => a.number - b.number);
    const kind = platformKind(show.platform);
    seasons.forEach((season, i) => {
      const next = seasons[i + 1];
      const start = dayNumber(season.premiered);
      const days = (next ? dayNumber(next.premiered) : dayNumber(until)) - start;
      if (days <= 0) return;
      const status = next ? null : nextSeasonStatus(show, season.number, until).basis;
      const ever = everFeatures(show, season.number, season.premiered, asOf, through);
      spells.push({
        features: timingFeatures(show, season.number, season.premiered, ever),
        ever,
        monthly: stoppageMonths(spans, start, Math.ceil(days / MONTH_DAYS) + 1),
        kind,
        days,
        event: next !== undefined,
        known: status === 'ended' ? 'ended' : status === 'renewed' || status === 'dated' ? 'renewed' : null,
        recency: 0.5 ** ((today - start) / RECENCY_HALF_LIFE),
      });
    });
  }
  return spells;
}

export interface LeadStats {
  /** Share of renewals followed by the renewed season's premiere (the rest were reversed). */
  renewalHolds: number;
  /** Shortest usual time from a renewal to the premiere (10th percentile), in days. */
  minLeadDays: number;
  /** Observed renewal → premiere lead times, days. */
  leads: number[];
  renewals: number;
  /** Kaplan–Meier survival of the renewal → premiere wait, by month, per platform kind and for all ('*'); pending renewals censored. */
  survival: Record<string, { events: number } & KaplanMeier>;
}

const LEAD_MONTHS = 72;

export interface KaplanMeier {
  /** s[m]: still waiting after m months. */
  s: number[];
  /** atRisk[m]: waits observed into month m. */
  atRisk: number[];
}

/** Kaplan–Meier by month: waits (days) with whether the premiere came. */
export function kaplanMeier(spells: Array<{ days: number; event: boolean }>, months = LEAD_MONTHS): KaplanMeier {
  const s = [1];
  const atRisk: number[] = [];
  let surv = 1;
  for (let m = 0; m < months; m++) {
    const lo = m * MONTH_DAYS;
    const hi = (m + 1) * MONTH_DAYS;
    const risk = spells.filter((x) => x.days >= lo).length;
    const events = spells.filter((x) => x.event && x.days >= lo && x.days < hi).length;
    if (risk > 0) surv *= 1 - events / risk;
    s.push(surv);
    atRisk.push(risk);
  }
  return { s, atRisk };
}

/** Renewal lead times and reversals, from decisions and premieres dated by `asOf`. */
export function leadStats(histories: ShowHistory[], asOf: string): LeadStats {
  const leads: number[] = [];
  const spells = new Map<string, Array<{ days: number; event: boolean }>>([['*', []]]);
  const add = (kind: string, spell: { days: number; event: boolean }) => {
    spells.get('*')?.push(spell);
    spells.set(kind, [...(spells.get(kind) ?? []), spell]);
  };
  let renewals = 0;
  let reversed = 0;
  for (const show of histories) {
    const kind = platformKind(show.platform);
    for (const d of show.decisions) {
      if (d.kind !== 'renewed' || d.date > asOf) continue;
      if (show.seasons.some((s) => s.number === d.season && s.premiered <= d.date)) continue; // recorded after the fact
      renewals += 1;
      const premiere = show.seasons.find((s) => s.number === d.season && s.premiered <= asOf);
      if (premiere) {
        const lead = dayNumber(premiere.premiered) - dayNumber(d.date);
        leads.push(lead);
        add(kind, { days: lead, event: true });
      } else if (
        show.decisions.some(
          (c) => (c.kind === 'cancelled' || c.kind === 'ended') && c.season < d.season && c.date > d.date && c.date <= asOf,
        )
      ) {
        reversed += 1;
      } else {
        add(kind, { days: dayNumber(asOf) - dayNumber(d.date), event: false });
      }
    }
  }
  const survival: LeadStats['survival'] = {};
  for (const [kind, list] of spells) survival[kind] = { events: list.filter((x) => x.event).length, ...kaplanMeier(list) };
  leads.sort((a, b) => a - b);
  // Beta(19, 1) prior: renewals are almost always honoured.
  const renewalHolds = (leads.length + 19) / (leads.length + reversed + 20);
  const minLeadDays = leads.length >= 5 ? (leads[Math.floor(leads.length * 0.1)] as number) : 120;
  return { renewalHolds, minLeadDays, leads, renewals, survival };
}

export interface Model {
  asOf: string;
  params: Params;
  lead: LeadStats;
  /** Days from a season's premiere to the first decision about the next, and whether one came. */
  decisionWaits: DecisionWait[];
  spells: number;
  /** The stoppages known by `asOf`. */
  pauses: PauseEvent[];
  /** The latest Top 10 week published by `asOf`. */
  top10Through: string | null;
}

/** EM rounds: from a previous day's fit, a few refine it; from the prior, more are needed. */
const ROUNDS_FROM_PRIOR = 8;
const ROUNDS_WARM = 3;

/**
 * Learns everything a forecast as of `asOf` needs, from facts dated on or before it. The wait is a
 * mixture: whether a next season ever comes (ever.model.ts) and, if it does, when (hazard.model.ts).
 * A show still waiting is partly in each group; EM alternates between its share and the two fits.
 */
export function trainModel({
  histories,
  asOf,
  prior = {},
  start,
  pauses = INDUSTRY_PAUSES,
}: {
  histories: ShowHistory[];
  asOf: string;
  prior?: Params;
  start?: Params;
  pauses?: PauseEvent[];
}): Model {
  const known = pauses.filter((p) => p.date <= asOf);
  const through = top10Through(histories, asOf);
  const spells = spellsFrom(histories, asOf, pausesAsOf(known, asOf), through);
  let params: Params = { ...prior, ...start };
  const rounds = start ? ROUNDS_WARM : ROUNDS_FROM_PRIOR;
  const design = hazardDesign(spells, prior);
  const everKeys = spells.map((s) => s.ever.join(','));
  for (let round = 0; round < rounds; round++) {
    const still = stillToReturn(params, spells, design, everKeys);
    const share = spells.map((s, i) => (s.event || s.known === 'renewed' ? 1 : s.known === 'ended' ? 0 : (still[i] as number)));
    const ever = fitEver({
      cases: spells.map((s, i) => ({ features: s.ever, y: share[i] as number, weight: s.recency })),
      prior,
      start: params,
      iterations: round === rounds - 1 ? 25 : 6,
    });
    const timing = fitHazard({
      spells,
      weights: spells.map((s, i) => (share[i] as number) * s.recency),
      prior,
      start: params,
      maxIterations: round === rounds - 1 ? 60 : 6,
      design,
    });
    params = { ...timing.params, ...ever };
  }
  return {
    asOf,
    params,
    lead: leadStats(histories, asOf),
    decisionWaits: decisionWaits(histories, asOf),
    spells: spells.length,
    pauses: known,
    top10Through: through,
  };
}

/**
 * For each spell still waiting after `days` on the clock, the chance it is one that will return: π S / (1 − π + π S),
 * from the hazards of the design's rows (one per distinct person-month).
 */
function stillToReturn(params: Params, spells: TrainingSpell[], design: Design, everKeys: string[]): number[] {
  const hazards = rowHazards(design, params);
  const ever = new Map<string, number>();
  return spells.map((spell, i) => {
    if (spell.event || spell.known) return 1;
    const everKey = everKeys[i] as string;
    let p = ever.get(everKey);
    if (p === undefined) {
      p = pEver(params, spell.ever);
      ever.set(everKey, p);
    }
    const partial = design.partialRow[i] as number;
    const cells = design.cells[i] as Int32Array;
    let s = 1;
    for (const row of cells) s *= 1 - (hazards[row] as number);
    const t = spell.days / MONTH_DAYS;
    // Past the design's last month (ten years) the wait goes on at that month's hazard, as the fit sees it.
    if (partial >= 0) s *= (1 - (hazards[partial] as number)) ** (t - Math.floor(t));
    else s *= (1 - (hazards[cells[cells.length - 1] as number] as number)) ** (t - cells.length);
    return (p * s) / (1 - p + p * s);
  });
}

export interface DecisionWait {
  days: number;
  decided: boolean;
  kind: string;
  platform: string | null;
}

/** For the decision clock: each season's wait for a renewal or cancellation, censored at `asOf`. */
export function decisionWaits(histories: ShowHistory[], asOf: string): DecisionWait[] {
  const out: DecisionWait[] = [];
  for (const show of histories) {
    if (show.decisions.length === 0) continue; // shows with no recorded decisions say nothing about timing
    for (const season of show.seasons) {
      if (season.premiered > asOf) continue;
      const about = show.decisions
        .filter(
          (d) =>
            d.date <= asOf &&
            ((d.kind === 'renewed' && d.season === season.number + 1) ||
              ((d.kind === 'cancelled' || d.kind === 'ended') && d.season === season.number)),
        )
        .sort((a, b) => a.date.localeCompare(b.date))[0];
      const start = dayNumber(season.premiered);
      const platform = normalisePlatform(show.platform);
      if (about) out.push({ days: Math.max(0, dayNumber(about.date) - start), decided: true, kind: about.kind, platform });
      else if (!show.seasons.some((s) => s.number === season.number + 1 && s.premiered <= asOf)) {
        out.push({ days: dayNumber(asOf) - start, decided: false, kind: '', platform });
      }
    }
  }
  return out;
}
