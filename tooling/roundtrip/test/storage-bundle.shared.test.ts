// Round-trip matrix, bundle rows: keyport's localStorage bundle, plain and encrypted, made by
// dumpStorage + encodeBundle from an Apps-like storage that holds real encrypted accounts, then
// restored by every path that takes a bundle.
import { COMPAT_SCRYPT, createKeystore, type KeystoreJson, openKeystore } from '@keyport/core';
import { nodeScrypt } from '@keyport/core/scrypt-node';
import {
  decodeBundle,
  dumpStorage,
  encodeBundle,
  MemoryStorage,
  readImportInput,
} from '@keyport/storage-migrate';
import {
  account,
  appsStorage,
  fcParams,
  type HarnessAccount,
  KEY_TYPES,
  password,
  type StorageRecord,
  type StoredRecord,
  storedAccount,
} from '@keyport/test-harness';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  entriesRecord,
  expectSameAccount,
  expectSameStorage,
  now,
  restoreText,
  SCRYPT_RUNS,
} from './support.ts';

const compat = { params: COMPAT_SCRYPT, scrypt: nodeScrypt };
const ORIGIN = 'https://polkadot.js.org';

/** One encrypted account of each key type, with its password: the keyed records storages draw from. */
const pool: { a: HarnessAccount; pw: string; json: KeystoreJson }[] = [];
let keyed: StoredRecord[] = [];

beforeAll(async () => {
  await cryptoWaitReady();
  for (const [i, type] of KEY_TYPES.entries()) {
    const [a] = fc.sample(account({ types: [type] }), { numRuns: 1, seed: 1000 + i });
    const [pw] = fc.sample(password(), { numRuns: 1, seed: 2000 + i });
    pool.push({ a: a!, pw: pw!, json: await createKeystore(a!, pw!, compat) });
  }
  keyed = pool.map(({ a, json }) => storedAccount(a, json as unknown as StoredRecord['json']));
});

async function bundleText(s: StorageRecord, passphrase?: string): Promise<string> {
  const bundle = dumpStorage(new MemoryStorage(Object.entries(s)), { origin: ORIGIN, now });
  return encodeBundle(bundle, passphrase === undefined ? {} : { passphrase, ...compat });
}

describe('bundle, plain', () => {
  it('decodeBundle gives back every entry byte for byte, with origin and counts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constant(null).chain(() => appsStorage({ keyed })),
        async (s) => {
          const bundle = await decodeBundle(await bundleText(s));
          expect(bundle.origin).toBe(ORIGIN);
          expectSameStorage(Object.fromEntries(bundle.entries.map((e) => [e.key, e.value])), s);
          // Legacy `account:<SS58>` keys count as accounts too (storage-migrate's classifyKey).
          expect(bundle.summary.accounts).toBe(Object.keys(s).filter((k) => k.startsWith('account:')).length);
          expect(Object.values(bundle.summary).reduce((x, y) => x + y, 0)).toBe(Object.keys(s).length);
        },
      ),
      fcParams(0.3),
    );
  });

  it('readImportInput detects keyport-bundle and yields exactly the storage', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constant(null).chain(() => appsStorage({ keyed })),
        async (s) => {
          const source = await readImportInput(await bundleText(s), { now });
          expect(source.format).toBe('keyport-bundle');
          expectSameStorage(entriesRecord(source), s);
        },
      ),
      fcParams(0.3),
    );
  });

  it('planImport + applyPlan into an empty storage gives the identical storage, and its accounts unlock', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constant(null).chain(() => appsStorage({ keyed })),
        async (s) => {
          const { after } = await restoreText(await bundleText(s));
          expectSameStorage(after, s);
        },
      ),
      fcParams(0.3),
    );
    const full = Object.fromEntries(keyed.map((r) => [r.key, JSON.stringify(r.json)]));
    const { after } = await restoreText(await bundleText(full));
    for (const { a, pw } of pool) {
      expectSameAccount(await openKeystore(after[a.storageKey], pw, { scrypt: nodeScrypt }), a);
    }
  });
});

describe('bundle, encrypted (compat 2^15)', () => {
  it('decodeBundle with the passphrase gives back every entry byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constant(null).chain(() => appsStorage({ keyed })),
        password(),
        async (s, passphrase) => {
          const bundle = await decodeBundle(await bundleText(s, passphrase), {
            passphrase,
            scrypt: nodeScrypt,
          });
          expectSameStorage(Object.fromEntries(bundle.entries.map((e) => [e.key, e.value])), s);
        },
      ),
      fcParams(SCRYPT_RUNS),
    );
  });

  it('readImportInput detects keyport-bundle-encrypted; planImport + applyPlan gives the identical storage', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constant(null).chain(() => appsStorage({ keyed })),
        password(),
        async (s, passphrase) => {
          const { source, after } = await restoreText(await bundleText(s, passphrase), { passphrase });
          expect(source.format).toBe('keyport-bundle-encrypted');
          expectSameStorage(after, s);
        },
      ),
      fcParams(SCRYPT_RUNS),
    );
  });
});
