import { fitHazard, type Params, type Spell } from './hazard.model.ts';
import { dayNumber, MONTH_DAYS, type ShowHistory } from './history.ts';
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

/** One spell per season premiered by `asOf`: to the next premiere, or censored at `asOf`. */
export function spellsFrom(histories: ShowHistory[], asOf: string): Spell[] {
  const spells: Spell[] = [];
  for (const show of histories) {
    // A record known only up to some day says nothing about later seasons: censor it there.
    const end = dayNumber(show.checkedUntil && show.checkedUntil < asOf ? show.checkedUntil : asOf);
    const seasons = show.seasons.filter((s) => s.premiered <= asOf).sort((a, b) => a.number - b.number);
    const kind = platformKind(show.platform);
    seasons.forEach((season, i) => {
      const next = seasons[i + 1];
      const start = dayNumber(season.premiered);
      const days =
        next && next.premiered <= (show.checkedUntil && show.checkedUntil < asOf ? show.checkedUntil : asOf)
          ? dayNumber(next.premiered) - start
          : end - start;
      if (days <= 0) return;
      spells.push({ features: spellFeatures(show, season.number, season.premiered), kind, days, event: next !== undefined });
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
}

/** Learns everything a forecast as of `asOf` needs, from facts dated on or before it. */
export function trainModel({
  histories,
  asOf,
  prior = {},
  start,
}: {
  histories: ShowHistory[];
  asOf: string;
  prior?: Params;
  start?: Params;
}): Model {
  const spells = spellsFrom(histories, asOf);
  const fit = fitHazard({ spells, prior, start });
  return {
    asOf,
    params: fit.params,
    lead: leadStats(histories, asOf),
    decisionWaits: decisionWaits(histories, asOf),
    spells: spells.length,
  };
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
