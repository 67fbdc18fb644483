// What Apps shows after loading a storage: the lists, in the order keyport gives them, and what
// the load changed (docs/apps-load.md §2). loadLikeApps walks a storage with the model of
// apps-load.ts; verify.ts builds the same view from the real ui-keyring.
import { classifyKey } from '../classify.ts';
import {
  type AppsLoadOptions,
  appsLoader,
  KEY_OF,
  type LoadedRecord,
  type LoadOutcome,
} from './apps-load.ts';
import { holdsKey } from './records.ts';

/** A keyring list of Apps. */
export type AppsListKind = 'account' | 'address' | 'contract';

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

const KEYRING_KINDS = new Set(['account', 'address', 'contract']);

interface Slot {
  readonly record: LoadedRecord;
  readonly source: string;
  readonly value: string;
  /** The text of the first record loaded into this place. */
  readonly first: string;
}

/** `meta.name` when it is a string (`meta` may be any value a record holds). */
export function nameOf(meta: unknown): string | undefined {
  const name = meta === null || meta === undefined ? undefined : (meta as { name?: unknown }).name;
  return typeof name === 'string' ? name : undefined;
}

/** Whether every key is greater than the one before it (a storage read in key order). */
function inKeyOrder(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (!((keys[i - 1] as string) < (keys[i] as string))) return false;
  return true;
}

/** Orders list items by the key Apps keeps them under, then by source. */
export function byKey<T extends AppsItem>(a: T, b: T): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : a.source < b.source ? -1 : a.source > b.source ? 1 : 0;
}

/**
 * Loads `entries` the way Apps does when it starts, its keys listed in key order (as keyport's
 * storages and the real ui-keyring check of `./verify` list them): store.js walks the keys from
 * the last to the first while ui-keyring writes, so a record that moves lands after the walk.
 * What the load writes is kept beside `entries`, which is only read. `loader`: one made with the
 * same options, to reuse its keyring.
 *
 * @example loadLikeApps(readAll(storage), { now: Date.now }).accounts
 */
export function loadLikeApps(
  entries: Iterable<readonly [string, string]>,
  options: AppsLoadOptions = {},
  loader: { outcome(key: string, value: string | null): LoadOutcome } = appsLoader(options),
): AppsView {
  const base: ReadonlyMap<string, string> = entries instanceof Map ? entries : new Map(entries);
  // store.js's walk by index meets the keys in this order: a load removes only the key it is at
  // and adds keys after the last, so no key still to come moves.
  const walk = [...base.keys()];
  if (!inKeyOrder(walk)) walk.sort(); // the default order compares code units
  /** What the load wrote over `base` (undefined: removed). */
  const changed = new Map<string, string | undefined>();
  const read = (key: string): string | undefined =>
    changed.size > 0 && changed.has(key) ? changed.get(key) : base.get(key);
  const lists: Record<AppsListKind, Map<string, Slot>> = {
    account: new Map(),
    address: new Map(),
    contract: new Map(),
  };
  // A place (list and address) that receives records of different texts is contested.
  const contested = new Set<string>();
  const unloadable = new Set<string>();
  for (let i = walk.length - 1; i >= 0; i--) {
    const key = walk[i] as string;
    const value = read(key) ?? null;
    const out = loader.outcome(key, value);
    if (out.op === 'failed') unloadable.add(key);
    else if (out.op === 'remove') changed.set(key, undefined);
    else if (out.op === 'add') {
      const list = lists[out.list];
      const seen = list.get(out.address)?.first;
      list.set(out.address, { record: out, source: key, value: value ?? '', first: seen ?? out.text });
      if (out.stores !== null && read(out.stores) !== out.text) changed.set(out.stores, out.text);
      if (seen !== undefined && seen !== out.text) contested.add(`${out.list}:${out.address}`);
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
      const contract = (s.record.meta as { contract?: { genesisHash?: unknown } } | null)?.contract;
      return !!contract && contract.genesisHash === undefined;
    })
    .map((s) => item(s));
  const rewritten = [...changed].filter(([k, v]) => v !== base.get(k)).map(([k]) => k);
  return viewOf({
    accounts,
    addresses,
    contracts,
    rewritten,
    unloadable,
    contested,
    keys: walk,
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
