import { describe, expect, it } from 'vitest';
import { KIND_LABELS, kindLabel, TIER_LABELS, tierLabel } from './status.labels.ts';
import { EVENT_KINDS, TIERS } from './status.rules.ts';

describe('labels of kinds and tiers', () => {
  it('name every kind and tier, each differently', () => {
    expect(Object.keys(KIND_LABELS).sort()).toEqual([...EVENT_KINDS].sort());
    expect(Object.keys(TIER_LABELS).sort()).toEqual([...TIERS].sort());
    expect(new Set(Object.values(KIND_LABELS)).size).toBe(EVENT_KINDS.length);
    expect(new Set(Object.values(TIER_LABELS)).size).toBe(TIERS.length);
  });

  it.each([
    ['date_announced', 'Premiere date announced'],
    ['renewed', 'Renewed'],
    ['something_new', 'something_new'],
    ['constructor', 'constructor'],
    ['toString', 'toString'],
  ])('shows kind %j as %j', (kind, label) => {
    expect(kindLabel(kind)).toBe(label);
  });

  it.each([
    ['report', 'Press report'],
    ['trade', 'Trade press'],
    ['blog', 'blog'],
    ['__proto__', '__proto__'],
  ])('shows tier %j as %j', (tier, label) => {
    expect(tierLabel(tier)).toBe(label);
  });
});
