// @vitest-environment happy-dom
// Round-trip matrix, last column (vitest only): after storage-migrate restores an export, the
// real @polkadot/ui-keyring (through storage-migrate's verifyWithUiKeyring, on a copy of the
// storage) lists what Polkadot-JS Apps would show, and every keyed account unlocks with its
// password. ui-keyring keeps module-level state, so these properties run one at a time here.
import {
  type AppsAccountEntry,
  COMPAT_SCRYPT,
  createAddressBook,
  createAppsAccounts,
  createBatch,
  createKeystore,
} from '@keyport/core';
import { nodeScrypt } from '@keyport/core/scrypt-node';
import { dumpStorage, encodeBundle, KEYRING_KEY, MemoryStorage, snapshot } from '@keyport/storage-migrate';
import { verifyWithUiKeyring } from '@keyport/storage-migrate/verify';
import {
  account,
  accountName,
  anyAddress,
  appsStorage,
  extensionStorage,
  fcParams,
  type HarnessAccount,
  password,
  type StorageRecord,
  type StoredRecord,
  storedAccount,
} from '@keyport/test-harness';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, decodeAddress } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_FORMS, dumpText, now, restoreText, SCRYPT_RUNS } from './support.ts';

const compat = { params: COMPAT_SCRYPT, scrypt: nodeScrypt };

beforeAll(async () => {
  await cryptoWaitReady();
});

/** Accounts Apps shows outside development mode: not `isTesting`, and (no chain given) any genesis. */
const visible = (a: HarnessAccount): boolean => a.meta.isTesting !== true;

/** Restores `text`, asks ui-keyring what it shows, with each account's password. */
async function shownAfter(text: string, passwords: Record<string, string>, read = {}) {
  const { storage } = await restoreText(text, read);
  return verifyWithUiKeyring(storage, { passwords });
}

/** Every account of `list` is shown iff Apps shows it, keyed, of its type, and unlocks. */
function expectShown(result: Awaited<ReturnType<typeof shownAfter>>, list: HarnessAccount[]): void {
  for (const a of list) {
    const shown = result.accounts.find((x) => x.key === a.storageKey);
    if (!visible(a)) {
      expect(shown).toBeUndefined();
      continue;
    }
    expect(shown).toMatchObject({ type: a.type, hasKey: true, unlocked: true });
    expect(u8aToHex(decodeAddress(shown!.address))).toBe(a.storageKey.slice('account:'.length));
  }
}

describe('ui-keyring shows what was restored', () => {
  it('keystore (compat): the account is listed with its type and unlocks with its password', async () => {
    await fc.assert(
      fc.asyncProperty(account(), password(), async (a, pw) => {
        const text = JSON.stringify(await createKeystore(a, pw, compat));
        expectShown(await shownAfter(text, { [a.storageKey]: pw }), [a]);
      }),
      fcParams(SCRYPT_RUNS),
    );
  });

  it('keystore at 2^17, by keyport or by pair.toJson: the account is listed with its type and unlocks', async () => {
    await fc.assert(
      fc.asyncProperty(account(), password(), fc.boolean(), async (a, pw, byKeyring) => {
        const json = byKeyring ? a.pair.toJson(pw) : await createKeystore(a, pw, { scrypt: nodeScrypt });
        expectShown(await shownAfter(JSON.stringify(json), { [a.storageKey]: pw }), [a]);
      }),
      fcParams(0.02),
    );
  });

  it('batch: every account is listed and unlocks with its own password', async () => {
    const members = fc.uniqueArray(fc.tuple(account(), password()), {
      minLength: 1,
      maxLength: 3,
      selector: ([a]) => a.storageKey,
    });
    await fc.assert(
      fc.asyncProperty(members, password(), async (list, batchPw) => {
        const keystores = await Promise.all(list.map(([a, pw]) => createKeystore(a, pw, compat)));
        const text = JSON.stringify(await createBatch(keystores, batchPw, compat));
        const passwords = Object.fromEntries(list.map(([a, pw]) => [a.storageKey, pw]));
        expectShown(
          await shownAfter(text, passwords, { password: batchPw }),
          list.map(([a]) => a),
        );
      }),
      fcParams(SCRYPT_RUNS),
    );
  });

  it("Apps' export-all: in-browser accounts listed and unlock, keyless ones listed without a key", async () => {
    await fc.assert(
      fc.asyncProperty(
        account({ types: ['sr25519', 'ed25519'] }),
        password(),
        account(),
        async (a, pw, ext) => {
          fc.pre(a.storageKey !== ext.storageKey && ext.type !== 'ethereum');
          const entries: AppsAccountEntry[] = [
            { kind: 'keystore', keystore: await createKeystore(a, pw, compat) },
            { kind: 'external', address: ext.address, meta: { ...ext.meta, isTesting: false } },
          ];
          const result = await shownAfter(JSON.stringify(createAppsAccounts(entries)), {
            [a.storageKey]: pw,
          });
          expectShown(result, [a]);
          expect(result.accounts.find((x) => x.key === ext.storageKey)).toMatchObject({ hasKey: false });
        },
      ),
      fcParams(SCRYPT_RUNS),
    );
  });

  it("Apps' address book: every named contact is listed under its name", async () => {
    const entry = fc.record({ address: anyAddress, name: accountName(), isFavorite: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 5 }), async (entries) => {
        const { storage } = await restoreText(JSON.stringify(createAddressBook(entries)));
        const result = await verifyWithUiKeyring(storage);
        const keys = Object.keys(snapshot(storage)).filter((k) => k.startsWith('address:'));
        expect(result.addresses.map((x) => x.key).sort()).toEqual(keys.sort());
        expect(result.notShown).toEqual([]);
      }),
      fcParams(0.1),
    );
  });
});

