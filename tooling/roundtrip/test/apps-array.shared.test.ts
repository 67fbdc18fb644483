// Round-trip matrix, Apps' own plain-JSON rows: the "export all accounts" array (v3 keystores
// for in-browser accounts, serialised KeyringPairs or {address, meta} for keyless ones) and the
// address-book array, written by keyport and read back by core.
import {
  type AppsAccountEntry,
  COMPAT_SCRYPT,
  createAddressBook,
  createAppsAccounts,
  createKeystore,
  openKeystore,
  parseAddressBook,
  parseAppsAccounts,
} from '@keyport/core';
import { nodeScrypt } from '@keyport/core/scrypt-node';
import {
  account,
  accountName,
  anyAddress,
  fcParams,
  type HarnessAccount,
  keylessJson,
  password,
} from '@keyport/test-harness';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectSameAccount, SCRYPT_RUNS } from './support.ts';

beforeAll(async () => {
  await cryptoWaitReady();
});

const compat = { params: COMPAT_SCRYPT, scrypt: nodeScrypt };

/** An item of the export: an in-browser account with its password, or a keyless one (with or without the pair fields). */
type Item = { a: HarnessAccount; pw: string } | { a: HarnessAccount; pw?: undefined; pairFields: boolean };

const items = fc.array(
  fc.oneof(
    fc.record({ a: account(), pw: password() }),
    fc.record({ a: account(), pairFields: fc.boolean() }),
  ) as fc.Arbitrary<Item>,
  { minLength: 1, maxLength: 4 },
);

async function entriesOf(list: Item[]): Promise<AppsAccountEntry[]> {
  return Promise.all(
    list.map(async (item): Promise<AppsAccountEntry> => {
      if (item.pw !== undefined)
        return { kind: 'keystore', keystore: await createKeystore(item.a, item.pw, compat) };
      const meta = keylessJson(item.a).meta as Record<string, unknown>;
      return item.pairFields
        ? { kind: 'external', address: item.a.address, meta, type: item.a.type, publicKey: item.a.publicKey }
        : { kind: 'external', address: item.a.address, meta };
    }),
  );
}

describe("Apps' export-all array", () => {
  it('parseAppsAccounts gives back every entry: keystores unchanged, keyless address/meta/type/public key', async () => {
    await fc.assert(
      fc.asyncProperty(items, async (list) => {
        const entries = await entriesOf(list);
        const parsed = parseAppsAccounts(JSON.stringify(createAppsAccounts(entries), null, 2));
        expect(parsed.length).toBe(entries.length);
        parsed.forEach((got, i) => {
          const want = entries[i]!;
          expect(got.kind).toBe(want.kind);
          if (got.kind === 'keystore' && want.kind === 'keystore')
            expect(got.keystore).toEqual(want.keystore);
          if (got.kind === 'external' && want.kind === 'external') {
            expect([got.address, got.meta, got.type]).toEqual([want.address, want.meta, want.type]);
            expect(got.publicKey && u8aToHex(got.publicKey)).toBe(want.publicKey && u8aToHex(want.publicKey));
          }
        });
      }),
      fcParams(SCRYPT_RUNS),
    );
  });

  it('every in-browser account of the array opens with its password to the same account', async () => {
    await fc.assert(
      fc.asyncProperty(items, async (list) => {
        const entries = await entriesOf(list);
        const parsed = parseAppsAccounts(JSON.stringify(createAppsAccounts(entries), null, 2));
        for (const [i, item] of list.entries()) {
          const got = parsed[i]!;
          if (item.pw === undefined || got.kind !== 'keystore') continue;
          expectSameAccount(await openKeystore(got.keystore, item.pw, { scrypt: nodeScrypt }), item.a);
        }
      }),
      fcParams(SCRYPT_RUNS),
    );
  });
});

describe("Apps' address-book array", () => {
  it('parseAddressBook(createAddressBook(entries)) gives back every address, name and favourite flag', () => {
    const entry = fc.record({ address: anyAddress, name: accountName(), isFavorite: fc.boolean() });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), (entries) => {
        const parsed = parseAddressBook(JSON.stringify(createAddressBook(entries), null, 2));
        // Apps exports an unnamed contact under its address; core reads a missing or '' name so.
        expect(parsed).toEqual(entries.map((e) => ({ ...e, name: e.name || e.address })));
      }),
      fcParams(),
    );
  });
});
