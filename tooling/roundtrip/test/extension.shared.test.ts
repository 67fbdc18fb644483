// Round-trip matrix, extension row: a dump of the polkadot-js extension's chrome.storage.local
// (account records as objects, docs/apps-storage.md §5) restored into an Apps storage: every record
// becomes exactly the string store.js would write for it, the extension's own keys stay out.
import { COMPAT_SCRYPT, createKeystore, openKeystore } from '@keyport/core';
import { nodeScrypt } from '@keyport/core/scrypt-node';
import { KEYRING_KEY, readImportInput } from '@keyport/storage-migrate';
import {
  account,
  type ExtensionStorage,
  extensionStorage,
  fcParams,
  type HarnessAccount,
  KEY_TYPES,
  password,
  type StoredRecord,
  storedAccount,
} from '@keyport/test-harness';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { entriesRecord, expectSameAccount, expectSameStorage, now, restoreText } from './support.ts';

const pool: { a: HarnessAccount; pw: string }[] = [];
const keyed: StoredRecord[] = [];

beforeAll(async () => {
  await cryptoWaitReady();
  for (const [i, type] of KEY_TYPES.entries()) {
    const [a] = fc.sample(account({ types: [type] }), { numRuns: 1, seed: 3000 + i });
    const [pw] = fc.sample(password(), { numRuns: 1, seed: 4000 + i });
    const json = await createKeystore(a!, pw!, { params: COMPAT_SCRYPT, scrypt: nodeScrypt });
    pool.push({ a: a!, pw: pw! });
    keyed.push(storedAccount(a!, json as unknown as StoredRecord['json']));
  }
});

/** What Apps' localStorage should hold after importing the dump: each record as store.js writes it. */
function expectedStorage(dump: ExtensionStorage): Record<string, string> {
  return Object.fromEntries(
    Object.entries(dump)
      .filter(([k]) => KEYRING_KEY.test(k))
      .map(([k, v]) => [k, JSON.stringify(v)]),
  );
}

const dumps = fc.constant(null).chain(() => extensionStorage({ keyed, minAccounts: 1 }));

describe('extension storage dump (chrome.storage.local.get(null))', () => {
  it('readImportInput detects extension-storage: every account record as JSON.stringify(record), extension keys skipped', async () => {
    await fc.assert(
      fc.asyncProperty(dumps, async (dump) => {
        const source = await readImportInput(JSON.stringify(dump), { now });
        expect(source.format).toBe('extension-storage');
        const expected = expectedStorage(dump);
        expectSameStorage(entriesRecord(source), expected);
        expect(source.skipped.length).toBe(Object.keys(dump).length - Object.keys(expected).length);
      }),
      fcParams(0.3),
    );
  });

  it('planImport + applyPlan into an empty storage holds exactly those records, and keyed ones unlock', async () => {
    await fc.assert(
      fc.asyncProperty(dumps, async (dump) => {
        expectSameStorage((await restoreText(JSON.stringify(dump))).after, expectedStorage(dump));
      }),
      fcParams(0.3),
    );
    const all = Object.fromEntries(keyed.map((r) => [r.key, r.json]));
    const { after } = await restoreText(JSON.stringify(all));
    for (const { a, pw } of pool) {
      expectSameAccount(await openKeystore(after[a.storageKey], pw, { scrypt: nodeScrypt }), a);
    }
  });
});
