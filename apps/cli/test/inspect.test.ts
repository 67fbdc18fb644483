// keyport inspect on the upstream vectors (docs/vectors.md §1) and on files made by the real
// @polkadot/keyring and ui-keyring: format, version, scrypt, key type, address, name; exit codes.
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { EXTERNAL_ADDRESS, FIXTURE, SECRETS, UIK_ACCOUNTS } from './fixtures.ts';
import { expectNoSecrets, runCli, scratch } from './run-cli.ts';
import { V0_ED25519, V2_SR25519, V3_ECDSA, V3_ETHEREUM, V3_SR25519, VECTORS } from './vectors.ts';

const tmp = scratch();
afterAll(() => tmp.cleanup());
const fixture = (name: string) => join(inject('fixtureDir'), name);

interface Report {
  format: string;
  version?: string;
  encrypted?: boolean;
  scrypt?: { N: number; p: number; r: number };
  accounts: { type: string | null; address: string; name: string | null; keyless?: boolean }[];
  details?: Record<string, unknown>;
}

async function inspectJson(path: string): Promise<Report> {
  const run = await runCli(['inspect', path, '--json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Report;
}

describe('keyport inspect: upstream vectors', () => {
  it.each(VECTORS)('$name: version, key type and address as written, no password needed', async (v) => {
    const r = await inspectJson(tmp.file(`${v.version}-${v.type}.json`, v.json));
    const json = JSON.parse(v.json);
    expect(r.format).toBe('keystore');
    expect(r.version).toBe(v.version);
    expect(r.encrypted).toBe(true);
    expect(r.accounts).toHaveLength(1);
    expect(r.accounts[0]?.address).toBe(json.address);
    expect(r.accounts[0]?.name).toBe(json.meta.name ?? null);
    // v0 records no key type: the loader decides (Apps: ed25519).
    expect(r.accounts[0]?.type).toBe(v === V0_ED25519 ? null : v.type);
  });

  it('v3 vectors carry their scrypt parameters (2^15, 1, 8); v2 and v0 have none', async () => {
    for (const v of [V3_SR25519, V3_ECDSA, V3_ETHEREUM]) {
      expect((await inspectJson(tmp.file('s.json', v.json))).scrypt).toEqual({ N: 32768, p: 1, r: 8 });
    }
    for (const v of [V2_SR25519, V0_ED25519]) {
      expect((await inspectJson(tmp.file('s.json', v.json))).scrypt).toBeUndefined();
    }
  });

  it('the text form names format, version, scrypt, type, address and name', async () => {
    const run = await runCli(['inspect', tmp.file('v3.json', V3_SR25519.json)]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/format\s+keystore/);
    expect(run.stdout).toMatch(/version\s+3/);
    expect(run.stdout).toMatch(/scrypt\s+N=2\^15 \(32768\), p=1, r=8/);
    expect(run.stdout).toMatch(/sr25519\s+FLiSDPCcJ6auZUGXALLj6jpahcP6adVFDBUQznPXUQ7yoqH\s+"version3"/);
  });
});

describe('keyport inspect: files made by @polkadot/keyring and ui-keyring', () => {
  it('pair.toJson: v3 at the 2^17 default, sr25519', async () => {
    const r = await inspectJson(fixture(FIXTURE.keyringSr25519));
    const facts = inject('fixtureFacts');
    expect(r).toMatchObject({ format: 'keystore', version: '3', scrypt: { N: 131072, p: 1, r: 8 } });
    expect(r.accounts).toEqual([
      { type: 'sr25519', address: facts.keyringSr25519.address, name: 'from keyring' },
    ]);
  });

  it('backupAccounts batch: its accounts from the plain preview, types unknown until opened', async () => {
    const r = await inspectJson(fixture(FIXTURE.batch));
    const facts = inject('fixtureFacts');
    expect(r).toMatchObject({
      format: 'batch',
      version: '3',
      encrypted: true,
      scrypt: { N: 131072, p: 1, r: 8 },
    });
    expect(r.accounts.map((a) => a.address)).toEqual(facts.uik.map((a) => a.address));
    expect(r.accounts.map((a) => a.name)).toEqual(UIK_ACCOUNTS.map((a) => a.name));
    expect(r.accounts.every((a) => a.type === null)).toBe(true);
  });

  it('Apps array: every key type, and the external entry marked keyless', async () => {
    const r = await inspectJson(fixture(FIXTURE.appsArray));
    expect(r.format).toBe('apps-accounts');
    expect(r.accounts.filter((a) => !a.keyless).map((a) => a.type)).toEqual(UIK_ACCOUNTS.map((a) => a.type));
    expect(r.accounts.filter((a) => a.keyless).map((a) => a.address)).toEqual([EXTERNAL_ADDRESS]);
  });

  it('a localStorage snapshot made by ui-keyring: counts by kind and its accounts', async () => {
    const r = await inspectJson(fixture(FIXTURE.storage));
    expect(r.format).toBe('localstorage-dump');
    expect(r.details).toMatchObject({ accounts: 5, addresses: 1, contracts: 1, settings: 1, other: 1 });
    expect(r.accounts.filter((a) => a.type !== null && !a.keyless)).toHaveLength(4);
  });
});

describe('keyport inspect: errors and secrets', () => {
  it('a mnemonic file is recognised, and its words are never printed', async () => {
    for (const args of [[], ['--json']]) {
      const run = await runCli(['inspect', tmp.file('phrase.txt', `${SECRETS.mnemonic}\n`), ...args]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('mnemonic');
      expectNoSecrets(run, [SECRETS.mnemonic, ...SECRETS.mnemonic.split(' ').filter((w) => w.length > 5)]);
    }
  });

  it('an unknown file exits 1 with UNSUPPORTED_FORMAT, a missing one with FILE_NOT_FOUND', async () => {
    const unknown = await runCli(['inspect', tmp.file('x.json', '{"hello":1}')]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^error: UNSUPPORTED_FORMAT: /);
    const missing = await runCli(['inspect', tmp.path('nope.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: FILE_NOT_FOUND: .*nope\.json does not exist/);
  });

  it('bad usage exits 2: no file, two files, an unknown option', async () => {
    for (const args of [['inspect'], ['inspect', 'a', 'b'], ['inspect', 'a', '--frob']]) {
      const run = await runCli(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('usage: keyport inspect <file> [--json]');
    }
  });

  it('inspect --help prints its usage and exits 0', async () => {
    const run = await runCli(['inspect', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('usage: keyport inspect <file> [--json]');
  });
});
