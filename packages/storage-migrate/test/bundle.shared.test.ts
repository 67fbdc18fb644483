// Bundles: dump → encode → decode → restore is the identity on any storage, plain and
// encrypted; every alteration is caught; the checksum is the one docs/bundle-format.md defines;
// files written as version 1 (test/fixtures, made by the previous build) still read.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { COMPAT_SCRYPT, createBatch } from '@keyport/core';
import { nodeScrypt } from '@keyport/core/scrypt-node';
import { fcParams, hostileString, rejectsWithCode } from '@keyport/test-harness';
import { base64Decode, base64Encode, cryptoWaitReady } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyPlan, undoImport } from '../src/apply.ts';
import { bundleChecksum, textChecksumAsync } from '../src/bundle/checksum.ts';
import { decodeBundle, readBundleHeader } from '../src/bundle/decode.ts';
import { dumpStorage, makeBundle } from '../src/bundle/dump.ts';
import { encodeBundle } from '../src/bundle/encode.ts';
import type { AfterValue, Bundle } from '../src/bundle/types.ts';
import { readImportInput } from '../src/input/read.ts';
import { planImport } from '../src/plan/plan.ts';
import { MemoryStorage, snapshot } from '../src/storage.ts';

beforeAll(async () => {
  await cryptoWaitReady();
});

const at = { origin: 'https://polkadot.js.org', now: () => Date.UTC(2026, 10, 21, 12, 0, 0, 7) };
const storageArb = fc.array(fc.tuple(hostileString({ maxPieces: 5 }), hostileString({ long: true })), {
  maxLength: 12,
});

