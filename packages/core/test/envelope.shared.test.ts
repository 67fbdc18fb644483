// Envelope tests: interop with @polkadot/util-crypto's jsonEncrypt/jsonDecrypt in both
// directions, and the native and wasm scrypt backends against each other and the upstream vector.
import { fcParams, rejectsWithCode } from '@keyport/test-harness';
import { stringToU8a, u8aToHex } from '@polkadot/util';
import { base64Decode, cryptoWaitReady, jsonDecryptData, jsonEncrypt } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { openData, sealData } from '../src/envelope.ts';
import { wasmScrypt } from '../src/scrypt/backend.ts';
import { nodeScrypt } from '../src/scrypt/node.ts';
import { COMPAT_SCRYPT, DEFAULT_SCRYPT } from '../src/scrypt/params.ts';
import { UPSTREAM_SCRYPT } from './vectors/scrypt.ts';

beforeAll(async () => {
  await cryptoWaitReady();
});

describe('scrypt backends', () => {
  it('native and wasm scrypt both give the upstream 2^17 vector', async () => {
    const pw = stringToU8a(UPSTREAM_SCRYPT.passphrase);
    const expected = u8aToHex(new Uint8Array(UPSTREAM_SCRYPT.out));
    expect(u8aToHex(await nodeScrypt(pw, UPSTREAM_SCRYPT.salt, DEFAULT_SCRYPT))).toBe(expected);
    expect(u8aToHex(await wasmScrypt(pw, UPSTREAM_SCRYPT.salt, DEFAULT_SCRYPT))).toBe(expected);
  });

  it('native and wasm scrypt give the same bytes for any password and salt', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 64 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        async (pw, salt) => {
          const a = await nodeScrypt(pw, salt, COMPAT_SCRYPT);
          const b = await wasmScrypt(pw, salt, COMPAT_SCRYPT);
          expect(u8aToHex(a)).toBe(u8aToHex(b));
        },
      ),
      fcParams(0.03),
    );
  });
});

describe('envelope', () => {
  it('openData(sealData(x)) === x for any bytes and password, and util-crypto reads it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 300 }),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
        async (plain, pw) => {
          const sealed = await sealData(plain, pw, { params: COMPAT_SCRYPT, scrypt: nodeScrypt });
          expect(u8aToHex(await openData(sealed, pw, { scrypt: nodeScrypt }))).toBe(u8aToHex(plain));
          expect(u8aToHex(jsonDecryptData(sealed, pw))).toBe(u8aToHex(plain));
        },
      ),
      fcParams(0.03),
    );
  });

  it('opens what util-crypto jsonEncrypt writes at its 2^17 default', async () => {
    const json = jsonEncrypt(stringToU8a('["a \\"quoted\\" value"]'), ['batch-pkcs8'], 'pässword');
    const plain = await openData(base64Decode(json.encoded), 'pässword', { scrypt: nodeScrypt });
    expect(new TextDecoder().decode(plain)).toBe('["a \\"quoted\\" value"]');
  });

  it('a wrong password or one flipped bit is WRONG_PASSWORD, never a result', async () => {
    const sealed = await sealData(stringToU8a('secret'), 'right', {
      params: COMPAT_SCRYPT,
      scrypt: nodeScrypt,
    });
    await rejectsWithCode(openData(sealed, 'wrong', { scrypt: nodeScrypt }), 'WRONG_PASSWORD');
    const flipped = sealed.slice();
    flipped[sealed.length - 1]! ^= 1;
    await rejectsWithCode(openData(flipped, 'right', { scrypt: nodeScrypt }), 'WRONG_PASSWORD');
  });

  it('an empty password is PASSWORD_REQUIRED: polkadot-js could not decrypt it', async () => {
    await rejectsWithCode(sealData(new Uint8Array(1), '', { params: COMPAT_SCRYPT }), 'PASSWORD_REQUIRED');
  });

  it('parameters outside the polkadot-js list are UNSAFE_SCRYPT_PARAMS before any work', async () => {
    await rejectsWithCode(
      sealData(new Uint8Array(1), 'pw', { params: { N: 1 << 18, p: 1, r: 8 } }),
      'UNSAFE_SCRYPT_PARAMS',
    );
    const sealed = await sealData(new Uint8Array(1), 'pw', { params: COMPAT_SCRYPT, scrypt: nodeScrypt });
    sealed[36] = 10; // p = 10
    await rejectsWithCode(openData(sealed, 'pw'), 'UNSAFE_SCRYPT_PARAMS');
  });
});
