// Web3 (Ethereum) keystores through the CLI as a process: inspect (geth's N = 2^18 and what it
// costs), unlock, convert --to keystore (a polkadot-js ethereum keystore that @polkadot/keyring
// and ui-keyring open) and convert --to web3 (a file ethers opens). Files are made fresh by
// ethers, the reference implementation.
import { readFileSync } from 'node:fs';
import { MemoryStorage } from '@keyport/storage-migrate';
import { verifyWithUiKeyring } from '@keyport/storage-migrate/verify';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { decryptKeystoreJsonSync, encryptKeystoreJsonSync, HDNodeWallet } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSecrets, runCli, scratch } from './run-cli.ts';

const tmp = scratch();
const PASSWORD = 'web3-Secret-pw7';
// A fixed wallet (ethers' Mnemonic.fromEntropy of 0x5ce1f0c2a6b04d8e9f7a3b2c1d0e4f55), so the
// secret-word check below is the same on every run: a random phrase can hold a word such as
// "account" that the CLI's own wording uses.
const wallet = HDNodeWallet.fromPhrase(
  'friend auto cost estate age shrug law electric clown trick need profit',
);
let gethFile = '';
let smallFile = '';
beforeAll(async () => {
  await cryptoWaitReady();
  const account = { address: wallet.address, privateKey: wallet.privateKey };
  // geth's default cost (N = 2^18, r = 8, p = 1), written by ethers.
  gethFile = tmp.file('geth.json', encryptKeystoreJsonSync(account, PASSWORD, { scrypt: { N: 1 << 18 } }));
  smallFile = tmp.file(
    'ethers.json',
    encryptKeystoreJsonSync(
      { ...account, mnemonic: { entropy: wallet.mnemonic!.entropy, path: wallet.path!, locale: 'en' } },
      PASSWORD,
      { scrypt: { N: 1 << 12 } },
    ),
  );
});
afterAll(() => tmp.cleanup());

const secrets = () => [
  PASSWORD,
  wallet.privateKey,
  wallet.mnemonic!.phrase,
  ...wallet.mnemonic!.phrase.split(' ').filter((w) => w.length > 5),
];

describe('Web3 keystores in the CLI', () => {
  it("inspect names the format, the address and what geth's 2^18 costs, without a password", async () => {
    const run = await runCli(['inspect', gethFile, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({
      format: 'web3-keystore',
      version: '3',
      accounts: [{ type: 'ethereum', address: wallet.address }],
    });
    expect(report.details.kdf).toBe(
      'scrypt N=2^18, r=8, p=1: 256 MiB, 2× the work of a polkadot-js keystore at 2^17',
    );
    expect((await runCli(['inspect', smallFile])).stdout).toMatch(/ethers +the mnemonic is inside too/);
  });

  it('unlock opens it (2^18 too); a wrong password exits 1 with WRONG_PASSWORD', async () => {
    const ok = await runCli(['unlock', gethFile, '--password-file', tmp.file('pw.txt', PASSWORD), '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).accounts[0]).toMatchObject({
      address: wallet.address,
      ok: true,
      type: 'ethereum',
    });
    const bad = await runCli(['unlock', smallFile, '--password-file', tmp.file('bad.txt', 'not it')]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/FAILED +WRONG_PASSWORD: the password is wrong/);
    expectNoSecrets(ok, secrets());
    expectNoSecrets(bad, secrets());
  });

  it('convert --to keystore: a polkadot-js ethereum keystore that @polkadot/keyring and ui-keyring open', async () => {
    const out = tmp.path('pjs-ethereum.json');
    const pw = tmp.file('pw.txt', PASSWORD);
    const run = await runCli([
      'convert',
      smallFile,
      '--to',
      'keystore',
      '--out',
      out,
      '--password-file',
      pw,
      '--compat',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expectNoSecrets(run, secrets());
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.encoding.content).toEqual(['pkcs8', 'ethereum']);
    const pair = new Keyring({ type: 'ethereum' }).addFromJson(json);
    pair.decodePkcs8(PASSWORD);
    expect(pair.address).toBe(wallet.address);
    const key = `account:${pair.address.toLowerCase()}`;
    const storage = new MemoryStorage();
    storage.setItem(key, JSON.stringify(json));
    const shown = await verifyWithUiKeyring(storage, { type: 'ethereum', passwords: { [key]: PASSWORD } });
    expect(shown.accounts).toEqual([expect.objectContaining({ type: 'ethereum', unlocked: true })]);
    const wrong = await runCli([
      'convert',
      smallFile,
      '--to',
      'keystore',
      '--out',
      tmp.path('x.json'),
      '--password-file',
      tmp.file('w.txt', 'wrong'),
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/error: WRONG_PASSWORD/);
  });

  it('convert --to web3: ethers opens what keyport writes from a polkadot-js ethereum keystore; other key types are refused', async () => {
    const pair = new Keyring({ type: 'ethereum' }).addFromUri(wallet.privateKey);
    const pjs = tmp.file('pjs.json', JSON.stringify(pair.toJson(PASSWORD)));
    const out = tmp.path('back.json');
    const run = await runCli([
      'convert',
      pjs,
      '--to',
      'web3',
      '--out',
      out,
      '--password-file',
      tmp.file('pw.txt', PASSWORD),
    ]);
    expect(run.code, run.stderr).toBe(0);
    expectNoSecrets(run, secrets());
    const theirs = decryptKeystoreJsonSync(readFileSync(out, 'utf8'), PASSWORD);
    expect(theirs.privateKey).toBe(wallet.privateKey);
    expect(theirs.address).toBe(wallet.address);
    const sr = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
    const refused = await runCli([
      'convert',
      tmp.file('sr.json', JSON.stringify(sr.toJson(PASSWORD))),
      '--to',
      'web3',
      '--out',
      tmp.path('sr-web3.json'),
      '--password-file',
      tmp.file('pw.txt', PASSWORD),
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /error: UNSUPPORTED_KEY_TYPE: a Web3 keystore takes an ethereum account; this one is sr25519/,
    );
    expect(u8aToHex(pair.publicKey)).toMatch(/^0x0[23]/);
  });
});
