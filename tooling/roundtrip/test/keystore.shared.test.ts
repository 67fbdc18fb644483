// Round-trip matrix, keystore rows: a v3 keystore written by keyport (compat 2^15 and the 2^17
// default) or by @polkadot/keyring, read back by every import path that takes a keystore.
import {
  COMPAT_SCRYPT,
  createKeystore,
  DEFAULT_SCRYPT,
  describeKeystore,
  type KeystoreJson,
  openKeystore,
  parseKeystore,
} from '@keyport/core';
import { nodeScrypt } from '@keyport/core/scrypt-node';
import { account, fcParams, password } from '@keyport/test-harness';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_SCRYPT_RUNS,
  expectSameAccount,
  expectSameStorage,
  restoreText,
  SCRYPT_RUNS,
} from './support.ts';

beforeAll(async () => {
  await cryptoWaitReady();
});

const compat = { params: COMPAT_SCRYPT, scrypt: nodeScrypt };

describe('keystore v3 (compat 2^15)', () => {
  it('parseKeystore and describeKeystore give back type, public key, meta and scrypt params without a password', async () => {
    await fc.assert(
      fc.asyncProperty(account(), password(), async (a, pw) => {
        const text = JSON.stringify(await createKeystore(a, pw, compat));
        const json = parseKeystore(text);
        expect(json.meta).toEqual(a.meta);
        expect(json.address).toBe(a.jsonAddress);
        const info = describeKeystore(text);
        expect(info).toMatchObject({ version: '3', keyType: a.type, encrypted: true, scrypt: COMPAT_SCRYPT });
        if (a.type !== 'ecdsa' && a.type !== 'ethereum') expect(info.publicKey).toBe(u8aToHex(a.publicKey));
      }),
      fcParams(SCRYPT_RUNS),
    );
  });

  it('openKeystore(createKeystore(a, pw), pw) gives back a: type, keys, meta, address', async () => {
    await fc.assert(
      fc.asyncProperty(account(), password(), async (a, pw) => {
        const text = JSON.stringify(await createKeystore(a, pw, compat));
        expectSameAccount(await openKeystore(text, pw, { scrypt: nodeScrypt }), a);
      }),
      fcParams(SCRYPT_RUNS),
    );
  });

  it('@polkadot/keyring restores what keyport writes: createFromJson + decodePkcs8 give the same pair and meta', async () => {
    await fc.assert(
      fc.asyncProperty(account(), password(), async (a, pw) => {
        const json = await createKeystore(a, pw, compat);
        const pair = new Keyring({ type: a.type }).createFromJson(JSON.parse(JSON.stringify(json)));
        pair.decodePkcs8(pw);
        expect(u8aToHex(pair.publicKey)).toBe(u8aToHex(a.pair.publicKey));
        expect(pair.type).toBe(a.type);
        expect(pair.meta).toEqual(a.meta);
      }),
      fcParams(SCRYPT_RUNS),
    );
  });
});

describe('keystore v3 (default 2^17)', () => {
  it('describeKeystore reports 2^17 and openKeystore gives back a', async () => {
    await fc.assert(
      fc.asyncProperty(account(), password(), async (a, pw) => {
        const text = JSON.stringify(await createKeystore(a, pw, { scrypt: nodeScrypt }));
        expect(describeKeystore(text).scrypt).toEqual(DEFAULT_SCRYPT);
        expectSameAccount(await openKeystore(text, pw, { scrypt: nodeScrypt }), a);
      }),
      fcParams(DEFAULT_SCRYPT_RUNS),
    );
  });

  it('@polkadot/keyring restores a 2^17 keystore keyport writes', async () => {
    await fc.assert(
      fc.asyncProperty(account(), password(), async (a, pw) => {
        const json: KeystoreJson = await createKeystore(a, pw, { scrypt: nodeScrypt });
        const pair = new Keyring({ type: a.type }).createFromJson(JSON.parse(JSON.stringify(json)));
        pair.decodePkcs8(pw);
        expect(u8aToHex(pair.publicKey)).toBe(u8aToHex(a.pair.publicKey));
      }),
      fcParams(DEFAULT_SCRYPT_RUNS),
    );
  });
});

describe('keystore v3 written by @polkadot/keyring (pair.toJson, 2^17)', () => {
  it('describeKeystore reads it and openKeystore(pair.toJson(pw), pw) gives back the account polkadot-js exported', async () => {
    await fc.assert(
      fc.asyncProperty(account(), password(), async (a, pw) => {
        const text = JSON.stringify(a.pair.toJson(pw));
        expect(describeKeystore(text)).toMatchObject({
          version: '3',
          keyType: a.type,
          scrypt: DEFAULT_SCRYPT,
        });
        expectSameAccount(await openKeystore(text, pw, { scrypt: nodeScrypt }), a);
      }),
      fcParams(DEFAULT_SCRYPT_RUNS),
    );
  });
});

describe('keystore v3 (compat 2^15) into storage', () => {
  it('readImportInput detects a keystore; planImport + applyPlan store it unchanged under account:0x<id>, and it opens to a', async () => {
    await fc.assert(
      fc.asyncProperty(account(), password(), async (a, pw) => {
        const json = await createKeystore(a, pw, compat);
        const { source, after } = await restoreText(JSON.stringify(json, null, 2));
        expect(source.format).toBe('keystore');
        expectSameStorage(after, { [a.storageKey]: JSON.stringify(json) });
        expectSameAccount(await openKeystore(after[a.storageKey], pw, { scrypt: nodeScrypt }), a);
      }),
      fcParams(SCRYPT_RUNS),
    );
  });
});

describe('keystore v3 (default 2^17 and polkadot-js-written) into storage', () => {
  it('a 2^17 keystore by keyport or by pair.toJson is stored unchanged under account:0x<id> and opens to a', async () => {
    await fc.assert(
      fc.asyncProperty(account(), password(), fc.boolean(), async (a, pw, byKeyring) => {
        const json = byKeyring ? a.pair.toJson(pw) : await createKeystore(a, pw, { scrypt: nodeScrypt });
        const { source, after } = await restoreText(JSON.stringify(json));
        expect(source.format).toBe('keystore');
        expectSameStorage(after, { [a.storageKey]: JSON.stringify(json) });
        expectSameAccount(await openKeystore(after[a.storageKey], pw, { scrypt: nodeScrypt }), a);
      }),
      fcParams(DEFAULT_SCRYPT_RUNS * 2),
    );
  });
});
