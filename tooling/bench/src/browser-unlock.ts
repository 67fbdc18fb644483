// Row 2: the same 8 keystores in headless Chromium. keyport: the migrate page's Web Worker pool
// (wasm scrypt) under unlockMany, made and warmed when the accounts are known, as the page does
// since its Check passwords step warms the pool when it shows; that figure meets the goal or not.
// The cold pool (started inside the timed region) is printed beside it. polkadot-js:
// decodePkcs8 on the main thread, one after another.
// Serves dist/ (built by `vite build`, turbo's build task) from a throwaway local server.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import type { PageRun } from '../page/main.ts';
import type { KeystoreCase } from './fixtures.ts';
import { figure, type Row, round } from './stats.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};

/** A static file server for `dir` on 127.0.0.1 and a free port. */
async function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) =>
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

/** Launch options: Debian's Chromium, never a downloaded browser. */
export function chromiumOptions(executablePath: string) {
  return {
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  };
}

type Side = 'serial' | 'pool';

/** Runs both sides `runs` times, interleaved, in one page, and returns the table row. */
export async function benchBrowserUnlock(
  cases: readonly KeystoreCase[],
  runs: number,
  opts: { distDir: string; chromiumPath: string },
): Promise<Row> {
  const { server, url } = await serve(opts.distDir);
  const browser = await chromium.launch(chromiumOptions(opts.chromiumPath));
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForFunction(() => (globalThis as { keyportBench?: unknown }).keyportBench !== undefined);
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
    if (errors.length) throw new Error(`the bench page threw: ${errors.join('; ')}`);
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
    const version = browser.version();
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
  } finally {
    await browser.close();
    server.close();
  }
}
