// Apps-like localStorage contents (docs/apps-storage.md): keyring records under `account:0x…`,
// `address:0x…` and `contract:0x…`, ui-settings' `settings`, Apps' own keys (some raw, not
// JSON) and whatever else shares the origin. Values are exactly what store.js writes:
// JSON.stringify(value), except where Apps writes raw strings. Objects are built with
// Object.fromEntries, so a `__proto__` key is an own property like in a JSON.parse result.
import { u8aToHex } from '@polkadot/util';
import { decodeAddress, encodeAddress, ethereumEncode } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { account, type HarnessAccount, keylessJson, ss58Prefix } from './accounts.ts';
import { genesisHash, hexBytes, KNOWN_GENESIS, timestamp } from './meta.ts';
import { accountName, hostileString } from './strings.ts';

/** A Storage's contents: key → stored string, what `JSON.stringify(localStorage)` shows. */
export type StorageRecord = Record<string, string>;

/** A keyring record to store: its ui-keyring key and its JSON object (before JSON.stringify). */
export interface StoredRecord {
  key: string;
  json: { address: string; meta: Record<string, unknown>; [field: string]: unknown };
}

/** ui-keyring's key for an address: `prefix` + lowercase 0x-hex of the decoded address. */
export function keyringKey(prefix: 'account:' | 'address:' | 'contract:', address: string): string {
  return prefix + u8aToHex(decodeAddress(address, true));
}

/**
 * The stored record for an account whose keystore JSON a test already made (e.g. with core's
 * createKeystore at COMPAT_SCRYPT), under the key ui-keyring would use.
 *
 * @example storedAccount(alice, await createKeystore(toUnlocked(alice), 'pw', { params: COMPAT_SCRYPT }))
 */
export function storedAccount(a: HarnessAccount, json: StoredRecord['json']): StoredRecord {
  return { key: a.storageKey, json };
}

/** A keyless (external / QR / hardware) account record for a generated account. */
export const keylessAccount: fc.Arbitrary<StoredRecord> = account({ meta: { extras: true } }).map((a) => ({
  key: a.storageKey,
  json: keylessJson(a) as unknown as StoredRecord['json'],
}));

/** An SS58 address of a random 32-byte key at any prefix. */
export const ss58Address: fc.Arbitrary<string> = fc
  .tuple(fc.uint8Array({ minLength: 32, maxLength: 32 }), ss58Prefix)
  .map(([bytes, prefix]) => encodeAddress(bytes, prefix));

/** Any address-book address: SS58 of a random 32-byte key at any prefix, or an ethereum H160. */
export const anyAddress: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: ss58Address },
  { weight: 1, arbitrary: fc.uint8Array({ minLength: 20, maxLength: 20 }).map((b) => ethereumEncode(b)) },
);

/** An address-book record as ui-keyring's saveAddress writes it. */
export const addressBookEntry: fc.Arbitrary<StoredRecord> = fc
  .record(
    {
      name: accountName(),
      whenCreated: timestamp,
      genesisHash,
      tags: fc.array(hostileString({ maxPieces: 2 })),
    },
    { requiredKeys: ['name', 'whenCreated'] },
  )
  .chain((meta) =>
    anyAddress.map((address) => ({ key: keyringKey('address:', address), json: { address, meta } })),
  );

/** An ink!-like contract ABI; `meta.contract.abi` holds it as a JSON string inside the JSON. */
const contractAbi = fc
  .record({
    name: hostileString({ minPieces: 1, maxPieces: 3 }),
    docs: fc.array(hostileString({ maxPieces: 4 }), { maxLength: 3 }),
    label: fc.stringMatching(/^[a-z_]{1,10}$/),
    hash: hexBytes(32),
  })
  .map(({ name, docs, label, hash }) => ({
    source: { hash, language: 'ink! 4.3.0', compiler: 'rustc 1.75.0' },
    contract: { name, version: '0.1.0', authors: ['"Quoted" <dev@example.com>'] },
    spec: {
      constructors: [{ label: 'new', args: [], docs, payable: false, selector: '0x9bae9d5e' }],
      messages: [
        { label, args: [], docs: ['Returns "the" value\\n'], mutates: false, selector: '0x2f865bd9' },
      ],
    },
    version: '4',
  }));

/** A contract record as Apps' contracts page stores it (`contract:0x…`). */
export const contractEntry: fc.Arbitrary<StoredRecord> = fc
  .record({
    address: ss58Address,
    abi: contractAbi,
    genesis: fc.constantFrom(...KNOWN_GENESIS),
    name: accountName(),
    tags: fc.array(hostileString({ maxPieces: 2 }), { maxLength: 2 }),
    whenCreated: timestamp,
  })
  .map(({ address, abi, genesis, name, tags, whenCreated }) => {
    const meta = {
      contract: { abi: JSON.stringify(abi), genesisHash: genesis },
      genesisHash: genesis,
      name,
      tags,
      whenCreated,
    };
    return { key: keyringKey('contract:', address), json: { address, meta } };
  });

