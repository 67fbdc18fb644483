// Polkadot-JS Apps' own plain-JSON exports (docs/batch-and-arrays.md §4):
// - "export all accounts": an array of v3 keystores (in-browser accounts) and KeyringPair
//   objects run through JSON.stringify (multisig, QR), whose Uint8Array getters became
//   {"0": …, "1": …} objects (apps packages/page-accounts/src/modals/ExportAll.tsx @ 580abfe,
//   ImportAll.tsx @ 4c78243);
// - the address book: [{address, isFavorite, name}] (page-addresses/src/Contacts/Export.tsx @ 4a5fed2).
import { u8aEq } from '@polkadot/util';
import { KeyportError } from './errors.ts';
import { decodeAddressField, decodeEncoded } from './keystore/fields.ts';
import { isJsonObject, type JsonObject, type JsonValue, readJsonInput } from './keystore/json-input.ts';
import { checkKeystore, protectionOf } from './keystore/parse.ts';
import { decodePkcs8 } from './keystore/pkcs8.ts';
import type { KeystoreJson, KeystoreMeta } from './keystore/types.ts';

/** Longest Apps export (or parsed value) accepted: 64 MiB. */
export const MAX_APPS_EXPORT_LENGTH = 64 << 20;

/** An Apps export entry without a key: multisig, QR, hardware or injected account. */
export interface AppsExternalAccount {
  readonly address: string;
  readonly meta: KeystoreMeta;
  /** The pair's key type when the entry says ('sr25519', 'ed25519', …). */
  readonly type?: string;
  /** The pair's public key, when the entry carries it. */
  readonly publicKey?: Uint8Array;
}

/** One entry of Apps' "export all" array, classified like ImportAll's isInBrowserAccount. */
export type AppsAccountEntry =
  | { readonly kind: 'keystore'; readonly keystore: KeystoreJson }
  | ({ readonly kind: 'external' } & AppsExternalAccount);

/** One entry of Apps' address-book export. */
export interface AddressBookEntry {
  readonly address: string;
  readonly name: string;
  readonly isFavorite: boolean;
}

function invalid(what: string, field: string, expected: string): KeyportError {
  return new KeyportError('INVALID_INPUT', `${what}: ${field} ${expected}`, { field });
}

/** Reads a serialised Uint8Array ({"0": 12, "1": 34, …}, or a plain list of bytes). */
function bytesOf(value: JsonValue, field: string): Uint8Array {
  const list = Array.isArray(value) ? value : isJsonObject(value) ? Object.values(value) : null;
  const keysOk =
    Array.isArray(value) || (isJsonObject(value) && Object.keys(value).every((k, i) => k === String(i)));
  if (
    !list ||
    !keysOk ||
    list.length > 65 ||
    !list.every((b) => typeof b === 'number' && Number.isInteger(b) && b >= 0 && b <= 255)
  ) {
    throw invalid('Apps accounts export', field, 'should be a serialised byte array ({"0": 0..255, …})');
  }
  return Uint8Array.from(list as number[]);
}

/** The item as a keystore when it is one and holds a secret (encrypted, or a PKCS8 body with one). */
function keystoreWithSecret(item: JsonObject): KeystoreJson | undefined {
  let keystore: KeystoreJson;
  try {
    keystore = checkKeystore(item);
  } catch (e) {
    if (e instanceof KeyportError) return undefined; // not a keystore: read as keyless, as Apps does
    throw e;
  }
  if (protectionOf(keystore.encoding).encrypted) return keystore;
  const body = decodeEncoded(keystore.encoded);
  try {
    decodePkcs8(body);
    return keystore;
  } catch (e) {
    if (e instanceof KeyportError) return undefined; // no secret, or a damaged body: keyless
    throw e;
  } finally {
    body.fill(0);
  }
}

function toEntry(item: JsonValue, index: number): AppsAccountEntry {
  const at = `[${index}]`;
  if (!isJsonObject(item)) throw invalid('Apps accounts export', at, 'should be an object');
  const { address, meta } = item;
  if (typeof address !== 'string')
    throw invalid('Apps accounts export', `${at}.address`, 'should be a string');
  if (!isJsonObject(meta)) throw invalid('Apps accounts export', `${at}.meta`, 'should be an object');
  const withRecord = !!item.encoded && !!item.encoding;
  if (withRecord && !meta.isInjected && !meta.isHardware && !meta.isMultisig) {
    try {
      return { kind: 'keystore', keystore: checkKeystore(item, `Apps accounts export ${at}`) };
    } catch (e) {
      if (!(e instanceof KeyportError)) throw e;
      throw new KeyportError(e.code, e.message, { ...e.details, index });
    }
  }
  // Apps' ImportAll treats a hardware/injected/multisig item as keyless even when it carries a
  // key; keyport keeps any such item that is a keystore holding a secret, so nothing is lost.
  if (withRecord) {
    const keystore = keystoreWithSecret(item);
    if (keystore) return { kind: 'keystore', keystore };
  }
  const decoded = decodeAddressField(address, `${at}.address`, 'INVALID_ADDRESS').bytes;
  const publicKey = item.publicKey === undefined ? undefined : bytesOf(item.publicKey, `${at}.publicKey`);
  if (item.addressRaw !== undefined && !u8aEq(bytesOf(item.addressRaw, `${at}.addressRaw`), decoded)) {
    throw new KeyportError('ADDRESS_MISMATCH', `Apps accounts export: ${at}.addressRaw is not the address`, {
      field: `${at}.addressRaw`,
      index,
    });
  }
  if (item.type !== undefined && typeof item.type !== 'string') {
    throw invalid('Apps accounts export', `${at}.type`, 'should be a string');
  }
  return {
    kind: 'external',
    address,
    meta,
    ...(typeof item.type === 'string' ? { type: item.type } : {}),
    ...(publicKey ? { publicKey } : {}),
  };
}

