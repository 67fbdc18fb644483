// Keystores, batch files and Apps' arrays turned into the `account:0x…` / `address:0x…` items
// ui-keyring itself would store for them (docs/batch-and-arrays.md §2 and §4, docs/apps-storage.md §2 and §3).
import {
  type AddressBookEntry,
  type AppsExternalAccount,
  accountId,
  describeKeystore,
  KEY_TYPES,
  KeyportError,
  type KeystoreJson,
  type KeyType,
} from '@keyport/core';
import { Keyring } from '@polkadot/keyring';
import { hexToU8a, isHex, u8aEq, u8aToHex } from '@polkadot/util';
import { decodeAddress, encodeAddress, ethereumEncode } from '@polkadot/util-crypto';
import type { BundleEntry } from '../bundle/types.ts';
import type { SkippedItem } from './dumps.ts';

/** What ui-keyring's store would need from the page: its clock, chain prefix and genesis. */
export interface KeyringContext {
  /** Stamps `whenCreated` on address-book entries and keyless accounts, as ui-keyring does. */
  readonly now?: () => number;
  /** SS58 prefix Apps encodes stored addresses with; default 42. */
  readonly ss58Format?: number;
  /** Apps stamps imported address-book entries with the connected chain's genesis hash. */
  readonly genesisHash?: string;
}

/** Entries converted from a keyring-level input, with what was left out and why. */
export interface Converted {
  readonly entries: BundleEntry[];
  readonly skipped: SkippedItem[];
  readonly warnings: string[];
}

function clock(ctx: KeyringContext, what: string): number {
  if (ctx.now === undefined) {
    throw new KeyportError('INVALID_INPUT', `options.now is needed to stamp whenCreated on ${what}`);
  }
  return ctx.now();
}

function addressBytes(address: string): Uint8Array {
  return isHex(address) ? hexToU8a(address) : decodeAddress(address, true);
}

/**
 * The storage item ui-keyring writes when it loads `json` as a stored account (batch restore's
 * loadAccount): key `account:` + lowercase hex of the AccountId, value `JSON.stringify(json)`
 * (no re-encryption: the account keeps its own password). v0/v1 files carry no key type and are
 * keyed as ed25519, as Apps loads them.
 *
 * @throws what describeKeystore and accountId throw for a record that is not a keystore.
 * @example keystoreEntry(parseKeystore(text)).key // 'account:0xd43593c7…'
 */
export function keystoreEntry(json: KeystoreJson): { entry: BundleEntry; warning?: string } {
  const info = describeKeystore(json);
  const type: KeyType = info.keyType ?? 'ed25519';
  const key = info.publicKey === undefined ? addressBytes(json.address) : hexToU8a(info.publicKey);
  const entry = { key: `account:${u8aToHex(accountId(key, type))}`, value: JSON.stringify(json) };
  if (info.keyType !== undefined) return { entry };
  return {
    entry,
    warning: `${entry.key}: a version ${info.version} keystore records no key type; Apps loads it as ed25519`,
  };
}

/**
 * Keystores (from a file, a batch or an Apps array) as entries; a later record for the same
 * account replaces an earlier one, as ui-keyring's restoreAccounts does. `positions[i]` is the
 * index of `list[i]` in the input (default i), used in the skipped list.
 */
export function keystoreEntries(list: readonly KeystoreJson[], positions?: readonly number[]): Converted {
  const byKey = new Map<string, { entry: BundleEntry; index: number }>();
  const skipped: SkippedItem[] = [];
  const warnings: string[] = [];
  list.forEach((json, i) => {
    const index = positions?.[i] ?? i;
    const { entry, warning } = keystoreEntry(json);
    if (warning) warnings.push(warning);
    const earlier = byKey.get(entry.key);
    if (earlier) skipped.push({ key: entry.key, index: earlier.index, reason: `replaced by item ${index}` });
    byKey.set(entry.key, { entry, index });
  });
  return { entries: [...byKey.values()].map((e) => e.entry), skipped, warnings };
}

function keyTypeField(value: unknown, field: string): KeyType | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (KEY_TYPES as readonly string[]).includes(value)) return value as KeyType;
  throw new KeyportError(
    'INVALID_INPUT',
    `${field} ${JSON.stringify(String(value).slice(0, 20))} is not a key type (${KEY_TYPES.join(', ')})`,
    { field },
  );
}

/** Public-key lengths `accountId` takes per type (a 20-byte ethereum "key" is the H160 itself). */
const KEY_LENGTHS: Record<KeyType, readonly number[]> = {
  sr25519: [32],
  ed25519: [32],
  ecdsa: [33, 65],
  ethereum: [20, 33, 65],
};

/** Address lengths per type: the account id (32, or the H160), or a 33-byte ecdsa/ethereum key. */
const ADDRESS_LENGTHS: Record<KeyType, readonly number[]> = {
  sr25519: [32],
  ed25519: [32],
  ecdsa: [32, 33],
  ethereum: [20, 33],
};

