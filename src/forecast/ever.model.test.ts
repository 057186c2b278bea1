import { describe, expect, it } from 'vitest';
import { type EverCase, fitEver, pEver } from './ever.model.ts';

describe('ever model', () => {
  it('learns that hits come back and flops do not, from fractional labels', () => {
    const cases: EverCase[] = [
      ...Array.from({ length: 60 }, () => ({ features: ['top10:4+'], y: 1, weight: 1 })),
      ...Array.from({ length: 20 }, () => ({ features: ['top10:4+'], y: 0, weight: 1 })),
      ...Array.from({ length: 60 }, () => ({ features: ['top10:0'], y: 0.1, weight: 1 })),
    ];
    const params = fitEver({ cases });
    expect(pEver(params, ['top10:4+'])).toBeGreaterThan(0.65);
    expect(pEver(params, ['top10:4+'])).toBeLessThan(0.8);
    expect(pEver(params, ['top10:0'])).toBeLessThan(0.2);
  });

  it('counts a case by its weight and keeps an unseen feature at its prior', () => {
    const heavy = fitEver({
      cases: [
        { features: [], y: 1, weight: 50 },
        { features: [], y: 0, weight: 1 },
      ],
    });
    expect(pEver(heavy, [])).toBeGreaterThan(0.9);
    const withPrior = fitEver({ cases: [{ features: [], y: 1, weight: 1 }], prior: { 'ever:lang:other': -1 } });
    expect(withPrior['ever:lang:other']).toBeCloseTo(-1, 6);
  });
});