/**
 * Reads Apps' "export all accounts" file: each item needs a string `address` and an object
 * `meta` (as ImportAll requires); in-browser accounts (not injected/hardware/multisig, with
 * `encoded` and `encoding`) must be valid keystores. An injected/hardware/multisig item that is
 * a keystore holding a secret stays a keystore (Apps' ImportAll would keep only its address);
 * the rest are keyless entries.
 *
 * @throws INVALID_INPUT (not a JSON array, items of the wrong shape, over 64 MiB), INVALID_ADDRESS
 * (a keyless entry's address), ADDRESS_MISMATCH (`addressRaw` disagrees with `address`), and for
 * a keystore item its parseKeystore error with `details.index`.
 * @example parseAppsAccounts(text).filter((e) => e.kind === 'keystore')
 */
export function parseAppsAccounts(input: unknown): AppsAccountEntry[] {
  const list = readJsonInput(input, { maxLength: MAX_APPS_EXPORT_LENGTH, what: 'Apps accounts export' });
  if (!Array.isArray(list)) throw invalid('Apps accounts export', '$', 'should be a JSON array');
  return list.map(toEntry);
}

function bytesObject(bytes: Uint8Array): JsonObject {
  const out: JsonObject = {};
  bytes.forEach((b, i) => {
    out[String(i)] = b;
  });
  return out;
}

/**
 * Builds Apps' "export all accounts" array; `JSON.stringify(result, null, 2)` is the file Apps
 * writes. Keystores go in as they are; a keyless entry with `type` and `publicKey` is written
 * the way JSON.stringify renders a KeyringPair (address, addressRaw, isLocked, meta, publicKey,
 * type), one without them as {address, meta}.
 *
 * @throws INVALID_INPUT (a keystore that is not valid, meta that is not JSON), INVALID_ADDRESS.
 * @example JSON.stringify(createAppsAccounts([{ kind: 'keystore', keystore }]), null, 2)
 */
export function createAppsAccounts(entries: readonly AppsAccountEntry[]): JsonObject[] {
  return entries.map((entry, index) => {
    if (entry.kind === 'keystore') {
      const copy = readJsonInput(entry.keystore, {
        maxLength: MAX_APPS_EXPORT_LENGTH,
        what: `entries[${index}]`,
      });
      return checkKeystore(copy, `entries[${index}]`) as unknown as JsonObject;
    }
    const addressRaw = decodeAddressField(
      entry.address,
      `entries[${index}].address`,
      'INVALID_ADDRESS',
    ).bytes;
    const meta = readJsonInput(entry.meta, {
      maxLength: MAX_APPS_EXPORT_LENGTH,
      what: `entries[${index}].meta`,
    });
    if (!isJsonObject(meta)) throw invalid('entries', `[${index}].meta`, 'should be an object');
    if (entry.type === undefined || entry.publicKey === undefined) return { address: entry.address, meta };
    return {
      address: entry.address,
      addressRaw: bytesObject(addressRaw),
      isLocked: true,
      meta,
      publicKey: bytesObject(entry.publicKey),
      type: entry.type,
    };
  });
}

/**
 * Reads Apps' address-book export `[{address, isFavorite, name}]`. A missing `isFavorite`
 * reads as false; a missing name as the address (what Apps' export writes for unnamed contacts).
 *
 * @throws INVALID_INPUT (not a JSON array, items of the wrong shape), INVALID_ADDRESS.
 * @example parseAddressBook(text)[0].name
 */
export function parseAddressBook(input: unknown): AddressBookEntry[] {
  const list = readJsonInput(input, { maxLength: MAX_APPS_EXPORT_LENGTH, what: 'address book' });
  if (!Array.isArray(list)) throw invalid('address book', '$', 'should be a JSON array');
  return list.map((item, i) => {
    if (!isJsonObject(item)) throw invalid('address book', `[${i}]`, 'should be an object');
    const { address, name, isFavorite } = item;
    if (typeof address !== 'string') throw invalid('address book', `[${i}].address`, 'should be a string');
    decodeAddressField(address, `[${i}].address`, 'INVALID_ADDRESS');
    if (name !== undefined && typeof name !== 'string') {
      throw invalid('address book', `[${i}].name`, 'should be a string');
    }
    if (isFavorite !== undefined && typeof isFavorite !== 'boolean') {
      throw invalid('address book', `[${i}].isFavorite`, 'should be true or false');
    }
    return { address, name: name || address, isFavorite: isFavorite ?? false };
  });
}

/**
 * Builds Apps' address-book export; `JSON.stringify(result, null, 2)` is the file Apps writes
 * (key order address, isFavorite, name).
 *
 * @throws INVALID_ADDRESS for an address that is not SS58 or 0x-hex; INVALID_INPUT for a name
 * that is not a string.
 * @example JSON.stringify(createAddressBook([{ address, name: 'Bob', isFavorite: true }]), null, 2)
 */
export function createAddressBook(entries: readonly AddressBookEntry[]): AddressBookEntry[] {
  return entries.map(({ address, name, isFavorite }, i) => {
    decodeAddressField(address, `entries[${i}].address`, 'INVALID_ADDRESS');
    if (typeof name !== 'string') throw invalid('entries', `[${i}].name`, 'should be a string');
    return { address, isFavorite: isFavorite === true, name };
  });
}
