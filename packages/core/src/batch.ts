// The extension's "export all accounts" file (`content: ['batch-pkcs8']`, docs/batch-and-arrays.md §1–3)
// and SubWallet's superset of it (`accountProxies`, `modifyPairs`, docs/batch-and-arrays.md §5). The envelope
// holds JSON.stringify of the stored keystores, each still under its own account password.
import { stringToU8a } from '@polkadot/util';
import { base64Encode } from '@polkadot/util-crypto';
import {
  assertEnvelopeParams,
  type CryptoOptions,
  isNoPassword,
  keyringPasswordBytes,
  openData,
  openLegacyData,
  sealData,
} from './envelope.ts';
import { KeyportError } from './errors.ts';
import { decodeEncoded } from './keystore/fields.ts';
import { isJsonObject, type JsonObject, type JsonValue, readJsonInput } from './keystore/json-input.ts';
import { checkKeystore, checkProtection, protectionOf } from './keystore/parse.ts';
import type { EncryptionKind, KeystoreJson, KeystoreMeta, KeystoreVersion } from './keystore/types.ts';
import type { ScryptBackend } from './scrypt/backend.ts';

/** Longest batch text (or parsed value) accepted: 64 MiB. */
export const MAX_BATCH_LENGTH = 64 << 20;

/** The plaintext preview entry of a batch file (not covered by the MAC). */
export interface BatchAccount {
  address: string;
  meta: KeystoreMeta;
}

/** A batch file (`KeyringPairs$Json`), with SubWallet's optional extras kept as they are. */
export interface BatchJson {
  encoded: string;
  encoding: { content: string[]; type: EncryptionKind | EncryptionKind[]; version: KeystoreVersion };
  accounts: BatchAccount[];
  /** SubWallet: account groups by id (kept verbatim). */
  accountProxies?: JsonObject;
  /** SubWallet: per-address links to those groups (kept verbatim). */
  modifyPairs?: JsonObject;
}

/** SubWallet's extra top-level fields, for {@link createBatch}. */
export interface BatchExtras {
  readonly accountProxies?: JsonObject;
  readonly modifyPairs?: JsonObject;
}

function invalid(field: string, expected: string): KeyportError {
  return new KeyportError('INVALID_INPUT', `batch file: ${field} ${expected}`, { field });
}

/**
 * Reads and checks a batch file without a password. SubWallet's `accountProxies` and
 * `modifyPairs` stay on the result.
 *
 * @throws INVALID_INPUT (not JSON, wrong field types, over 64 MiB, `__proto__` keys),
 * UNSUPPORTED_FORMAT (no 'batch-pkcs8' in content, e.g. a single keystore), UNSUPPORTED_VERSION,
 * CORRUPT_DATA (`encoded` does not decode).
 * @example parseBatch(text).accounts.map((a) => a.meta.name)
 */
export function parseBatch(input: unknown): BatchJson {
  const value = readJsonInput(input, { maxLength: MAX_BATCH_LENGTH, what: 'batch file' });
  if (!isJsonObject(value)) throw invalid('$', 'should be a JSON object');
  const { encoding, encoded, accounts, accountProxies, modifyPairs } = value;
  if (!isJsonObject(encoding)) throw invalid('encoding', 'should be an object');
  const { content } = encoding;
  if (!Array.isArray(content) || !content.every((c) => typeof c === 'string')) {
    throw invalid('encoding.content', "should be a list such as ['batch-pkcs8']");
  }
  if (!content.includes('batch-pkcs8')) {
    throw new KeyportError('UNSUPPORTED_FORMAT', "batch file: encoding.content has no 'batch-pkcs8'", {
      field: 'encoding.content',
      keystore: content[0] === 'pkcs8',
    });
  }
  checkProtection('batch file', encoding);
  if (typeof encoded !== 'string') throw invalid('encoded', 'should be a string');
  decodeEncoded(encoded);
  if (!Array.isArray(accounts)) throw invalid('accounts', 'should be a list of {address, meta}');
  accounts.forEach((a, i) => {
    if (!isJsonObject(a) || typeof a.address !== 'string' || !isJsonObject(a.meta)) {
      throw invalid(`accounts[${i}]`, 'should be {address: string, meta: object}');
    }
  });
  if (accountProxies !== undefined && !isJsonObject(accountProxies))
    throw invalid('accountProxies', 'should be an object');
  if (modifyPairs !== undefined && !isJsonObject(modifyPairs))
    throw invalid('modifyPairs', 'should be an object');
  return value as unknown as BatchJson;
}

