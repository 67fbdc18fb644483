import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  bundleText,
  byKey,
  LiteError,
  parseBundle,
  readEntries,
  summarize,
  summaryField,
} from '../src/bookmarklet/bundle-lite.ts';
import { planLite, prepareImport, revert, writeAll } from '../src/bookmarklet/plan-lite.ts';

const subtle = globalThis.crypto.subtle;
const KEYED = JSON.stringify({
  encoded: 'AAAA',
  encoding: { content: ['pkcs8', 'sr25519'], type: ['scrypt', 'xsalsa20-poly1305'], version: '3' },
  address: '5C',
  meta: { name: 'mine' },
});
const KEYLESS = JSON.stringify({
  encoded: 'BBBB',
  encoding: { content: ['pkcs8', 'sr25519'], type: ['none'], version: '3' },
  address: '5C',
  meta: { name: 'watch', isExternal: true },
});
const AT = { origin: 'https://polkadot.js.org', createdAt: '2026-11-21T10:00:00.000Z' };
/** A real version 1 dump, written by the storage-migrate build before version 2. */
const V1_DUMP = readFileSync(
  join(import.meta.dirname, '../../../packages/storage-migrate/test/fixtures/v1-dump.json'),
  'utf8',
);

function fill(items: Record<string, string>): Storage {
  localStorage.clear();
  for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v);
  return localStorage;
}

function snapshot(): Record<string, string> {
  return Object.fromEntries(readEntries(localStorage).map((e) => [e.key, e.value]));
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return e instanceof LiteError ? e.code : `not a LiteError: ${String(e)}`;
  }
  return 'no error';
}

const TRICKY = {
  'account:0x01': KEYED,
  'address:0x02': '{"address":"5D","meta":{"name":"a \\"quoted\\" \\\\ name\\n"}}',
  settings: '{"storage":"on"}',
  lcUrl: 'plain string, not JSON',
  zz: '\ud800 lone surrogate 🦊',
};

