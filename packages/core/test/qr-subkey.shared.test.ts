// QR payload texts and subkey output: Polkadot Vault's secret QR vector, address QRs, SubWallet's
// secret QR in both sr25519 encodings and for ethereum, Apps' secret-URI reading, subkey inspect
// text and JSON; each gives the account the reference derivation gives, and mismatches are caught.
// Vectors:
// - VAULT_SECRET_QR: novasamatech/parity-signer rust/db_handling/src/identities.rs test of
//   generate_secret_qr @ 3c46e7dd6bd1bbbf768a6d5304e8a4711dd34760: dev //Alice on Westend; the seed
//   equals what `subkey inspect "<DEV>//Alice"` prints as "Secret seed".
// - SUBKEY_ALICE: subkey inspect's layout (substrate client/cli/src/commands/utils.rs
//   print_from_uri) filled with that seed and //Alice's public key (test/derive.vectors.ts).
import { throwsWithCode } from '@keyport/test-harness';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, secp256k1PairFromSeed } from '@polkadot/util-crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatAddress } from '../src/account.ts';
import { deriveAccount } from '../src/derive/derive.ts';
import { parseQrText } from '../src/qr-text.ts';
import { coreRegistry } from '../src/registry/core.ts';
import { readSecretInput } from '../src/secret-input.ts';
import { parseSubkeyOutput, subkeyKeyType } from '../src/subkey-output.ts';
import { SR25519_ENCODINGS } from './vectors/locate.ts';

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const ALICE_SEED = '0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a';
const ALICE_PUB = '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d';
const WESTEND = 'e143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e';
const VAULT_SECRET_QR = `secret:${ALICE_SEED}:${WESTEND}`;
const SUBKEY_ALICE = `Secret Key URI \`//Alice\` is account:
  Network ID:        substrate
  Secret seed:       ${ALICE_SEED}
  Public key (hex):  ${ALICE_PUB}
  Account ID:        ${ALICE_PUB}
  Public key (SS58): ${ALICE}
  SS58 Address:      ${ALICE}
`;

beforeAll(() => cryptoWaitReady());

async function addressOf(text: string): Promise<string> {
  const input = await readSecretInput(text);
  if (input.key) return formatAddress(input.key.publicKey, input.key.type);
  return (await deriveAccount({ secret: input.secret!, ...(input.type ? { type: input.type } : {}) }))
    .address;
}

describe('QR texts and subkey output', () => {
  it("Polkadot Vault's secret QR is a 32-byte seed and a genesis hash: dev //Alice", async () => {
    const qr = parseQrText(VAULT_SECRET_QR);
    expect(qr).toMatchObject({
      kind: 'secret',
      producer: 'vault',
      type: 'sr25519',
      genesisHash: `0x${WESTEND}`,
    });
    expect(qr.kind === 'secret' && qr.warnings.join(' ')).toMatch(/Vault/);
    expect(await addressOf(VAULT_SECRET_QR)).toBe(ALICE);
    expect(coreRegistry.detect(VAULT_SECRET_QR).detected).toMatchObject({
      format: 'qr-secret',
      producer: 'vault',
    });
  });

  it('address QRs (substrate with a name holding ":", ethereum with @chainId) are contacts', () => {
    const found = coreRegistry.detect(`substrate:${ALICE}:0x${WESTEND}:Alice: main`);
    expect(found.detected).toEqual({
      format: 'qr-address',
      scheme: 'substrate',
      address: ALICE,
      genesisHash: `0x${WESTEND}`,
      name: 'Alice: main',
    });
    const eth = parseQrText('ethereum:0x798d4Ba9baf0064Ec19eB4F0a1a45785ae9D6DFc@1284');
    expect(eth).toMatchObject({ kind: 'address', address: '0x798d4Ba9baf0064Ec19eB4F0a1a45785ae9D6DFc' });
  });

  it("SubWallet's secret QR (secret key, then the PUBLIC key): both sr25519 encodings and ethereum", async () => {
    for (const secret of [SR25519_ENCODINGS.pjs, SR25519_ENCODINGS.schnorrkel]) {
      const text = `secret:${secret}:${SR25519_ENCODINGS.publicKey}:my account`;
      const qr = parseQrText(text);
      expect(qr).toMatchObject({
        kind: 'secret',
        producer: 'subwallet',
        type: 'sr25519',
        name: 'my account',
      });
      expect(await addressOf(text)).toBe(formatAddress(SR25519_ENCODINGS.publicKey, 'sr25519'));
    }
    const key = new Uint8Array(32).fill(9);
    const pub = u8aToHex(secp256k1PairFromSeed(key.slice()).publicKey);
    const eth = parseQrText(`secret:${u8aToHex(key)}:${pub}`);
    expect(eth).toMatchObject({ producer: 'subwallet', type: 'ethereum' });
    expect(eth.kind === 'secret' && eth.warnings.join(' ')).toMatch(/ecdsa and ethereum/);
  });

  it("Apps' reading: field 1 is any secret URI, with a warning", async () => {
    const qr = parseQrText(`secret://Alice:${WESTEND}`);
    expect(qr).toMatchObject({ producer: 'suri', secret: '//Alice' });
    expect(await addressOf(`secret://Alice:${WESTEND}`)).toBe(ALICE);
  });

  it('a SubWallet key that is not the public key of field 2 is ADDRESS_MISMATCH; an address QR holds no secret', async () => {
    throwsWithCode(() => parseQrText(`secret:${SR25519_ENCODINGS.pjs}:${ALICE_PUB}`), 'ADDRESS_MISMATCH');
    throwsWithCode(() => parseQrText(`secret:${ALICE_SEED}:02${WESTEND}`), 'ADDRESS_MISMATCH');
    throwsWithCode(() => parseQrText('substrate:not-an-address:0x00'), 'INVALID_ADDRESS');
    throwsWithCode(() => parseQrText(`secret:${ALICE_SEED}:zz`), 'INVALID_INPUT');
    await expect(readSecretInput(`substrate:${ALICE}:0x${WESTEND}`)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    // subkey JSON that is meant but broken gets its own typed error, not a try as a secret URI.
    await expect(readSecretInput('{"secretSeed": "0x00"}')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('subkey inspect text and JSON: the secret, and the key type whose key is the printed one', async () => {
    const text = parseSubkeyOutput(SUBKEY_ALICE);
    expect(text).toEqual({ secret: '//Alice', publicKey: ALICE_PUB, address: ALICE });
    expect(await subkeyKeyType(text)).toBe('sr25519');
    expect(coreRegistry.detect(SUBKEY_ALICE).detected).toMatchObject({
      format: 'subkey-output',
      address: ALICE,
    });
    const ed = await deriveAccount({ secret: '//Alice', type: 'ed25519' });
    const json = JSON.stringify({
      secretPhrase: '//Alice',
      secretSeed: ALICE_SEED,
      publicKey: u8aToHex(ed.publicKey),
      ss58Address: ed.address,
    });
    expect(coreRegistry.detect(json).detected.format).toBe('subkey-output');
    expect(await subkeyKeyType(parseSubkeyOutput(json))).toBe('ed25519');
    expect(await addressOf(json)).toBe(ed.address);
    const edited = SUBKEY_ALICE.replace(ALICE_PUB, u8aToHex(ed.publicKey).replace(/.$/, '0'));
    await expect(subkeyKeyType(parseSubkeyOutput(edited))).rejects.toMatchObject({
      code: 'ADDRESS_MISMATCH',
    });
  });
});
