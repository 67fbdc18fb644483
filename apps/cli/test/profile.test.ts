// `keyport profiles` and `keyport dump --profile`, run as a process on real profiles made in this
// run by Debian's Chromium and Firefox ESR (tooling/browser-fixtures): the JSON shape, the origin
// bundle byte for byte what the page would have dumped (and restoring it gives back what the page
// read), the wallet's accounts as a bundle that restore imports and convert turns into a batch,
// the forgotten account recovered, and a damaged file named (or salvaged).
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  FIXTURE_PASSWORD,
  makeChromiumFixture,
  makeFirefoxFixture,
  type ProfileFixture,
} from '@keyport/browser-fixtures';
import { decodeBundle, dumpStorage, encodeBundle, MemoryStorage } from '@keyport/storage-migrate';
import { DEV_PHRASE, Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { genSaltSync, hashSync } from 'bcryptjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The test-only LevelDB log writer of browser-profile's own tests (the product never writes).
import { writeBatch, writeLog, writeManifest } from '../../../packages/browser-profile/test/log-writer.ts';
import { expectSameStrings } from '../../../packages/browser-profile/test/support.ts';
import { expectNoSecrets, runCli, scratch } from './run-cli.ts';

const tmp = scratch('keyport-cli-profiles-');
let chromium: ProfileFixture;
let firefox: ProfileFixture;

beforeAll(async () => {
  chromium = await makeChromiumFixture(tmp.dir);
  firefox = await makeFirefoxFixture(tmp.dir);
}, 240_000);
afterAll(() => tmp.cleanup());

const readJson = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as Record<string, string>;

function counts(oracle: Record<string, string>) {
  const keys = Object.keys(oracle);
  const n = (p: string) => keys.filter((k) => k.startsWith(p)).length;
  return {
    accounts: n('account:'),
    addresses: n('address:'),
    contracts: n('contract:'),
    entries: keys.length,
  };
}

describe('keyport profiles', () => {
  it('lists both Chromium profiles, the Apps origins and the wallet extension in the documented JSON shape', async () => {
    const r = await runCli(['profiles', '--profile', chromium.dir, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toEqual({
      profiles: [
        {
          browser: 'chromium',
          path: chromium.profile,
          stores: [
            { origin: chromium.apps.origin, wallet: null, ...counts(chromium.apps.oracle), recoverable: 2 },
            {
              origin: chromium.second.origin,
              wallet: null,
              ...counts(chromium.second.oracle),
              recoverable: 0,
            },
            {
              extension: chromium.extension.id,
              wallet: 'polkadot-js',
              accounts: 2,
              addresses: 0,
              contracts: 0,
              entries: 5,
              recoverable: 1,
            },
          ].sort((a, b) =>
            ((a as { origin?: string }).origin ?? '~') < ((b as { origin?: string }).origin ?? '~') ? -1 : 1,
          ),
        },
        { browser: 'chromium', path: join(chromium.dir, 'Profile 1'), stores: [] },
      ],
    });
  });

  it('lists a Firefox profile the same way, and says in words what it found', async () => {
    const r = await runCli(['profiles', '--profile', firefox.dir, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const [p] = JSON.parse(r.stdout).profiles;
    expect(p.browser).toBe('firefox');
    expect(p.stores).toContainEqual({
      origin: firefox.apps.origin,
      wallet: null,
      ...counts(firefox.apps.oracle),
      recoverable: 0,
    });
    expect(p.stores).toContainEqual({
      extension: firefox.extension.id,
      wallet: 'polkadot-js',
      accounts: 2,
      addresses: 0,
      contracts: 0,
      entries: 5,
      recoverable: 0,
    });
    const text = await runCli(['profiles', '--profile', firefox.dir]);
    expect(text.stdout).toContain(
      `origin "${firefox.apps.origin}": 2 account(s), 2 address-book entr(ies), 1 contract(s)`,
    );
  });

  it('refuses a folder that is not a profile (exit 1, naming --profile)', async () => {
    const r = await runCli(['profiles', '--profile', tmp.dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/INVALID_INPUT: .* is not a browser profile folder/);
  });
});

describe('keyport dump --profile --origin', () => {
  for (const [name, fx] of [
    ['Chromium', () => chromium],
    ['Firefox', () => firefox],
  ] as const) {
    it(`${name}: the bundle is byte for byte the page's dump, and restore gives back exactly what the page read`, async () => {
      const f = fx();
      const out = join(tmp.dir, `${name}-origin.json`);
      const snap = join(tmp.dir, `${name}-snap.json`);
      const r = await runCli(['dump', '--profile', f.dir, '--origin', f.apps.origin, '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      const text = readFileSync(out, 'utf8');
      const bundle = await decodeBundle(text);
      const page = dumpStorage(new MemoryStorage(Object.entries(f.apps.oracle)), {
        origin: f.apps.origin,
        now: () => Date.parse(bundle.createdAt),
      });
      expect(text === (await encodeBundle(page))).toBe(true);
      const restored = await runCli(['restore', out, '--storage', snap]);
      expect(restored.code, restored.stderr).toBe(0);
      expectSameStrings(readJson(snap), f.apps.oracle);
    });
  }

  it('encrypts with --passphrase-file and never prints the passphrase', async () => {
    const out = join(tmp.dir, 'enc.json');
    const pass = tmp.file('pass.txt', 'correct horse "battery"\n');
    const r = await runCli([
      'dump',
      '--profile',
      chromium.profile,
      '--origin',
      chromium.apps.origin,
      '--out',
      out,
      '--passphrase-file',
      pass,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/, encrypted$/m);
    const bundle = await decodeBundle(readFileSync(out, 'utf8'), { passphrase: 'correct horse "battery"' });
    expect(bundle.entries.length).toBe(Object.keys(chromium.apps.oracle).length);
    expectNoSecrets(r, ['correct horse "battery"']);
  });

  it('--recover-deleted writes only the older values, and restore brings the forgotten account back', async () => {
    const out = join(tmp.dir, 'recovered.json');
    const snap = join(tmp.dir, 'recover-snap.json');
    writeFileSync(snap, JSON.stringify(chromium.apps.oracle));
    const r = await runCli([
      'dump',
      '--profile',
      chromium.dir,
      '--origin',
      chromium.apps.origin,
      '--out',
      out,
      '--recover-deleted',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`recovered "${chromium.forgotten.key}": deleted, write #`);
    expect(r.stderr).toContain('recovered "settings": overwritten');
    const bundle = await decodeBundle(readFileSync(out, 'utf8'));
    expect(bundle.entries).toEqual(
      [
        { key: chromium.forgotten.key, value: chromium.forgotten.value },
        { key: chromium.overwritten.key, value: chromium.overwritten.value },
      ].sort((a, b) => (a.key < b.key ? -1 : 1)),
    );
    const restored = await runCli(['restore', out, '--storage', snap]);
    expect(restored.code, restored.stderr).toBe(0);
    const after = readJson(snap);
    expect(after[chromium.forgotten.key] === chromium.forgotten.value).toBe(true);
    expect(after.settings === chromium.apps.oracle.settings).toBe(true);
  });

  it('names an origin that is not there and lists the ones that are', async () => {
    const r = await runCli([
      'dump',
      '--profile',
      chromium.dir,
      '--origin',
      'https://nowhere.example',
      '--out',
      join(tmp.dir, 'x.json'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no origin "https:\/\/nowhere.example" in this profile; found: /);
    expect(r.stderr).toContain(`"${chromium.apps.origin}"`);
  });
});

describe('keyport dump --profile: which profile, and nothing to recover', () => {
  it('an origin held by two profiles of a user-data-dir asks for the profile folder; the folder works', async () => {
    const out = join(tmp.dir, 'second.json');
    const r = await runCli([
      'dump',
      '--profile',
      chromium.dir,
      '--origin',
      chromium.second.origin,
      '--out',
      out,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is in 2 profiles .*pass one profile folder with --profile/);
    const ok = await runCli([
      'dump',
      '--profile',
      chromium.profile,
      '--origin',
      chromium.second.origin,
      '--out',
      out,
    ]);
    expect(ok.code, ok.stderr).toBe(0);
  });

  it('Firefox keeps no older localStorage values: --recover-deleted says so and writes nothing', async () => {
    const out = join(tmp.dir, 'ff-recovered.json');
    const r = await runCli([
      'dump',
      '--profile',
      firefox.dir,
      '--origin',
      firefox.apps.origin,
      '--out',
      out,
      '--recover-deleted',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nothing to recover for .*Firefox erases deleted and overwritten values/);
    expect(() => readFileSync(out)).toThrow();
  });
});

describe('keyport dump --profile --extension', () => {
  it("writes the wallet's accounts as Apps records: restore imports them, convert makes the extension's batch, unlock opens it", async () => {
    const out = join(tmp.dir, 'wallet.json');
    const r = await runCli(['dump', '--profile', chromium.dir, '--extension', 'polkadot-js', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const bundle = await decodeBundle(readFileSync(out, 'utf8'));
    const accounts = Object.entries(chromium.extension.oracle).filter(([k]) => k.startsWith('account:'));
    expect(bundle.entries).toEqual(
      accounts
        .map(([key, v]) => ({ key, value: JSON.stringify(v) }))
        .sort((a, b) => (a.key < b.key ? -1 : 1)),
    );
    const snap = join(tmp.dir, 'wallet-snap.json');
    const restored = await runCli(['restore', out, '--storage', snap]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/shows, as planned: 2 account\(s\)/);
    const batch = join(tmp.dir, 'wallet-batch.json');
    const pw = tmp.file('batch-pw.txt', 'batch password\n');
    const converted = await runCli([
      'convert',
      out,
      '--to',
      'batch',
      '--out',
      batch,
      '--new-password-file',
      pw,
    ]);
    expect(converted.code, converted.stderr).toBe(0);
    const accountPw = tmp.file('account-pw.txt', `${FIXTURE_PASSWORD}\n`);
    const unlocked = await runCli([
      'unlock',
      batch,
      '--password-file',
      pw,
      '--account-password-file',
      accountPw,
    ]);
    expect(unlocked.code, unlocked.stderr).toBe(0);
    expect(unlocked.stderr).toMatch(/2 of 2 account\(s\) unlocked/);
  });

  it('Firefox: reads the wallet by its add-on id', async () => {
    const out = join(tmp.dir, 'ff-wallet.json');
    const r = await runCli([
      'dump',
      '--profile',
      firefox.dir,
      '--extension',
      firefox.extension.id,
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect((await decodeBundle(readFileSync(out, 'utf8'))).summary.accounts).toBe(2);
  });

  it('--recover-deleted brings back the account the wallet removed', async () => {
    const out = join(tmp.dir, 'wallet-recovered.json');
    const r = await runCli([
      'dump',
      '--profile',
      chromium.dir,
      '--extension',
      chromium.extension.id,
      '--out',
      out,
      '--recover-deleted',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const bundle = await decodeBundle(readFileSync(out, 'utf8'));
    expect(bundle.entries.map((e) => [e.key, JSON.parse(e.value)])).toEqual([
      [chromium.extension.removed.key, chromium.extension.removed.value],
    ]);
  });
});

describe('a damaged profile', () => {
  it('a missing CURRENT fails naming the file and suggesting salvage; --salvage reads the rest and says how', async () => {
    const copy = join(tmp.dir, 'damaged');
    cpSync(chromium.dir, copy, { recursive: true });
    rmSync(join(copy, 'Default', 'Local Storage', 'leveldb', 'CURRENT'));
    const out = join(tmp.dir, 'damaged.json');
    const r = await runCli([
      'dump',
      '--profile',
      join(copy, 'Default'),
      '--origin',
      chromium.apps.origin,
      '--out',
      out,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/CORRUPT_DATA: Local Storage\/leveldb\/CURRENT: missing.*salvage/);
    const s = await runCli([
      'dump',
      '--profile',
      join(copy, 'Default'),
      '--origin',
      chromium.apps.origin,
      '--out',
      out,
      '--salvage',
    ]);
    expect(s.code, s.stderr).toBe(0);
    expect(s.stderr).toMatch(/skipped: "Local Storage\/leveldb\/CURRENT": missing/);
    expect(s.stderr).toMatch(/newest MANIFEST/);
    const bundle = await decodeBundle(readFileSync(out, 'utf8'));
    expectSameStrings(Object.fromEntries(bundle.entries.map((e) => [e.key, e.value])), chromium.apps.oracle);
  });
});

describe('keyport dump --profile --extension talisman', () => {
  // A Chromium profile folder holding Talisman's storage as older Talisman versions write it:
  // keystores made by the real @polkadot/keyring under bcrypt(password, salt) (bcryptjs, as
  // Talisman does), beside the password record. Written byte by byte as a LevelDB log.
  const TALISMAN_ID = 'fijngjgcjhjmmpcmkeiomlglpeiijkld';
  const typed = 'talisman "pw" 1';
  let dir: string;
  let addresses: string[];

  beforeAll(async () => {
    await cryptoWaitReady();
    const salt = genSaltSync(8);
    const kr = new Keyring({ type: 'sr25519' });
    const pairs = [0, 1].map((i) => kr.addFromUri(`${DEV_PHRASE}//talisman-cli//${i}`, { name: `t ${i}` }));
    addresses = pairs.map((p) => p.address);
    const values: [string, unknown][] = [
      ['password', { salt, isTrimmed: false, isHashed: true }],
      ...pairs.map((p): [string, unknown] => [
        `account:${u8aToHex(p.publicKey)}`,
        p.toJson(hashSync(typed, salt)),
      ]),
    ];
    dir = join(tmp.dir, 'talisman-profile');
    const db = join(dir, 'Local Extension Settings', TALISMAN_ID);
    mkdirSync(db, { recursive: true });
    writeFileSync(join(dir, 'Preferences'), '{}');
    const enc = (s: string) => new TextEncoder().encode(s);
    writeFileSync(join(db, 'CURRENT'), 'MANIFEST-000002\n');
    writeFileSync(join(db, 'MANIFEST-000002'), writeManifest(3));
    writeFileSync(
      join(db, '000003.log'),
      writeLog([
        writeBatch(
          1,
          values.map(([k, v]) => [enc(k), enc(JSON.stringify(v))]),
        ),
      ]),
    );
  }, 60_000);

  it('without --password-file lists the accounts and says why it cannot export (exit 1)', async () => {
    const r = await runCli([
      'dump',
      '--profile',
      dir,
      '--extension',
      'talisman',
      '--out',
      join(tmp.dir, 't0.json'),
    ]);
    expect(r.code).toBe(1);
    for (const a of addresses) expect(r.stderr).toContain(`found talisman account "${a}"`);
    expect(r.stderr).toMatch(
      /UNSUPPORTED_FORMAT: Talisman encrypts its keys under a password derived from yours/,
    );
  });

  it('with --password-file exports keystores that unlock with the Talisman password itself', async () => {
    const out = join(tmp.dir, 't1.json');
    const pw = tmp.file('talisman-pw.txt', `${typed}\n`);
    const r = await runCli([
      'dump',
      '--profile',
      dir,
      '--extension',
      'talisman',
      '--out',
      out,
      '--password-file',
      pw,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expectNoSecrets(r, [typed]);
    const unlocked = await runCli(['unlock', out, '--password-file', pw]);
    expect(unlocked.code, unlocked.stderr).toBe(0);
    for (const a of addresses) expect(unlocked.stdout).toContain(a);
    const wrong = await runCli([
      'dump',
      '--profile',
      dir,
      '--extension',
      'talisman',
      '--out',
      join(tmp.dir, 't2.json'),
      '--password-file',
      tmp.file('bad.txt', 'nope\n'),
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/WRONG_PASSWORD/);
  });
});
