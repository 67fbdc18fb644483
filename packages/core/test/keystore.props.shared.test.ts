// Properties of the keystore writer and reader over every key type, hostile names and
// passwords: open(create(x)) === x, describe agrees, password changes, no-password files.
import {
  accountMeta,
  account as anyAccount,
  fcParams,
  makeAccount,
  password,
  rejectsWithCode,
} from '@keyport/test-harness';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  changeKeystorePassword,
  createKeystore,
  describeKeystore,
  openKeystore,
  parseKeystore,
} from '../src/keystore/index.ts';
import { nodeScrypt } from '../src/scrypt/node.ts';
import { COMPAT_SCRYPT, DEFAULT_SCRYPT } from '../src/scrypt/params.ts';

beforeAll(async () => {
  await cryptoWaitReady();
});

const opts = { scrypt: nodeScrypt };
const accounts = anyAccount({ meta: { extras: false } });
/** Meta whose names carry quotes, backslashes, newlines, emoji, lone surrogates. */
const metas = accountMeta({ extras: false });

describe('createKeystore → openKeystore', () => {
  it('open(create(x, pw), pw) gives back the same key, meta and address, for every key type (2^15)', async () => {
    await fc.assert(
      fc.asyncProperty(accounts, password(), metas, async (a, pw, meta) => {
        const json = await createKeystore({ ...a, meta }, pw, {
          params: COMPAT_SCRYPT,
          ss58: a.ss58,
          ...opts,
        });
        const text = JSON.stringify(json);
        const acc = await openKeystore(text, pw, { ...opts, ss58: a.ss58 }); // ecdsa/eth files hold no prefix
        expect(acc.type).toBe(a.type);
        expect(u8aToHex(acc.publicKey)).toBe(u8aToHex(a.publicKey));
        expect(u8aToHex(acc.secretKey)).toBe(u8aToHex(a.secretKey));
        expect(acc.meta).toEqual(meta);
        expect(acc.address).toBe(a.address);
        const info = describeKeystore(text);
        expect(info.keyType).toBe(a.type);
        expect(info.scrypt).toEqual(COMPAT_SCRYPT);
        expect(info.publicKey).toBe(u8aToHex(a.publicKey));
        expect(info.name).toBe(meta.name);
      }),
      fcParams(0.05),
    );
  });

  it('the 2^17 default round-trips too (few runs)', async () => {
    await fc.assert(
      fc.asyncProperty(accounts, password(), async (a, pw) => {
        const json = await createKeystore(a, pw, opts);
        expect(describeKeystore(json).scrypt).toEqual(DEFAULT_SCRYPT);
        expect(u8aToHex((await openKeystore(json, pw, opts)).secretKey)).toBe(u8aToHex(a.secretKey));
      }),
      fcParams(0.01),
    );
  });

  it('an empty password writes type none, which opens without one; any other password is WRONG_PASSWORD', async () => {
    await fc.assert(
      fc.asyncProperty(accounts, password(), async (a, pw) => {
        const plain = await createKeystore(a, '', opts);
        expect(plain.encoding.type).toEqual(['none']);
        expect(describeKeystore(plain).encrypted).toBe(false);
        expect(u8aToHex((await openKeystore(plain, '', opts)).publicKey)).toBe(u8aToHex(a.publicKey));
        const sealed = await createKeystore(a, pw, { params: COMPAT_SCRYPT, ...opts });
        await rejectsWithCode(openKeystore(sealed, `${pw}x`, opts), 'WRONG_PASSWORD');
      }),
      fcParams(0.03),
    );
  });

  it('parseKeystore(JSON text) equals parseKeystore(object) and keeps key order', async () => {
    await fc.assert(
      fc.asyncProperty(accounts, metas, async (a, meta) => {
        const json = await createKeystore({ ...a, meta }, '', opts);
        const text = JSON.stringify(json);
        expect(JSON.stringify(parseKeystore(text))).toBe(text);
        expect(JSON.stringify(parseKeystore(JSON.parse(text)))).toBe(text);
      }),
      fcParams(0.3),
    );
  });

  it('a secret that does not match the public key is refused before anything is written', async () => {
    for (const type of ['sr25519', 'ed25519', 'ecdsa', 'ethereum'] as const) {
      const a = makeAccount(`0x${'11'.repeat(32)}`, type, 42, {}, 'seed');
      const b = makeAccount(`0x${'22'.repeat(32)}`, type, 42, {}, 'seed');
      await rejectsWithCode(createKeystore({ ...a, publicKey: b.publicKey }, 'pw', opts), 'ADDRESS_MISMATCH');
    }
  });
});

describe('changeKeystorePassword', () => {
  it('the new password opens it, the old one no longer does; key, meta, prefix and params stay', async () => {
    await fc.assert(
      fc.asyncProperty(accounts, password(), password(), async (a, oldPw, newPw) => {
        fc.pre(oldPw !== newPw);
        const before = await createKeystore(a, oldPw, { params: COMPAT_SCRYPT, ss58: a.ss58, ...opts });
        const after = await changeKeystorePassword(before, oldPw, newPw, opts);
        expect(after.address).toBe(before.address);
        expect(after.meta).toEqual(before.meta);
        expect(describeKeystore(after).scrypt).toEqual(COMPAT_SCRYPT);
        expect(u8aToHex((await openKeystore(after, newPw, opts)).secretKey)).toBe(u8aToHex(a.secretKey));
        await rejectsWithCode(openKeystore(after, oldPw, opts), 'WRONG_PASSWORD');
        await rejectsWithCode(changeKeystorePassword(before, newPw, 'x', opts), 'WRONG_PASSWORD');
      }),
      fcParams(0.03),
    );
  });
});
