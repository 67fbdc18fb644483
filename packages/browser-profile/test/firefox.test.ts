// The reader held to what Firefox ESR wrote and read, in a profile made by this run
// (tooling/browser-fixtures): localStorage (LSNG) byte for byte, lone surrogates and snappy
// included; the test wallet's storage.local (IndexedDB, structured clones) deep-equal to
// browser.storage.local.get(null); committed writes still in a -wal file while Firefox ran.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  applyWal,
  Findings,
  findProfiles,
  firefoxExtensionStore,
  type ProfileData,
  readProfile,
  walletOf,
} from '../src/index.ts';
import { nodeProfileFs } from '../src/node/index.ts';
import { expectSameStorage } from './support.ts';

const fx = inject('firefoxFixture');
const root = inject('profileRoot');
let data: ProfileData;

function bytes(path: string): Uint8Array {
  const b = readFileSync(path);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/** What JSON.stringify/JSON.parse makes of a value: the form the extension reported its storage in. */
const viaJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

beforeAll(async () => {
  const [profile] = await findProfiles(nodeProfileFs, fx.dir);
  data = await readProfile(nodeProfileFs, profile!);
});

describe('a Firefox profile made by Firefox ESR in this run', () => {
  it('is found as a profile folder, and through a profiles.ini root', async () => {
    expect((await findProfiles(nodeProfileFs, fx.dir)).map((p) => [p.engine, p.path])).toEqual([
      ['firefox', fx.dir],
    ]);
    writeFileSync(
      join(root, 'profiles.ini'),
      `[Profile0]\nName=fixture\nIsRelative=1\nPath=firefox\nDefault=1\n`,
    );
    expect(await findProfiles(nodeProfileFs, root)).toEqual([
      { browser: 'firefox', engine: 'firefox', path: join(root, 'firefox'), name: 'fixture' },
    ]);
  });

  it('reads the Apps origin exactly as the page read it (UTF-8 and UTF-16 values, snappy, a lone surrogate)', () => {
    expectSameStorage(
      data.localStorage.find((s) => s.name === fx.apps.origin),
      fx.apps.oracle,
    );
    expect(fx.apps.oracle.lone).toBe('x\ud800y');
    expect(data.damaged).toEqual([]);
  });

  it('reads the second origin apart, and recovers nothing from LSNG (Firefox erases deleted values)', () => {
    expectSameStorage(
      data.localStorage.find((s) => s.name === fx.second.origin),
      fx.second.oracle,
    );
    const apps = data.localStorage.find((s) => s.name === fx.apps.origin)!;
    expect(apps.recoverable).toEqual([]);
    expect(apps.entries.some((e) => e.key === fx.forgotten.key)).toBe(false);
  });

  it("reads the test wallet's storage.local (IndexedDB) deep-equal to browser.storage.local.get(null), under its add-on id", () => {
    const ext = data.extensions.find((s) => s.name === fx.extension.id)!;
    expect(ext).toBeDefined();
    expect(viaJson(Object.fromEntries(ext.entries.map((e) => [e.key, e.value])))).toEqual(
      fx.extension.oracle,
    );
    expect(walletOf(ext)).toBe('polkadot-js');
  });

  it('reads writes that were still in the -wal file while Firefox ran, without SQLite touching the files', async () => {
    const dir = fx.runningExtensionCopy!;
    const name = readdirSync(dir).find((n) => n.endsWith('.sqlite'))!;
    const db = bytes(join(dir, name));
    const wal = bytes(join(dir, `${name}-wal`));
    expect(wal.length).toBeGreaterThan(0);
    const { bytes: folded, frames } = applyWal(db, wal);
    expect(frames).toBeGreaterThan(0);
    const store = await firefoxExtensionStore(folded, name, 'x', new Findings(false));
    expect(viaJson(Object.fromEntries(store!.entries.map((e) => [e.key, e.value])))).toEqual(
      fx.extension.oracle,
    );
    // Without the WAL the same file misses those writes: the fold is what makes them visible.
    const bare = await firefoxExtensionStore(applyWal(db, null).bytes, name, 'x', new Findings(false)).catch(
      () => null,
    );
    expect(bare?.entries.length ?? 0).toBeLessThan(store!.entries.length);
    expect(bytes(join(dir, `${name}-wal`))).toEqual(wal);
  });
});
