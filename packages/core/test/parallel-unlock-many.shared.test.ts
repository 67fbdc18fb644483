// unlockMany is generic: these tests drive it with plain async functions whose interleaving is
// set by microtask counts, so every property is deterministic and needs no scrypt.
import { fcParams, rejectsWithCode } from '@keyport/test-harness';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type UnlockProgress, unlockMany } from '../src/parallel/unlock-many.ts';

async function ticks(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await Promise.resolve();
}

const itemArb = fc.record({ fail: fc.boolean(), ticks: fc.nat({ max: 6 }) });

describe('unlockMany', () => {
  it('keeps input order, isolates failures, never exceeds concurrency and counts progress exactly', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(itemArb, { maxLength: 12 }),
        fc.integer({ min: 1, max: 5 }),
        async (items, concurrency) => {
          let active = 0;
          let maxActive = 0;
          const events: UnlockProgress[] = [];
          const results = await unlockMany(
            items,
            async (item, index) => {
              active += 1;
              maxActive = Math.max(maxActive, active);
              await ticks(item.ticks);
              active -= 1;
              if (item.fail) throw new Error(`item ${index} failed`);
              return index * 2;
            },
            { concurrency, onProgress: (p) => events.push(p) },
          );
          expect(results.length).toBe(items.length);
          results.forEach((r, i) => {
            if (items[i]!.fail) {
              expect(r.ok).toBe(false);
              expect(!r.ok && (r.error as Error).message).toBe(`item ${i} failed`);
            } else {
              expect(r).toEqual({ ok: true, value: i * 2 });
            }
          });
          expect(maxActive).toBe(Math.min(concurrency, items.length));
          expect(events.map((e) => e.done)).toEqual(Array.from({ length: items.length + 1 }, (_, i) => i));
          expect(events.every((e) => e.total === items.length)).toBe(true);
          const fails = items.filter((i) => i.fail).length;
          expect(events[events.length - 1]!.failed).toBe(fails);
          for (let k = 1; k < events.length; k++) {
            expect(events[k]!.failed - events[k - 1]!.failed).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      fcParams(0.5),
    );
  });

  it('an open() that throws synchronously fails only its own item', async () => {
    const results = await unlockMany([1, 2, 3], (n) => {
      if (n === 2) throw new Error('sync');
      return Promise.resolve(n);
    });
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
  });

  it('aborting mid-run rejects CANCELLED and no pending item starts afterwards', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const seenSignals: (AbortSignal | undefined)[] = [];
    const events: UnlockProgress[] = [];
    const err = await rejectsWithCode(
      unlockMany(
        Array.from({ length: 10 }, (_, i) => i),
        async (n, _index, signal) => {
          started.push(n);
          seenSignals.push(signal);
          await ticks(3);
          return n;
        },
        {
          concurrency: 2,
          signal: controller.signal,
          onProgress: (p) => {
            events.push(p);
            if (p.done === 2) controller.abort();
          },
        },
      ),
      'CANCELLED',
    );
    expect(err.details).toEqual({ done: 2, total: 10 });
    await ticks(20); // let the in-flight item settle: it must not start another or report
    expect(started.length).toBeLessThanOrEqual(2 + 2);
    expect(events.length).toBe(3);
    expect(seenSignals.every((s) => s === controller.signal)).toBe(true);
  });

  it('an already-aborted signal starts nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    let calls = 0;
    await rejectsWithCode(
      unlockMany([1, 2], async () => ++calls, { signal: controller.signal }),
      'CANCELLED',
    );
    expect(calls).toBe(0);
  });

  it('an empty list resolves to [] with one progress report', async () => {
    const events: UnlockProgress[] = [];
    expect(await unlockMany([], async () => 1, { onProgress: (p) => events.push(p) })).toEqual([]);
    expect(events).toEqual([{ done: 0, total: 0, failed: 0 }]);
  });

  it('a throwing progress callback rejects instead of hanging', async () => {
    const boom = new Error('progress bug');
    let seen: unknown;
    try {
      await unlockMany([1, 2, 3], async (n) => n, {
        onProgress: (p) => {
          if (p.done === 1) throw boom;
        },
      });
    } catch (e) {
      seen = e;
    }
    expect(seen).toBe(boom);
  });

  it('concurrency that is not a positive integer is INVALID_INPUT', async () => {
    for (const concurrency of [0, -1, 1.5, Number.NaN]) {
      await rejectsWithCode(
        unlockMany([1], async (n) => n, { concurrency }),
        'INVALID_INPUT',
      );
    }
  });
});