/** Every storage export, as text made from a storage (the passphrase only for the encrypted bundle). */
const STORAGE_FORMS: readonly [string, (s: StorageRecord, passphrase: string) => Promise<string>][] = [
  [
    'bundle, plain',
    (s) => encodeBundle(dumpStorage(new MemoryStorage(Object.entries(s)), { origin: null, now })),
  ],
  [
    'bundle, encrypted',
    (s, passphrase) =>
      encodeBundle(dumpStorage(new MemoryStorage(Object.entries(s)), { origin: null, now }), {
        passphrase,
        ...compat,
      }),
  ],
  ['raw localStorage dump', async (s) => dumpText(s)],
  ...CONSOLE_FORMS.map(([form, wrap]): [string, (s: StorageRecord) => Promise<string>] => [
    `console copy, ${form}`,
    async (s) => wrap(dumpText(s)),
  ]),
];

describe('ui-keyring shows a restored storage as it showed the original', () => {
  const pool: { a: HarnessAccount; pw: string; rec: StoredRecord }[] = [];
  beforeAll(async () => {
    for (const [i, a] of fc.sample(account(), { numRuns: 3, seed: 77 }).entries()) {
      const pw = `pw ${i} "q" \\`;
      const json = await createKeystore(a, pw, compat);
      pool.push({ a, pw, rec: storedAccount(a, json as unknown as StoredRecord['json']) });
    }
  });

  for (const [form, make] of STORAGE_FORMS) {
    it(`${form}: the same accounts, addresses and contracts are listed, and every keyed account unlocks`, async () => {
      const passwords = Object.fromEntries(pool.map(({ a, pw }) => [a.storageKey, pw]));
      await fc.assert(
        fc.asyncProperty(
          fc.constant(null).chain(() => appsStorage({ keyed: pool.map((p) => p.rec) })),
          password(),
          async (s, passphrase) => {
            const { storage } = await restoreText(await make(s, passphrase), { passphrase });
            const original = await verifyWithUiKeyring(new MemoryStorage(Object.entries(s)));
            expect(await verifyWithUiKeyring(storage)).toEqual(original);
            const unlocked = await verifyWithUiKeyring(storage, { passwords });
            for (const shown of unlocked.accounts)
              if (shown.key in passwords) expect(shown.unlocked).toBe(true);
          },
        ),
        fcParams(0.02),
      );
    });
  }

  it("console copy, quotes added by hand (the wiki's step 5): the same accounts, addresses and contracts are listed unless the reading was flagged ambiguous", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constant(null).chain(() => appsStorage({ keyed: pool.map((p) => p.rec) })),
        async (s) => {
          const { source, storage } = await restoreText(`'${dumpText(s)}'`);
          if (source.warnings.some((w) => /both as a JavaScript string/.test(w))) return;
          const original = await verifyWithUiKeyring(new MemoryStorage(Object.entries(s)));
          expect(await verifyWithUiKeyring(storage)).toEqual(original);
        },
      ),
      fcParams(0.02),
    );
  });

  it('extension storage dump: every record is listed as it would be from its JSON, and keyed accounts unlock', async () => {
    const passwords = Object.fromEntries(pool.map(({ a, pw }) => [a.storageKey, pw]));
    await fc.assert(
      fc.asyncProperty(
        fc.constant(null).chain(() => extensionStorage({ keyed: pool.map((p) => p.rec), minAccounts: 1 })),
        async (dump) => {
          const { storage } = await restoreText(JSON.stringify(dump));
          const asApps = Object.entries(dump)
            .filter(([k]) => KEYRING_KEY.test(k))
            .map(([k, v]): [string, string] => [k, JSON.stringify(v)]);
          expect(await verifyWithUiKeyring(storage)).toEqual(
            await verifyWithUiKeyring(new MemoryStorage(asApps)),
          );
          const unlocked = await verifyWithUiKeyring(storage, { passwords });
          for (const shown of unlocked.accounts)
            if (shown.key in passwords) expect(shown.unlocked).toBe(true);
        },
      ),
      fcParams(0.05),
    );
  });
});