/**
 * The record ui-keyring's addExternal stores for a keyless Apps entry (multisig, QR, hardware):
 * `pair.toJson()` of `addFromAddress(key, {...meta, isExternal: true}, null, type)` with
 * `whenCreated` added when missing, under `account:` + core's accountId for that type.
 *
 * The type is `meta.type` (what addExternal reads), else the entry's own `type` (a serialised
 * KeyringPair has one), else read from the address: a 20-byte H160 or a 33-byte hex key is
 * ethereum (as Apps' ethereum keyring loads it), anything else untyped on Apps' ed25519 keyring.
 * The entry's `publicKey` is used when it fits the type (and must give the address's account id).
 *
 * @throws INVALID_INPUT when a type is not a key type, the address does not fit the type, or
 * options.now is missing; ADDRESS_MISMATCH when the public key is another account's.
 * @example externalEntry({ address: '0xf24F…', meta: { name: 'ledger' } }, { now }).entry.key // 'account:0xf24f…'
 */
export function externalEntry(
  item: AppsExternalAccount,
  ctx: KeyringContext,
): { entry: BundleEntry; warning?: string } {
  const named = keyTypeField(item.meta.type, 'meta.type') ?? keyTypeField(item.type, 'type');
  const address = addressBytes(item.address);
  let type: KeyType | undefined = named;
  let warning: string | undefined;
  if (type === undefined && (address.length === 20 || address.length === 33)) {
    type = 'ethereum';
    if (address.length === 33) {
      warning =
        'records no key type; its 33-byte key is stored as an ethereum account (set meta.type to ecdsa if it is one)';
    }
  }
  const fits = (key: Uint8Array | undefined) =>
    type !== undefined && !!key && KEY_LENGTHS[type].includes(key.length);
  let source: Uint8Array = address;
  if (fits(item.publicKey)) {
    source = item.publicKey as Uint8Array;
  } else if (type === 'ecdsa' && address.length === 32) {
    // Only the account id (blake2 of the key) is known: no ecdsa pair can be made from it.
    type = undefined;
    warning =
      'an ecdsa entry without its public key is stored untyped (an ed25519 record) under its account id';
  }
  const allowed = ADDRESS_LENGTHS[type ?? 'ed25519'];
  if (!allowed.includes(address.length)) {
    throw new KeyportError(
      'INVALID_INPUT',
      `address holds ${address.length} bytes; a ${type ?? 'untyped (ed25519)'} account's holds ${allowed.join(' or ')}`,
      { field: 'address', type: type ?? null },
    );
  }
  const id = accountId(source, type ?? 'ed25519');
  const idOfAddress = fits(address) ? accountId(address, type as KeyType) : address;
  if (!u8aEq(id, idOfAddress)) {
    throw new KeyportError('ADDRESS_MISMATCH', 'publicKey is not the key of address', { field: 'publicKey' });
  }
  const keyring = new Keyring({ type: type ?? 'ed25519', ss58Format: ctx.ss58Format ?? 42 });
  const pair = keyring.addFromAddress(source, { ...item.meta, isExternal: true }, null, type);
  if (!pair.meta.whenCreated) pair.setMeta({ whenCreated: clock(ctx, 'keyless accounts') });
  const entry = { key: `account:${u8aToHex(id)}`, value: JSON.stringify(pair.toJson()) };
  return warning === undefined ? { entry } : { entry, warning: `${entry.key}: ${warning}` };
}

/**
 * The items ui-keyring's saveAddress stores for Apps' address-book import:
 * `{address, meta: {whenCreated, genesisHash, name, tags: []}}` under `address:0x…`, the address
 * re-encoded with the chain prefix. Unnamed and repeated entries are skipped, as Apps skips them;
 * favourite flags live in another key and are not carried.
 *
 * @throws INVALID_INPUT when options.now is missing.
 */
export function addressBookEntries(list: readonly AddressBookEntry[], ctx: KeyringContext): Converted {
  const entries: BundleEntry[] = [];
  const skipped: SkippedItem[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  list.forEach((item, index) => {
    const name = item.name.trim();
    if (name === '') {
      skipped.push({ index, reason: 'no name (Apps skips unnamed contacts)' });
      return;
    }
    const raw = addressBytes(item.address);
    const address = raw.length === 20 ? ethereumEncode(raw) : encodeAddress(raw, ctx.ss58Format ?? 42);
    const key = `address:${u8aToHex(addressBytes(address))}`;
    if (seen.has(key)) {
      skipped.push({ key, index, reason: 'the same address appears earlier in the file' });
      return;
    }
    seen.add(key);
    const meta: Record<string, unknown> = { whenCreated: clock(ctx, 'address-book entries') };
    if (ctx.genesisHash !== undefined) meta.genesisHash = ctx.genesisHash;
    meta.name = name;
    meta.tags = [];
    entries.push({ key, value: JSON.stringify({ address, meta }) });
    if (item.isFavorite)
      warnings.push(`${key}: the favourite mark is not part of the address book and is not imported`);
  });
  return { entries, skipped, warnings };
}
