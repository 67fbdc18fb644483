// Row 3: moving a 10,000-entry storage, keyport against the console recipe on the same data
// (the two moves: storage-steps.ts). Measured in Chromium on its real localStorage, where both
// the recipe and the migrate page run: that row is compared with the goal. The same moves in
// Node on an in-memory Map storage are printed beside it for reference: there a write costs a
// Map.set, some 30 times less than a localStorage.setItem, so the fixed costs weigh more.

import { encodeAddress } from '@polkadot/util-crypto';
import type { Page } from 'playwright-core';
import type { StorageRun } from '../page/storage.ts';
import { type PageOptions, withBenchPage } from './chromium.ts';
import { figure, type Row, round } from './stats.ts';
import {
  consoleMove,
  holdsExactly,
  keyportMove,
  NEEDED,
  STEPS,
  type StorageLike,
  type StorageMigrate,
} from './storage-steps.ts';

/**
 * An in-memory Storage with a browser's costs: key(i) is O(1) on a cached key list, as in
 * Chromium (storage-migrate's MemoryStorage walks its Map, which makes any key(i) loop O(n²) and
 * would hide every other cost on both sides).
 */
class BrowserLikeStorage implements StorageLike {
  readonly #items: Map<string, string>;
  #keys: string[] | undefined;
  constructor(initial: Record<string, string> = {}) {
    this.#items = new Map(Object.entries(initial));
  }
  get length(): number {
    return this.#items.size;
  }
  key(index: number): string | null {
    this.#keys ??= [...this.#items.keys()];
    return this.#keys[index] ?? null;
  }
  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (!this.#items.has(key)) this.#keys = undefined;
    this.#items.set(key, String(value));
  }
  removeItem(key: string): void {
    if (this.#items.delete(key)) this.#keys = undefined;
  }
}

/** A deterministic byte source (mulberry32), so every run moves the same data. */
function bytes(seed: number): (n: number) => Uint8Array {
  let s = seed >>> 0;
  return (n) =>
    Uint8Array.from({ length: n }, () => {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) & 0xff;
    });
}

const hex = (b: Uint8Array): string => `0x${Buffer.from(b).toString('hex')}`;

/**
 * 10,000 entries shaped like Apps' storage: 200 accounts (v3 keystore JSON; the encoded part
 * is random, as nothing here decrypts), 9,700 address-book entries, 50 contracts, `settings`,
 * and 49 other keys.
 */
export function makeStorageData(total = 10_000): Record<string, string> {
  const rnd = bytes(0x5eed);
  const out: Record<string, string> = {};
  const when = 1_795_259_606_034;
  for (let i = 0; i < 200; i++) {
    const pk = rnd(32);
    out[`account:${hex(pk)}`] = JSON.stringify({
      encoded: Buffer.from(rnd(201)).toString('base64'),
      encoding: { content: ['pkcs8', 'sr25519'], type: ['scrypt', 'xsalsa20-poly1305'], version: '3' },
      address: encodeAddress(pk, 42),
      meta: { name: `account ${i}`, whenCreated: when + i },
    });
  }
  for (let i = 0; i < 50; i++) {
    const pk = rnd(32);
    out[`contract:${hex(pk)}`] = JSON.stringify({
      address: encodeAddress(pk, 42),
      meta: {
        name: `contract ${i}`,
        contract: { abi: '{"spec":{}}', genesisHash: hex(rnd(32)) },
        whenCreated: when,
      },
    });
  }
  out.settings = JSON.stringify({
    apiUrl: 'wss://rpc.polkadot.io',
    prefix: -1,
    uiMode: 'full',
    locking: 'session',
  });
  for (let i = 0; i < 49; i++) out[`other:${i}`] = hex(rnd(24));
  const rest = total - Object.keys(out).length;
  for (let i = 0; i < rest; i++) {
    const pk = rnd(32);
    out[`address:${hex(pk)}`] = JSON.stringify({
      address: encodeAddress(pk, 42),
      meta: { name: `contact ${i}`, whenCreated: when + i },
    });
  }
  return out;
}

const TITLE = 'move a 10,000-entry storage';
const GOAL = 'within 3× of the console loop';

