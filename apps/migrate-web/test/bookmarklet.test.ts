import { beforeEach, describe, expect, it } from 'vitest';
import {
  bundleText,
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
    // The undo bundle is a valid plain bundle of the previous values, with its undo section.
    expect(prepared.undoText).toContain('"absent": ["account:0x09"]');
    expect(prepared.undoText).toContain('{"key": "address:0x02", "value": "old"}');
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

describe('bookmarklet: the same v1 format as @keyport/storage-migrate', () => {
  it('its dump is byte for byte what encodeBundle(dumpStorage()) writes for the same storage and time', async () => {
    const { dumpStorage, encodeBundle, MemoryStorage } = await import('@keyport/storage-migrate');
    const entries = readEntries(fill(TRICKY));
    const lite = await bundleText({ ...AT, summary: summarize(entries), entries }, subtle);
    const lib = await encodeBundle(
      dumpStorage(new MemoryStorage(TRICKY), { origin: AT.origin, now: () => Date.parse(AT.createdAt) }),
    );
    expect(lite).toBe(lib);
  });

  it('its undo bundle is one the library decodes and undoImport applies', async () => {
    const { decodeBundle, undoImport } = await import('@keyport/storage-migrate');
    const before = { 'address:0x02': 'old', keep: 'x' };
    const storage = fill(before);
    const incoming = [
      { key: 'address:0x02', value: 'new' },
      { key: 'account:0x09', value: KEYED },
    ];
    const plan = planLite({ ...AT, summary: summarize(incoming), entries: incoming }, storage, 'replace');
    const prepared = await prepareImport(plan, storage, subtle, AT);
    writeAll(prepared, storage);
    const undo = await decodeBundle(prepared.undoText);
    undoImport(undo, storage, { now: () => Date.parse(AT.createdAt) });
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
