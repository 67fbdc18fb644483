// The upstream keystore fixtures (test/vectors/keystore.ts, docs/vectors.md §1): each opens with
// its password to the expected key and address, describes itself without one, and refuses a
// wrong password, a wrong key-type guess and an address that names another account.
import { rejectsWithCode } from '@keyport/test-harness';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { base64Decode, base64Encode, cryptoWaitReady, signatureVerify } from '@polkadot/util-crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKeystore, describeKeystore, openKeystore, parseKeystore } from '../src/keystore/index.ts';
import { nodeScrypt } from '../src/scrypt/node.ts';
import { ACCEPTED_SCRYPT, COMPAT_SCRYPT } from '../src/scrypt/params.ts';
import { KEYSTORE_VECTORS } from './vectors/keystore.ts';

beforeAll(async () => {
  await cryptoWaitReady();
});

const opts = { scrypt: nodeScrypt };
const vector = (password: string) => KEYSTORE_VECTORS.find((v) => v.password === password)!;
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';

describe('upstream keystore vectors', () => {
  for (const v of KEYSTORE_VECTORS) {
    it(`${v.name}: opens to the upstream public key and address, and can sign`, async () => {
      const acc = await openKeystore(v.json, v.password, {
        ...opts,
        ...(v.defaultType ? { defaultType: v.defaultType } : {}),
        ...(v.type === 'ecdsa' ? { ss58: 2 } : {}),
      });
      expect(acc.type).toBe(v.type);
      expect(u8aToHex(acc.publicKey)).toBe(v.publicKey);
      expect(acc.address).toBe(v.address);
      expect(acc.version).toBe(v.version);
      expect(acc.scrypt).toEqual(v.scrypt);
      expect(acc.meta).toEqual(JSON.parse(v.json).meta);
      expect(acc.secretKey.length).toBe(v.type === 'ecdsa' || v.type === 'ethereum' ? 32 : 64);
      const pair = new Keyring({ type: acc.type }).addFromPair(acc);
      expect(signatureVerify('keyport', pair.sign('keyport'), acc.address).isValid).toBe(true);
    });

    it(`${v.name}: describes itself without a password`, () => {
      const info = describeKeystore(v.json);
      expect(info.version).toBe(v.version);
      expect(info.keyType).toBe(v.defaultType ? undefined : v.type);
      expect(info.encrypted).toBe(v.password !== '');
      expect(info.scrypt).toEqual(v.scrypt);
      expect(info.hasSecret).toBe(true);
      expect(info.address).toBe(JSON.parse(v.json).address);
      expect(info.publicKey).toBe(v.publicKey);
    });

    if (v.password !== '') {
      it(`${v.name}: a wrong password is WRONG_PASSWORD, an empty one PASSWORD_REQUIRED`, async () => {
        await rejectsWithCode(openKeystore(v.json, `${v.password}!`, opts), 'WRONG_PASSWORD');
        await rejectsWithCode(openKeystore(v.json, '', opts), 'PASSWORD_REQUIRED');
      });
    }
  }

  it('an unencrypted keystore opens with any password (polkadot-js would fail; we ignore it)', async () => {
    const v = vector('');
    const acc = await openKeystore(v.json, 'anything', opts);
    expect(u8aToHex(acc.publicKey)).toBe(v.publicKey);
  });

  it('v0 opened as sr25519 (a wrong guess of the unrecorded type) is ADDRESS_MISMATCH', async () => {
    const err = await rejectsWithCode(
      openKeystore(vector('testing').json, 'testing', { ...opts, defaultType: 'sr25519' }),
      'ADDRESS_MISMATCH',
    );
    expect(err.message).toContain('defaultType');
  });

  it('a v0 file opens as ed25519 by default, as Apps restores it', async () => {
    const acc = await openKeystore(vector('testing').json, 'testing', opts);
    expect(acc.type).toBe('ed25519');
  });

  it('the v0 key is the password zero-padded: a password sharing its first 32 bytes opens it', async () => {
    // docs/keystore-format.md §3: versions 0-2 have no KDF; this is polkadot-js's behaviour, kept on purpose.
    const v2 = vector('versionTwo');
    const acc = await openKeystore(v2.json, `versionTwo${'\u0000'.repeat(22)}ignored`, opts);
    expect(u8aToHex(acc.publicKey)).toBe(v2.publicKey);
  });
});

describe('ADDRESS_MISMATCH', () => {
  it('a real keystore whose address was changed to another valid address is refused', async () => {
    const json = { ...JSON.parse(vector('whoisalice').json), address: BOB };
    expect(parseKeystore(json).address).toBe(BOB); // the shape is fine
    const err = await rejectsWithCode(openKeystore(json, 'whoisalice', opts), 'ADDRESS_MISMATCH');
    expect(err.details.field).toBe('address');
    expect(err.message).not.toContain('whoisalice');
  });

  it('an ecdsa keystore whose hex address names another compressed key is refused', async () => {
    const ecdsa = { ...JSON.parse(KEYSTORE_VECTORS.find((v) => v.type === 'ecdsa')!.json) };
    ecdsa.address = vector('password').publicKey; // the ethereum vector's key: valid, not this one
    await rejectsWithCode(openKeystore(ecdsa, 'testing', opts), 'ADDRESS_MISMATCH');
  });

  it('the same address in another SS58 prefix still matches (any prefix is accepted)', async () => {
    const json = {
      ...JSON.parse(vector('whoisalice').json),
      address: '15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5',
    };
    const acc = await openKeystore(json, 'whoisalice', opts);
    expect(acc.address).toBe('15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5');
  });

  it('a public key swapped inside an unencrypted body is refused (the file is not trusted)', async () => {
    const v = vector('');
    const json = JSON.parse(v.json);
    const body = base64Decode(json.encoded);
    body[body.length - 1]! ^= 1;
    await rejectsWithCode(
      openKeystore({ ...json, encoded: base64Encode(body) }, '', opts),
      'ADDRESS_MISMATCH',
    );
  });
});

describe('scrypt parameters', () => {
  it('opens each of the 4 parameter sets polkadot-js accepts', async () => {
    const acc = await openKeystore(vector('whoisalice').json, 'whoisalice', opts);
    for (const params of ACCEPTED_SCRYPT) {
      const json = await createKeystore(acc, 'pw', { params, scrypt: nodeScrypt });
      expect(describeKeystore(json).scrypt).toEqual(params);
      expect((await openKeystore(json, 'pw', opts)).scrypt).toEqual(params);
    }
  });

  it('a header with parameters outside the list is UNSAFE_SCRYPT_PARAMS with a clear message', async () => {
    const json = JSON.parse(vector('whoisalice').json);
    const bytes = base64Decode(json.encoded);
    bytes[32 + 4] = 10; // p = 10: in util-crypto's ALLOWED_PARAMS, refused by its p > 4 guard
    bytes[32 + 2] = 0;
    bytes[32 + 1] = 0x20; // N = 2^13
    const bad = { ...json, encoded: base64Encode(bytes) };
    expect(describeKeystore(bad).scrypt).toEqual({ N: 8192, p: 10, r: 8 });
    const err = await rejectsWithCode(openKeystore(bad, 'whoisalice', opts), 'UNSAFE_SCRYPT_PARAMS');
    expect(err.message).toContain('N=8192, p=10, r=8');
    expect(COMPAT_SCRYPT.N).toBe(32768);
  });
});
