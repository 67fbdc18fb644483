// readImportInput over every input shape: keystores, batch files and Apps' arrays become the
// exact account:/address: items ui-keyring stores; extension dumps become store.js strings;
// anything else is a typed error and nothing is ever written.
import {
  COMPAT_SCRYPT,
  createAddressBook,
  createAppsAccounts,
  createBatch,
  createKeystore,
  type KeystoreJson,
} from '@keyport/core';
import { nodeScrypt } from '@keyport/core/scrypt-node';
import {
  account,
  extensionStorage,
  fcParams,
  type HarnessAccount,
  hostileString,
  KEY_TYPES,
  keylessJson,
  rejectsWithCode,
  storedAccount,
} from '@keyport/test-harness';
import { Keyring } from '@polkadot/keyring';
import { stringToU8a, u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, decodeAddress, jsonEncrypt } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeBundle } from '../src/bundle/dump.ts';
import { encodeBundle } from '../src/bundle/encode.ts';
import { detectInput } from '../src/input/detect.ts';
import { repeatedKeys } from '../src/input/duplicates.ts';
import { readImportInput } from '../src/input/read.ts';
import { MemoryStorage, snapshot } from '../src/storage.ts';

const now = () => 1_795_259_606_034;
let pool: { a: HarnessAccount; json: KeystoreJson; password: string }[] = [];

beforeAll(async () => {
  await cryptoWaitReady();
  pool = await Promise.all(
    KEY_TYPES.map(async (type, i) => {
      const [a] = fc.sample(account({ types: [type] }), { numRuns: 1, seed: 42 + i });
      const password = `pw ${type} "${i}"`;
      const json = await createKeystore(a!, password, { params: COMPAT_SCRYPT, scrypt: nodeScrypt });
      return { a: a!, json, password };
    }),
  );
});

