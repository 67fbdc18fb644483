// Row 3: moving a 10,000-entry localStorage. keyport: dump → bundle text → read (validate,
// checksum) → plan → apply (undo bundle first, write, read back) → undo bundle text. The baseline is the console
// recipe: JSON.stringify of every entry, then JSON.parse and a setItem loop. Both run in Node
// on the same browser-like in-memory Storage with the same data.
import { encodeAddress } from '@polkadot/util-crypto';
import { figure, type Row, round } from './stats.ts';

interface StorageLike {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

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

/** The part of @keyport/storage-migrate this row drives (docs/architecture.md). */
interface StorageMigrate {
  dumpStorage(storage: StorageLike, at: { origin?: string | null; now: () => number }): unknown;
  encodeBundle(bundle: unknown): Promise<string>;
  readImportInput(text: string): Promise<unknown>;
  planImport(
    source: unknown,
    target: StorageLike,
    options: { policy: 'keep' | 'replace'; now: () => number },
  ): unknown;
  applyPlan(
    plan: unknown,
    target: StorageLike,
    options: { origin?: string | null; now: () => number },
  ): { undo: unknown };
}

const NEEDED: (keyof StorageMigrate)[] = [
  'dumpStorage',
  'encodeBundle',
  'readImportInput',
  'planImport',
  'applyPlan',
];

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

function consoleLoop(source: StorageLike, target: StorageLike): void {
  // What a user pastes into DevTools: copy(JSON.stringify(localStorage)) on the old computer...
  const dump: Record<string, string> = {};
  for (let i = 0; i < source.length; i++) {
    const k = source.key(i)!;
    dump[k] = source.getItem(k)!;
  }
  const text = JSON.stringify(dump);
  // ...and Object.entries(JSON.parse(text)).forEach(([k, v]) => localStorage.setItem(k, v)) on the new one.
  for (const [k, v] of Object.entries(JSON.parse(text) as Record<string, string>)) target.setItem(k, v);
}

const STEPS = ['dump', 'encode', 'read', 'plan', 'apply', 'undo'] as const;

/** Moves `source` into `target` the keyport way; returns the milliseconds of each step. */
async function keyportMove(sm: StorageMigrate, source: StorageLike, target: StorageLike): Promise<number[]> {
  const at = { origin: 'https://polkadot.js.org', now: () => 1_795_259_606_034 };
  const laps: number[] = [];
  let t = performance.now();
  const lap = (): void => {
    const now = performance.now();
    laps.push(now - t);
    t = now;
  };
  // Old computer: dump and write the bundle file (checksummed).
  const bundle = sm.dumpStorage(source, at);
  lap();
  const text = await sm.encodeBundle(bundle);
  lap();
  // New computer: read and validate it, plan, apply (undo bundle first, read-back), save the undo.
  const input = await sm.readImportInput(text);
  lap();
  const plan = sm.planImport(input, target, { policy: 'keep', now: at.now });
  lap();
  const { undo } = sm.applyPlan(plan, target, at);
  lap();
  await sm.encodeBundle(undo);
  lap();
  return laps;
}

function sameContents(a: StorageLike, b: StorageLike): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const k = a.key(i)!;
    if (b.getItem(k) !== a.getItem(k)) return false;
  }
  return true;
}

/** Runs both sides `runs` times, interleaved; a pending row if storage-migrate has not landed. */
export async function benchStorageMove(runs: number, total = 10_000): Promise<Row> {
  const base = {
    id: 'storage-move',
    title: `move a ${total.toLocaleString('en')}-entry storage`,
    goal: 'within 3× of the console loop',
  };
  const spec = '@keyport/storage-migrate';
  let sm: Partial<StorageMigrate>;
  try {
    sm = (await import(spec)) as Partial<StorageMigrate>;
  } catch (e) {
    return {
      ...base,
      status: 'pending',
      note: `@keyport/storage-migrate did not load: ${(e as Error).message}`,
    };
  }
  const missing = NEEDED.filter((n) => typeof sm[n] !== 'function');
  if (missing.length) {
    return {
      ...base,
      status: 'pending',
      note: `@keyport/storage-migrate does not export ${missing.join(', ')} yet`,
    };
  }
  const api = sm as StorageMigrate;
  const data = makeStorageData(total);
  const source = new BrowserLikeStorage(data);
  const own: number[] = [];
  const steps: number[][] = [];
  const loop: number[] = [];
  for (let i = 0; i < runs; i++) {
    const a = new BrowserLikeStorage();
    const laps = await keyportMove(api, source, a);
    own.push(laps.reduce((x, y) => x + y, 0));
    steps.push(laps);
    const b = new BrowserLikeStorage();
    const t0 = performance.now();
    consoleLoop(source, b);
    loop.push(performance.now() - t0);
    if (!sameContents(source, a) || !sameContents(source, b))
      throw new Error('a storage move lost or changed entries');
  }
  const k = figure(own);
  const c = figure(loop);
  const ratio = round(k.median / c.median, 2);
  return {
    ...base,
    status: 'measured',
    keyport: k,
    keyportLabel: 'dump, bundle, read, plan, apply, undo file',
    baseline: c,
    baselineLabel: 'JSON.stringify + setItem loop',
    ratio,
    ratioMeaning: "of the loop's time",
    met: ratio <= 3,
    extra: {
      entries: total,
      ...Object.fromEntries(STEPS.map((name, i) => [`${name}Ms`, figure(steps.map((l) => l[i]!)).median])),
    },
  };
}
