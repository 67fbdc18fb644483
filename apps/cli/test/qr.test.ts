// Secret QR texts and subkey output through derive, locate and inspect as processes: the account
// the reference derivation gives, the warnings where the meaning is assumed, and no secret in
// any output. Vectors: packages/core/test/qr-subkey.shared.test.ts (Polkadot Vault's secret QR
// test, subkey's layout) and the sr25519 encodings in packages/core/test/vectors/locate.ts.
import { readFileSync } from 'node:fs';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SR25519_ENCODINGS } from '../../../packages/core/test/vectors/locate.ts';
import { expectNoSecrets, runCli, scratch } from './run-cli.ts';

const tmp = scratch();
beforeAll(() => cryptoWaitReady());
afterAll(() => tmp.cleanup());

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const ALICE_SEED = '0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a';
const WESTEND = 'e143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e';
const VAULT_QR = `secret:${ALICE_SEED}:${WESTEND}`;
const SUBKEY = `Secret Key URI \`//Alice\` is account:
  Secret seed:       ${ALICE_SEED}
  Public key (hex):  0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d
  SS58 Address:      ${ALICE}
`;
const SECRETS = [ALICE_SEED, SR25519_ENCODINGS.pjs, SR25519_ENCODINGS.schnorrkel];

describe('secret QR texts and subkey output in the CLI', () => {
  it("derive reads Polkadot Vault's secret QR (with a note) and subkey output, to dev //Alice", async () => {
    const vault = await runCli(['derive', '--secret-file', tmp.file('vault.txt', `${VAULT_QR}\n`), '--json']);
    expect(vault.code, vault.stderr).toBe(0);
    expect(JSON.parse(vault.stdout)).toMatchObject({ address: ALICE, type: 'sr25519' });
    expect(vault.stderr).toMatch(/note: read as Polkadot Vault's export/);
    const subkey = await runCli(['derive', '--secret-file', tmp.file('subkey.txt', SUBKEY), '--json']);
    expect(JSON.parse(subkey.stdout).address).toBe(ALICE);
    for (const run of [vault, subkey]) expectNoSecrets(run, SECRETS);
  });

  it("derive --export of SubWallet's secret QR (schnorrkel encoding): a keystore @polkadot/keyring opens", async () => {
    const out = tmp.path('sw.json');
    const run = await runCli([
      'derive',
      '--secret-file',
      tmp.file('sw.txt', `secret:${SR25519_ENCODINGS.schnorrkel}:${SR25519_ENCODINGS.publicKey}`),
      '--export',
      out,
      '--password-file',
      tmp.file('pw.txt', 'qr-Export-pw1'),
      '--compat',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expectNoSecrets(run, [...SECRETS, 'qr-Export-pw1']);
    const pair = new Keyring({ type: 'sr25519' }).addFromJson(JSON.parse(readFileSync(out, 'utf8')));
    pair.decodePkcs8('qr-Export-pw1');
    expect(u8aToHex(pair.publicKey)).toBe(SR25519_ENCODINGS.publicKey);
  });

  it('locate takes a secret QR; inspect names QR texts and subkey output without the secret', async () => {
    const run = await runCli([
      'locate',
      '--secret-file',
      tmp.file('v.txt', VAULT_QR),
      '--address',
      ALICE,
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trimEnd().split('\n').pop()).toBe('{"found":true,"type":"sr25519","path":""}');
    const qr = await runCli(['inspect', tmp.file('v2.txt', VAULT_QR), '--json']);
    expect(JSON.parse(qr.stdout)).toMatchObject({
      format: 'qr-secret',
      details: { producer: 'vault', genesisHash: `0x${WESTEND}` },
    });
    const sk = await runCli(['inspect', tmp.file('s.txt', SUBKEY)]);
    expect(sk.stdout).toMatch(/format +subkey-output/);
    for (const r of [run, qr, sk]) expectNoSecrets(r, SECRETS);
  });

  it('an address QR holds no secret: derive exits 1 with INVALID_INPUT', async () => {
    const run = await runCli([
      'derive',
      '--secret-file',
      tmp.file('a.txt', `substrate:${ALICE}:0x${WESTEND}`),
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error: INVALID_INPUT: the QR text is a substrate address, not a secret/);
  });
});