describe('readImportInput', () => {
  it('a keystore of every key type becomes account:<id> holding the file exactly', async () => {
    for (const { a, json } of pool) {
      const text = JSON.stringify(json);
      const source = await readImportInput(text);
      expect(source.format).toBe('keystore');
      expect(source.entries).toEqual([{ key: a.storageKey, value: text }]);
    }
  });

  it('a batch file gives every inner keystore as stored, under its own password', async () => {
    const batch = await createBatch(
      pool.map((p) => p.json),
      'batch pw',
      { params: COMPAT_SCRYPT, scrypt: nodeScrypt },
    );
    const text = JSON.stringify(batch);
    await rejectsWithCode(readImportInput(text), 'PASSWORD_REQUIRED');
    await rejectsWithCode(readImportInput(text, { password: 'nope', scrypt: nodeScrypt }), 'WRONG_PASSWORD');
    const source = await readImportInput(text, { password: 'batch pw', scrypt: nodeScrypt });
    expect(source.format).toBe('batch');
    const expected = pool.map(({ a, json }) => ({ key: a.storageKey, value: JSON.stringify(json) }));
    expect(source.entries).toEqual(expected.sort((x, y) => (x.key < y.key ? -1 : 1)));
  });

  it('a batch with an account of a key type Apps cannot hold (SubWallet TON) imports the rest and warns about it', async () => {
    // SubWallet's batch may hold @subwallet/keyring pairs such as 'ton' (core's batch test has the
    // provenance); this one is a real polkadot-js record with the recorded type replaced.
    const ton = { ...pool[1]!.json, encoding: { ...pool[1]!.json.encoding, content: ['pkcs8', 'ton'] } };
    const list = [pool[0]!.json, ton, pool[2]!.json, pool[0]!.json];
    const text = JSON.stringify({
      ...jsonEncrypt(stringToU8a(JSON.stringify(list)), ['batch-pkcs8'], ''),
      accounts: list.map(({ address, meta }) => ({ address, meta })),
      accountProxies: { p: { id: 'p', name: 'x' } },
    });
    const source = await readImportInput(text, { password: '' });
    expect(source.format).toBe('subwallet-batch');
    expect(source.entries.map((e) => e.key).sort()).toEqual(
      [pool[0]!.a.storageKey, pool[2]!.a.storageKey].sort(),
    );
    expect(source.skipped).toEqual([
      { key: pool[0]!.a.storageKey, index: 0, reason: 'replaced by item 3' },
      expect.objectContaining({ index: 1 }),
    ]);
    expect(source.warnings.filter((w) => w.startsWith('batch entry 1 ('))).toHaveLength(1);
    expect(source.warnings.join('\n')).toContain('"ton"');
  });

  it("Apps' export-all array: keystores as stored, keyless entries as addExternal would store them", async () => {
    const external = pool[0]!.a;
    const items = createAppsAccounts([
      { kind: 'keystore', keystore: pool[1]!.json },
      { kind: 'external', address: external.address, meta: { name: 'QR "phone"', genesisHash: null } },
      { kind: 'external', address: pool[2]!.a.jsonAddress, meta: { name: 'ext', isInjected: true } },
    ]);
    await rejectsWithCode(readImportInput(JSON.stringify(items)), 'INVALID_INPUT'); // needs `now`
    const source = await readImportInput(JSON.stringify(items, null, 2), { now });
    expect(source.format).toBe('apps-accounts');
    expect(source.skipped.map((s) => s.index)).toEqual([2]);
    const byKey = new Map(source.entries.map((e) => [e.key, e.value]));
    expect(byKey.get(pool[1]!.a.storageKey)).toBe(JSON.stringify(pool[1]!.json));
    const stored = JSON.parse(byKey.get(external.storageKey)!);
    expect(stored.encoding).toEqual({ content: ['pkcs8', 'ed25519'], type: ['none'], version: '3' });
    expect(stored.meta).toEqual({
      name: 'QR "phone"',
      genesisHash: null,
      isExternal: true,
      whenCreated: now(),
    });
  });

  it("keyless entries of every key type (ExportAll's serialised KeyringPairs, a bare H160, a bare 33-byte key) are stored under their account id with their type", async () => {
    // ExportAll writes JSON.stringify(pair) for multisig/QR accounts (docs/batch-and-arrays.md §4)
    const pairs = pool.map(({ a }) =>
      JSON.parse(
        JSON.stringify(
          new Keyring({ type: a.type, ss58Format: a.ss58 }).addFromAddress(
            a.jsonAddress,
            { name: `qr ${a.type}` },
            null,
            a.type,
          ),
        ),
      ),
    );
    const eth = pool[3]!.a;
    const bare = [
      { address: eth.address, meta: { name: 'bare H160' } },
      { address: eth.jsonAddress, meta: { name: 'bare 33-byte key' } },
    ];
    for (const [i, item] of [...pairs, ...bare].entries()) {
      const source = await readImportInput(JSON.stringify([item], null, 2), { now });
      const want = i < pairs.length ? pool[i]!.a : eth;
      expect(source.entries.map((e) => e.key)).toEqual([want.storageKey]);
      const loaded = new Keyring().addFromJson(JSON.parse(source.entries[0]!.value), true);
      expect([loaded.type, `account:${u8aToHex(decodeAddress(loaded.address))}`]).toEqual([
        want.type,
        want.storageKey,
      ]);
      expect(loaded.meta).toEqual({ ...item.meta, isExternal: true, whenCreated: now() });
      // only the untyped 33-byte key is a guess (ethereum or ecdsa), and says so
      expect(source.warnings.length).toBe(i === pairs.length + 1 ? 1 : 0);
    }
  });

  it('a keyless entry whose address does not fit its type is a KeyportError naming the index, not the address', async () => {
    const ss58 = pool[0]!.a.address;
    const item = (extra: object) => JSON.stringify([{ address: pool[0]!.a.address, meta: {} }, extra]);
    for (const bad of [
      { address: ss58, meta: {}, type: 'ethereum' },
      { address: pool[3]!.a.address, meta: { type: 'sr25519' } },
      { address: `0x${'ab'.repeat(33)}`, meta: {} }, // not a secp256k1 point
    ]) {
      const err = await rejectsWithCode(readImportInput(item(bad), { now }), 'INVALID_INPUT');
      expect(err.details.index).toBe(1);
      expect(err.message).not.toContain(bad.address);
    }
  });

  it("Apps' address book becomes address:<id> items the way saveAddress writes them", async () => {
    const [bob, eth] = [pool[0]!.a.address, pool[3]!.a.address];
    const text = JSON.stringify(
      createAddressBook([
        { address: bob, name: ' Bob \\ "the" builder ', isFavorite: true },
        { address: eth, name: 'eth', isFavorite: false },
        { address: bob, name: 'again', isFavorite: false },
      ]),
    );
    const source = await readImportInput(text, { now, ss58Format: 0, genesisHash: '0x91b1' });
    expect(source.format).toBe('address-book');
    const bobKey = `address:${u8aToHex(decodeAddress(bob))}`;
    const ethKey = `address:${eth.toLowerCase()}`;
    expect(source.entries.map((e) => e.key).sort()).toEqual([bobKey, ethKey].sort());
    const bobValue = JSON.parse(source.entries.find((e) => e.key === bobKey)!.value);
    expect(Object.keys(bobValue.meta)).toEqual(['whenCreated', 'genesisHash', 'name', 'tags']);
    expect(bobValue.meta.name).toBe('Bob \\ "the" builder');
    expect(decodeAddress(bobValue.address)).toEqual(decodeAddress(bob));
    expect(source.skipped.length).toBe(1);
  });

  it('an extension storage dump: keyring records as JSON.stringify(value), extension keys skipped', async () => {
    const keyed = pool.map(({ a, json }) =>
      storedAccount(a, json as unknown as Parameters<typeof storedAccount>[1]),
    );
    await fc.assert(
      fc.asyncProperty(extensionStorage({ keyed }), async (dump) => {
        const source = await readImportInput(JSON.stringify(dump));
        const records = Object.entries(dump).filter(([k]) => /^account:0x/.test(k));
        const allStrings = Object.values(dump).every((v) => typeof v === 'string');
        expect(source.format).toBe(allStrings ? 'localstorage-dump' : 'extension-storage');
        if (allStrings) return;
        expect(source.entries).toEqual(
          records
            .map(([key, v]) => ({ key, value: JSON.stringify(v) }))
            .sort((x, y) => (x.key < y.key ? -1 : 1)),
        );
        expect(source.skipped.length).toBe(Object.keys(dump).length - records.length);
      }),
      fcParams(0.3),
    );
  });

  it('plain and encrypted bundles; an undo bundle is refused as an import', async () => {
    const bundle = makeBundle([{ key: 'lcUrl', value: 'x' }], { origin: 'https://a.example', now });
    const plain = await readImportInput(await encodeBundle(bundle));
    expect(plain).toMatchObject({
      format: 'keyport-bundle',
      origin: 'https://a.example',
      entries: bundle.entries,
    });
    const sealed = await encodeBundle(bundle, { passphrase: 'p', params: COMPAT_SCRYPT, scrypt: nodeScrypt });
    expect(detectInput(sealed)).toEqual({ format: 'keyport-bundle-encrypted', summary: bundle.summary });
    await rejectsWithCode(readImportInput(sealed), 'PASSWORD_REQUIRED');
    expect((await readImportInput(sealed, { passphrase: 'p', scrypt: nodeScrypt })).entries).toEqual(
      bundle.entries,
    );
    const undo = makeBundle([], { now }, { absent: ['lcUrl'], after: [{ key: 'lcUrl', value: null }] });
    await rejectsWithCode(readImportInput(await encodeBundle(undo)), 'INVALID_INPUT');
  });

  it('a dump that names a key twice imports the last value and says so (also in a console copy)', async () => {
    const text =
      '{"settings":"{}","account:0x01":"one","\\u0073ettings":"{\\"a\\":1}","x":"{\\"settings\\":1}"}';
    const source = await readImportInput(text);
    expect(source.entries.find((e) => e.key === 'settings')!.value).toBe('{"a":1}');
    expect(source.warnings).toEqual([
      'the file names the key "settings" more than once; only its last value is imported',
    ]);
    const copied = await readImportInput(`'${text.replace(/\\/g, '\\\\')}'`);
    expect([copied.format, copied.warnings]).toEqual(['console-copy', source.warnings]);
    expect((await readImportInput('{"a":"1","b":"{\\"a\\":2}"}')).warnings).toEqual([]);
    expect(repeatedKeys('{"a":{"a":1,"a":2},"b":["a","a"],"c":"\\"","c":1}')).toEqual(['c']);
  });

  it('a mnemonic or seed is UNSUPPORTED_FORMAT and is never echoed', async () => {
    const phrase = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
    const e = await rejectsWithCode(readImportInput(phrase), 'UNSUPPORTED_FORMAT');
    expect(e.message.includes('bottom')).toBe(false);
  });

  it('keystore key types Apps would guess: a v0 file is keyed as ed25519 with a warning', async () => {
    // polkadot-js/common packages/keyring/src/index.spec.ts @ 9281daa: the v0 "alice" fixture
    const v0 =
      '{"address":"5GoKvZWG5ZPYL1WUovuHW3zJBWBP5eT8CbqjdRY4Q6iMaQua","encoded":"0xb4a14995d25ab609f3686e9fa45f1fb237cd833f33f00d4b12c51858ca070d96972e47d73aae5eeb0fc06f923826cf0943fdb02c2c2ee30ef52a7912663053940d1da4da66b3a3f520ae07422c1c94b2d95690fca9d1f4a997623bb2923a8833280e19e7f72c3c5cfa343974e60e2b3dc53b404fdaf330756daad5e4e3","encoding":{"content":"pkcs8","type":"xsalsa20-poly1305","version":"0"},"meta":{"isTesting":true,"name":"alice"}}';
    const source = await readImportInput(v0);
    expect(source.entries[0]!.key).toBe(
      'account:0xd172a74cda4c865912c32ba0a80a57ae69abae410e5ccb59dee84e2f4432db4f',
    );
    expect(source.warnings.length).toBe(1);
  });

  it('random text, bytes and JSON only ever give typed errors or entries, and write nothing', async () => {
    const storage = new MemoryStorage({ settings: '{"storage":"on"}' });
    const before = JSON.stringify(snapshot(storage));
    const keyless = keylessJson(pool[0]!.a);
    const inputs = fc.oneof(
      hostileString({ maxPieces: 12 }),
      fc.uint8Array({ maxLength: 200 }).map((b) => new TextDecoder().decode(b)),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      fc
        .jsonValue({ maxDepth: 3 })
        .map((v) => JSON.stringify({ format: 'keyport-localstorage-bundle', version: 1, v })),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify({ ...keyless, meta: v })),
      fc
        .jsonValue({ maxDepth: 3 })
        .map((v) => JSON.stringify([{ address: pool[0]!.a.address, meta: {}, encoded: v, encoding: v }])),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify({ 'account:0x01': v, other: 1 })),
      fc.jsonValue({ maxDepth: 2 }).map((v) => `raw = ${JSON.stringify(JSON.stringify(v))};`),
    );
    await fc.assert(
      fc.asyncProperty(inputs, async (text) => {
        try {
          const source = await readImportInput(text, { now });
          expect(Array.isArray(source.entries)).toBe(true);
        } catch (e) {
          if ((e as Error).name !== 'KeyportError') throw e;
        }
        expect(JSON.stringify(snapshot(storage))).toBe(before);
      }),
      fcParams(3),
    );
  });
});
