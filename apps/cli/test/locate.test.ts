// keyport locate and derive --type ed25519-ledger as processes: the JSON last line, the exit
// codes, progress on stderr, password guesses, and a Ledger export that @polkadot/keyring and
// the real ui-keyring (what Apps runs) open. Vectors: packages/core/test/vectors/{locate,ledger}.ts.
import { readFileSync, statSync } from 'node:fs';
import { MemoryStorage } from '@keyport/storage-migrate';
import { verifyWithUiKeyring } from '@keyport/storage-migrate/verify';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SEED, LEDGER_DEVICE_VECTORS, OPEN_JELLY } from '../../../packages/core/test/vectors/ledger.ts';
import { DEV } from '../../../packages/core/test/vectors/locate.ts';
import { expectNoSecrets, runCli, scratch } from './run-cli.ts';

const tmp = scratch();
beforeAll(() => cryptoWaitReady());
afterAll(() => tmp.cleanup());

const lastLine = (s: string) => s.trimEnd().split('\n').pop()!;

describe('keyport locate', () => {
  it('prints what to type and, with --json, the exact last line; progress goes to stderr', async () => {
    const run = await runCli([
      'locate',
      '--secret-file',
      tmp.file('dev.txt', `${DEV}\n`),
      '--address',
      '15x3B9dCvFoEf7SSsVAb7W6UbxSMA2eJLmJCp1n2QTMC2aAm',
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(lastLine(run.stdout)).toBe('{"found":true,"type":"sr25519","path":"//kusama//0"}');
    expect(run.stdout).toMatch(
      /Apps: Add account → Mnemonic, Advanced: crypto type sr25519, secret derivation path \/\/kusama\/\/0/,
    );
    expect(run.stderr).toMatch(/^searching root keys/m);
    expectNoSecrets(run, [DEV]);
  });

  it("finds a Ledger key (m/44'/434'/0'/0'/0') and an ethereum key given as an H160", async () => {
    const ledger = await runCli([
      'locate',
      '--secret-file',
      tmp.file('app.txt', APP_SEED),
      '--address',
      LEDGER_DEVICE_VECTORS[1]!.address,
      '--json',
    ]);
    expect(lastLine(ledger.stdout)).toBe(
      `{"found":true,"type":"ed25519-ledger","path":"m/44'/434'/0'/0'/0'"}`,
    );
    const eth = await runCli([
      'locate',
      '--secret-file',
      tmp.file('dev.txt', DEV),
      '--address',
      '0x798d4Ba9baf0064Ec19eB4F0a1a45785ae9D6DFc',
      '--json',
    ]);
    expect(lastLine(eth.stdout)).toBe(`{"found":true,"type":"ethereum","path":"m/44'/60'/0'/0/2"}`);
  });

  it('nothing found: exit 1, what was searched, and {"found":false,"searched":N} last', async () => {
    const run = await runCli([
      'locate',
      '--secret-file',
      tmp.file('dev.txt', DEV),
      '--address',
      '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY',
      '--json',
    ]);
    expect(run.code).toBe(1);
    expect(lastLine(run.stdout)).toMatch(/^\{"found":false,"searched":\d{4}\}$/);
    expect(run.stdout).toMatch(/Ledger ed25519/);
  });

  it('a password guess that matches is named by its line, never printed', async () => {
    const guesses = tmp.file('guesses.txt', 'first-guess-1\n\nsecond-Guess-2\n');
    const { stdout: addr } = await runCli([
      'derive',
      '--secret-file',
      tmp.file('pw-uri.txt', `${DEV}//polkadot///second-Guess-2`),
      '--json',
    ]);
    const run = await runCli([
      'locate',
      '--secret-file',
      tmp.file('dev.txt', DEV),
      '--address',
      JSON.parse(addr).address,
      '--passwords-file',
      guesses,
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(lastLine(run.stdout))).toEqual({
      found: true,
      type: 'sr25519',
      path: '//polkadot',
      passwordLine: 3,
    });
    expectNoSecrets(run, [DEV, 'first-guess-1', 'second-Guess-2']);
  });

  it('bad inputs: exit 1 with a typed error (no word echoed), bad usage exit 2', async () => {
    const dev = tmp.file('dev.txt', DEV);
    const badAddress = await runCli(['locate', '--secret-file', dev, '--address', 'not-an-address']);
    expect(badAddress.code).toBe(1);
    expect(badAddress.stderr).toMatch(/error: INVALID_ADDRESS/);
    const typo = await runCli([
      'locate',
      '--secret-file',
      tmp.file('typo.txt', DEV.replace('obey', 'obex')),
      '--address',
      '5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV',
    ]);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/error: INVALID_MNEMONIC: word 3 /);
    expectNoSecrets(typo, ['obex', 'curtain']);
    expect((await runCli(['locate', '--secret-file', dev])).code).toBe(2);
    expect(
      (await runCli(['locate', '--address', '5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV'])).code,
    ).toBe(2);
  });
});

describe('keyport derive --type ed25519-ledger', () => {
  it("prints the device's address for each Zondax vector", async () => {
    for (const v of LEDGER_DEVICE_VECTORS) {
      const run = await runCli([
        'derive',
        '--secret-file',
        tmp.file('app.txt', APP_SEED),
        '--type',
        'ed25519-ledger',
        '--path',
        v.path,
        '--network',
        'polkadot',
        '--json',
      ]);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual({
        address: v.address,
        publicKey: v.publicKey,
        type: 'ed25519-ledger',
      });
      expect(run.stderr).toMatch(/outside the hardware/);
    }
  });

  it('--export (25 words) writes an ed25519 keystore, mode 0600, that @polkadot/keyring and ui-keyring open', async () => {
    const out = tmp.path('ledger.json');
    const password = 'ledger-Export-pw9';
    const run = await runCli([
      'derive',
      '--secret-file',
      tmp.file('jelly.txt', `${OPEN_JELLY} testing\n`),
      '--type',
      'ed25519-ledger',
      '--export',
      out,
      '--password-file',
      tmp.file('pw.txt', password),
      '--compat',
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expectNoSecrets(run, [OPEN_JELLY, password]);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const { address, publicKey } = JSON.parse(run.stdout);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.encoding.content).toEqual(['pkcs8', 'ed25519']);
    const pair = new Keyring().addFromJson(json);
    pair.decodePkcs8(password);
    expect(u8aToHex(pair.publicKey)).toBe(publicKey);
    expect(pair.address).toBe(address);
    const key = `account:${publicKey}`;
    const storage = new MemoryStorage();
    storage.setItem(key, JSON.stringify(json));
    const shown = await verifyWithUiKeyring(storage, { passwords: { [key]: password } });
    expect(shown.accounts).toEqual([
      expect.objectContaining({ key, address, type: 'ed25519', unlocked: true }),
    ]);
  });
});
