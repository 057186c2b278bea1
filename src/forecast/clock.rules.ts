import { MONTH_DAYS } from './history.ts';
import { normalisePlatform } from './platforms.rules.ts';
import { type DecisionWait, kaplanMeier } from './train.ts';

// The decision clock: while nothing is decided, how soon a renewal or cancellation usually comes.

const MIN_DECISIONS = 10;
const MIN_AT_RISK = 5;

export interface DecisionClock {
  within30: number;
  within90: number;
  within180: number;
  /** Decisions on record the estimate rests on. */
  decisions: number;
}

/** P(a decision within 30/90/180 days | none in the `waited` days since the premiere); null when the record is too thin. */
export function decisionClock(waits: DecisionWait[], waited: number): DecisionClock | null {
  const decisions = waits.filter((w) => w.decided).length;
  if (decisions < MIN_DECISIONS) return null;
  const km = kaplanMeier(
    waits.map((w) => ({ days: w.days, event: w.decided })),
    120,
  );
  const month = Math.floor(waited / MONTH_DAYS);
  if ((km.atRisk[Math.min(month, km.atRisk.length - 1)] ?? 0) < MIN_AT_RISK) return null;
  const S = (days: number) => {
    const t = days / MONTH_DAYS;
    const m = Math.min(Math.floor(t), km.s.length - 2);
    const a = km.s[m] as number;
    const b = km.s[m + 1] as number;
    return a + (b - a) * Math.min(1, t - m);
  };
  const s0 = S(waited);
  if (s0 <= 0) return null;
  const p = (d: number) => Math.round((1 - S(waited + d) / s0) * 1000) / 1000;
  return { within30: p(30), within90: p(90), within180: p(180), decisions };
}

export interface ClaimCheck {
  platform: string;
  decisions: number;
  within90: number;
}

/** "<Platform> usually decides within three months", checked: the share of its decisions within 90 days of a premiere. */
export function checkQuickDecisions(waits: DecisionWait[], platform: string | null): ClaimCheck | null {
  const name = normalisePlatform(platform);
  if (!name) return null;
  // Decisions taken before a season was out say nothing about how fast the platform judges one.
  const decided = waits.filter((w) => w.decided && w.days > 0 && w.platform === name);
  if (decided.length < 5) return null;
  return { platform: platform as string, decisions: decided.length, within90: decided.filter((w) => w.days <= 90).length / decided.length };
}
