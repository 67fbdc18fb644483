// The rule: nothing keyport prints contains a password, passphrase, mnemonic, seed or secret
// key, on success or failure. Every command runs here with known secrets, and stdout/stderr are
// searched for each of them (also without its 0x prefix).
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, mnemonicToMiniSecret, sr25519PairFromSeed } from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FIXTURE, SECRETS } from './fixtures.ts';
import { type CliRun, expectNoSecrets, runCli, scratch } from './run-cli.ts';

const tmp = scratch();
afterAll(() => tmp.cleanup());
const fixture = (name: string) => join(inject('fixtureDir'), name);

const PHRASE = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
const PASSWORD = 'pw-Secret-8h2Lq';
const NEW_PASSWORD = 'new-Secret-4kPz9';
const PASSPHRASE = 'bundle-Secret-x7Vm';
let seedHex = '';
let secretKeyHex = '';
let secrets: string[] = [];

beforeAll(async () => {
  await cryptoWaitReady();
  const seed = mnemonicToMiniSecret(PHRASE);
  seedHex = u8aToHex(seed);
  secretKeyHex = u8aToHex(sr25519PairFromSeed(seed).secretKey);
  secrets = [
    PHRASE,
    ...PHRASE.split(' ').filter((w) => w.length >= 6),
    PASSWORD,
    NEW_PASSWORD,
    PASSPHRASE,
    seedHex,
    secretKeyHex,
    secretKeyHex.slice(2, 66),
    SECRETS.accountPassword,
    SECRETS.batchPassword,
  ];
});

function check(run: CliRun, code: number): void {
  expect(run.code, run.stderr).toBe(code);
  expectNoSecrets(run, secrets);
}