async function decryptBatch(json: BatchJson, password: string | Uint8Array, scrypt?: ScryptBackend) {
  const bytes = decodeEncoded(json.encoded);
  const { kdf } = protectionOf(json.encoding);
  if (kdf === 'none') return bytes;
  if (kdf === 'scrypt') assertEnvelopeParams(bytes); // refused before asking for a password
  if (isNoPassword(password)) {
    throw new KeyportError('PASSWORD_REQUIRED', 'this batch file is encrypted: a password is required');
  }
  if (kdf === 'legacy') return openLegacyData(bytes, password);
  return openData(bytes, keyringPasswordBytes(password), scrypt ? { scrypt } : {});
}

function decryptedList(plain: Uint8Array): JsonValue[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    throw new KeyportError('CORRUPT_DATA', 'the decrypted batch is not UTF-8 text', { field: 'encoded' });
  }
  let list: JsonValue;
  try {
    list = readJsonInput(text, { maxLength: MAX_BATCH_LENGTH, what: 'decrypted batch' });
  } catch (e) {
    if (!(e instanceof KeyportError)) throw e;
    throw new KeyportError('CORRUPT_DATA', e.message, { ...e.details, field: 'encoded' });
  }
  if (!Array.isArray(list)) {
    throw new KeyportError('CORRUPT_DATA', 'the decrypted batch is not a JSON list of keystores', {
      field: 'encoded',
    });
  }
  return list;
}

/** A batch entry {@link openBatch} left out instead of failing the whole batch. */
export interface BatchSkipped {
  /** Position of the entry in the decrypted list (0-based). */
  readonly index: number;
  /** Why, in words (names the key type, never the entry's secret). */
  readonly reason: string;
  /** The key type the entry records (e.g. SubWallet's 'ton', 'bitcoin-84', 'cardano'), cut to 40 characters. */
  readonly keyType?: string;
  /** The entry's address as written, when it has one. */
  readonly address?: string;
}

/** What {@link openBatch} returns: the keystores keyport reads, and the entries it left out. */
export interface OpenedBatch {
  readonly keystores: KeystoreJson[];
  readonly skipped: BatchSkipped[];
}

/** Options of {@link openBatch}. */
export interface OpenBatchOptions {
  readonly scrypt?: ScryptBackend;
  /**
   * An entry whose key type keyport does not support (SubWallet also stores TON, Bitcoin and
   * Cardano accounts): 'skip' (default) lists it in `skipped`, 'throw' fails the whole batch.
   */
  readonly onUnsupported?: 'skip' | 'throw';
}

const MAX_SKIPPED_ADDRESS = 256;

function skippedEntry(entry: JsonValue, index: number, e: KeyportError): BatchSkipped {
  const content = isJsonObject(entry) && isJsonObject(entry.encoding) ? entry.encoding.content : undefined;
  const keyType =
    Array.isArray(content) && typeof content[1] === 'string' ? content[1].slice(0, 40) : undefined;
  const address = isJsonObject(entry) && typeof entry.address === 'string' ? entry.address : undefined;
  return {
    index,
    reason: e.message,
    ...(keyType === undefined ? {} : { keyType }),
    ...(address === undefined || address.length > MAX_SKIPPED_ADDRESS ? {} : { address }),
  };
}

