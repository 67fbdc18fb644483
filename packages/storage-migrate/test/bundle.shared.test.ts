// Bundle v1: dump → encode → decode → restore is the identity on any storage, plain and
// encrypted; every alteration is caught; the checksum is the one docs/bundle-format.md defines.
import { createHash } from 'node:crypto';
import { COMPAT_SCRYPT } from '@keyport/core';
import { nodeScrypt } from '@keyport/core/scrypt-node';
import { fcParams, hostileString, rejectsWithCode } from '@keyport/test-harness';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyPlan } from '../src/apply.ts';
import { bundleChecksum } from '../src/bundle/checksum.ts';
import { decodeBundle, readBundleHeader } from '../src/bundle/decode.ts';
import { dumpStorage, makeBundle } from '../src/bundle/dump.ts';
import { encodeBundle } from '../src/bundle/encode.ts';
import type { BundleV1 } from '../src/bundle/types.ts';
import { planImport } from '../src/plan/plan.ts';
import { MemoryStorage, snapshot } from '../src/storage.ts';

beforeAll(async () => {
  await cryptoWaitReady();
});

const at = { origin: 'https://polkadot.js.org', now: () => Date.UTC(2026, 10, 21, 12, 0, 0, 7) };
const storageArb = fc.array(fc.tuple(hostileString({ maxPieces: 5 }), hostileString({ long: true })), {
  maxLength: 12,
});

async function restoreInto(bundle: BundleV1): Promise<MemoryStorage> {
  const target = new MemoryStorage();
  applyPlan(planImport(bundle, target), target, at);
  return target;
}

function sameStorage(a: MemoryStorage, b: MemoryStorage): void {
  expect(JSON.stringify(Object.entries(snapshot(a)))).toBe(JSON.stringify(Object.entries(snapshot(b))));
}

// docs/bundle-format.md §6: the example bundle and its checksum.
const EXAMPLE = makeBundle(
  [
    {
      key: 'account:0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d',
      value:
        '{"address":"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY","meta":{"name":"Alice \\"main\\""}}',
    },
    { key: 'lcUrl', value: 'light://substrate-connect/polkadot' },
    { key: 'settings', value: '{"storage":"on"}' },
  ],
  at,
);
const EXAMPLE_CHECKSUM = 'sha256:ce55b9cb1b4b662e43db2f58acae73fb6f5e705a284863e70e50427077ea9171';

// docs/bundle-format.md §6: EXAMPLE sealed with 'correct horse', N = 2^15, salt and nonce all 0x07.
const EXAMPLE_CIPHERTEXT =
  'BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcAgAAAAQAAAAgAAAAHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBweHGIJgJ/fofzI7G4Xf5XkmlsfP5qJvyEN1BOECR8M6zVCLDKEmlr1e3RI98UxQBRCHXemg9rBvxxuay+WN11foHmd5fBUUMUkNvUjGuEFJea8re1qj6qItMF5iJNuZKM3SXR+V9YoRUE9dUpAxvVS/oLetzpjhsaPMUXaOyZBkHP23IXIPprTqE8HOYwD2bGJ64jXIDai4yW0SZXamu5qdf3sjTMkEcRYDV6FoFYvW4lgYowcEfjcyT5EN3dMl7JBVv65uNiv66ZAt5CkhblgfbMCkeh4ShoZTWR9J96I2D7zmOjQIe7llSjVgDJFu5/2MNDCBs6cvqsooIwpj74CL/n2KbBlA2X3LUlynb5p2pXCLFXwiR7HdVpPuNEFXOJF2vo9Oj9hoQcuYnw5wcSrfXx0t0W89Vbl/XjygQXJFzW4lUR0N6J1SP6RPntpqCpjfWD3MLRRZNHQE6QPPChFObQlg9rEo0kvvClqxykFy+8A3k4S0BLI1QW36FrjLyYUepbiV1V2e/idrQKCYHM8D/DE8xtQSTLE3oym16xrFbqESul18qHw/JDeVT0Ax1joC3n5ER6MNCA3oLTfqBrA8RctU4U8wSbLyFbfMm2SBO8aRgCujtdxTqg2bOk3VNkXSXhvCvV9cG/SWhTpxhaAA97nGzaPs1iBSxK1/c6nQxcGr8yH2WS6UxxOXx/uvVyDsNDZUfXkRV2a+nahRDJZ8+I16IONZYxF8ZfXPfJKQ9+8g7GXdlWHOFx89zdNc5YzhOONYBSNCLhOP+J4mAejLTI/APNaYz+5UIBZQX+3dQwZymAs7qETLYTSsOD2idxkj/QibHhqWzVo5/QilDkESasFyV13LbQoApUncOpbSxvXQi56joDq6fw0r/O7ETO6POmD671VqIbRIrIkunwID33tuEBoA0fj7';

