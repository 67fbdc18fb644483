// hash-wasm's scrypt (the page's worker backend) gives util-crypto's bytes: for every parameter
// set polkadot-js accepts, and for arbitrary passwords and salts.
import { fcParams } from '@keyport/test-harness';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { wasmScrypt } from '../src/scrypt/backend.ts';
import { hashWasmScrypt } from '../src/scrypt/hash-wasm.ts';
import { ACCEPTED_SCRYPT } from '../src/scrypt/params.ts';

beforeAll(async () => {
  await cryptoWaitReady();
});

const hex = (u: Uint8Array): string => Buffer.from(u).toString('hex');

describe('hashWasmScrypt', () => {
  it('equals wasmScrypt for every accepted parameter set', async () => {
    const password = new TextEncoder().encode('pässwörd "q" \\');
    const salt = Uint8Array.from({ length: 32 }, (_, i) => i * 7);
    for (const params of ACCEPTED_SCRYPT) {
      const key = await hashWasmScrypt(password, salt, params);
      expect(key.length).toBe(64);
      expect(hex(key)).toBe(hex(await wasmScrypt(password, salt, params)));
    }
  });

  it('equals wasmScrypt for any password and salt, empty ones included', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 80 }),
        fc.uint8Array({ maxLength: 40 }),
        fc.constantFrom(1, 2),
        async (password, salt, p) => {
          const params = { N: 1024, p, r: 8 };
          expect(hex(await hashWasmScrypt(password, salt, params))).toBe(
            hex(await wasmScrypt(password, salt, params)),
          );
        },
      ),
      fcParams(0.5),
    );
  });
});
