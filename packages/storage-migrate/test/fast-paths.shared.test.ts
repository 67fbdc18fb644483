// The fast paths give the results of the plain ones: the native (WebCrypto) checksum equals
// util-crypto's, the reused digest buffer gives every value's own digest, the fast entry check
// refuses what the full one refuses, and readImportInput reads a parsed bundle as it always did.
import { createHash } from 'node:crypto';
import { fcParams, hostileString, rejectsWithCode } from '@keyport/test-harness';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../src/apply.ts';
import {
  bundleChecksum,
  bundleChecksumAsync,
  canonicalText,
  textChecksumAsync,
  utf8Bytes,
} from '../src/bundle/checksum.ts';
import { valueDigest } from '../src/bundle/checksum-v1.ts';
import { decodeBundle } from '../src/bundle/decode.ts';
import { dumpStorage, makeBundle } from '../src/bundle/dump.ts';
import { encodeBundle } from '../src/bundle/encode.ts';
import { readImportInput } from '../src/input/read.ts';
import { planImport } from '../src/plan/plan.ts';
import { MemoryStorage } from '../src/storage.ts';

const at = { origin: 'https://polkadot.js.org', now: () => Date.UTC(2026, 10, 21, 12, 0, 0, 7) };
const pairsArb = fc.array(fc.tuple(hostileString({ maxPieces: 5 }), hostileString({ long: true })), {
  maxLength: 12,
});

/** Version 1's valueDigest (docs/bundle-format.md appendix A), with Node's Buffer and node:crypto. */
function specDigest(value: string): string {
  const len = Buffer.alloc(4);
  len.writeUInt32LE(value.length);
  return createHash('sha256')
    .update(Buffer.concat([len, Buffer.from(value, 'utf16le')]))
    .digest('hex');
}

