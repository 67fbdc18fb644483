// Keystores, batch files and Apps' arrays turned into the `account:0x…` / `address:0x…` items
// ui-keyring itself would store for them (formats.md §2.2, §2.4, §3.2, §3.3).
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
import { hexToU8a, isHex, u8aToHex } from '@polkadot/util';
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

/**
 * The record ui-keyring's addExternal stores for a keyless Apps entry (multisig, QR, hardware):
 * `pair.toJson()` of `addFromAddress(address, {...meta, isExternal: true}, null, meta.type)`
 * on an ed25519 keyring, with `whenCreated` added when missing.
 *
 * @throws INVALID_INPUT when `meta.type` is not a key type, or options.now is missing.
 */
export function externalEntry(item: AppsExternalAccount, ctx: KeyringContext): BundleEntry {
  const metaType = item.meta.type;
  if (metaType !== undefined && !KEY_TYPES.includes(metaType as KeyType)) {
    throw new KeyportError(
      'INVALID_INPUT',
      `meta.type ${JSON.stringify(String(metaType).slice(0, 20))} is not a key type`,
    );
  }
  const keyring = new Keyring({ type: 'ed25519', ss58Format: ctx.ss58Format ?? 42 });
  const pair = keyring.addFromAddress(
    item.address,
    { ...item.meta, isExternal: true },
    null,
    metaType as KeyType | undefined,
  );
  if (!pair.meta.whenCreated) pair.setMeta({ whenCreated: clock(ctx, 'keyless accounts') });
  return {
    key: `account:${u8aToHex(decodeAddress(pair.address, true))}`,
    value: JSON.stringify(pair.toJson()),
  };
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