async function restoreInto(bundle: Bundle): Promise<MemoryStorage> {
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
const EXAMPLE_CHECKSUM = 'sha256:ab121da2013f53de4c24d63aa4b76e1d77d875fe10518036b6a424047cdcb7dd';

// docs/bundle-format.md §6: EXAMPLE's text and its undo bundle's (imported with 'replace' into
// a storage holding only settings = {"storage":"off"}).
const EXAMPLE_TEXT = readFileSync(
  fileURLToPath(new URL('./fixtures/v2-example.json', import.meta.url)),
  'utf8',
);
const EXAMPLE_UNDO_TEXT = readFileSync(
  fileURLToPath(new URL('./fixtures/v2-example-undo.json', import.meta.url)),
  'utf8',
);

// docs/bundle-format.md §6: EXAMPLE sealed with 'correct horse', N = 2^15, salt and nonce all 0x07.
const EXAMPLE_CIPHERTEXT =
  'BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcAgAAAAQAAAAgAAAAHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwd9o6BiHNK7+5gcVKmyAQmLlsfP5qJvyEN1BOECR8M6zVCLDKEmlr1e3RI98UxQBRCHXemg9rBvxxuay+WN11foHmd5fBUUMUkNvUvGuEFJea8re1qj6qItMF5iJNuZKM3SXR+V9YoRUE9dUpAxvVS/oLetzpjhsaPMUXaOyZBkHP23IXIPprTqE8HOYwD2bGJ64jXIDai4yW0SZXamu5qdf3sjTMkEcRYDV6FoFaOXoRtX9AgTbnp9AdRS38tkudgt+v09c3q5t9RvrXpwaERTIpL1NWBBhJxTS1AGu6UhGqv7J3FBebNpcjlgDt44/P2KYmPP5Kkhmso6LWMrqsPAr2eTJkYS2TSDA2Syed05ymWeVSYpQOPUEYS1IEkSLtF6vY8djNpoQJvPmVl3ISyIWR4v0j45U+J5Um6lFyQUnDkiU0oLvJ1SPv1Bmos+GYTgSSXee0xPcHxVqBXFHn0nKUoi4a5umwKcCECzjU5l6sYnjtK0FJFbVX7vD/Ci3pQL4/zRxAeYsTRgVLOYHchcvT5xxYIOHr02pHO+vRjMY/JCvQ0prnk3dDaSFhYw0W9W0SNDEaJRGBOrN3S+Uv1sU5IXp1FfUrKjR/2djSC8LMqpwyzTo4kJwWj9LxetdFWSeQ2Oqh43S5K6ii0norA3wILF3+S+0kE34JFnTY/e9oCA8h/mQzTMkwSA99fJOgiFIRtBVU4FBRKH17F+NZZXt5lhN7RAUyFOG4XPfKPX/vNes3Os6WOAVgl6+pQfm5SAduZYNXFyUGONt4kuA8HyMpe8PMeMiowAOhlfUbS1EFIg2QRUpQeEL3rpeSLoflR1tkuTEjvG3FQf1wilDhoQIYZ9FAueKltf8R/ZPZbJkOPfhpu3rjyrL1Z/u7j7AfOVMHHvp0BZb+V16ok04Spe3SZETRZX+6XRVNzEUGT4XQeKXBTLihhl1NA1SVxFZtzitifYIiXvvYcJmLDkl7rwVsvm99XebCwBvs7L/w1xE1cTrA+glpyHqnVE4KeXkV1vnGUTwmnM';

// The checksum as docs/bundle-format.md §4 defines it, written independently with node:crypto:
// sha-256 of the UTF-8 of the text with a zero digest.
function specChecksum(b: Bundle): string {
  const file = {
    format: 'keyport-localstorage-bundle',
    version: 2,
    origin: b.origin,
    createdAt: b.createdAt,
    summary: {
      accounts: b.summary.accounts,
      addresses: b.summary.addresses,
      contracts: b.summary.contracts,
      settings: b.summary.settings,
      other: b.summary.other,
    },
    checksum: `sha256:${'0'.repeat(64)}`,
    entries: b.entries.map((e) => ({ key: e.key, value: e.value })),
    ...(b.undo === undefined
      ? {}
      : { undo: { after: (b.undo.after as AfterValue[]).map((a) => ({ key: a.key, value: a.value })) } }),
  };
  const text = `${JSON.stringify(file, null, 2)}\n`;
  return `sha256:${createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex')}`;
}

const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');

describe('bundles', () => {
  it('the checksum is sha-256 of the text with a zero digest, and the text is JSON.stringify(file, null, 2)', async () => {
    expect(bundleChecksum(EXAMPLE)).toBe(specChecksum(EXAMPLE));
    expect(bundleChecksum(EXAMPLE)).toBe(EXAMPLE_CHECKSUM);
    expect(await encodeBundle(EXAMPLE)).toBe(EXAMPLE_TEXT);
    const target = new MemoryStorage({ settings: '{"storage":"off"}' });
    const { undo } = applyPlan(planImport(EXAMPLE, target, { policy: 'replace' }), target, at);
    expect(await encodeBundle(undo)).toBe(EXAMPLE_UNDO_TEXT);
    expect(JSON.parse(EXAMPLE_UNDO_TEXT).checksum).toBe(specChecksum(undo));
    fc.assert(
      fc.property(storageArb, storageArb, (before, incoming) => {
        const b = dumpStorage(new MemoryStorage(incoming), at);
        expect(bundleChecksum(b)).toBe(specChecksum(b));
        const target = new MemoryStorage(before);
        const { undo } = applyPlan(planImport(b, target, { policy: 'replace' }), target, at);
        expect(bundleChecksum(undo)).toBe(specChecksum(undo));
      }),
      fcParams(0.3),
    );
  });

  it('reads version 1 files written by the previous build: dump, encrypted dump, undo bundle', async () => {
    const dump = await decodeBundle(fixture('v1-dump.json'));
    expect(dump.version).toBe(1);
    expect(dump.entries).toEqual([...EXAMPLE.entries, { key: 'x-lone', value: 'a\ud800b\u2028"\\\u0001' }]);
    const sealed = await decodeBundle(fixture('v1-dump-encrypted.json'), {
      passphrase: 'correct horse',
      scrypt: nodeScrypt,
    });
    expect(sealed).toEqual(dump);
    // Re-encoding a version 1 dump writes version 2, with the same entries.
    const again = await decodeBundle(await encodeBundle(dump));
    expect(again).toEqual({ ...dump, version: 2 });
    // A version 1 undo bundle (digests, not values) undoes the import it was made for.
    const undo = await decodeBundle(fixture('v1-undo.json'));
    expect(undo.version).toBe(1);
    await rejectsWithCode(encodeBundle(undo), 'INVALID_INPUT');
    const target = new MemoryStorage(JSON.parse(fixture('v1-undo-target.json')) as Record<string, string>);
    const changed = new MemoryStorage(target.entries());
    changed.setItem('lcUrl', 'edited');
    expect(() => undoImport(undo, changed, at)).toThrow(/changed since the import/);
    expect(undoImport(undo, target, at)).toEqual({ restored: 2, removed: 2 });
    expect(snapshot(target)).toEqual(
      Object.assign(Object.create(null), { settings: '{"storage":"off"}', 'x-lone': 'old' }),
    );
    // An altered version 1 file is still caught.
    await rejectsWithCode(
      decodeBundle(fixture('v1-dump.json').replace('polkadot"', 'kusama"')),
      'CHECKSUM_MISMATCH',
    );
  });

  it('a reformatted file that means the same reads; the received text is hashed as it is first', async () => {
    const text = await encodeBundle(EXAMPLE);
    const compact = JSON.stringify(JSON.parse(text));
    expect(await decodeBundle(compact)).toEqual(EXAMPLE);
    expect(await decodeBundle(text.replaceAll('\n', '\r\n'))).toEqual(EXAMPLE);
    expect(await decodeBundle(`\ufeff${text}`)).toEqual(EXAMPLE);
    expect(await textChecksumAsync(text)).toBe(EXAMPLE_CHECKSUM);
    expect(await textChecksumAsync(compact)).toBeUndefined();
    // Members in another order and `value` before `key` still read (rebuilt in writer order).
    const obj = JSON.parse(text);
    const shuffled = JSON.stringify({
      entries: obj.entries.map((e: { key: string; value: string }) => ({ value: e.value, key: e.key })),
      checksum: obj.checksum,
      summary: obj.summary,
      createdAt: obj.createdAt,
      origin: obj.origin,
      version: obj.version,
      format: obj.format,
    });
    expect(await decodeBundle(shuffled)).toEqual(EXAMPLE);
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
          expect(readBundleHeader(text)).toEqual({ version: 2, encrypted: true, summary: bundle.summary });
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

  it('scrypt parameters polkadot-js would not read are refused before a passphrase is asked for', async () => {
    const text = await encodeBundle(EXAMPLE, {
      passphrase: 'right',
      params: COMPAT_SCRYPT,
      scrypt: nodeScrypt,
    });
    const obj = JSON.parse(text);
    const sealed = base64Decode(obj.ciphertext);
    new DataView(sealed.buffer).setUint32(32, 1 << 20, true); // N = 2^20 in the envelope header
    const unsafe = JSON.stringify({ ...obj, ciphertext: base64Encode(sealed) });
    await rejectsWithCode(decodeBundle(unsafe), 'UNSAFE_SCRYPT_PARAMS');
    await rejectsWithCode(readImportInput(unsafe), 'UNSAFE_SCRYPT_PARAMS');
    await rejectsWithCode(decodeBundle(unsafe, { passphrase: 'right' }), 'UNSAFE_SCRYPT_PARAMS');
    // The same for a batch file: its envelope is refused before the batch password is asked for.
    const batch = await createBatch([], 'right', { params: COMPAT_SCRYPT, scrypt: nodeScrypt });
    const batchBytes = base64Decode(batch.encoded);
    await rejectsWithCode(readImportInput(JSON.stringify(batch)), 'PASSWORD_REQUIRED');
    new DataView(batchBytes.buffer).setUint32(32, 1 << 20, true);
    const unsafeBatch = JSON.stringify({ ...batch, encoded: base64Encode(batchBytes) });
    await rejectsWithCode(readImportInput(unsafeBatch), 'UNSAFE_SCRYPT_PARAMS');
  });

  it('another format or version is UNSUPPORTED_FORMAT / UNSUPPORTED_VERSION, not a guess', async () => {
    const obj = JSON.parse(await encodeBundle(EXAMPLE));
    await rejectsWithCode(decodeBundle(JSON.stringify({ ...obj, version: 3 })), 'UNSUPPORTED_VERSION');
    await rejectsWithCode(decodeBundle(JSON.stringify({ ...obj, version: '2' })), 'UNSUPPORTED_VERSION');
    // Version 1 is read with version 1's checksum, so a relabelled file does not check out.
    await rejectsWithCode(decodeBundle(JSON.stringify({ ...obj, version: 1 })), 'CHECKSUM_MISMATCH');
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