/** ui-settings' `settings` object (the shape it writes after settings.set). */
export const settingsValue: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    apiUrl: fc.constantFrom('wss://rpc.polkadot.io', 'wss://kusama-rpc.polkadot.io', 'ws://127.0.0.1:9944'),
    prefix: fc.constantFrom(-1, 0, 2, 42),
    storage: fc.constantFrom('on', 'off'),
    uiTheme: fc.constantFrom('substrate', 'dark', 'light'),
  })
  .map(({ apiUrl, prefix, storage, uiTheme }) => ({
    apiType: { param: apiUrl, type: 'json-rpc' },
    apiUrl,
    camera: 'off',
    i18nLang: 'default',
    icon: 'default',
    ledgerApp: 'generic',
    ledgerConn: 'none',
    locking: 'session',
    metadataUp: 'off',
    notification: 'popup',
    prefix,
    storage,
    uiMode: 'full',
    uiTheme,
  }));

const jsonValue = fc.jsonValue({ maxDepth: 3 });
const KEYRING_KEY = /^(account|address|contract):0x/;

/**
 * The other keys Apps keeps on the origin (docs/apps-storage.md §4), some raw strings (`lcUrl`,
 * `polkadot-app-favorite-chains`), a legacy `account:<SS58>` key, and random hostile keys with
 * raw, JSON-string or JSON-object values. Never a key that looks like a keyring record.
 */
export const otherEntry: fc.Arbitrary<[string, string]> = fc.oneof<fc.Arbitrary<[string, string]>[]>(
  fc
    .constantFrom('light://substrate-connect/polkadot', 'light://substrate-connect/kusama')
    .map((v) => ['lcUrl', v]),
  fc
    .array(fc.constantFrom('wss://a.example', 'ws://localhost:9944'), { maxLength: 3 })
    .map((v) => ['polkadot-app-custom-endpoints', JSON.stringify(v)]),
  fc.constant(['network:affinities', JSON.stringify({ Polkadot: 'wss://rpc.polkadot.io' })]),
  fc.constant(['polkadot-app-favorite-chains', '{"Polkadot":[{"paraId":1000,"relay":"Polkadot"}]}']),
  fc
    .tuple(
      fc.constantFrom('accounts', 'staking'),
      fc.oneof(fc.constantFrom(...KNOWN_GENESIS), fc.constant('development')),
      fc.array(anyAddress, { maxLength: 3 }),
    )
    .map(([page, chain, list]) => [`${page}:favorites:${chain}`, JSON.stringify(list)]),
  anyAddress.map((a) => ['options:InputAddress', JSON.stringify({ defaults: { account: a } })]),
  jsonValue.map((v) => ['types', JSON.stringify(v)]),
  ss58Address.map((a) => [`account:${a}`, JSON.stringify({ address: a, encoded: '0x00', meta: {} })]),
  fc.tuple(
    hostileString({ maxPieces: 4 }).filter((k) => !KEYRING_KEY.test(k)),
    fc.oneof(
      hostileString({ long: true }),
      hostileString().map((s) => JSON.stringify(s)),
      jsonValue.map((v) => JSON.stringify(v)),
    ),
  ),
);

/** Options for {@link appsStorage}. */
export interface AppsStorageOptions {
  /** Keyed (encrypted) account records the storage may hold, e.g. a pool made once in beforeAll. */
  keyed?: readonly StoredRecord[];
  /** Most generated keyless account records (default 2). */
  maxKeyless?: number;
  /** Most address-book records (default 4). */
  maxAddresses?: number;
  /** Most contract records (default 2). */
  maxContracts?: number;
  /** Most other keys (default 4). */
  maxOther?: number;
}

/**
 * An Apps-like localStorage: a subset of the given keyed accounts, keyless accounts of every
 * key type, address book, contracts, maybe `settings`, and other keys. Later duplicates of a
 * key win, as in a real Storage.
 *
 * @example fc.property(appsStorage(), (s) => expect(restore(dump(s))).toEqual(s))
 */
export function appsStorage(opts: AppsStorageOptions = {}): fc.Arbitrary<StorageRecord> {
  const { keyed = [], maxKeyless = 2, maxAddresses = 4, maxContracts = 2, maxOther = 4 } = opts;
  return fc
    .record({
      keyed: fc.subarray([...keyed]),
      keyless: fc.array(keylessAccount, { maxLength: maxKeyless }),
      addresses: fc.array(addressBookEntry, { maxLength: maxAddresses }),
      contracts: fc.array(contractEntry, { maxLength: maxContracts }),
      settings: fc.option(settingsValue, { nil: undefined }),
      other: fc.array(otherEntry, { maxLength: maxOther }),
    })
    .map(({ keyed, keyless, addresses, contracts, settings, other }) => {
      const records = [...keyless, ...keyed, ...addresses, ...contracts];
      const entries: [string, string][] = records.map((r) => [r.key, JSON.stringify(r.json)]);
      if (settings) entries.push(['settings', JSON.stringify(settings)]);
      return Object.fromEntries([...other, ...entries]);
    });
}
