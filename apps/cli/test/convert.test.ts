// keyport convert between keystore, batch and Apps array: what it writes opens with the real
// @polkadot/keyring and keyport unlock, passwords change only on request, no silent overwrite.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EXTERNAL_ADDRESS, FIXTURE, SECRETS } from './fixtures.ts';
import { expectNoSecrets, runCli, scratch } from './run-cli.ts';
import { V3_ECDSA, V3_SR25519 } from './vectors.ts';

const tmp = scratch();
beforeAll(() => cryptoWaitReady());
afterAll(() => tmp.cleanup());
const fixture = (name: string) => join(inject('fixtureDir'), name);
const NEW_PW = 'new-pw-Tq7$';

function scryptN(encoded: string): number {
  return Buffer.from(encoded, 'base64').readUInt32LE(32);
}

describe('keyport convert', () => {
  it('keystore → keystore with --new-password-file --compat: v3 at 2^15 under the new password', async () => {
    const out = tmp.path('v3-new.json');
    const run = await runCli([
      'convert',
      tmp.file('v3.json', V3_SR25519.json),
      '--to',
      'keystore',
      '--out',
      out,
      '--password-file',
      tmp.file('old.pw', 'version3'),
      '--new-password-file',
      tmp.file('new.pw', `${NEW_PW}\n`),
      '--compat',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expectNoSecrets(run, [NEW_PW]);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.address).toBe(JSON.parse(V3_SR25519.json).address);
    expect(json.meta.name).toBe('version3');
    expect(scryptN(json.encoded)).toBe(32768);
    const pair = new Keyring({ type: 'sr25519' }).addFromJson(json);
    pair.decodePkcs8(NEW_PW);
    expect(u8aToHex(pair.publicKey)).toBe(V3_SR25519.publicKey);
  });

  it('keystores → batch → unlock: the accounts keep their passwords inside the new batch', async () => {
    const apps = tmp.path('two.json');
    // An Apps array of two upstream keystores, both with the password "version3"/"testing".
    writeFileSync(apps, JSON.stringify([JSON.parse(V3_SR25519.json), JSON.parse(V3_ECDSA.json)], null, 2));
    const batch = tmp.path('two-batch.json');
    const run = await runCli([
      'convert',
      apps,
      '--to',
      'batch',
      '--out',
      batch,
      '--new-password-file',
      tmp.file('b.pw', SECRETS.batchPassword),
      '--compat',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(readFileSync(batch, 'utf8'));
    expect(json.encoding.content).toEqual(['batch-pkcs8']);
    expect(json.accounts.map((a: { address: string }) => a.address)).toEqual([
      JSON.parse(V3_SR25519.json).address,
      JSON.parse(V3_ECDSA.json).address,
    ]);
    const unlock = await runCli([
      'unlock',
      batch,
      '--password-file',
      tmp.file('b.pw', SECRETS.batchPassword),
      '--account-password-file',
      tmp.file('a.pw', 'version3'),
      '--json',
    ]);
    const lines = JSON.parse(unlock.stdout).accounts as { ok: boolean; error?: string }[];
    expect(lines.map((l) => l.ok)).toEqual([true, false]); // the ecdsa one has the password "testing"
    expect(lines[1]?.error).toBe('WRONG_PASSWORD');
  });

  it('ui-keyring batch → Apps array: every account byte for byte, readable by @polkadot/keyring', async () => {
    const out = tmp.path('apps.json');
    const run = await runCli([
      'convert',
      fixture(FIXTURE.batch),
      '--to',
      'apps-array',
      '--out',
      out,
      '--password-file',
      tmp.file('b.pw', SECRETS.batchPassword),
    ]);
    expect(run.code, run.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('[\n  {')).toBe(true); // JSON.stringify(accounts, null, 2), as Apps writes it
    const items = JSON.parse(text) as { address: string; encoded: string }[];
    const facts = inject('fixtureFacts');
    expect(items.map((i) => i.address).length).toBe(facts.uik.length);
    const first = items[0] as Parameters<Keyring['addFromJson']>[0];
    const pair = new Keyring({ type: 'sr25519' }).addFromJson(first);
    pair.decodePkcs8(SECRETS.accountPassword);
    expect(u8aToHex(pair.publicKey)).toBe(facts.uik[0]?.publicKey);
  });

  it('Apps array → keystore needs --account when it holds several; --account picks one', async () => {
    const many = await runCli([
      'convert',
      fixture(FIXTURE.appsArray),
      '--to',
      'keystore',
      '--out',
      tmp.path('one.json'),
    ]);
    expect(many.code).toBe(1);
    expect(many.stderr).toMatch(/error: INVALID_INPUT: .*--account/);
    const facts = inject('fixtureFacts');
    const target = facts.uik[1] as { address: string; publicKey: string };
    const out = tmp.path('picked.json');
    const run = await runCli([
      'convert',
      fixture(FIXTURE.appsArray),
      '--to',
      'keystore',
      '--out',
      out,
      '--account',
      target.address,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).address).toBe(target.address);
  });

  it('Apps array → Apps array keeps the keyless external entry', async () => {
    const out = tmp.path('apps-copy.json');
    const run = await runCli(['convert', fixture(FIXTURE.appsArray), '--to', 'apps-array', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const items = JSON.parse(readFileSync(out, 'utf8')) as { address: string }[];
    expect(items.map((i) => i.address)).toContain(EXTERNAL_ADDRESS);
  });

  it('refuses to overwrite --out without --force (exit 1, file untouched); --force replaces it', async () => {
    const out = tmp.file('taken.json', 'precious');
    const args = ['convert', tmp.file('v3.json', V3_SR25519.json), '--to', 'keystore', '--out', out];
    const refused = await runCli(args);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/error: FILE_EXISTS: /);
    expect(readFileSync(out, 'utf8')).toBe('precious');
    expect((await runCli([...args, '--force'])).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).address).toBe(JSON.parse(V3_SR25519.json).address);
  });

  it('bad usage exits 2: no --to, an unknown --to, no --out', async () => {
    const file = tmp.file('v3.json', V3_SR25519.json);
    for (const args of [
      ['convert', file, '--out', tmp.path('a.json')],
      ['convert', file, '--to', 'pem', '--out', tmp.path('a.json')],
      ['convert', file, '--to', 'keystore'],
    ]) {
      expect((await runCli(args)).code, args.join(' ')).toBe(2);
    }
  });

  it('a wrong password while re-encrypting exits 1 with WRONG_PASSWORD and writes nothing', async () => {
    const out = tmp.path('never.json');
    const run = await runCli([
      'convert',
      tmp.file('v3.json', V3_SR25519.json),
      '--to',
      'keystore',
      '--out',
      out,
      '--password-file',
      tmp.file('bad.pw', 'nope'),
      '--compat',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error: WRONG_PASSWORD: /);
    expect(() => readFileSync(out)).toThrow();
  });
});