describe('bookmarklet: plain bundles without a library', () => {
  beforeEach(() => localStorage.clear());

  it('parse(dump(storage)) gives back every key and value exactly', async () => {
    const entries = readEntries(fill(TRICKY));
    const text = await bundleText({ ...AT, summary: summarize(entries), entries }, subtle);
    const back = await parseBundle(text, subtle);
    expect(back.entries).toEqual(entries);
    expect(back.summary).toEqual({ accounts: 1, addresses: 1, contracts: 0, settings: 2, other: 1 });
  });

  it('any changed character is caught: CHECKSUM_MISMATCH, CORRUPT_DATA or INVALID_INPUT', async () => {
    const entries = readEntries(fill(TRICKY));
    const text = await bundleText({ ...AT, summary: summarize(entries), entries }, subtle);
    expect(await codeOf(parseBundle(text.replace('mine', 'mime'), subtle))).toBe('CHECKSUM_MISMATCH');
    expect(await codeOf(parseBundle(text.replace('"accounts": 1', '"accounts": 2'), subtle))).toBe(
      'CORRUPT_DATA',
    );
    expect(await codeOf(parseBundle(text.slice(0, text.length / 2), subtle))).toBe('INVALID_INPUT');
    expect(await codeOf(parseBundle('{"hello":1}', subtle))).toBe('UNSUPPORTED_FORMAT');
    expect(
      await codeOf(
        parseBundle('{"format":"keyport-localstorage-bundle","version":1,"encryption":"x"}', subtle),
      ),
    ).toBe('PASSWORD_REQUIRED');
  });

  it('keep writes only new keys; replace also takes conflicts but never a keyless copy over a keyed account', async () => {
    const incoming = [
      { key: 'account:0x01', value: KEYLESS },
      { key: 'address:0x02', value: '{"address":"5D","meta":{"name":"theirs"}}' },
      { key: 'settings', value: '{"storage":"on"}' },
      { key: 'zz-new', value: 'new' },
    ];
    const bundle = { ...AT, summary: summarize(incoming), entries: incoming };
    const storage = fill({
      'account:0x01': KEYED,
      'address:0x02': '{"address":"5D","meta":{"name":"mine"}}',
      settings: '{"storage":"on"}',
    });
    const keep = planLite(bundle, storage, 'keep');
    expect(keep.writes.map((w) => w.key)).toEqual(['zz-new']);
    expect(keep.identical.map((w) => w.key)).toEqual(['settings']);
    const replace = planLite(bundle, storage, 'replace');
    expect(replace.guarded.map((w) => w.key)).toEqual(['account:0x01']);
    expect(replace.writes.map((w) => w.key).sort()).toEqual(['address:0x02', 'zz-new']);
  });

  it('import then revert leaves the storage exactly as before', async () => {
    const before = { 'address:0x02': 'old', other: 'x' };
    const storage = fill(before);
    const incoming = [
      { key: 'address:0x02', value: 'new' },
      { key: 'account:0x09', value: KEYED },
    ];
    const plan = planLite({ ...AT, summary: summarize(incoming), entries: incoming }, storage, 'replace');
    const prepared = await prepareImport(plan, storage, subtle, AT);
    expect(writeAll(prepared, storage)).toBe(2);
    expect(snapshot()).toEqual({ ...before, 'address:0x02': 'new', 'account:0x09': KEYED });
    revert(prepared, storage);
    expect(snapshot()).toEqual(before);
    // The undo bundle (version 2) holds the previous values, and in undo.after the values
    // written; no `absent` (the created keys are those of undo.after missing from entries).
    const undo = JSON.parse(prepared.undoText);
    expect(undo.version).toBe(2);
    expect(undo.entries).toEqual([{ key: 'address:0x02', value: 'old' }]);
    expect(undo.undo).toEqual({
      after: [
        { key: 'account:0x09', value: KEYED },
        { key: 'address:0x02', value: 'new' },
      ],
    });
  });

  it('writes version 2: JSON.stringify(file, null, 2) and a newline, the checksum over it with a zero digest', async () => {
    const entries = readEntries(fill(TRICKY));
    const text = await bundleText({ ...AT, summary: summarize(entries), entries }, subtle);
    const file = JSON.parse(text);
    expect(Object.keys(file)).toEqual([
      'format',
      'version',
      'origin',
      'createdAt',
      'summary',
      'checksum',
      'entries',
    ]);
    expect(file.version).toBe(2);
    expect(text).toBe(`${JSON.stringify(file, null, 2)}\n`);
    const zeroed = `${JSON.stringify({ ...file, checksum: `sha256:${'0'.repeat(64)}` }, null, 2)}\n`;
    const digest = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(zeroed)));
    expect(file.checksum).toBe(
      `sha256:${Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')}`,
    );
  });

  it('reads a version 2 dump reformatted without changing what it says (value before key, no indent)', async () => {
    const entries = readEntries(fill(TRICKY));
    const text = await bundleText({ ...AT, summary: summarize(entries), entries }, subtle);
    const file = JSON.parse(text);
    file.entries = file.entries.map((e: { key: string; value: string }) => ({ value: e.value, key: e.key }));
    const back = await parseBundle(JSON.stringify(file), subtle);
    expect(back.entries).toEqual(entries);
  });

  it('refuses version 3 (UNSUPPORTED_VERSION), an altered version 2 or 1 dump (CHECKSUM_MISMATCH) and an undo bundle', async () => {
    const entries = readEntries(fill(TRICKY));
    const text = await bundleText({ ...AT, summary: summarize(entries), entries }, subtle);
    expect(await codeOf(parseBundle(text.replace('"version": 2', '"version": 3'), subtle))).toBe(
      'UNSUPPORTED_VERSION',
    );
    expect(await codeOf(parseBundle(text.replace('"version": 2', '"version": "2"'), subtle))).toBe(
      'UNSUPPORTED_VERSION',
    );
    expect(await codeOf(parseBundle(text.replace(AT.origin, 'https://evil.example'), subtle))).toBe(
      'CHECKSUM_MISMATCH',
    );
    expect(await codeOf(parseBundle(text.replace(AT.createdAt, '2026-11-21T10:00:00.001Z'), subtle))).toBe(
      'CHECKSUM_MISMATCH',
    );
    // A version 1 checksum does not pass for the same content labelled version 2, nor the reverse.
    expect(await codeOf(parseBundle(V1_DUMP.replace('"version": 1', '"version": 2'), subtle))).toBe(
      'CHECKSUM_MISMATCH',
    );
    expect(await codeOf(parseBundle(text.replace('"version": 2', '"version": 1'), subtle))).toBe(
      'CHECKSUM_MISMATCH',
    );
    expect(await codeOf(parseBundle(V1_DUMP.replace('Alice', 'Alicf'), subtle))).toBe('CHECKSUM_MISMATCH');
    const storage = fill({ a: '1' });
    const incoming = [{ key: 'a', value: '2' }];
    const plan = planLite({ ...AT, summary: summarize(incoming), entries: incoming }, storage, 'replace');
    const { undoText } = await prepareImport(plan, storage, subtle, AT);
    expect(await codeOf(parseBundle(undoText, subtle))).toBe('UNSUPPORTED_FORMAT');
  });

  it('a write that fails midway is rolled back: WRITE_FAILED and nothing changed', async () => {
    const before = { a: '1' };
    const storage = fill(before);
    const incoming = [
      { key: 'a', value: '2' },
      { key: 'b', value: '3' },
      { key: 'c', value: '4' },
    ];
    const plan = planLite({ ...AT, summary: summarize(incoming), entries: incoming }, storage, 'replace');
    const prepared = await prepareImport(plan, storage, subtle, AT);
    let writes = 0;
    const failing: Storage = Object.create(storage, {
      setItem: {
        value: (k: string, v: string) => {
          if (++writes === 3) throw new DOMException('full', 'QuotaExceededError');
          storage.setItem(k, v);
        },
      },
    });
    expect(() => writeAll(prepared, failing)).toThrow(LiteError);
    expect(snapshot()).toEqual(before);
  });
});