/**
 * Decrypts a batch file with the batch password and returns the stored keystores inside, each
 * checked with parseKeystore's rules and still encrypted under its own account password (open
 * them with openKeystore). Entries of a key type keyport does not support (SubWallet's TON,
 * Bitcoin, Cardano accounts) are left out and listed in `skipped`, unless `onUnsupported` is
 * 'throw'. SubWallet's extras are on parseBatch's result.
 *
 * @throws everything parseBatch throws; PASSWORD_REQUIRED, WRONG_PASSWORD, UNSAFE_SCRYPT_PARAMS,
 * CORRUPT_DATA (the decrypted text is not a JSON list), and for an entry that is not a keystore
 * its parseKeystore error with `details.index` (UNSUPPORTED_KEY_TYPE only with 'throw').
 * @example const { keystores, skipped } = await openBatch(text, 'batch pw', { scrypt: nodeScrypt })
 */
export async function openBatch(
  input: unknown,
  password: string | Uint8Array,
  options: OpenBatchOptions = {},
): Promise<OpenedBatch> {
  const onUnsupported = options.onUnsupported ?? 'skip';
  if (onUnsupported !== 'skip' && onUnsupported !== 'throw') {
    throw new KeyportError('INVALID_INPUT', "options.onUnsupported should be 'skip' or 'throw'", {
      field: 'onUnsupported',
    });
  }
  const json = parseBatch(input);
  const plain = await decryptBatch(json, password, options.scrypt);
  try {
    const keystores: KeystoreJson[] = [];
    const skipped: BatchSkipped[] = [];
    decryptedList(plain).forEach((entry, index) => {
      try {
        keystores.push(checkKeystore(entry, `batch entry ${index}`));
      } catch (e) {
        if (!(e instanceof KeyportError)) throw e;
        if (e.code === 'UNSUPPORTED_KEY_TYPE' && onUnsupported === 'skip') {
          skipped.push(skippedEntry(entry, index, e));
          return;
        }
        throw new KeyportError(e.code, e.message, { ...e.details, index });
      }
    });
    return { keystores, skipped };
  } finally {
    plain.fill(0);
  }
}

/**
 * Writes a batch file like ui-keyring's backupAccounts: the envelope holds
 * `JSON.stringify(keystores)` (key order kept), `accounts` lists `{address, meta}` in plain
 * text. An empty password writes `type: ['none']`, as upstream. SubWallet extras, when given,
 * follow `accounts`.
 *
 * @throws INVALID_INPUT (not a list, an entry that is not a keystore), UNSAFE_SCRYPT_PARAMS.
 * @example const batch = await createBatch(keystores, 'batch pw', { params: COMPAT_SCRYPT })
 */
export async function createBatch(
  keystores: readonly unknown[],
  password: string | Uint8Array,
  options: CryptoOptions & { readonly extras?: BatchExtras } = {},
): Promise<BatchJson> {
  const list = readJsonInput(keystores, { maxLength: MAX_BATCH_LENGTH, what: 'keystores' });
  if (!Array.isArray(list)) throw new KeyportError('INVALID_INPUT', 'keystores should be a list');
  const records = list.map((entry, index) => {
    try {
      return checkKeystore(entry, `keystores[${index}]`);
    } catch (e) {
      if (!(e instanceof KeyportError)) throw e;
      throw new KeyportError('INVALID_INPUT', e.message, { ...e.details, index });
    }
  });
  const extras = readJsonInput(options.extras ?? {}, { maxLength: MAX_BATCH_LENGTH, what: 'extras' });
  if (!isJsonObject(extras)) throw new KeyportError('INVALID_INPUT', 'extras should be an object');
  const plain = stringToU8a(JSON.stringify(records));
  const encrypted = !isNoPassword(password);
  try {
    const encoded = base64Encode(
      encrypted ? await sealData(plain, keyringPasswordBytes(password), options) : plain,
    );
    const batch: BatchJson = {
      encoded,
      encoding: {
        content: ['batch-pkcs8'],
        type: encrypted ? ['scrypt', 'xsalsa20-poly1305'] : ['none'],
        version: '3',
      },
      accounts: records.map(({ address, meta }) => ({ address, meta })),
    };
    if (isJsonObject(extras.accountProxies)) batch.accountProxies = extras.accountProxies;
    if (isJsonObject(extras.modifyPairs)) batch.modifyPairs = extras.modifyPairs;
    return batch;
  } finally {
    plain.fill(0);
  }
}
