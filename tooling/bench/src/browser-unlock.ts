// Row 2: the same 8 keystores in headless Chromium. keyport: the migrate page's Web Worker pool
// (wasm scrypt) under unlockMany, made and warmed when the accounts are known, as the page does
// since its Check passwords step warms the pool when it shows; that figure meets the goal or not.
// The cold pool (started inside the timed region) is printed beside it. polkadot-js:
// decodePkcs8 on the main thread, one after another.
import type { PageRun } from '../page/main.ts';
import { type PageOptions, withBenchPage } from './chromium.ts';
import type { KeystoreCase } from './fixtures.ts';
import { figure, type Row, round } from './stats.ts';

type Side = 'serial' | 'pool';

/** Runs both sides `runs` times, interleaved, in one page, and returns the table row. */
export async function benchBrowserUnlock(
  cases: readonly KeystoreCase[],
  runs: number,
  opts: PageOptions,
): Promise<Row> {
  return withBenchPage(opts, async (page, version) => {
    const input = cases.map((c) => ({ json: c.json, password: c.password }));
    const run = (side: Side, warm = false): Promise<PageRun> =>
      page.evaluate(
        async ([s, items, w]) => {
          const b = (
            globalThis as unknown as {
              keyportBench: Record<Side, (c: typeof items, warm: boolean) => Promise<PageRun>>;
            }
          ).keyportBench;
          return b[s](items, w);
        },
        [side, input, warm] as const,
      );
    await run('pool'); // warm-up: compile the worker chunk and the wasm once, untimed
    const pool: PageRun[] = [];
    const warmPool: PageRun[] = [];
    const serial: PageRun[] = [];
    const probes: Record<string, number>[] = [];
    for (let i = 0; i < runs; i++) {
      probes.push(
        await page.evaluate(() =>
          (
            globalThis as unknown as { keyportBench: { scryptProbe(): Promise<Record<string, number>> } }
          ).keyportBench.scryptProbe(),
        ),
      );
      pool.push(await run('pool'));
      warmPool.push(await run('pool', true));
      serial.push(await run('serial'));
    }
    const mainWork = await page.evaluate(
      (items) =>
        (
          globalThis as unknown as { keyportBench: { mainThreadWork(c: typeof items): Promise<number[]> } }
        ).keyportBench.mainThreadWork(items),
      input,
    );
    for (const r of [...pool, ...warmPool, ...serial]) {
      r.addresses.forEach((a, i) => {
        if (a !== cases[i]!.address) throw new Error(`Chromium unlocked case ${i} to ${a}`);
      });
    }
    const b = figure(serial.map((r) => r.ms));
    const k = figure(warmPool.map((r) => r.ms)); // compared with the goal: what the page does
    const ratio = round(b.median / k.median, 2);
    const cold = figure(pool.map((r) => r.ms));
    const coldRatio = round(b.median / cold.median, 2);
    const longestTask = Math.max(...[...pool, ...warmPool].map((r) => r.longestTaskMs));
    const longestGap = Math.max(...[...pool, ...warmPool].map((r) => r.longestFrameGapMs));
    return {
      id: 'chromium-unlock',
      title: `unlock ${cases.length} accounts, Chromium`,
      status: 'measured',
      keyport: k,
      keyportLabel: `Web Worker pool of ${warmPool[0]!.workers}, hash-wasm scrypt, warmed when the accounts are known (as the migrate page; vs goal); cold pool ${cold.median} ms = ${coldRatio}×`,
      baseline: b,
      baselineLabel: 'decodePkcs8 on the main thread, serial',
      ratio,
      ratioMeaning: 'faster',
      goal: '≥ 1.8× faster (warm pool), longest task < 50 ms',
      met: ratio >= 1.8 && longestTask < 50,
      extra: {
        accounts: cases.length,
        scryptN: 2 ** 17,
        workers: warmPool[0]!.workers,
        comparedWithGoal: 'warm pool (made and warmed when the accounts are known, as the page)',
        coldPoolMs: cold.median,
        coldPoolRatio: coldRatio,
        poolLongestTaskMs: round(longestTask),
        poolLongestFrameGapMs: round(longestGap),
        mainThreadWorkPerAccountMaxMs: Math.max(...mainWork),
        serialLongestTaskMs: round(Math.max(...serial.map((r) => r.longestTaskMs))),
        ...Object.fromEntries(
          Object.keys(probes[0] ?? {}).map((k) => [
            `wasmScrypt_${k}`,
            figure(probes.map((p) => p[k]!)).median,
          ]),
        ),
        chromium: version,
      },
    };
  });
}