/** storage-migrate as Node loads it, or the reason it cannot be measured yet. */
async function loadStorageMigrate(): Promise<StorageMigrate | string> {
  let sm: Partial<StorageMigrate>;
  try {
    sm = (await import('@keyport/storage-migrate')) as Partial<StorageMigrate>;
  } catch (e) {
    return `@keyport/storage-migrate did not load: ${(e as Error).message}`;
  }
  const missing = NEEDED.filter((n) => typeof sm[n] !== 'function');
  return missing.length
    ? `@keyport/storage-migrate does not export ${missing.join(', ')} yet`
    : (sm as StorageMigrate);
}

/** The row from both sides' runs: keyport's totals and steps, the loop's totals. */
function row(
  base: Pick<Row, 'id' | 'title' | 'goal'>,
  steps: readonly (readonly number[])[],
  loop: readonly number[],
  entries: number,
  more: { label: string; againstGoal: boolean; extra?: Record<string, string | number> },
): Row {
  const k = figure(steps.map((laps) => laps.reduce((x, y) => x + y, 0)));
  const c = figure(loop);
  const ratio = round(k.median / c.median, 2);
  return {
    ...base,
    status: 'measured',
    keyport: k,
    keyportLabel: `dump, bundle, read, plan, apply, undo file; ${more.label}`,
    baseline: c,
    baselineLabel: 'JSON.stringify + setItem loop',
    ratio,
    ratioMeaning: "of the loop's time",
    met: more.againstGoal ? ratio <= 3 : undefined,
    extra: {
      entries,
      ...Object.fromEntries(STEPS.map((name, i) => [`${name}Ms`, figure(steps.map((l) => l[i]!)).median])),
      ...more.extra,
    },
  };
}

/**
 * The goal row: both moves in Chromium's localStorage, `runs` times each, interleaved. Each run
 * fills the page's localStorage with the data (untimed), times the old computer's part, empties
 * it (untimed), times the new computer's part and checks the storage holds the data exactly.
 */
export async function benchStorageMoveChromium(
  runs: number,
  opts: PageOptions,
  total = 10_000,
): Promise<Row> {
  const data = makeStorageData(total);
  return withBenchPage(opts, async (page: Page, version) => {
    const run = (side: 'keyport' | 'console'): Promise<StorageRun> =>
      page.evaluate(
        ([s, d]) =>
          (
            globalThis as unknown as {
              keyportBench: { storageMove(side: string, data: Record<string, string>): Promise<StorageRun> };
            }
          ).keyportBench.storageMove(s, d),
        [side, data] as const,
      );
    await run('keyport'); // warm-up, untimed: compile both paths once
    await run('console');
    const own: number[][] = [];
    const loop: number[] = [];
    for (let i = 0; i < runs; i++) {
      for (const r of [await run('keyport'), await run('console')]) {
        if (!r.exact) throw new Error(`the ${r.side} move in Chromium lost or changed entries`);
        if (r.side === 'keyport') own.push(r.laps);
        else loop.push(r.laps[0]!);
      }
    }
    return row({ id: 'storage-move', title: `${TITLE}, Chromium`, goal: GOAL }, own, loop, total, {
      againstGoal: true,
      label: "the page's localStorage",
      extra: { chromium: version },
    });
  });
}

/** For reference: the same moves in Node, on in-memory storages, `runs` times each, interleaved. */
export async function benchStorageMoveNode(runs: number, total = 10_000): Promise<Row> {
  const base = { id: 'storage-move-node', title: `${TITLE}, Node`, goal: 'for reference' };
  const sm = await loadStorageMigrate();
  if (typeof sm === 'string') return { ...base, status: 'pending', note: sm };
  const data = makeStorageData(total);
  const source = new BrowserLikeStorage(data);
  const own: number[][] = [];
  const loop: number[] = [];
  for (let i = 0; i < runs; i++) {
    const a = new BrowserLikeStorage();
    own.push(await keyportMove(sm, source, a));
    const b = new BrowserLikeStorage();
    loop.push(await consoleMove(source, b));
    if (!holdsExactly(a, data) || !holdsExactly(b, data))
      throw new Error('a storage move lost or changed entries');
  }
  return row(base, own, loop, total, { againstGoal: false, label: 'in-memory Map storage' });
}
