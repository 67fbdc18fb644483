// The Chromium side of rows 2 and 3. Row 2: the Node runner (src/browser-unlock.ts) loads this
// page and calls window.keyportBench.serial / .pool with the same keystores; each returns its
// wall time, the addresses it unlocked, and how long the main thread was blocked meanwhile.
// Row 3: window.keyportBench.storageMove (page/storage.ts).
import { createWebScryptPool } from '@keyport/core/web-pool';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair$Json } from '@polkadot/keyring/types';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { DEFAULT_SCRYPT, openKeystore, unlockMany, wasmScrypt, wipe } from '../src/keyport.ts';
import { storageMove } from './storage.ts';

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

  /**
   * keyport: openKeystore with the Web Worker pool (hash-wasm scrypt) under unlockMany, sized as the
   * migrate page sizes it (one worker per account, at most one per core). Warm, what the migrate
   * page does now: the pool is made and warm()ed once the accounts are known (the bundle is
   * loaded), untimed; the timed part is the unlock. Cold, for comparison: the pool starts inside
   * the timed region, as when a page makes it on click.
   */
  async pool(cases: Case[], warm = false): Promise<PageRun> {
    await bench.ready;
    const size = (): number => Math.max(1, Math.min(cases.length, navigator.hardwareConcurrency || 2));
    const early = warm ? createWebScryptPool({ size: size() }) : undefined;
    await early?.warm();
    let workers = 0;
    const run = await watched(async () => {
      const pool = early ?? createWebScryptPool({ size: size() });
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

/**
 * Where the pool's time goes: one scrypt on the main thread; then pool.size at once in a new pool
 * (cold: workers start and load the wasm), again (warm), and one alone. On free cores the warm
 * batch takes as long as one alone.
 */
async function scryptProbe(): Promise<Record<string, number>> {
  await bench.ready;
  const password = new TextEncoder().encode('probe');
  const salt = new Uint8Array(32).fill(7);
  const time = async (f: () => Promise<unknown>): Promise<number> => {
    const t0 = performance.now();
    await f();
    return Math.round(performance.now() - t0);
  };
  const out: Record<string, number> = {};
  out.mainThreadMs = await time(() => wasmScrypt(password, salt, DEFAULT_SCRYPT));
  const pool = createWebScryptPool();
  try {
    const all = (): Promise<unknown> =>
      Promise.all(Array.from({ length: pool.size }, () => pool(password, salt, DEFAULT_SCRYPT)));
    out.workersColdMs = await time(all);
    out.workersWarmMs = await time(all);
    out.oneWorkerMs = await time(() => pool(password, salt, DEFAULT_SCRYPT));
  } finally {
    await pool.close();
  }
  return out;
}

/**
 * What openKeystore does on the main thread besides scrypt (parse, secretbox, PKCS#8, key pair,
 * address), per account: each key is derived once up front, then served by an instant backend.
 */
async function mainThreadWork(cases: Case[]): Promise<number[]> {
  await bench.ready;
  const out: number[] = [];
  for (const c of cases) {
    let key: Uint8Array | undefined;
    const record: typeof wasmScrypt = async (pw, salt, params) => {
      key = await wasmScrypt(pw, salt, params);
      return key.slice();
    };
    wipe(await openKeystore(c.json, c.password, { scrypt: record }));
    const cached = key!;
    const t0 = performance.now();
    wipe(await openKeystore(c.json, c.password, { scrypt: async () => cached.slice() }));
    out.push(Math.round((performance.now() - t0) * 10) / 10);
  }
  return out;
}

const exposed = { ...bench, scryptProbe, mainThreadWork, storageMove };
(globalThis as { keyportBench?: typeof exposed }).keyportBench = exposed;
const status = document.getElementById('status');
if (status) status.textContent = 'ready';
