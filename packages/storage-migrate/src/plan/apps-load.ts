// What Polkadot-JS Apps does with a storage when it starts: @polkadot/ui-keyring 3.16.7's
// Keyring.loadAll, step by step, without ui-keyring itself (docs/apps-load.md). Every record
// goes through the same @polkadot/keyring and util calls ui-keyring makes, so it loads, fails
// or moves exactly as it would there; test/apps-load.test.ts checks the whole view against the
// real ui-keyring for arbitrary storages.
import { Keyring } from '@polkadot/keyring';
import {
  accountKey,
  accountRegex,
  addressKey,
  addressRegex,
  contractKey,
  contractRegex,
} from '@polkadot/ui-keyring/defaults';
import { hexToU8a, isHex, u8aToHex } from '@polkadot/util';
import { classifyKey } from '../classify.ts';
import { MemoryStorage } from '../storage.ts';
import { holdsKey } from './records.ts';

/** The keyring Apps loads with. Apps' development mode (which shows test accounts) is not modelled. */
export interface AppsLoadOptions {
  /** SS58 prefix of the shown addresses; default 42. */
  readonly ss58Format?: number;
  /** 'ethereum' on Ethereum-style chains; default 'ed25519'. */
  readonly type?: 'ed25519' | 'ethereum';
  /** ui-keyring's Date.now(), for "recent" addresses; without it none expires. */
  readonly now?: () => number;
}

/** A keyring list of Apps. */
export type AppsListKind = 'account' | 'address' | 'contract';

/** What one stored record does when Apps loads it. */
export type LoadOutcome =
  /** Not an `account:0x`/`address:0x`/`contract:0x` key, or an account record Apps skips (no `encoded`, isTesting). */
  | { readonly op: 'none' }
  /** ui-keyring throws on it and logs "Keyring: Unable to load <key>:<the whole record>". */
  | { readonly op: 'failed' }
  /** An expired "recent" address: ui-keyring deletes the key. */
  | { readonly op: 'remove' }
  | LoadedRecord;

/** A record Apps loads: into the `list` under `address`, saved again under `stores`. */
export interface LoadedRecord {
  readonly op: 'add';
  readonly list: AppsListKind;
  /** The address Apps lists it under (its in-memory slot). */
  readonly address: string;
  /** The storage key of that place (ui-keyring's accountKey/addressKey/contractKey of `address`). */
  readonly key: string;
  /** The storage key ui-keyring writes it to on every load (`key`); null when it does not (isInjected). */
  readonly stores: string | null;
  /** The text it writes there (store.js: JSON.stringify of the parsed record). */
  readonly text: string;
  readonly meta: unknown;
  /** The key type, for accounts. */
  readonly type?: string;
}

/** One entry of an Apps list after loading. */
export interface AppsItem {
  /** The storage key Apps keeps it under (ui-keyring's accountKey/addressKey/contractKey). */
  readonly key: string;
  /** The storage key the record was read from. */
  readonly source: string;
  readonly address: string;
  readonly name?: string;
}

/** An account Apps lists. */
export interface AppsAccount extends AppsItem {
  readonly type: string;
  /** False for external, QR, hardware and multisig accounts. */
  readonly hasKey: boolean;
}

/** What Apps shows after loading a storage, and what loading changes in it. */
export interface AppsView {
  readonly accounts: readonly AppsAccount[];
  readonly addresses: readonly AppsItem[];
  readonly contracts: readonly AppsItem[];
  /** Keys whose stored value loading changes, adds or deletes (sorted). */
  readonly rewritten: readonly string[];
  /** Keyring keys ui-keyring fails on (and logs whole) (sorted). */
  readonly unloadable: readonly string[];
  /** Keys where two or more records load into one slot: which one Apps shows depends on the order the browser lists keys in (sorted). */
  readonly contested: readonly string[];
  /** Keyring keys of the storage whose record no list shows (sorted). */
  readonly notShown: readonly string[];
}

// ui-keyring reads records untyped and relies on exceptions for bad ones; the mirror does too.
// biome-ignore lint/suspicious/noExplicitAny: mirrors ui-keyring's untyped record access
type Untyped = any;

// A key's hex part that is 32 bytes, lowercase: what ui-keyring writes for an SS58 address.
const KEY_HEX = /^0x[0-9a-f]{64}$/;
// ui-keyring compares Date.now() - whenCreated (ms) with 24*60*60.
const RECENT_EXPIRY = 24 * 60 * 60;
const KEYRING_KINDS = new Set(['account', 'address', 'contract']);
const KEY_OF: Readonly<Record<AppsListKind, (address: string) => string>> = {
  account: accountKey,
  address: addressKey,
  contract: contractKey,
};

/** store.js's get: an empty or missing value is undefined, JSON when it parses, else the raw string. */
function readStored(raw: string | null): unknown {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw; // store.js hands back a value it cannot parse as the raw string
  }
}

