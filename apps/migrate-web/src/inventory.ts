/**
 * What this browser's storage holds, read without any crypto: counts by kind and, for accounts,
 * the name, key type and address stored in plain text beside the encrypted key.
 * Key names follow @polkadot/ui-keyring (defaults.ts): `account:0x…`, `address:0x…`, `contract:0x…`,
 * and ui-settings' `settings`.
 */

import { isPlainObject } from '@keyport/core';
import { classifyKey, type EntryKind } from '@keyport/storage-migrate/light';

/** Storage kinds, as storage-migrate's classifyKey names them. */
export type Kind = EntryKind;

/** The StorageLike subset the page reads. */
export interface ReadableStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
}

/** One stored account/address/contract as the page lists it. */
export interface Entry {
  readonly key: string;
  readonly kind: Kind;
  readonly name: string;
  /** `sr25519`, `ed25519`, `ecdsa`, `ethereum`, `external`, `hardware`, `multisig` or `unreadable`. */
  readonly type: string;
  readonly address: string;
}

/** Counts by kind plus the listed entries. */
export interface Inventory {
  readonly total: number;
  readonly counts: Readonly<Record<Kind, number>>;
  readonly entries: readonly Entry[];
}

const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  isPlainObject(value) ? value : undefined;

function accountType(json: Record<string, unknown>, meta: Record<string, unknown>): string {
  if (meta.isMultisig === true) return 'multisig';
  if (meta.isHardware === true) return 'hardware';
  const encoding = asRecord(json.encoding);
  const types = encoding?.type;
  const noSecret = types === 'none' || (Array.isArray(types) && types.length === 1 && types[0] === 'none');
  if (meta.isExternal === true || noSecret) return 'external';
  const content = encoding?.content;
  if (Array.isArray(content) && typeof content[1] === 'string') return content[1];
  return typeof content === 'string' ? 'ed25519 (legacy)' : 'unknown';
}

/**
 * Describes one stored value; never throws (an unreadable value is listed as `unreadable`).
 *
 * @example describeEntry('address:0x07…', '{"address":"5C…","meta":{"name":"Bob"}}').name // 'Bob'
 */
export function describeEntry(key: string, raw: string): Entry {
  const kind = classifyKey(key);
  let json: Record<string, unknown> | undefined;
  try {
    json = asRecord(JSON.parse(raw));
  } catch {
    json = undefined; // not JSON: listed as unreadable below
  }
  const hex = key.slice(key.indexOf(':') + 1);
  if (!json) return { key, kind, name: '', type: 'unreadable', address: hex };
  const meta = asRecord(json.meta) ?? {};
  const name = typeof meta.name === 'string' ? meta.name : '';
  let address = typeof json.address === 'string' ? json.address : hex;
  const type = kind === 'account' ? accountType(json, meta) : kind;
  // ethereum keys are stored under their 20-byte H160; the `address` field holds the public key.
  if (type === 'ethereum' && /^0x[0-9a-f]{40}$/i.test(hex)) address = hex;
  return { key, kind, name, type, address };
}

/**
 * Reads every key of `storage` (no crypto, no writes).
 *
 * @example takeInventory(localStorage).counts.account // 3
 */
export function takeInventory(storage: ReadableStorage): Inventory {
  const counts: Record<Kind, number> = { account: 0, address: 0, contract: 0, settings: 0, other: 0 };
  const entries: Entry[] = [];
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key !== null) keys.push(key);
  }
  keys.sort();
  for (const key of keys) {
    const kind = classifyKey(key);
    counts[kind]++;
    if (kind === 'account' || kind === 'address' || kind === 'contract') {
      entries.push(describeEntry(key, storage.getItem(key) ?? ''));
    }
  }
  return { total: keys.length, counts, entries };
}

/** Human labels for kinds, singular and plural. */
export const KIND_LABELS: Readonly<Record<Kind, readonly [string, string]>> = {
  account: ['account', 'accounts'],
  address: ['address-book entry', 'address-book entries'],
  contract: ['contract', 'contracts'],
  settings: ['settings entry', 'settings entries'],
  other: ['other entry', 'other entries'],
};

/** "3 accounts" / "1 address-book entry". */
export function countLabel(kind: Kind, n: number): string {
  const [one, many] = KIND_LABELS[kind];
  return `${n} ${n === 1 ? one : many}`;
}
