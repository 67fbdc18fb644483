// Interop with the real @polkadot/keyring in both directions: what keyport writes,
// keyring.addFromJson + decodePkcs8 reads (same public key, signs); what pair.toJson writes,
// keyport opens; and without a password both write the very same bytes.
import { account, fcParams, makeAccount, password } from '@keyport/test-harness';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, signatureVerify } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKeystore, openKeystore } from '../src/keystore/index.ts';
import { nodeScrypt } from '../src/scrypt/node.ts';
import { COMPAT_SCRYPT } from '../src/scrypt/params.ts';

beforeAll(async () => {
  await cryptoWaitReady();
});

const accounts = account({ meta: { extras: false } });

/** The nested key order of a JSON value, to compare layouts. */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(shape);
  if (v && typeof v === 'object')
    return Object.entries(v).map(([k, x]) => [k, k === 'meta' ? '…' : shape(x)]);
  return typeof v;
}

describe('keyport → @polkadot/keyring', () => {
  it('keyring.addFromJson + decodePkcs8 reads what createKeystore writes, for every key type, and signs', async () => {
    await fc.assert(
      fc.asyncProperty(accounts, password(), async (a, pw) => {
        const json = await createKeystore(a, pw, { params: COMPAT_SCRYPT, scrypt: nodeScrypt, ss58: a.ss58 });
        const pair = new Keyring({ type: a.type, ss58Format: a.ss58 }).addFromJson(json);
        expect(pair.address).toBe(a.address);
        pair.decodePkcs8(pw);
        expect(u8aToHex(pair.publicKey)).toBe(u8aToHex(a.publicKey));
        expect(pair.meta).toEqual(a.meta);
        expect(signatureVerify('keyport', pair.sign('keyport'), a.address).isValid).toBe(true);
      }),
      fcParams(0.05),
    );
  });

  it('without a password both write the same bytes: createKeystore(x, "") === pair.toJson()', async () => {
    await fc.assert(
      fc.asyncProperty(accounts, async (a) => {
        const ours = await createKeystore(a, '', { ss58: a.ss58 });
        expect(JSON.stringify(ours)).toBe(JSON.stringify(a.pair.toJson()));
      }),
      fcParams(0.3),
    );
  });
});

describe('passwords that look like hex, as polkadot-js reads them (u8aToU8a)', () => {
  // polkadot-js derives the scrypt key from u8aToU8a(password): "0x" and even-length 0x-hex
  // strings are their bytes, not their UTF-8. A keystore written in Apps with such a password
  // must open in keyport with the same text, and the other way round.
  for (const pw of ['0x', '0xdeadbeef', '0xDEADbeef00', '0x123']) {
    it(`${JSON.stringify(pw)}: both directions open with the same text`, async () => {
      const a = makeAccount('//Hex', 'sr25519', 42, { name: 'hex' });
      const theirs = a.pair.toJson(pw);
      const opened = await openKeystore(theirs, pw, { scrypt: nodeScrypt });
      expect(u8aToHex(opened.publicKey)).toBe(u8aToHex(a.publicKey));
      const ours = await createKeystore(a, pw, { params: COMPAT_SCRYPT, scrypt: nodeScrypt });
      expect(ours.encoding.type).toEqual(['scrypt', 'xsalsa20-poly1305']);
      const pair = new Keyring({ type: 'sr25519' }).addFromJson(ours);
      pair.decodePkcs8(pw);
      expect(u8aToHex(pair.publicKey)).toBe(u8aToHex(a.publicKey));
    });
  }
});

describe('an encrypted body whose base64 begins with "0x"', () => {
  // A salt starting d3 1x encodes to base64 "0x…": polkadot-js reads it as base64 (it is not
  // hex), and so must keyport. About one random salt in 4,096 does this.
  it('opens in keyport and in @polkadot/keyring', async () => {
    const a = makeAccount('//Base64', 'sr25519', 42, { name: 'b64' });
    const salt = new Uint8Array(32).fill(7);
    salt.set([0xd3, 0x10]);
    const random = (n: number) => (n === 32 ? salt.slice() : new Uint8Array(n).fill(9));
    const json = await createKeystore(a, 'pw', { params: COMPAT_SCRYPT, scrypt: nodeScrypt, random });
    expect(json.encoded.startsWith('0x')).toBe(true);
    const opened = await openKeystore(json, 'pw', { scrypt: nodeScrypt });
    expect(u8aToHex(opened.publicKey)).toBe(u8aToHex(a.publicKey));
    const pair = new Keyring({ type: 'sr25519' }).addFromJson(json);
    pair.decodePkcs8('pw');
    expect(u8aToHex(pair.publicKey)).toBe(u8aToHex(a.publicKey));
  });
});

describe('@polkadot/keyring → keyport', () => {
  for (const type of ['sr25519', 'ecdsa'] as const) {
    it(`opens what pair.toJson writes at its 2^17 default (${type}), with the same layout as ours`, async () => {
      const a = makeAccount('//Alice', type, 2, { name: 'Alice "quoted" \\ \n ünï', tags: [] });
      const theirs = a.pair.toJson('pässwörd');
      const acc = await openKeystore(theirs, 'pässwörd', { scrypt: nodeScrypt, ss58: 2 });
      expect(acc.scrypt).toEqual({ N: 1 << 17, p: 1, r: 8 });
      expect(u8aToHex(acc.publicKey)).toBe(u8aToHex(a.publicKey));
      expect(u8aToHex(acc.secretKey)).toBe(u8aToHex(a.secretKey));
      expect(acc.address).toBe(a.address);
      expect(acc.meta).toEqual(a.meta);
      const ours = await createKeystore(acc, 'pässwörd', { params: COMPAT_SCRYPT, scrypt: nodeScrypt });
      expect(shape(ours)).toEqual(shape(theirs));
      expect(ours.encoded.length).toBe(theirs.encoded.length);
      expect(ours.address).toBe(theirs.address);
    });
  }

  it('opens what pair.toJson writes for any account (unencrypted: the same body, no scrypt)', async () => {
    await fc.assert(
      fc.asyncProperty(accounts, async (a) => {
        // pair.toJson cannot lower N from 2^17; its unencrypted form carries the same body.
        const acc = await openKeystore(a.pair.toJson(), '', { scrypt: nodeScrypt, ss58: a.ss58 });
        expect(acc.type).toBe(a.type);
        expect(u8aToHex(acc.publicKey)).toBe(u8aToHex(a.publicKey));
        expect(u8aToHex(acc.secretKey)).toBe(u8aToHex(a.secretKey));
        expect(acc.address).toBe(a.address);
      }),
      fcParams(0.3),
    );
  });
});