/**
 * The loader of one keyring: `outcome(key, value)` says what Apps does with one stored record.
 *
 * @example appsLoader({}).outcome('account:0x00', victimRecordText) // { op: 'add', stores: 'account:0xd435…', … }
 */
export function appsLoader(options: AppsLoadOptions = {}): {
  outcome(key: string, value: string | null): LoadOutcome;
} {
  const kr = new Keyring({ type: options.type ?? 'ed25519', ss58Format: options.ss58Format ?? 42 });
  const now = options.now;
  // ui-keyring's key is `<list>:` + hex of decodeAddress(address). Where `address` was just
  // encoded from `raw` by an SS58 keyring, that hex is `raw`'s: no second decode (on an Ethereum
  // keyring addresses are H160s, so the key is computed as ui-keyring does).
  const ss58 = kr.type !== 'ethereum';
  const keyOf = (list: AppsListKind, address: string, raw?: Uint8Array | string): string =>
    raw !== undefined && ss58
      ? `${list}:${typeof raw === 'string' ? raw : u8aToHex(raw)}`
      : KEY_OF[list](address);

  // The usual record: filed under its own key, its address already the canonical SS58 of that key
  // in this keyring's format. Then decoding it gives the key's bytes and encoding them gives it
  // back, so one encode proves what a decode and an encode would compute. Returns the key's hex.
  const filedUnder = (key: string, address: unknown): string | undefined => {
    if (!ss58 || typeof address !== 'string') return undefined;
    const hex = key.slice(key.indexOf(':') + 1);
    if (!KEY_HEX.test(hex)) return undefined;
    return kr.encodeAddress(hexToU8a(hex)) === address ? hex : undefined;
  };
  const add = (
    list: AppsListKind,
    address: string,
    json: Untyped,
    raw?: Uint8Array | string,
    type?: string,
  ): LoadedRecord => {
    // genericSubject.add: injected and test records stay in memory only.
    const stored = !json.meta.isInjected && !json.meta.isTesting;
    const key = keyOf(list, address, raw);
    return {
      op: 'add',
      list,
      address,
      key,
      stores: stored ? key : null,
      text: JSON.stringify(json),
      meta: json.meta,
      ...(type === undefined ? {} : { type }),
    };
  };
  // Keyring.loadAccount / loadAddress / loadContract. rewriteKey never acts here: the key
  // patterns require `0x`, which is its early return.
  const loadAccount = (json: Untyped): LoadOutcome => {
    if (!json.meta.isTesting && json.encoded) {
      const pair = kr.addFromJson(json, true);
      return add('account', pair.address, json, undefined, pair.type);
    }
    return { op: 'none' };
  };
  const loadAddress = (json: Untyped, key: string): LoadOutcome => {
    const { isRecent, whenCreated = 0 } = json.meta;
    if (isRecent && now !== undefined && now() - whenCreated > RECENT_EXPIRY) return { op: 'remove' };
    if (isHex(json.address) && json.address.length !== 66) return add('address', json.address, json);
    const filed = filedUnder(key, json.address);
    if (filed) return add('address', json.address, json, filed);
    const raw = isHex(json.address) ? hexToU8a(json.address) : kr.decodeAddress(json.address, true);
    return add('address', kr.encodeAddress(raw), json, raw);
  };
  const loadContract = (json: Untyped, key: string): LoadOutcome => {
    const filed = filedUnder(key, json.address);
    const raw = filed ?? kr.decodeAddress(json.address);
    const address = filed ? (json.address as string) : kr.encodeAddress(raw as Uint8Array);
    json.meta.genesisHash = json.meta.genesisHash || json.meta.contract?.genesisHash;
    return add('contract', address, json, raw);
  };

  return {
    outcome(key, value) {
      const json: Untyped = readStored(value);
      try {
        if (accountRegex.test(key)) return loadAccount(json);
        if (addressRegex.test(key)) return loadAddress(json, key);
        if (contractRegex.test(key)) return loadContract(json, key);
        return { op: 'none' };
      } catch {
        return { op: 'failed' }; // loadAll catches everything a record throws and logs it
      }
    },
  };
}

interface Slot {
  readonly record: LoadedRecord;
  readonly source: string;
  readonly value: string;
}

/** `meta.name` when it is a string (`meta` may be any value a record holds). */
export function nameOf(meta: unknown): string | undefined {
  const name = meta === null || meta === undefined ? undefined : (meta as Untyped).name;
  return typeof name === 'string' ? name : undefined;
}

/** Orders list items by the key Apps keeps them under, then by source. */
export function byKey<T extends AppsItem>(a: T, b: T): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : a.source < b.source ? -1 : a.source > b.source ? 1 : 0;
}

