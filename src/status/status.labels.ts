import type { EventKind, Tier } from './status.rules.ts';

// What people read for an event's kind and a source's tier; forms still submit the stored value.

export const KIND_LABELS: Readonly<Record<EventKind, string>> = {
  in_development: 'In development',
  renewed: 'Renewed',
  cancelled: 'Cancelled',
  ended: 'Ended (final season)',
  limited: 'Limited series',
  production_started: 'Production started',
  production_wrapped: 'Production wrapped',
  date_announced: 'Premiere date announced',
  date_changed: 'Premiere date changed',
  released: 'Season released',
  cast_joined: 'Cast member joined',
  cast_left: 'Cast member left',
  rumour: 'Rumour',
};

export const TIER_LABELS: Readonly<Record<Tier, string>> = {
  official: 'Official announcement',
  trade: 'Trade press',
  report: 'Press report',
  rumour: 'Rumour',
};

/** The label of a stored kind; a value this build does not know is shown as it is. */
export const kindLabel = (kind: string): string => (Object.hasOwn(KIND_LABELS, kind) ? KIND_LABELS[kind as EventKind] : kind);

/** The label of a stored tier; a value this build does not know is shown as it is. */
export const tierLabel = (tier: string): string => (Object.hasOwn(TIER_LABELS, tier) ? TIER_LABELS[tier as Tier] : tier);
