// What Polkadot-JS Apps does with a storage when it starts: @polkadot/ui-keyring 3.16.7's
// Keyring.loadAll, step by step, without ui-keyring itself (docs/apps-load.md). Every record
// goes through the same @polkadot/keyring and util calls ui-keyring makes, so it loads, fails
// or moves exactly as it would there; test/apps-load.test.ts checks the whole view against the
// real ui-keyring for arbitrary storages.
import { isSs58Of, isValidSs58Prefix } from '@keyport/core';
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
import type { AppsListKind } from './apps-view.ts';

/** The keyring Apps loads with. Apps' development mode (which shows test accounts) is not modelled. */
export interface AppsLoadOptions {
  /** SS58 prefix of the shown addresses; default 42. */
  readonly ss58Format?: number;
  /** 'ethereum' on Ethereum-style chains; default 'ed25519'. */
  readonly type?: 'ed25519' | 'ethereum';
  /** ui-keyring's Date.now(), for "recent" addresses; without it none expires. */
  readonly now?: () => number;
}

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
  /** The record as JSON.parse gave it, for accounts and address-book entries (the load changes contracts). */
  readonly parsed?: unknown;
}

// ui-keyring reads records untyped and relies on exceptions for bad ones; the mirror does too.
// biome-ignore lint/suspicious/noExplicitAny: mirrors ui-keyring's untyped record access
type Untyped = any;

// A key's hex part that is 32 bytes, lowercase: what ui-keyring writes for an SS58 address.
const KEY_HEX = /^0x[0-9a-f]{64}$/;
// Pair types whose address is the SS58 of the public key itself (a 32-byte one, for ecdsa).
const SS58_PAIRS: ReadonlySet<string> = new Set(['sr25519', 'ed25519', 'ecdsa']);
// ui-keyring compares Date.now() - whenCreated (ms) with 24*60*60.
const RECENT_EXPIRY = 24 * 60 * 60;
/** ui-keyring's key of an address in each list (accountKey, addressKey, contractKey). */
export const KEY_OF: Readonly<Record<AppsListKind, (address: string) => string>> = {
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
  const prefix = options.ss58Format ?? 42;
  const kr = new Keyring({ type: options.type ?? 'ed25519', ss58Format: prefix });
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
  // back, so proving `encode(key) === address` stands for a decode and an encode. Returns the
  // key's hex. core's isSs58Of proves it without writing the text (one base58 decode and one
  // checksum); a prefix it refuses goes to the keyring, which throws for it as ui-keyring's would.
  const isCanonical = isValidSs58Prefix(prefix)
    ? (address: string, raw: Uint8Array) => isSs58Of(address, raw, prefix)
    : (address: string, raw: Uint8Array) => kr.encodeAddress(raw) === address;
  const filedUnder = (key: string, address: unknown): string | undefined => {
    if (!ss58 || typeof address !== 'string') return undefined;
    const hex = key.slice(key.indexOf(':') + 1);
    if (!KEY_HEX.test(hex)) return undefined;
    return isCanonical(address, hexToU8a(hex)) ? hex : undefined;
  };
  // `value`: the stored text the record was parsed from.
  const add = (
    value: string | null,
    list: AppsListKind,
    address: string,
    json: Untyped,
    raw?: Uint8Array | string,
    type?: string,
  ): LoadedRecord => {
    // genericSubject.add: injected and test records stay in memory only.
    const stored = !json.meta.isInjected && !json.meta.isTesting;
    const key = keyOf(list, address, raw);
    // The stored text itself when saving gives it back (a storage of thousands keeps one copy).
    const saved = JSON.stringify(json);
    const text = saved === value ? value : saved;
    const record: { -readonly [K in keyof LoadedRecord]: LoadedRecord[K] } = {
      op: 'add',
      list,
      address,
      key,
      stores: stored ? key : null,
      text,
      meta: json.meta,
    };
    if (type !== undefined) record.type = type;
    if (list !== 'contract') record.parsed = json;
    return record;
  };
  // Keyring.loadAccount / loadAddress / loadContract. rewriteKey never acts here: the key
  // patterns require `0x`, which is its early return.
  // Keyring.addFromJson is createFromJson plus the keyring's own map of pairs, which no list
  // reads. A pair's address is the SS58 of its public key (for sr25519, ed25519 and a 32-byte
  // ecdsa key, the key itself), so a record filed under its own key with the canonical address
  // gets that address back: no second encode and decode. Its address decodes to the key's
  // bytes, which createFromJson takes as hex.
  const loadAccount = (json: Untyped, key: string, value: string | null): LoadOutcome => {
    if (!json.meta.isTesting && json.encoded) {
      const filed = filedUnder(key, json.address);
      const pair = kr.createFromJson(filed ? { ...json, address: filed } : json, true);
      if (filed && SS58_PAIRS.has(pair.type))
        return add(value, 'account', json.address, json, filed, pair.type);
      return add(value, 'account', pair.address, json, undefined, pair.type);
    }
    return { op: 'none' };
  };
  const loadAddress = (json: Untyped, key: string, value: string | null): LoadOutcome => {
    const { isRecent, whenCreated = 0 } = json.meta;
    if (isRecent && now !== undefined && now() - whenCreated > RECENT_EXPIRY) return { op: 'remove' };
    if (isHex(json.address) && json.address.length !== 66) return add(value, 'address', json.address, json);
    const filed = filedUnder(key, json.address);
    if (filed) return add(value, 'address', json.address, json, filed);
    const raw = isHex(json.address) ? hexToU8a(json.address) : kr.decodeAddress(json.address, true);
    return add(value, 'address', kr.encodeAddress(raw), json, raw);
  };
  const loadContract = (json: Untyped, key: string, value: string | null): LoadOutcome => {
    const filed = filedUnder(key, json.address);
    const raw = filed ?? kr.decodeAddress(json.address);
    const address = filed ? (json.address as string) : kr.encodeAddress(raw as Uint8Array);
    json.meta.genesisHash = json.meta.genesisHash || json.meta.contract?.genesisHash;
    return add(value, 'contract', address, json, raw);
  };

  return {
    outcome(key, value) {
      const json: Untyped = readStored(value);
      try {
        if (accountRegex.test(key)) return loadAccount(json, key, value);
        if (addressRegex.test(key)) return loadAddress(json, key, value);
        if (contractRegex.test(key)) return loadContract(json, key, value);
        return { op: 'none' };
      } catch {
        return { op: 'failed' }; // loadAll catches everything a record throws and logs it
      }
    },
  };
}
