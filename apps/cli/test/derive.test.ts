// keyport derive on the SURI vectors (docs/vectors.md §2) and --export: the written keystore is v3,
// opens with @polkadot/keyring, and is never written over an existing file without --force.
import { readFileSync, writeFileSync } from 'node:fs';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRETS } from './fixtures.ts';
import { expectNoSecrets, runCli, scratch } from './run-cli.ts';
import { DEV_ALICE_SR25519, DEV_ETHEREUM, DEV_PHRASE, DEV_SR25519 } from './vectors.ts';

const tmp = scratch();
beforeAll(() => cryptoWaitReady());
afterAll(() => tmp.cleanup());

async function deriveJson(secret: string, ...args: string[]) {
  const run = await runCli([
    'derive',
    '--secret-file',
    tmp.file('secret.txt', `${secret}\n`),
    '--json',
    ...args,
  ]);
  expect(run.code, run.stderr).toBe(0);
  expectNoSecrets(run, [secret]);
  return JSON.parse(run.stdout) as { address: string; publicKey: string; type: string };
}

describe('keyport derive: SURI vectors (docs/vectors.md §2, polkadot-js suri.spec.ts)', () => {
  it('the dev phrase gives its sr25519 root account; --json is exactly {address, publicKey, type}', async () => {
    const out = await deriveJson(DEV_PHRASE);
    expect(out).toEqual({ address: DEV_SR25519.address, publicKey: DEV_SR25519.publicKey, type: 'sr25519' });
    expect(Object.keys(out)).toEqual(['address', 'publicKey', 'type']);
  });

  it('--path //Alice, at prefix 42 and with --network polkadot (prefix 0) or 0', async () => {
    expect(await deriveJson(DEV_PHRASE, '--path', '//Alice')).toMatchObject({
      address: DEV_ALICE_SR25519.address,
      publicKey: DEV_ALICE_SR25519.publicKey,
    });
    expect((await deriveJson(DEV_PHRASE, '--path', '//Alice', '--network', 'polkadot')).address).toBe(
      DEV_ALICE_SR25519.polkadot,
    );
    expect((await deriveJson(DEV_PHRASE, '--path', '//Alice', '--network', '0')).address).toBe(
      DEV_ALICE_SR25519.polkadot,
    );
  });

  it("ethereum with /m/44'/60'/0'/0/0 gives the checksummed H160 and the compressed key", async () => {
    expect(await deriveJson(DEV_PHRASE, '--type', 'ethereum', '--path', DEV_ETHEREUM.path)).toEqual({
      address: DEV_ETHEREUM.address,
      publicKey: DEV_ETHEREUM.publicKey,
      type: 'ethereum',
    });
  });

  it('every key type matches @polkadot/keyring createFromUri for the same mnemonic and path', async () => {
    for (const type of ['sr25519', 'ed25519', 'ecdsa'] as const) {
      const pair = new Keyring({ type, ss58Format: 2 }).createFromUri(`${SECRETS.mnemonic}//x`);
      const out = await deriveJson(SECRETS.mnemonic, '--type', type, '--path', '//x', '--network', 'kusama');
      expect(out).toEqual({ address: pair.address, publicKey: u8aToHex(pair.publicKey), type });
    }
  });

  it('a mistyped mnemonic exits 1 with INVALID_MNEMONIC and never echoes the words', async () => {
    const typo = SECRETS.mnemonic.replace('milk', 'milx');
    const run = await runCli(['derive', '--secret-file', tmp.file('typo.txt', typo)]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: INVALID_MNEMONIC: /);
    expectNoSecrets(run, [typo, 'milx', 'focus rotate']);
  });

  it('bad usage exits 2: no --secret-file, an unknown --type, --compat without --export', async () => {
    const secret = tmp.file('s.txt', DEV_PHRASE);
    for (const args of [
      ['derive'],
      ['derive', '--secret-file', secret, '--type', 'rsa'],
      ['derive', '--secret-file', secret, '--compat'],
      ['derive', '--secret-file', secret, '--export', tmp.path('o.json')],
    ]) {
      expect((await runCli(args)).code, args.join(' ')).toBe(2);
    }
  });
});

describe('keyport derive --export', () => {
  it('--compat writes a v3 keystore at 2^15 that @polkadot/keyring opens to the same account', async () => {
    const out = tmp.path('alice.json');
    const run = await runCli([
      'derive',
      '--secret-file',
      tmp.file('s.txt', DEV_PHRASE),
      '--path',
      '//Alice',
      '--export',
      out,
      '--password-file',
      tmp.file('p.pw', `${SECRETS.accountPassword}\n`),
      '--name',
      'Alice',
      '--compat',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expectNoSecrets(run, [DEV_PHRASE, SECRETS.accountPassword]);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.encoding).toEqual({
      content: ['pkcs8', 'sr25519'],
      type: ['scrypt', 'xsalsa20-poly1305'],
      version: '3',
    });
    expect(json.meta.name).toBe('Alice');
    expect(Buffer.from(json.encoded, 'base64').subarray(32, 44).toString('hex')).toBe(
      '008000000100000008000000',
    );
    const pair = new Keyring({ type: 'sr25519' }).addFromJson(json);
    pair.decodePkcs8(SECRETS.accountPassword);
    expect(u8aToHex(pair.publicKey)).toBe(DEV_ALICE_SR25519.publicKey);
    expect(readFileSync(out, 'utf8')).not.toContain(SECRETS.accountPassword);
  });

  it('refuses to overwrite an existing file (exit 1, file untouched) unless --force', async () => {
    const out = tmp.path('exists.json');
    writeFileSync(out, 'precious');
    const args = [
      'derive',
      '--secret-file',
      tmp.file('s.txt', DEV_PHRASE),
      '--export',
      out,
      '--password-file',
      tmp.file('p.pw', 'pw-123456'),
      '--compat',
    ];
    const refused = await runCli(args);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/error: FILE_EXISTS: .*--force/);
    expect(readFileSync(out, 'utf8')).toBe('precious');
    const forced = await runCli([...args, '--force']);
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).encoding.version).toBe('3');
  });

  it('an empty password file is refused: no unencrypted keystore is written', async () => {
    const out = tmp.path('empty.json');
    const run = await runCli([
      'derive',
      '--secret-file',
      tmp.file('s.txt', DEV_PHRASE),
      '--export',
      out,
      '--password-file',
      tmp.file('e.pw', '\n'),
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error: EMPTY_PASSWORD: /);
  });
});