describe('fast paths', () => {
  it("utf8Bytes gives TextEncoder.encode's bytes (ASCII, multi-byte, pairs, lone surrogates)", () => {
    const te = new TextEncoder();
    const same = (s: string): void => {
      expect(Buffer.from(utf8Bytes(s)).equals(Buffer.from(te.encode(s)))).toBe(true);
    };
    for (const s of ['', 'a', 'é', '😀', 'ab\ud800', '\udc00x', 'x😀', `${'a'.repeat(70_000)}€`]) same(s);
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), hostileString({ long: true }), (a, b) => {
        same(a);
        same(b);
        same(`{"ascii first": ${JSON.stringify(a)}}${b}`);
      }),
      fcParams(),
    );
  });

  it('bundleChecksumAsync equals bundleChecksum, for dumps and undo bundles', async () => {
    await fc.assert(
      fc.asyncProperty(pairsArb, pairsArb, async (before, incoming) => {
        const dump = dumpStorage(new MemoryStorage(incoming), at);
        expect(await bundleChecksumAsync(dump)).toBe(bundleChecksum(dump));
        const target = new MemoryStorage(before);
        const { undo } = applyPlan(planImport(dump, target, { policy: 'replace' }), target, at);
        expect(await bundleChecksumAsync(undo)).toBe(bundleChecksum(undo));
      }),
      fcParams(0.2),
    );
  });

  it('valueDigest of each value in a row (small, over 64 KiB, small again) is its own digest', () => {
    const big = 'x\ud800'.repeat(40_000);
    for (const v of ['', 'a', big, '{"meta":{}}', big.slice(1), '\udfff'])
      expect(valueDigest(v)).toBe(specDigest(v));
    fc.assert(
      fc.property(fc.array(hostileString({ long: true }), { maxLength: 8 }), (values) => {
        for (const v of values) expect(valueDigest(v)).toBe(specDigest(v));
      }),
      fcParams(0.3),
    );
  });

  it('encodeBundle refuses an entry with an extra, missing or non-string field, naming it', async () => {
    const dump = dumpStorage(new MemoryStorage({ a: '1', b: '2' }), at);
    const bad = [
      { key: 'b', value: '2', extra: 1 },
      { key: 'b' },
      { key: 'b', value: 2 },
      Object.assign(Object.create({ value: '2' }), { key: 'b' }),
    ];
    for (const entry of bad) {
      const e = await rejectsWithCode(
        encodeBundle({ ...dump, entries: [dump.entries[0]!, entry] } as never),
        'CORRUPT_DATA',
      );
      expect(e.message).toMatch(/^entries\[1\]/);
    }
  });

  it('the fast checks defer to the full ones: a non-enumerable own field passes, a bad after item is named', async () => {
    const dump = dumpStorage(new MemoryStorage({ a: '1', b: '2' }), at);
    const hidden = Object.defineProperty({ key: 'b' }, 'value', { value: '2', enumerable: false });
    const text = await encodeBundle({ ...dump, entries: [dump.entries[0]!, hidden] } as never);
    expect(text).toBe(await encodeBundle(dump));
    const target = new MemoryStorage();
    const { undo } = applyPlan(planImport(dump, target), target, at);
    const after = undo.undo!.after.map((a, i) => (i === 1 ? { ...a, value: 2 } : a));
    const e = await rejectsWithCode(
      encodeBundle({ ...undo, undo: { ...undo.undo!, after } } as never),
      'CORRUPT_DATA',
    );
    expect(e.message).toBe('undo.after[1].value must be a string or null');
    // A version 1 undo bundle keeps its digests: an upper-case one is named.
    const v1 = {
      ...undo,
      version: 1,
      undo: {
        ...undo.undo!,
        after: [
          { key: 'a', sha256: 'A'.repeat(64) },
          { key: 'b', sha256: null },
        ],
      },
    };
    const e1 = await rejectsWithCode(encodeBundle(v1 as never), 'CORRUPT_DATA');
    expect(e1.message).toBe('undo.after[0].sha256 must be 64 lowercase hex digits or null');
  });

  it('makeBundle returns a frozen bundle, so skipping its second check is safe', () => {
    const b = makeBundle(
      [
        { key: 'b', value: '2' },
        { key: 'a', value: '1' },
      ],
      at,
    );
    expect(Object.isFrozen(b) && Object.isFrozen(b.entries) && b.entries.every(Object.isFrozen)).toBe(true);
    expect(() => (b.entries as unknown as { key: string }[]).push({ key: 'c' })).toThrow(TypeError);
    expect(() => {
      (b.entries[0] as { value: string }).value = 'x';
    }).toThrow(TypeError);
    // A copy is not trusted: it is checked again.
    return rejectsWithCode(encodeBundle({ ...b, entries: [...b.entries].reverse() }), 'CORRUPT_DATA');
  });

  it("a writer's text is hashed as received; any other text of the same bundle is rebuilt and checks out too", async () => {
    await fc.assert(
      fc.asyncProperty(pairsArb, async (pairs) => {
        const dump = dumpStorage(new MemoryStorage(pairs), at);
        const text = await encodeBundle(dump);
        const checksum = JSON.parse(text).checksum;
        expect(await textChecksumAsync(text)).toBe(checksum);
        expect(text).toBe(canonicalText(dump).replace(`sha256:${'0'.repeat(64)}`, checksum));
        const compact = JSON.stringify(JSON.parse(text));
        expect(await decodeBundle(compact)).toEqual(dump);
        expect((await readImportInput(compact)).entries).toEqual(dump.entries);
        expect((await readImportInput(text)).entries).toEqual(dump.entries);
      }),
      fcParams(0.3),
    );
  });

  it('text that is not well-formed is never hashed as received (U+FFFD and a lone surrogate would hash alike)', async () => {
    const dump = dumpStorage(new MemoryStorage({ a: '\ufffd' }), at);
    const text = await encodeBundle(dump);
    expect(text.includes('\ufffd')).toBe(true); // JSON.stringify writes U+FFFD as it is
    const lone = text.replace('\ufffd', '\ud800');
    expect(await textChecksumAsync(lone)).toBeUndefined();
    await rejectsWithCode(decodeBundle(lone), 'CHECKSUM_MISMATCH');
  });

  it('readImportInput reads a bundle as its JSON re-parsed: a -0 count reads as 0 (decodeBundle refuses it)', async () => {
    const text = await encodeBundle(dumpStorage(new MemoryStorage({ settings: '{}' }), at));
    const negZero = text.replace('"accounts": 0', '"accounts": -0');
    expect(negZero).not.toBe(text);
    const source = await readImportInput(negZero);
    expect(source.entries).toEqual([{ key: 'settings', value: '{}' }]);
    await rejectsWithCode(decodeBundle(negZero), 'CORRUPT_DATA');
  });
});
