// Firefox's legacy localStorage files, written by Firefox ESR itself in this run
// (tooling/browser-fixtures makeFirefoxLegacyFixture): the Apps origin kept only in
// webappsstore.sqlite and storage/ls-archive.sqlite, read code unit for code unit as the page
// read it (NUL, quotes, emoji, non-Latin-1, 1 MiB); a second origin in LSNG and, with older
// values, in the legacy files; damaged files named, or skipped under salvage; nothing written.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { asShadowWritten } from '@keyport/browser-fixtures';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { findProfiles, type ProfileData, type ProfileFs, readProfile } from '../src/index.ts';
import { nodeProfileFs } from '../src/node/index.ts';
import { expectNoWrongValue, expectSameStorage, overlayFs } from './support.ts';

const fx = inject('firefoxLegacyFixture');
let data: ProfileData;

function bytes(path: string): Uint8Array {
  const b = readFileSync(path);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

async function read(fs: ProfileFs, salvage = false): Promise<ProfileData> {
  const [profile] = await findProfiles(nodeProfileFs, fx.dir);
  return readProfile(fs, profile!, { salvage });
}

/** Every file under `dir` with its size and hash, to show reading changed nothing. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const p = join(e.parentPath, e.name);
    out[p] = `${statSync(p).size}:${createHash('sha256').update(readFileSync(p)).digest('hex')}`;
  }
  return out;
}

const WEBAPPS = () => join(fx.dir, 'webappsstore.sqlite');

beforeAll(async () => {
  data = await read(nodeProfileFs);
});

describe('Firefox legacy localStorage written by Firefox ESR (shadow writes)', () => {
  it('reads the Apps origin from both legacy files exactly as the page read it (lone surrogates as Firefox stored them)', () => {
    expect(data.localStorage.some((s) => s.name === fx.apps.origin)).toBe(false);
    const found = data.legacyLocalStorage.filter((s) => s.name === fx.apps.origin);
    expect(found.map((s) => [s.legacy, s.source])).toEqual([
      ['webappsstore', 'webappsstore.sqlite'],
      ['ls-archive', 'storage/ls-archive.sqlite'],
    ]);
    const expected = asShadowWritten(fx.apps.oracle);
    for (const store of found) expectSameStorage(store, expected);
    // Only the lone surrogate differs from what the page read; NUL, quotes, emoji and 1 MiB do not.
    const differing = Object.keys(fx.apps.oracle).filter((k) => expected[k] !== fx.apps.oracle[k]);
    expect(differing).toEqual(['lone']);
    expect(expected.nul).toBe('a\u0000b');
    expect(expected.big!.length).toBe(768 * 1024);
    expect(data.damaged).toEqual([]);
  });

  it('keeps the second origin apart: current values in LSNG, the older ones in the legacy files', () => {
    expectSameStorage(
      data.localStorage.find((s) => s.name === fx.second.origin),
      fx.second.oracle,
    );
    for (const store of data.legacyLocalStorage.filter((s) => s.name === fx.second.origin)) {
      expectSameStorage(store, fx.second.legacyOracle);
    }
    expect(fx.second.legacyOracle.lcUrl).not.toBe(fx.second.oracle.lcUrl);
  });

  it('writes nothing in the profile', async () => {
    const before = snapshot(fx.dir);
    await read(nodeProfileFs);
    expect(snapshot(fx.dir)).toEqual(before);
  });

  it('skips the legacy files when origins are not wanted', async () => {
    const [profile] = await findProfiles(nodeProfileFs, fx.dir);
    const only = await readProfile(nodeProfileFs, profile!, { filter: { origin: false } });
    expect(only.legacyLocalStorage).toEqual([]);
  });
});

describe('a damaged webappsstore.sqlite', () => {
  const file = () => bytes(WEBAPPS());
  const cases: [string, () => Uint8Array | Promise<Uint8Array>, RegExp][] = [
    ['truncated to half', () => file().slice(0, file().length >> 1), /webappsstore\.sqlite: truncated/],
    ['garbage', () => new Uint8Array(4096).fill(0x5a), /webappsstore\.sqlite: not an SQLite database/],
    [
      'its pages overwritten after the header page',
      () => {
        const b = file().slice();
        b.fill(0xab, 32768);
        return b;
      },
      /webappsstore\.sqlite: SQLite cannot read it/,
    ],
  ];
  for (const [name, make, message] of cases) {
    it(`${name}: CORRUPT_DATA naming the file; salvage skips that file, reports it and reads the archive`, async () => {
      const fs = overlayFs({ [WEBAPPS()]: await make() });
      await expect(read(fs)).rejects.toMatchObject({
        code: 'CORRUPT_DATA',
        message: expect.stringMatching(message),
      });
      const salvaged = await read(fs, true);
      expect(salvaged.damaged).toEqual([
        expect.objectContaining({ file: 'webappsstore.sqlite', lost: 'file' }),
      ]);
      const stores = salvaged.legacyLocalStorage.filter((s) => s.name === fx.apps.origin);
      expect(stores.map((s) => s.legacy)).toEqual(['ls-archive']);
      expectSameStorage(stores[0], asShadowWritten(fx.apps.oracle));
    });
  }

  it('a value that is not UTF-8 fails naming the file; salvage loses that value only', async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database(file());
    db.run("UPDATE webappsstore2 SET value = CAST(X'78ff79' AS TEXT) WHERE key = 'latin1'");
    const fs = overlayFs({ [WEBAPPS()]: db.export() });
    db.close();
    await expect(read(fs)).rejects.toMatchObject({
      code: 'CORRUPT_DATA',
      message: expect.stringMatching(/^webappsstore\.sqlite: a row of webappsstore2: .*UTF-8/),
    });
    const salvaged = await read(fs, true);
    expect(salvaged.damaged).toEqual([
      expect.objectContaining({ file: 'webappsstore.sqlite', lost: 'value' }),
    ]);
    const store = salvaged.legacyLocalStorage.find(
      (s) => s.legacy === 'webappsstore' && s.name === fx.apps.origin,
    );
    expect(store!.entries.some((e) => e.key === 'latin1')).toBe(false);
    expectNoWrongValue(store, asShadowWritten(fx.apps.oracle));
    expect(store!.entries.length).toBe(Object.keys(fx.apps.oracle).length - 1);
  });
});
