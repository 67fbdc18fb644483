import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fcParams } from '../src/runs.ts';

describe('fcParams', () => {
  it('runs at least once and scales with the fraction', () => {
    const small = fcParams(0.0001).numRuns ?? 0;
    const full = fcParams(1).numRuns ?? 0;
    expect(small).toBe(1);
    expect(full).toBeGreaterThanOrEqual(small);
  });
  it('a property with these parameters really runs', () => {
    let n = 0;
    fc.assert(
      fc.property(fc.integer(), () => {
        n++;
      }),
      fcParams(0.1),
    );
    expect(n).toBe(fcParams(0.1).numRuns);
  });
});
