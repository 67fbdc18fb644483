// The reader held to what Debian's Chromium wrote and read, in a profile made by this run
// (tooling/browser-fixtures): every string byte for byte, the extension's storage deep-equal to
// chrome.storage.local.get(null), the forgotten account and the overwritten setting recovered
// from older files and kept apart, and the corruption cases (a truncated log, a flipped byte in
// a table, a missing CURRENT), each an error naming the file or, with salvage, no wrong value.
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumSession, startOriginServer, writeLocalStorage } from '@keyport/browser-fixtures';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  chromiumLocalStorage,
  Findings,
  findProfiles,
  loadLevelDb,
  type ProfileData,
  type ProfileRef,
  readLevelDb,
  readProfile,
  walletAccounts,
  walletOf,
} from '../src/index.ts';
import { nodeProfileFs } from '../src/node/index.ts';
import { expectNoWrongValue, expectSameStorage, overlayFs } from './support.ts';

const fx = inject('chromiumFixture');
const root = inject('profileRoot');
const LABEL = 'Local Storage/leveldb';
let profile: ProfileRef;
let data: ProfileData;

function bytes(path: string): Uint8Array {
  const b = readFileSync(path);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

async function readCopy(dir: string, salvage: boolean, changes: Record<string, Uint8Array | null> = {}) {
  const files = await loadLevelDb(
    overlayFs(Object.fromEntries(Object.entries(changes).map(([k, v]) => [join(dir, k), v]))),
    dir,
    LABEL,
  );
  const findings = new Findings(salvage);
  const stores = chromiumLocalStorage(readLevelDb(files!, findings), LABEL, findings);
  return { store: stores.find((s) => s.name === fx.apps.origin), findings };
}

function codeAndFile(e: unknown): [string | undefined, unknown] {
  return [(e as { code?: string }).code, (e as { details?: { file?: unknown } }).details?.file];
}

beforeAll(async () => {
  const found = await findProfiles(nodeProfileFs, fx.dir);
  profile = found.find((p) => p.path === fx.profile)!;
  data = await readProfile(nodeProfileFs, profile);
});

describe('a Chromium profile made by Debian Chromium in this run', () => {
  it("finds both profiles of the user-data-dir with Local State's names, and one profile folder alone", async () => {
    const found = await findProfiles(nodeProfileFs, fx.dir);
    expect(found.map((p) => [p.engine, p.path.slice(fx.dir.length)])).toEqual([
      ['chromium', '/Default'],
      ['chromium', '/Profile 1'],
    ]);
    expect(found.every((p) => typeof p.name === 'string')).toBe(true);
    expect(await findProfiles(nodeProfileFs, fx.profile)).toEqual([
      expect.objectContaining({ path: fx.profile, userDataDir: fx.dir }),
    ]);
    expect(await findProfiles(nodeProfileFs, join(root, 'nothing-here'))).toEqual([]);
  });

  it('reads the Apps origin exactly as the page read it: ui-keyring records, quotes, emoji, a lone surrogate, NUL, 1 MiB', () => {
    const store = data.localStorage.find((s) => s.name === fx.apps.origin);
    expectSameStorage(store, fx.apps.oracle);
    expect(store!.entries.some((e) => e.value.length >= 768 * 1024)).toBe(true);
    expect(data.damaged).toEqual([]);
  });

  it('reads the second origin of the same profile apart from the first', () => {
    expectSameStorage(
      data.localStorage.find((s) => s.name === fx.second.origin),
      fx.second.oracle,
    );
  });

  it('recovers the forgotten account and the overwritten setting from older files, never in the live set', () => {
    const store = data.localStorage.find((s) => s.name === fx.apps.origin)!;
    expect(store.entries.some((e) => e.key === fx.forgotten.key)).toBe(false);
    const byKey = new Map(store.recoverable.map((r) => [r.key, r]));
    const forgotten = byKey.get(fx.forgotten.key)!;
    expect(forgotten.value === fx.forgotten.value).toBe(true);
    expect(forgotten.status).toBe('deleted');
    expect(forgotten.replacedAt).toBeGreaterThan(forgotten.seq);
    const over = byKey.get(fx.overwritten.key)!;
    expect([over.status, over.value === fx.overwritten.value]).toEqual(['overwritten', true]);
    expect(store.recoverable).toHaveLength(2);
  });

  it("reads the test wallet's chrome.storage.local deep-equal to what the extension read, and its removed account as recoverable", () => {
    const ext = data.extensions.find((s) => s.name === fx.extension.id)!;
    expect(Object.fromEntries(ext.entries.map((e) => [e.key, e.value]))).toEqual(fx.extension.oracle);
    expect(walletOf(ext)).toBe('polkadot-js');
    expect(walletAccounts(ext)).toHaveLength(2);
    expect(ext.recoverable.map((r) => [r.key, r.status])).toEqual([[fx.extension.removed.key, 'deleted']]);
    expect(ext.recoverable[0]!.value).toEqual(fx.extension.removed.value);
  });
});

describe('damaged Chromium files (copies; the profile is never touched)', () => {
  const copy = () => fx.firstSessionCopy!;
  const log = () => readdirSync(copy()).find((n) => n.endsWith('.log'))!;

  it('the first session is one multi-block log that reads back exactly', async () => {
    expect(bytes(join(copy(), log())).length).toBeGreaterThan(3 * 32768);
    expectSameStorage((await readCopy(copy(), false)).store, fx.apps.firstOracle);
  });

  it('a log cut mid-batch fails naming the log; salvage keeps whole operations of the batch, each with its true value', async () => {
    const cut = bytes(join(copy(), log())).subarray(0, 600_000);
    const e = await readCopy(copy(), false, { [log()]: cut }).catch((x: unknown) => x);
    expect(codeAndFile(e)).toEqual(['CORRUPT_DATA', `${LABEL}/${log()}`]);
    const { store, findings } = await readCopy(copy(), true, { [log()]: cut });
    expect(store!.entries.length).toBeGreaterThan(0);
    expect(store!.entries.length).toBeLessThan(Object.keys(fx.apps.firstOracle).length);
    expectNoWrongValue(store, fx.apps.firstOracle);
    expect(findings.damaged.map((d) => d.file)).toEqual([`${LABEL}/${log()}`]);
  });

  it('a flipped byte in a table block fails naming the table; salvage skips that block only and says so', async () => {
    const dir = join(fx.profile, 'Local Storage', 'leveldb');
    const table = readdirSync(dir).find((n) => n.endsWith('.ldb'))!;
    const flipped = bytes(join(dir, table)).slice();
    flipped[Math.floor(flipped.length / 3)]! ^= 0x40;
    const e = await readCopy(dir, false, { [table]: flipped }).catch((x: unknown) => x);
    expect(codeAndFile(e)).toEqual(['CORRUPT_DATA', `${LABEL}/${table}`]);
    const { store, findings } = await readCopy(dir, true, { [table]: flipped });
    expect(findings.damaged).toHaveLength(1);
    expect(findings.damaged[0]).toMatchObject({ file: `${LABEL}/${table}`, lost: 'block' });
    expect(store!.entries.length).toBeGreaterThan(0);
    expectNoWrongValue(store, fx.apps.oracle);
  });

  it('a missing CURRENT fails naming it; salvage falls back to the newest MANIFEST and reads everything', async () => {
    const dir = join(fx.profile, 'Local Storage', 'leveldb');
    const e = await readCopy(dir, false, { CURRENT: null }).catch((x: unknown) => x);
    expect(codeAndFile(e)).toEqual(['CORRUPT_DATA', `${LABEL}/CURRENT`]);
    const { store, findings } = await readCopy(dir, true, { CURRENT: null });
    expectSameStorage(store, fx.apps.oracle);
    expect(findings.notes.join('\n')).toMatch(/newest MANIFEST/);
  });
});

describe('while Chromium runs on the profile', () => {
  it('reads without a lock or a write, and warns that the newest seconds may be missing', async () => {
    const dir = join(root, 'chromium-running');
    cpSync(fx.dir, dir, { recursive: true });
    const before = readdirSync(join(dir, 'Default', 'Local Storage', 'leveldb')).sort();
    // The origin's port again: the port is part of the origin.
    const server = await startOriginServer(Number(new URL(fx.apps.origin).port));
    await chromiumSession(dir, {}, async (ctx) => {
      await writeLocalStorage(ctx, fx.apps.origin, { 'written-while-open': 'x' });
      const [p] = await findProfiles(nodeProfileFs, join(dir, 'Default'));
      const running = await readProfile(nodeProfileFs, p!);
      expect(running.running).toBe(true);
      expect(running.notes.join('\n')).toMatch(/newest few seconds/);
      const store = running.localStorage.find((s) => s.name === fx.apps.origin);
      expectNoWrongValue(store, { ...fx.apps.oracle, 'written-while-open': 'x' });
      expect(store!.entries.length).toBeGreaterThanOrEqual(Object.keys(fx.apps.oracle).length);
    }).finally(() => server.close());
    expect(before.length).toBeGreaterThan(0);
  });
});