// An independent encoder of the canonical layout (Node Buffer + node:crypto), to pin the spec.
function specChecksum(b: BundleV1): string {
  const parts: Buffer[] = [];
  const u32 = (n: number) => {
    const x = Buffer.alloc(4);
    x.writeUInt32LE(n);
    parts.push(x);
  };
  const str = (s: string | null) => {
    if (s === null) return u32(0xffffffff);
    u32(s.length);
    parts.push(Buffer.from(s, 'utf16le'));
  };
  str('keyport-localstorage-bundle/checksum/v1');
  str('keyport-localstorage-bundle');
  str('1');
  str(b.origin);
  str(b.createdAt);
  for (const f of ['accounts', 'addresses', 'contracts', 'settings', 'other'] as const)
    str(String(b.summary[f]));
  u32(b.entries.length);
  for (const e of b.entries) {
    str(e.key);
    str(e.value);
  }
  u32(0xffffffff);
  return `sha256:${createHash('sha256').update(Buffer.concat(parts)).digest('hex')}`;
}

describe('bundle v1', () => {
  it('the checksum is sha-256 of the documented length-prefixed UTF-16 layout', () => {
    expect(bundleChecksum(EXAMPLE)).toBe(specChecksum(EXAMPLE));
    expect(bundleChecksum(EXAMPLE)).toBe(EXAMPLE_CHECKSUM);
    fc.assert(
      fc.property(storageArb, (pairs) => {
        const b = dumpStorage(new MemoryStorage(pairs), at);
        expect(bundleChecksum(b)).toBe(specChecksum(b));
      }),
      fcParams(0.3),
    );
  });

  it('the encrypted example of docs/bundle-format.md §6 is reproduced byte for byte and opens', async () => {
    const seven = (n: number) => new Uint8Array(n).fill(7);
    const text = await encodeBundle(EXAMPLE, {
      passphrase: 'correct horse',
      params: COMPAT_SCRYPT,
      scrypt: nodeScrypt,
      random: seven,
    });
    expect(JSON.parse(text).ciphertext).toBe(EXAMPLE_CIPHERTEXT);
    expect(await decodeBundle(text, { passphrase: 'correct horse', scrypt: nodeScrypt })).toEqual(EXAMPLE);
  });

  it('dump → encode → decode → restore into an empty storage gives an identical storage (plain)', async () => {
    await fc.assert(
      fc.asyncProperty(storageArb, async (pairs) => {
        const source = new MemoryStorage(pairs);
        const text = await encodeBundle(dumpStorage(source, at));
        const decoded = await decodeBundle(text);
        expect(decoded).toEqual(dumpStorage(source, at));
        sameStorage(await restoreInto(decoded), source);
      }),
      fcParams(1),
    );
  });

  it('the same holds encrypted, and only the counts are readable without the passphrase', async () => {
    await fc.assert(
      fc.asyncProperty(
        storageArb,
        hostileString({ minPieces: 1, loneSurrogates: false }),
        async (pairs, pass) => {
          const source = new MemoryStorage(pairs);
          const bundle = dumpStorage(source, at);
          const text = await encodeBundle(bundle, {
            passphrase: pass,
            params: COMPAT_SCRYPT,
            scrypt: nodeScrypt,
          });
          expect(readBundleHeader(text)).toEqual({ encrypted: true, summary: bundle.summary });
          expect(text.includes(at.origin)).toBe(false);
          for (const [k] of pairs) if (k.length > 8) expect(text.includes(JSON.stringify(k))).toBe(false);
          const decoded = await decodeBundle(text, { passphrase: pass, scrypt: nodeScrypt });
          sameStorage(await restoreInto(decoded), source);
        },
      ),
      fcParams(0.03),
    );
  });

  it('an encrypted bundle at the 2^17 default opens with the wasm scrypt too', async () => {
    const text = await encodeBundle(EXAMPLE, { passphrase: 'pässwörd' });
    expect(await decodeBundle(text, { passphrase: 'pässwörd' })).toEqual(EXAMPLE);
  });

  it('missing or wrong passphrases and altered clear counts are typed errors', async () => {
    const text = await encodeBundle(EXAMPLE, {
      passphrase: 'right',
      params: COMPAT_SCRYPT,
      scrypt: nodeScrypt,
    });
    await rejectsWithCode(decodeBundle(text), 'PASSWORD_REQUIRED');
    await rejectsWithCode(decodeBundle(text, { passphrase: '' }), 'PASSWORD_REQUIRED');
    await rejectsWithCode(decodeBundle(text, { passphrase: 'wrong', scrypt: nodeScrypt }), 'WRONG_PASSWORD');
    const counts = text.replace('"accounts": 1', '"accounts": 2');
    expect(counts).not.toBe(text);
    await rejectsWithCode(
      decodeBundle(counts, { passphrase: 'right', scrypt: nodeScrypt }),
      'CHECKSUM_MISMATCH',
    );
    const obj = JSON.parse(text);
    await rejectsWithCode(
      decodeBundle(JSON.stringify({ ...obj, encryption: 'aes' }), { passphrase: 'right' }),
      'UNSUPPORTED_FORMAT',
    );
    await rejectsWithCode(
      decodeBundle(JSON.stringify({ ...obj, extra: 1 }), { passphrase: 'right' }),
      'CORRUPT_DATA',
    );
  });

  it('another format or version is UNSUPPORTED_FORMAT / UNSUPPORTED_VERSION, not a guess', async () => {
    const obj = JSON.parse(await encodeBundle(EXAMPLE));
    await rejectsWithCode(decodeBundle(JSON.stringify({ ...obj, version: 2 })), 'UNSUPPORTED_VERSION');
    await rejectsWithCode(decodeBundle(JSON.stringify({ ...obj, version: '1' })), 'UNSUPPORTED_VERSION');
    await rejectsWithCode(decodeBundle(JSON.stringify({ ...obj, format: 'other' })), 'UNSUPPORTED_FORMAT');
    await rejectsWithCode(decodeBundle('[1]'), 'INVALID_INPUT');
    await rejectsWithCode(decodeBundle('{"format"'), 'INVALID_INPUT');
    const { checksum: _c, ...noChecksum } = obj;
    await rejectsWithCode(decodeBundle(JSON.stringify(noChecksum)), 'CORRUPT_DATA');
    await rejectsWithCode(
      decodeBundle(JSON.stringify({ ...obj, entries: [...obj.entries].reverse() })),
      'CORRUPT_DATA',
    );
    await rejectsWithCode(
      decodeBundle(JSON.stringify({ ...obj, summary: { ...obj.summary, other: 1 } })),
      'CORRUPT_DATA',
    );
    const edited = structuredClone(obj);
    edited.entries[1].value = 'light://substrate-connect/kusama';
    await rejectsWithCode(decodeBundle(JSON.stringify(edited)), 'CHECKSUM_MISMATCH');
  });

  it('every single-byte change of a plain bundle is rejected or decodes to the very same bundle', async () => {
    const small = makeBundle([{ key: 'account:0x01', value: '{"n":"a \\"b\\" \\\\ \ud800"}' }], {
      now: at.now,
    });
    const bytes = new TextEncoder().encode(await encodeBundle(small));
    const decoder = new TextDecoder();
    let rejected = 0;
    let harmless = 0;
    for (let i = 0; i < bytes.length; i++) {
      for (let v = 0; v < 256; v++) {
        if (v === bytes[i]) continue;
        const changed = bytes.slice();
        changed[i] = v;
        try {
          const got = await decodeBundle(decoder.decode(changed));
          expect(got).toEqual(small); // only JSON whitespace or \u-escape hex case can change
          harmless++;
        } catch (e) {
          expect((e as Error).name).toBe('KeyportError');
          rejected++;
        }
      }
    }
    expect(rejected).toBeGreaterThan(harmless * 20);
  });
});
