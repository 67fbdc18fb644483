// The Chromium side of row 2. The Node runner (src/browser-unlock.ts) loads this page and calls
// window.keyportBench.serial / .pool with the same keystores; each returns its wall time, the
// addresses it unlocked, and how long the main thread was blocked meanwhile.
import { createWebScryptPool } from '@keyport/core/web-pool';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair$Json } from '@polkadot/keyring/types';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { openKeystore, unlockMany, wipe } from '../src/keyport.ts';

interface Case {
  json: KeyringPair$Json;
  password: string;
}

export interface PageRun {
  ms: number;
  addresses: string[];
  /** The longest main-thread task the Long Tasks API saw (0 when none reached its 50 ms floor). */
  longestTaskMs: number;
  /** The longest gap between animation frames: the longest the page could not paint. */
  longestFrameGapMs: number;
  workers: number;
}

/** Watches the main thread while `work` runs: long tasks and requestAnimationFrame gaps. */
async function watched(work: () => Promise<string[]> | string[]): Promise<Omit<PageRun, 'workers'>> {
  let longestTaskMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longestTaskMs = Math.max(longestTaskMs, e.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  let longestFrameGapMs = 0;
  let last = performance.now();
  let watching = true;
  const frame = (now: number): void => {
    longestFrameGapMs = Math.max(longestFrameGapMs, now - last);
    last = now;
    if (watching) requestAnimationFrame(frame);
  };
  await new Promise((r) => requestAnimationFrame(r)); // start on a frame boundary
  last = performance.now();
  requestAnimationFrame(frame);
  const t0 = performance.now();
  const addresses = await work();
  const ms = performance.now() - t0;
  await new Promise((r) => requestAnimationFrame(r)); // let a blocked frame land
  watching = false;
  longestFrameGapMs = Math.max(longestFrameGapMs, performance.now() - last);
  await new Promise((r) => setTimeout(r, 0)); // deliver pending long-task entries
  for (const e of observer.takeRecords()) longestTaskMs = Math.max(longestTaskMs, e.duration);
  observer.disconnect();
  return { ms, addresses, longestTaskMs, longestFrameGapMs };
}

const bench = {
  ready: cryptoWaitReady().then(() => true),

  /** polkadot-js in a page: addFromJson + decodePkcs8 on the main thread, one after another. */
  async serial(cases: Case[]): Promise<PageRun> {
    await bench.ready;
    const keyring = new Keyring({ ss58Format: 42 });
    const run = await watched(() =>
      cases.map((c) => {
        const pair = keyring.addFromJson(c.json);
        pair.decodePkcs8(c.password);
        const address = pair.address;
        pair.lock();
        return address;
      }),
    );
    return { ...run, workers: 0 };
  },

  /** keyport: openKeystore with the Web Worker pool (wasm scrypt) under unlockMany. */
  async pool(cases: Case[]): Promise<PageRun> {
    await bench.ready;
    let workers = 0;
    const run = await watched(async () => {
      // The pool starts inside the timed region: the page pays for its workers too.
      const pool = createWebScryptPool();
      workers = pool.size;
      try {
        const results = await unlockMany(
          cases,
          async (c) => {
            const account = await openKeystore(c.json, c.password, { scrypt: pool });
            const address = account.address;
            wipe(account);
            return address;
          },
          { concurrency: pool.size },
        );
        return results.map((r) => (r.ok ? r.value : `error: ${String(r.error)}`));
      } finally {
        await pool.close();
      }
    });
    return { ...run, workers };
  },
};

(globalThis as { keyportBench?: typeof bench }).keyportBench = bench;
const status = document.getElementById('status');
if (status) status.textContent = 'ready';
