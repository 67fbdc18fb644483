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
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair$Json } from '@polkadot/keyring/types';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, decodeAddress } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectSameAccount, NOW, restoreText, SCRYPT_RUNS } from './support.ts';

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

/** ui-keyring's key for an address of any kind (SS58 or 0x-hex). */
function keyOf(prefix: string, address: string): string {
  return prefix + u8aToHex(decodeAddress(address, true));
}

describe("Apps' arrays into storage", () => {
  it('export-all: keystores stored unchanged under their account key and open; keyless entries stored keyless with their meta', async () => {
    await fc.assert(
      fc.asyncProperty(items, async (list) => {
        const entries = await entriesOf(list);
        const text = JSON.stringify(createAppsAccounts(entries), null, 2);
        const { source, after } = await restoreText(text);
        expect(source.format).toBe('apps-accounts');
        const keys = new Set<string>();
        // Which item an account's stored record comes from: the last keystore of it (a later
        // record replaces an earlier one), else its first keyless entry (later copies are skipped).
        const winner = new Map<string, number>();
        list.forEach((item, i) => {
          if (item.pw !== undefined) winner.set(item.a.storageKey, i);
        });
        list.forEach((item, i) => {
          if (item.pw === undefined && !winner.has(item.a.storageKey)) winner.set(item.a.storageKey, i);
        });
        for (const [i, item] of list.entries()) {
          const entry = entries[i]!;
          keys.add(item.a.storageKey);
          if (winner.get(item.a.storageKey) !== i) continue;
          if (entry.kind === 'keystore' && item.pw !== undefined) {
            expect(after[item.a.storageKey]).toBe(JSON.stringify(entry.keystore));
            expectSameAccount(
              await openKeystore(after[item.a.storageKey], item.pw, { scrypt: nodeScrypt }),
              item.a,
            );
          } else if (entry.kind === 'external') {
            const key = keyOf('account:', entry.address);
            expect(key).toBe(item.a.storageKey);
            const stored = JSON.parse(after[key]!) as KeyringPair$Json;
            // the real keyring loads the record (as ui-keyring's loadAccount does) to this account
            const loaded = new Keyring().addFromJson(stored, true);
            expect(keyOf('account:', loaded.address)).toBe(key);
            // its type: the entry's own, else ethereum for an H160, else Apps' ed25519 keyring's
            const typed = entry.type !== undefined || item.a.type === 'ethereum';
            expect(loaded.type).toBe(typed ? item.a.type : 'ed25519');
            expect(stored.encoding.type).toEqual(['none']);
            expect(stored.meta).toEqual({ ...entry.meta, isExternal: true });
          }
        }
        expect(Object.keys(after).sort()).toEqual([...keys].sort());
      }),
      fcParams(SCRYPT_RUNS),
    );
  });

  it('address book: every named entry stored under address:0x<id> with its trimmed name (unnamed ones skipped, as Apps does)', async () => {
    const entry = fc.record({ address: anyAddress, name: accountName(), isFavorite: fc.boolean() });
    await fc.assert(
      // An empty array is refused as "nothing to import" (it could be any list format).
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 6 }), async (entries) => {
        const text = JSON.stringify(createAddressBook(entries), null, 2);
        const { source, after } = await restoreText(text);
        expect(source.format).toBe('address-book');
        // core reads an empty name as the address (Apps' export convention); storage-migrate
        // trims names, skips blank ones and keeps the first entry of an address.
        const named = new Map<string, string>();
        for (const e of entries) {
          const key = keyOf('address:', e.address);
          const name = (e.name || e.address).trim();
          if (name !== '' && !named.has(key)) named.set(key, name);
        }
        expect(Object.keys(after).sort()).toEqual([...named.keys()].sort());
        for (const [key, name] of named) {
          const stored = JSON.parse(after[key]!) as {
            address: string;
            meta: { name: string; whenCreated: number };
          };
          expect(keyOf('address:', stored.address)).toBe(key);
          expect([stored.meta.name, stored.meta.whenCreated]).toEqual([name, NOW]);
        }
      }),
      fcParams(0.3),
    );
  });
});
