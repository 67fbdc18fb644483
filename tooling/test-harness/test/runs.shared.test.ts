import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fcParams, PROPERTY_TIME_LIMIT_MS } from '../src/runs.ts';

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
  it('a property that runs past its time limit fails with a seed to replay, not a bare timeout', () => {
    expect(PROPERTY_TIME_LIMIT_MS).toBeLessThan(300_000);
    expect(fcParams()).toMatchObject({
      interruptAfterTimeLimit: PROPERTY_TIME_LIMIT_MS,
      markInterruptAsFailure: true,
    });
    // Never fails, but 1000 runs of 5 ms each outlast a 100 ms limit.
    const slow = () =>
      fc.assert(
        fc.property(fc.integer(), () => {
          const until = Date.now() + 5;
          while (Date.now() < until);
        }),
        { ...fcParams(), numRuns: 1000, interruptAfterTimeLimit: 100 },
      );
    expect(slow).toThrow(/interrupted[\s\S]*seed/i);
  });
});
