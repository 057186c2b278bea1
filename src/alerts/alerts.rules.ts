import { daysBetween, formatPartialDate, type PartialDate } from '../lang/dates.ts';

// What is worth an alert, what it says, and when a failed delivery is tried again. Pure functions.

export type AlertKind =
  | 'renewed'
  | 'cancelled'
  | 'ended'
  | 'final_season'
  | 'date_announced'
  | 'date_changed'
  | 'premiere_tomorrow'
  | 'premiere_today'
  | 'forecast_likely'
  | 'ping';

/** An event's kind → the alert it sets off; kinds not here (casting, production, rumours) alert no one. */
const EVENT_ALERTS: Record<string, AlertKind> = {
  renewed: 'renewed',
  cancelled: 'cancelled',
  ended: 'ended',
  limited: 'final_season',
  date_announced: 'date_announced',
  date_changed: 'date_changed',
};

/** Events dated more than this before they were entered are history being filled in, not news. */
export const NEWS_DAYS = 30;

export interface EventFacts {
  id: number;
  kind: string;
  season: number | null;
  effective: PartialDate;
  premiere: PartialDate | null;
  tier: string;
  source: { url: string | null; outlet: string } | null;
  quote: string | null;
}

export interface ShowRef {
  id: number;
  slug: string;
  title: string;
  platform: string | null;
}

/** What one alert carries, fixed when it is queued: the mail, the webhook and the private feed all say this. */
export interface AlertPayload {
  kind: AlertKind;
  /** 'new', or a correction or retraction of an event alerted before. */
  change: 'new' | 'corrected' | 'retracted';
  show: ShowRef;
  season: number | null;
  event: EventFacts | null;
  /** The forecast alert's figure and the follower's threshold. */
  chance?: { p: number; threshold: number };
  /** Clock alerts: the premiere day. */
  day?: string;
}

export function alertKindOf(event: Pick<EventFacts, 'kind' | 'tier'>): AlertKind | null {
  if (event.tier === 'rumour') return null;
  return EVENT_ALERTS[event.kind] ?? null;
}

/** An event about the present (or future), as opposed to history an import or an editor fills in. */
export function isNews(effective: string, today: string): boolean {
  return daysBetween(effective, today) <= NEWS_DAYS;
}

const TIER_WORDS: Record<string, string> = {
  official: 'official announcement',
  trade: 'trade press',
  report: 'press report',
};

const seasonWord = (season: number | null) => (season === null ? 'a new season' : `season ${season}`);

/** One line that says what happened, as a mail subject or a feed title. */
export function alertHeadline(p: AlertPayload): string {
  const what = headline(p);
  if (p.change === 'retracted') return `Withdrawn: ${what}`;
  if (p.change === 'corrected') return `Corrected: ${what}`;
  return what;
}

function headline(p: AlertPayload): string {
  const t = p.show.title;
  const s = seasonWord(p.season);
  const premiere = p.event?.premiere ? formatPartialDate(p.event.premiere) : null;
  switch (p.kind) {
    case 'renewed':
      return `${t} is renewed for ${s}`;
    case 'cancelled':
      return `${t} is cancelled`;
    case 'ended':
      return `${t} has ended`;
    case 'final_season':
      return `${t}: ${s} will be the last`;
    case 'date_announced':
      return `${t} ${s} premieres ${premiere ?? 'on a date now announced'}`;
    case 'date_changed':
      return `${t} ${s} moves to ${premiere ?? 'a new date'}`;
    case 'premiere_tomorrow':
      return `${t} ${s} premieres tomorrow`;
    case 'premiere_today':
      return `${t} ${s} premieres today`;
    case 'forecast_likely':
      return `${t}: a next season within a year is now likely (${Math.round((p.chance?.p ?? 0) * 100)}%)`;
    case 'ping':
      return 'Test alert from Next Season';
  }
}

/** The body's lines: what changed, the source and its tier, and the show page. */
export function alertLines(p: AlertPayload, siteUrl: string): string[] {
  const lines = [alertHeadline(p), ''];
  if (p.change === 'retracted') lines.push('The report below is withdrawn: it no longer counts towards the show’s status.', '');
  if (p.change === 'corrected') lines.push('An earlier alert about this was corrected; this is what now stands.', '');
  const e = p.event;
  if (e) {
    lines.push(`When: ${formatPartialDate(e.effective)}`);
    if (e.premiere) lines.push(`Premiere: ${formatPartialDate(e.premiere)}`);
    const tier = TIER_WORDS[e.tier] ?? e.tier;
    lines.push(e.source ? `Source: ${e.source.outlet} (${tier})${e.source.url ? ` ${e.source.url}` : ''}` : `Source: ${tier}`);
    if (e.quote) lines.push(`“${e.quote}”`);
  }
  if (p.chance)
    lines.push(
      `Our forecast now gives ${Math.round(p.chance.p * 100)}% for a next season within a year; you asked to hear at ${Math.round(p.chance.threshold * 100)}%.`,
    );
  if (p.day) lines.push(`Premiere: ${formatPartialDate({ date: p.day, precision: 'day' })}`);
  if (p.kind !== 'ping') lines.push('', `More: ${siteUrl}/shows/${p.show.slug}`);
  return lines;
}

/** The Standard Webhooks body: a type, a timestamp and the alert itself. */
export function webhookBody(p: AlertPayload, siteUrl: string, at: Date) {
  return {
    type: p.change === 'new' ? `show.${p.kind}` : `show.${p.kind}.${p.change}`,
    timestamp: at.toISOString(),
    data: {
      headline: alertHeadline(p),
      change: p.change,
      show: { slug: p.show.slug, title: p.show.title, platform: p.show.platform, url: `${siteUrl}/shows/${p.show.slug}` },
      season: p.season,
      event: p.event
        ? {
            id: p.event.id,
            kind: p.event.kind,
            date: p.event.effective,
            premiere: p.event.premiere,
            tier: p.event.tier,
            source: p.event.source,
            quote: p.event.quote,
          }
        : null,
      chance: p.chance ?? null,
      day: p.day ?? null,
    },
  };
}

// Standard Webhooks' schedule after the first try: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (27 h in all).
const RETRY_SECONDS = [5, 300, 1800, 7200, 18000, 36000, 36000];
export const MAX_ATTEMPTS = RETRY_SECONDS.length + 1;

/**
 * When to try again after `attempts` failed tries, up to 20% later so endpoints that fail together are not
 * retried together (never earlier: the tries span at least a day); null: give up.
 */
export function nextAttempt(attempts: number, now: Date, random: number): Date | null {
  const wait = RETRY_SECONDS[attempts - 1];
  if (wait === undefined) return null;
  return new Date(now.getTime() + wait * 1000 * (1 + 0.2 * random));
}

/** The next time a daily digest goes out (07:00 UTC). */
export function nextDigest(now: Date): Date {
  const at = new Date(now);
  at.setUTCHours(7, 0, 0, 0);
  if (at <= now) at.setUTCDate(at.getUTCDate() + 1);
  return at;
}