/**
 * Loads `entries` the way Apps does when it starts, on a copy listed in key order (as keyport's
 * storages and the real ui-keyring check of `./verify` list them): store.js walks the keys from
 * the last to the first while ui-keyring writes, so a record that moves lands after the walk.
 * `loader`: one made with the same options, to reuse its keyring.
 *
 * @example loadLikeApps(readAll(storage), { now: Date.now }).accounts
 */
export function loadLikeApps(
  entries: Iterable<readonly [string, string]>,
  options: AppsLoadOptions = {},
  loader: { outcome(key: string, value: string | null): LoadOutcome } = appsLoader(options),
): AppsView {
  const original = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const scratch = new MemoryStorage(original);
  const lists: Record<AppsListKind, Map<string, Slot>> = {
    account: new Map(),
    address: new Map(),
    contract: new Map(),
  };
  // The first text loaded into each place; a place that receives another text is contested.
  const first = new Map<string, string>();
  const contested = new Set<string>();
  const touched = new Set<string>();
  const unloadable = new Set<string>();
  for (let i = scratch.length - 1; i >= 0; i--) {
    const key = scratch.key(i);
    if (key === null) continue;
    const value = scratch.getItem(key);
    const out = loader.outcome(key, value);
    if (out.op === 'failed') unloadable.add(key);
    else if (out.op === 'remove') {
      scratch.removeItem(key);
      touched.add(key);
    } else if (out.op === 'add') {
      lists[out.list].set(out.address, { record: out, source: key, value: value ?? '' });
      if (out.stores !== null && scratch.getItem(out.stores) !== out.text) {
        scratch.setItem(out.stores, out.text);
        touched.add(out.stores);
      }
      const slot = `${out.list}:${out.address}`;
      const seen = first.get(slot);
      if (seen === undefined) first.set(slot, out.text);
      else if (seen !== out.text) contested.add(slot);
    }
  }
  // `meta`: where the shown name comes from (for an address-book slot, a contract of that address).
  const item = (s: Slot, meta: unknown = s.record.meta): AppsItem => {
    const name = nameOf(meta);
    const out: { key: string; source: string; address: string; name?: string } = {
      key: s.record.key,
      source: s.source,
      address: s.record.address,
    };
    if (name !== undefined) out.name = name;
    return out;
  };
  const accounts = [...lists.account.values()].map((s) => ({
    ...item(s),
    type: s.record.type as string,
    hasKey: holdsKey(s.value),
  }));
  // getAddresses takes each address-book slot's meta from the last list holding that address
  // (accounts, address book, contracts, in that order).
  const addresses = [...lists.address.values()].map((s) =>
    item(s, (lists.contract.get(s.record.address) ?? s).record.meta),
  );
  // getContracts: only contracts whose meta.contract.genesisHash is the connected chain's (none here).
  const contracts = [...lists.contract.values()]
    .filter((s) => {
      const contract = (s.record.meta as Untyped).contract;
      return !!contract && contract.genesisHash === undefined;
    })
    .map((s) => item(s));
  const before = new Map(original);
  const rewritten = [...touched].filter((k) => before.get(k) !== (scratch.getItem(k) ?? undefined));
  return viewOf({
    accounts,
    addresses,
    contracts,
    rewritten,
    unloadable,
    contested,
    keys: original.map(([k]) => k),
  });
}

/** What a load gathered, before it is put in order. */
export interface LoadedLists {
  readonly accounts: AppsAccount[];
  readonly addresses: AppsItem[];
  readonly contracts: AppsItem[];
  /** Keys whose value the load changed. */
  readonly rewritten: readonly string[];
  readonly unloadable: Iterable<string>;
  /** The places (`list:address`) that received two different records. */
  readonly contested: Iterable<string>;
  /** The storage's keys before the load. */
  readonly keys: readonly string[];
}

/**
 * The AppsView of a load, the model's or the real ui-keyring's: lists sorted by key, the keys of
 * places that received two different records (contested), the keyring keys no list shows.
 *
 * @example viewOf({ accounts, addresses, contracts, rewritten, unloadable, contested, keys })
 */
export function viewOf(l: LoadedLists): AppsView {
  const shownSources = new Set([...l.accounts, ...l.addresses, ...l.contracts].map((a) => a.source));
  const contested = [...l.contested].map((slot) => {
    const list = slot.slice(0, slot.indexOf(':')) as AppsListKind;
    return KEY_OF[list](slot.slice(list.length + 1));
  });
  return {
    accounts: [...l.accounts].sort(byKey),
    addresses: [...l.addresses].sort(byKey),
    contracts: [...l.contracts].sort(byKey),
    rewritten: [...l.rewritten].sort(),
    unloadable: [...l.unloadable].sort(),
    contested: [...new Set(contested)].sort(),
    notShown: l.keys.filter((k) => KEYRING_KINDS.has(classifyKey(k)) && !shownSources.has(k)).sort(),
  };
}