describe('no password, mnemonic, seed or secret key in any output', () => {
  it('derive from a mnemonic and from its raw seed, text and --json, with --export', async () => {
    const phrase = tmp.file('phrase.txt', `${PHRASE}\n`);
    const seed = tmp.file('seed.txt', seedHex);
    const pw = tmp.file('pw.txt', PASSWORD);
    check(await runCli(['derive', '--secret-file', phrase]), 0);
    check(await runCli(['derive', '--secret-file', seed, '--json']), 0);
    check(await runCli(['derive', '--secret-file', phrase, '--path', `///${PASSWORD}`]), 0);
    const out = tmp.path('exported.json');
    check(
      await runCli(['derive', '--secret-file', phrase, '--export', out, '--password-file', pw, '--compat']),
      0,
    );
    check(await runCli(['derive', '--secret-file', tmp.file('bad.txt', `${PHRASE} extra`)]), 1);
    check(
      await runCli(['derive', '--secret-file', tmp.file('bad.txt', PHRASE.replace('legal', 'legel'))]),
      1,
    );

    check(await runCli(['inspect', out]), 0);
    check(await runCli(['inspect', phrase, '--json']), 0);
    check(await runCli(['inspect', seed]), 0);
    check(await runCli(['unlock', out, '--password-file', pw]), 0);
    check(await runCli(['unlock', out, '--password-file', tmp.file('wrong.txt', NEW_PASSWORD), '--json']), 1);
    const conv = tmp.path('converted.json');
    const args = ['convert', out, '--to', 'keystore', '--out', conv, '--password-file', pw];
    check(await runCli([...args, '--new-password-file', tmp.file('new.txt', NEW_PASSWORD), '--compat']), 0);
    check(await runCli([...args, '--new-password-file', tmp.file('new.txt', NEW_PASSWORD), '--force']), 0);
    check(
      await runCli([
        'convert',
        conv,
        '--to',
        'batch',
        '--out',
        tmp.path('b.json'),
        '--password-file',
        pw,
        '--compat',
      ]),
      0,
    );
  });

  it('an unencrypted keystore (the secret in clear in the file) is inspected, unlocked and converted', async () => {
    const pair = new Keyring({ type: 'sr25519' }).addFromUri(PHRASE);
    const file = tmp.file('clear.json', JSON.stringify(pair.toJson()));
    const any = tmp.file('any.txt', PASSWORD);
    check(await runCli(['inspect', file, '--json']), 0);
    check(await runCli(['unlock', file, '--password-file', any, '--json']), 0);
    const out = tmp.path('clear-apps.json');
    check(await runCli(['convert', file, '--to', 'apps-array', '--out', out]), 0);
    check(await runCli(['restore', file, '--storage', tmp.path('clear-snap.json')]), 0);
  });

  it('batch, dump, restore and undo with passwords and a passphrase', async () => {
    const batchPw = tmp.file('bpw.txt', SECRETS.batchPassword);
    const accPw = tmp.file('apw.txt', SECRETS.accountPassword);
    const pass = tmp.file('pass.txt', PASSPHRASE);
    check(await runCli(['unlock', fixture(FIXTURE.batchSame), '--password-file', accPw, '--json']), 0);
    check(await runCli(['unlock', fixture(FIXTURE.batchSame), '--password-file', batchPw]), 1);
    const bundle = tmp.path('secret-bundle.json');
    check(
      await runCli([
        'dump',
        '--storage',
        fixture(FIXTURE.storage),
        '--out',
        bundle,
        '--passphrase-file',
        pass,
      ]),
      0,
    );
    check(await runCli(['inspect', bundle]), 0);
    const snap = tmp.path('secret-snap.json');
    check(await runCli(['restore', bundle, '--storage', snap, '--passphrase-file', batchPw]), 1);
    const restored = await runCli([
      'restore',
      bundle,
      '--storage',
      snap,
      '--passphrase-file',
      pass,
      '--json',
    ]);
    check(restored, 0);
    check(
      await runCli(['restore', fixture(FIXTURE.batchSame), '--storage', snap, '--password-file', accPw]),
      0,
    );
    // The undo bundle of an encrypted import is encrypted with the same passphrase.
    const undo = JSON.parse(restored.stdout).result.undo;
    check(await runCli(['undo', undo, '--storage', snap, '--force']), 1);
    check(await runCli(['undo', undo, '--storage', snap, '--force', '--passphrase-file', pass]), 0);
  });
  it('locate (found, not found, password guesses, raw secret key) and derive --type ed25519-ledger', async () => {
    const phrase = tmp.file('phrase.txt', `${PHRASE}\n`);
    const guesses = tmp.file('guesses.txt', `${PASSWORD}\n${NEW_PASSWORD}\n`);
    const found = await runCli(['derive', '--secret-file', phrase, '--path', '//polkadot//4', '--json']);
    const address = JSON.parse(found.stdout).address as string;
    check(await runCli(['locate', '--secret-file', phrase, '--address', address, '--json']), 0);
    const withPw = await runCli([
      'derive',
      '--secret-file',
      phrase,
      '--path',
      `//7///${NEW_PASSWORD}`,
      '--json',
    ]);
    const pwAddress = JSON.parse(withPw.stdout).address as string;
    check(
      await runCli(['locate', '--secret-file', phrase, '--address', pwAddress, '--passwords-file', guesses]),
      0,
    );
    check(
      await runCli([
        'locate',
        '--secret-file',
        tmp.file('raw.txt', secretKeyHex),
        '--address',
        JSON.parse((await runCli(['derive', '--secret-file', phrase, '--json'])).stdout).address,
      ]),
      0,
    );
    check(
      await runCli([
        'locate',
        '--secret-file',
        phrase,
        '--address',
        '0x0000000000000000000000000000000000000001',
      ]),
      1,
    );
    const ledger = tmp.path('ledger.json');
    const pw = tmp.file('pw.txt', PASSWORD);
    const args = ['derive', '--secret-file', phrase, '--type', 'ed25519-ledger', '--export', ledger];
    check(await runCli([...args, '--password-file', pw, '--compat', '--json']), 0);
  });
  it('combine, a Web3 keystore (inspect, unlock, convert both ways) and secret QR texts', async () => {
    const { BANANA_VECTORS } = await import('../../../packages/core/test/vectors/banana-split.ts');
    const v = BANANA_VECTORS.find((x) => x.name === 'rust-a')!;
    const bananaSecrets = [...secrets, v.secret, v.passphrase];
    const shards = tmp.file('shards.txt', v.shards.join('\n'));
    const pass = tmp.file('banana-pass.txt', v.passphrase);
    const outPhrase = tmp.path('recovered.txt');
    const combined = await runCli(['combine', shards, '--passphrase-file', pass, '--out', outPhrase]);
    expect(combined.code, combined.stderr).toBe(0);
    expectNoSecrets(combined, bananaSecrets);
    const wrong = await runCli([
      'combine',
      shards,
      '--passphrase-file',
      tmp.file('bp2.txt', PASSWORD),
      '--out',
      tmp.path('r2.txt'),
    ]);
    expect(wrong.code).toBe(1);
    expectNoSecrets(wrong, bananaSecrets);
    const pw = tmp.file('pw.txt', PASSWORD);
    const eth = tmp.path('eth.json');
    check(
      await runCli([
        'derive',
        '--secret-file',
        tmp.file('p.txt', PHRASE),
        '--type',
        'ethereum',
        '--path',
        "/m/44'/60'/0'/0/0",
        '--export',
        eth,
        '--password-file',
        pw,
        '--compat',
      ]),
      0,
    );
    const web3 = tmp.path('eth-web3.json');
    check(await runCli(['convert', eth, '--to', 'web3', '--out', web3, '--password-file', pw]), 0);
    check(await runCli(['inspect', web3]), 0);
    check(await runCli(['unlock', web3, '--password-file', pw, '--json']), 0);
    check(await runCli(['unlock', web3, '--password-file', tmp.file('w.txt', NEW_PASSWORD)]), 1);
    check(
      await runCli([
        'convert',
        web3,
        '--to',
        'keystore',
        '--out',
        tmp.path('back.json'),
        '--password-file',
        pw,
      ]),
      0,
    );
    const qr = tmp.file(
      'qr.txt',
      `secret:${seedHex}:e143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e`,
    );
    check(await runCli(['inspect', qr, '--json']), 0);
    check(await runCli(['derive', '--secret-file', qr, '--json']), 0);
  });
});
