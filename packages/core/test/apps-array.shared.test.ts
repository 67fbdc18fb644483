// Apps' own plain-JSON exports (docs/batch-and-arrays.md §4): the "export all" array of
// keystores and serialised KeyringPair objects, and the address book. Keyless entries are
// compared with what JSON.stringify makes of a real @polkadot/keyring pair.
import { account, accountName, fcParams, makeAccount, rejectsWithCode } from '@keyport/test-harness';
import { Keyring } from '@polkadot/keyring';
import { DEV_PHRASE } from '@polkadot/keyring/defaults';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type AppsAccountEntry,
  createAddressBook,
  createAppsAccounts,
  parseAddressBook,
  parseAppsAccounts,
} from '../src/apps-array.ts';
import { createKeystore, openKeystore } from '../src/keystore/index.ts';
import { nodeScrypt } from '../src/scrypt/node.ts';
import { COMPAT_SCRYPT } from '../src/scrypt/params.ts';

beforeAll(async () => {
  await cryptoWaitReady();
});

const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
const ETH = '0xf24FF3a9CF04c71Dbc94D0b566f7A27B94566cac';

/** An Apps export entry the way ExportAll.tsx produces it, from a harness account. */
const appsItems = fc.array(
  fc
    .tuple(account({ meta: { extras: false } }), fc.constantFrom('keystore', 'qr', 'multisig'))
    .map(([a, kind]) => {
      if (kind === 'keystore') return a.pair.toJson() as unknown as Record<string, unknown>;
      const meta =
        kind === 'qr' ? { ...a.meta, isExternal: true } : { ...a.meta, isMultisig: true, threshold: 2 };
      const pair = new Keyring({ type: a.type, ss58Format: a.ss58 }).addFromAddress(
        a.address,
        meta,
        null,
        a.type,
      );
      return JSON.parse(JSON.stringify(pair)) as Record<string, unknown>;
    }),
  { maxLength: 4 },
);

describe('Apps "export all accounts" array', () => {
  it('createAppsAccounts(parseAppsAccounts(file)) is the file again, byte for byte', () => {
    fc.assert(
      fc.property(appsItems, (items) => {
        const text = JSON.stringify(items, null, 2);
        const entries = parseAppsAccounts(text);
        expect(JSON.stringify(createAppsAccounts(entries), null, 2)).toBe(text);
      }),
      fcParams(0.3),
    );
  });

  it('classifies like ImportAll, except that no item holding a secret is read as keyless', () => {
    const pair = new Keyring({ type: 'sr25519' }).addFromUri('//Alice', { name: 'Alice' });
    const keystore = pair.toJson();
    const multisigWithKey = { ...keystore, meta: { ...keystore.meta, isMultisig: true } };
    const qr = JSON.parse(
      JSON.stringify(new Keyring().addFromAddress(BOB, { name: 'QR', isExternal: true })),
    );
    const ledgerRecord = new Keyring()
      .addFromAddress(BOB, { name: 'ledger', isHardware: true, isExternal: true })
      .toJson();
    const [a, b, c, d] = parseAppsAccounts([keystore, multisigWithKey, qr, ledgerRecord]);
    expect(a?.kind).toBe('keystore');
    // ImportAll would call addExternal here and drop the key; keyport keeps the keystore.
    expect(b).toEqual({ kind: 'keystore', keystore: multisigWithKey });
    expect(c).toMatchObject({ kind: 'external', address: BOB, type: 'ed25519', meta: { name: 'QR' } });
    // a keyless record (no secret in its body) stays keyless whatever meta says
    expect(d).toMatchObject({ kind: 'external', address: BOB, meta: { name: 'ledger' } });
    expect(u8aToHex((c as { publicKey: Uint8Array }).publicKey)).toBe(
      u8aToHex(new Keyring().decodeAddress(BOB)),
    );
  });

  it('a keyless entry with type and public key is written as JSON.stringify writes a KeyringPair', () => {
    for (const [type, address] of [
      ['sr25519', BOB],
      ['ethereum', ETH],
    ] as const) {
      const pair = new Keyring({ type }).addFromAddress(
        address,
        { name: 'x "y"', isExternal: true },
        null,
        type,
      );
      const [entry] = parseAppsAccounts(JSON.stringify([pair])) as [AppsAccountEntry];
      expect(JSON.stringify(createAppsAccounts([entry]))).toBe(JSON.stringify([pair]));
    }
  });

  it('an encrypted keystore marked isHardware / isInjected / isMultisig stays a keystore and opens to the same account', async () => {
    const flags = [
      ['sr25519', { isHardware: true, hardwareType: 'ledger' }],
      ['ethereum', { isInjected: true, source: 'polkadot-js' }],
      ['ecdsa', { isMultisig: true, threshold: 2, who: [BOB] }],
    ] as const;
    for (const [i, [type, flag]] of flags.entries()) {
      const uri = type === 'ethereum' ? `${DEV_PHRASE}/m/44'/60'/0'/0/${i}` : `//keyport//${i}`;
      const a = makeAccount(uri, type, 42, { name: `flagged ${i}`, ...flag });
      const keystore = await createKeystore(a, `pw ${i}`, { params: COMPAT_SCRYPT, scrypt: nodeScrypt });
      const [entry] = parseAppsAccounts(JSON.stringify([keystore], null, 2));
      expect(entry).toEqual({ kind: 'keystore', keystore });
      if (entry?.kind !== 'keystore') continue;
      const opened = await openKeystore(entry.keystore, `pw ${i}`, { scrypt: nodeScrypt });
      expect([opened.address, u8aToHex(opened.publicKey)]).toEqual([a.address, u8aToHex(a.publicKey)]);
    }
  });

  it('an in-browser entry opens with its own password', async () => {
    const pair = new Keyring({ type: 'ed25519' }).addFromUri('//Bob', { name: 'Bob' });
    const [entry] = parseAppsAccounts([pair.toJson()]);
    if (entry?.kind !== 'keystore') throw new Error('expected a keystore');
    expect((await openKeystore(entry.keystore, '')).address).toBe(pair.address);
    await rejectsWithCode(openKeystore({ ...entry.keystore, address: BOB }, ''), 'ADDRESS_MISMATCH');
  });
});

describe('Apps address book', () => {
  const entries = fc.array(
    fc.record({
      address: fc.oneof(
        account({ meta: { extras: false } }).map((a) => a.address),
        fc.constant(ETH),
      ),
      name: accountName().filter((n) => n !== ''),
      isFavorite: fc.boolean(),
    }),
    { maxLength: 5 },
  );

  it('parse(create(x)) === x, and the text has Apps key order address, isFavorite, name', () => {
    fc.assert(
      fc.property(entries, (list) => {
        const text = JSON.stringify(createAddressBook(list), null, 2);
        expect(parseAddressBook(text)).toEqual(list);
        for (const item of JSON.parse(text) as object[])
          expect(Object.keys(item)).toEqual(['address', 'isFavorite', 'name']);
      }),
      fcParams(0.3),
    );
  });

  it('reads a missing isFavorite as false and a missing or empty name as the address', () => {
    expect(parseAddressBook([{ address: BOB }, { address: ETH, name: '', isFavorite: true }])).toEqual([
      { address: BOB, name: BOB, isFavorite: false },
      { address: ETH, name: ETH, isFavorite: true },
    ]);
  });
});
