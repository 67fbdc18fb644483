// `keyport profiles` and `keyport dump --profile` on Firefox's legacy localStorage files, run as a
// process on a profile Firefox ESR wrote in this run with dom.storage.shadow_writes
// (tooling/browser-fixtures makeFirefoxLegacyFixture): the Apps origin kept only in
// webappsstore.sqlite and storage/ls-archive.sqlite is listed with its store, dumped byte for
// byte as the page's dump of what the page read, and restores to it; an origin whose stores
// differ is never merged or picked silently; a truncated file is named, or skipped under
// --salvage.
import { cpSync, existsSync, readFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import {
  asShadowWritten,
  type LegacyFirefoxFixture,
  makeFirefoxLegacyFixture,
} from '@keyport/browser-fixtures';
import { decodeBundle, dumpStorage, encodeBundle, MemoryStorage } from '@keyport/storage-migrate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The exact-strings check of browser-profile's own tests.
import { expectSameStrings } from '../../../packages/browser-profile/test/support.ts';
import { runCli, scratch } from './run-cli.ts';

const tmp = scratch('keyport-cli-ff-legacy-');
let fx: LegacyFirefoxFixture;

beforeAll(async () => {
  fx = await makeFirefoxLegacyFixture(tmp.dir);
}, 120_000);
afterAll(() => tmp.cleanup());

describe('keyport profiles: Firefox legacy stores', () => {
  it('lists the origins of each legacy file with its store, and whether the current localStorage agrees', async () => {
    const r = await runCli(['profiles', '--profile', fx.dir, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const stores = JSON.parse(r.stdout).profiles[0].stores as Record<string, unknown>[];
    const of = (origin: string) =>
      stores.filter((s) => s.origin === origin).map((s) => [s.legacy ?? 'current', s.sameAsCurrent ?? null]);
    expect(of(fx.apps.origin)).toEqual([
      ['webappsstore', null],
      ['ls-archive', null],
    ]);
    expect(of(fx.second.origin)).toEqual([
      ['current', null],
      ['webappsstore', false],
      ['ls-archive', false],
    ]);
    expect(stores).toContainEqual(
      expect.objectContaining({ origin: fx.apps.origin, legacy: 'webappsstore', accounts: 3, addresses: 2 }),
    );
    const text = await runCli(['profiles', '--profile', fx.dir]);
    expect(text.stdout).toContain(
      `origin "${fx.apps.origin}" in Firefox's legacy store webappsstore.sqlite (not in the current localStorage; dump it with --firefox-store webappsstore): 3 account(s)`,
    );
  });
});

describe('keyport dump --profile --origin: Firefox legacy stores', () => {
  it('an origin only in the legacy files: the bundle is byte for byte the page dump, and restores to what the page read', async () => {
    const out = join(tmp.dir, 'legacy.json');
    const r = await runCli(['dump', '--profile', fx.dir, '--origin', fx.apps.origin, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("note: read from Firefox's legacy store webappsstore.sqlite");
    const expected = asShadowWritten(fx.apps.oracle);
    const text = readFileSync(out, 'utf8');
    const bundle = await decodeBundle(text);
    const page = dumpStorage(new MemoryStorage(Object.entries(expected)), {
      origin: fx.apps.origin,
      now: () => Date.parse(bundle.createdAt),
    });
    expect(text === (await encodeBundle(page))).toBe(true);
    const snap = join(tmp.dir, 'legacy-snap.json');
    const restored = await runCli(['restore', out, '--storage', snap]);
    expect(restored.code, restored.stderr).toBe(0);
    expectSameStrings(JSON.parse(readFileSync(snap, 'utf8')), expected);
  });

  it('stores that differ are never merged: without --firefox-store nothing is written and each store is listed', async () => {
    const out = join(tmp.dir, 'second.json');
    const r = await runCli(['dump', '--profile', fx.dir, '--origin', fx.second.origin, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is in 3 Firefox stores that hold different items');
    expect(r.stderr).toContain('webappsstore: ');
    expect(r.stderr).toMatch(/0 key\(s\) only here, 0 missing, 1 with another value/);
    expect(r.stderr).toContain('pass --firefox-store current or webappsstore or ls-archive');
    expect(existsSync(out)).toBe(false);
    for (const [store, oracle] of [
      ['current', fx.second.oracle],
      ['webappsstore', fx.second.legacyOracle],
      ['ls-archive', fx.second.legacyOracle],
    ] as const) {
      const file = join(tmp.dir, `second-${store}.json`);
      const picked = await runCli([
        'dump',
        '--profile',
        fx.dir,
        '--origin',
        fx.second.origin,
        '--firefox-store',
        store,
        '--out',
        file,
      ]);
      expect(picked.code, picked.stderr).toBe(0);
      const bundle = await decodeBundle(readFileSync(file, 'utf8'));
      expectSameStrings(Object.fromEntries(bundle.entries.map((e) => [e.key, e.value])), oracle);
    }
  });

  it('refuses an unknown --firefox-store, and one without --origin', async () => {
    const bad = await runCli([
      'dump',
      '--profile',
      fx.dir,
      '--origin',
      fx.apps.origin,
      '--firefox-store',
      'lsng',
      '--out',
      join(tmp.dir, 'x.json'),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--firefox-store takes current, webappsstore, ls-archive');
    const alone = await runCli([
      'dump',
      '--profile',
      fx.dir,
      '--extension',
      'polkadot-js',
      '--firefox-store',
      'current',
      '--out',
      join(tmp.dir, 'y.json'),
    ]);
    expect(alone.code).toBe(2);
  });

  it('a truncated webappsstore.sqlite is named (exit 1); --salvage skips it, says so, and dumps from the archive', async () => {
    const copy = join(tmp.dir, 'truncated');
    cpSync(fx.dir, copy, { recursive: true });
    truncateSync(join(copy, 'webappsstore.sqlite'), 40_000);
    const r = await runCli(['profiles', '--profile', copy]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/CORRUPT_DATA: webappsstore\.sqlite: truncated/);
    const out = join(tmp.dir, 'salvaged.json');
    const s = await runCli([
      'dump',
      '--profile',
      copy,
      '--origin',
      fx.apps.origin,
      '--out',
      out,
      '--salvage',
    ]);
    expect(s.code, s.stderr).toBe(0);
    expect(s.stderr).toMatch(/skipped: "webappsstore\.sqlite": truncated.*\(lost: the whole file\)/);
    expect(s.stderr).toContain("note: read from Firefox's legacy store storage/ls-archive.sqlite");
    const bundle = await decodeBundle(readFileSync(out, 'utf8'));
    expectSameStrings(
      Object.fromEntries(bundle.entries.map((e) => [e.key, e.value])),
      asShadowWritten(fx.apps.oracle),
    );
  });
});