describe('bookmarklet: the same format (version 2, reads version 1) as @keyport/storage-migrate', () => {
  const now = () => Date.parse(AT.createdAt);

  it('its dump is byte for byte what encodeBundle(dumpStorage()) writes for the same storage and time', async () => {
    const { dumpStorage, encodeBundle, MemoryStorage } = await import('@keyport/storage-migrate');
    const entries = readEntries(fill(TRICKY));
    const lite = await bundleText({ ...AT, summary: summarize(entries), entries }, subtle);
    const lib = await encodeBundle(dumpStorage(new MemoryStorage(TRICKY), { origin: AT.origin, now }));
    expect(lite).toBe(lib);
    const empty = await bundleText(
      { origin: null, createdAt: AT.createdAt, summary: summarize([]), entries: [] },
      subtle,
    );
    expect(empty).toBe(await encodeBundle(dumpStorage(new MemoryStorage(), { origin: null, now })));
  });

  it('reads what decodeBundle reads: a library version 2 dump and the version 1 fixture', async () => {
    const { decodeBundle, dumpStorage, encodeBundle, MemoryStorage } = await import(
      '@keyport/storage-migrate'
    );
    const v2 = await encodeBundle(dumpStorage(new MemoryStorage(TRICKY), { origin: AT.origin, now }));
    const fromV2 = await parseBundle(v2, subtle);
    expect(fromV2.entries).toEqual((await decodeBundle(v2)).entries);
    expect(Object.fromEntries(fromV2.entries.map((e) => [e.key, e.value]))).toEqual(TRICKY);

    expect(JSON.parse(V1_DUMP).version).toBe(1);
    const lib = await decodeBundle(V1_DUMP);
    const lite = await parseBundle(V1_DUMP, subtle);
    expect(lite.entries).toEqual(lib.entries);
    expect([lite.origin, lite.createdAt, lite.summary]).toEqual([lib.origin, lib.createdAt, lib.summary]);
    // Written again, a version 1 dump becomes the same version 2 text in both.
    expect(await bundleText(lite, subtle)).toBe(await encodeBundle(lib));
  });

  it('its undo bundle is byte for byte the one applyPlan makes for the same import, and undoImport applies it', async () => {
    const { applyPlan, decodeBundle, encodeBundle, MemoryStorage, planImport, undoImport } = await import(
      '@keyport/storage-migrate'
    );
    const before = { 'address:0x02': 'old', keep: 'x', settings: '{"storage":"on"}' };
    const storage = fill(before);
    const incoming = [
      { key: 'settings', value: '{"storage":"on"}' }, // identical: not written
      { key: 'address:0x02', value: 'new' },
      { key: 'account:0x09', value: KEYED },
      { key: 'zz', value: '\ud800 lone' },
    ].sort(byKey);
    const source = { ...AT, summary: summarize(incoming), entries: incoming };
    const plan = planLite(source, storage, 'replace');
    const prepared = await prepareImport(plan, storage, subtle, AT);

    const mem = new MemoryStorage(before);
    const applied = applyPlan(planImport(source, mem, { policy: 'replace' }), mem, {
      origin: AT.origin,
      now,
    });
    expect(prepared.undoText).toBe(await encodeBundle(applied.undo));

    writeAll(prepared, storage);
    const undo = await decodeBundle(prepared.undoText);
    expect(undo.undo?.absent).toEqual(['account:0x09', 'zz']);
    undoImport(undo, storage, { now });
    expect(snapshot()).toEqual(before);
  });

  it('classifies keys exactly like classifyKey', async () => {
    const { classifyKey } = await import('@keyport/storage-migrate');
    const field = {
      account: 'accounts',
      address: 'addresses',
      contract: 'contracts',
      settings: 'settings',
      other: 'other',
    };
    for (const key of [
      'account:0x01',
      'account:5Grw',
      'address:0xab',
      'contract:0x',
      'settings',
      'lcUrl',
      'network:affinities',
      'accounts:favorites:0x91b1',
      'staking:favorites:development',
      'code:0x01',
      'types',
      '',
      '__proto__',
    ]) {
      expect(summaryField(key), key).toBe(field[classifyKey(key)]);
    }
  });
});
