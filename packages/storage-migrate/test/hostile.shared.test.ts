// One table of hostile inputs (truncated, bit-flipped, wrong types, huge, deeply nested,
// `__proto__` keys, lone surrogates) looped over every public parser: each either returns or
// throws a KeyportError, and detectInput never throws. The same table is looped over every
// reader of every module of the import registry.
import { COMPAT_SCRYPT } from '@keyport/core';
import { nodeScrypt } from '@keyport/core/scrypt-node';
import { registryHostileFailures } from '@keyport/test-harness';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeBundle, readBundleHeader } from '../src/bundle/decode.ts';
import { makeBundle } from '../src/bundle/dump.ts';
import { encodeBundle } from '../src/bundle/encode.ts';
import { unwrapConsoleText } from '../src/input/console.ts';
import { detectInput } from '../src/input/detect.ts';
import { decodeJsStringLiteral, encodeJsStringLiteral } from '../src/input/js-literal.ts';
import { readImportInput } from '../src/input/read.ts';
import { importRegistry } from '../src/registry.ts';

const hostile: [string, unknown][] = [];

beforeAll(async () => {
  await cryptoWaitReady();
  const bundle = makeBundle(
    [
      { key: '__proto__', value: '{"__proto__":{"polluted":1}}' },
      { key: 'account:0x01', value: '{"meta":{"name":"\ud800 \\"q\\""}}' },
    ],
    { now: () => 0 },
  );
  const plain = await encodeBundle(bundle);
  const sealed = await encodeBundle(bundle, { passphrase: 'p', params: COMPAT_SCRYPT, scrypt: nodeScrypt });
  const dump = JSON.stringify({ __proto__: 'x', 'account:0x01': '{"a":"\ud800"}' });
  const valid = [plain, sealed, dump, encodeJsStringLiteral(dump), `raw = ${JSON.stringify(dump)};`];
  for (const text of valid) {
    for (const cut of [1, 2, 7, Math.floor(text.length / 2), text.length - 1])
      hostile.push([`truncated at ${cut}`, text.slice(0, cut)]);
    for (const at of [0, 5, Math.floor(text.length / 3), text.length - 2]) {
      const c = text.charCodeAt(at) ^ 0x04;
      hostile.push([`bit flip at ${at}`, text.slice(0, at) + String.fromCharCode(c) + text.slice(at + 1)]);
    }
  }
  hostile.push(
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['an object', { format: 'keyport-localstorage-bundle' }],
    ['an array', ['{}']],
    ['empty', ''],
    ['BOM only', '\ufeff'],
    ['lone surrogates', '\ud800\udc00\udfff\ud800'],
    ['quotes only', "''"],
    ['huge', `{"k":"${'x'.repeat(20_000_000)}"`],
    ['deeply nested', '['.repeat(200_000) + ']'.repeat(200_000)],
    ['deeply nested quotes', "'".repeat(50_000)],
    ['__proto__ bundle', JSON.stringify({ ...JSON.parse(plain), __proto__: { version: 2 } })],
    ['__proto__ own key', `{"__proto__":{"format":"keyport-localstorage-bundle","version":1}}`],
    ['wrong field types', JSON.stringify({ ...JSON.parse(plain), entries: 'all' })],
    ['entries of wrong shape', JSON.stringify({ ...JSON.parse(plain), entries: [['k', 'v']] })],
    ['extension record array', JSON.stringify({ 'account:0x01': [1, 2] })],
    ['template with substitution', '`$' + '{1}`'],
  );
  // Keyless Apps export-all entries whose address does not fit their key type, or whose public
  // key is not a curve point: @polkadot/keyring throws plain Errors for these.
  const ss58 = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
  const h160 = '0xf24FF3a9CF04c71Dbc94D0b566f7A27B94566cac';
  const bytes = (n: number, b: number) => Object.fromEntries([...Array(n).keys()].map((i) => [i, b]));
  const keyless: Record<string, unknown>[] = [
    { address: ss58, meta: {}, type: 'ethereum' },
    { address: h160, meta: {}, type: 'sr25519' },
    { address: h160, meta: { type: 'ed25519' } },
    { address: ss58, meta: { type: 'ecdsa' } },
    { address: `0x02${'11'.repeat(32)}`, meta: {}, type: 'ed25519' },
    { address: h160, meta: {}, type: 'ethereum', publicKey: bytes(33, 7) },
    { address: ss58, meta: {}, type: 'ecdsa', publicKey: bytes(33, 9) },
    { address: h160, meta: {}, type: 'ton' },
    { address: `0x${'ab'.repeat(33)}`, meta: {} },
    { address: '0x01', meta: {} },
  ];
  for (const [i, item] of keyless.entries()) {
    hostile.push([`keyless Apps entry ${i}`, JSON.stringify([item])]);
  }
});

function settleSync(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    expect(`${(e as Error).name}: ${(e as Error).message}`.slice(0, 200)).toMatch(/^KeyportError/);
  }
}

async function settle(fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    expect(`${(e as Error).name}: ${(e as Error).message}`.slice(0, 200)).toMatch(/^KeyportError/);
  }
}

describe('hostile inputs', () => {
  it('every public parser returns or throws a KeyportError; detectInput never throws', async () => {
    expect(hostile.length).toBeGreaterThan(60);
    for (const [, input] of hostile) {
      const text = input as string;
      expect(typeof detectInput(text).format).toBe('string');
      settleSync(() => decodeJsStringLiteral(text));
      settleSync(() => unwrapConsoleText(text));
      settleSync(() => readBundleHeader(text));
      await settle(() => decodeBundle(text, { passphrase: 'p', scrypt: nodeScrypt }));
      await settle(() =>
        readImportInput(text, { passphrase: 'p', password: 'p', scrypt: nodeScrypt, now: () => 0 }),
      );
    }
    expect(({} as Record<string, unknown>).polluted).toBe(undefined);
  });

  it('every reader of every import-registry module returns or throws a KeyportError', async () => {
    const options = { passphrase: 'p', password: 'p', scrypt: nodeScrypt, now: () => 0 };
    const failures: string[] = [];
    for (const [name, input] of hostile) {
      if (typeof input === 'string' && input.length > 1_000_000) continue; // 'huge': the loop above
      const found = await registryHostileFailures(importRegistry, input, {
        openOptions: options,
        entriesOptions: options,
      });
      failures.push(...found.map((f) => `${name}: ${f}`));
    }
    expect(failures).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBe(undefined);
  });
});
