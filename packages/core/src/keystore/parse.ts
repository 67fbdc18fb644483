// Shape checks for a keystore, without a password (docs/keystore-format.md §1–3).

import { MAC_LENGTH, NONCE_LENGTH, SCRYPT_HEADER_LENGTH } from '../envelope.ts';
import { KeyportError } from '../errors.ts';
import { decodeAddressField, decodeEncoded } from './fields.ts';
import { isJsonObject, type JsonObject, type JsonValue, readJsonInput } from './json-input.ts';
import { KEY_TYPES, type KeystoreEncoding, type KeystoreJson, type KeyType } from './types.ts';

/** Longest keystore text (or parsed value) accepted: 1 MiB. */
export const MAX_KEYSTORE_LENGTH = 1 << 20;
/** Longest `encoded` accepted; real ones are 156–268 characters. */
const MAX_ENCODED_LENGTH = 8192;
const VERSIONS: readonly string[] = ['0', '1', '2', '3'];
const KINDS: readonly string[] = ['none', 'scrypt', 'xsalsa20-poly1305'];
/** HEADER ‖ DIVIDER ‖ 32-byte key: the smallest body polkadot-js writes (a keyless record). */
const MIN_BODY = 16 + 5 + 32;

/** How a keystore's `encoded` is protected, read from `encoding.type`. */
export interface Protection {
  readonly encrypted: boolean;
  readonly kdf: 'scrypt' | 'legacy' | 'none';
}

function invalid(what: string, field: string, expected: string): KeyportError {
  return new KeyportError('INVALID_INPUT', `${what}: ${field} ${expected}`, { field });
}

/** Reads a checked `encoding.type` (a string counts as a one-element list, as in polkadot-js). */
export function protectionOf(encoding: Pick<KeystoreEncoding, 'type'>): Protection {
  const kinds = Array.isArray(encoding.type) ? encoding.type : [encoding.type];
  const encrypted = kinds.includes('xsalsa20-poly1305');
  return { encrypted, kdf: !encrypted ? 'none' : kinds.includes('scrypt') ? 'scrypt' : 'legacy' };
}

/**
 * The key type a keystore records, or undefined when it records none: version '0', or
 * `content` a plain string (v0/v1). polkadot-js then uses the loading keyring's type.
 */
export function recordedKeyType(json: KeystoreJson): KeyType | undefined {
  const { content, version } = json.encoding;
  return version === '0' || !Array.isArray(content) ? undefined : (content[1] as KeyType);
}

function checkContent(what: string, content: JsonValue | undefined, version: string): void {
  if (typeof content === 'string') {
    if (content !== 'pkcs8') {
      throw new KeyportError('UNSUPPORTED_FORMAT', `${what}: encoding.content is not 'pkcs8'`, {
        field: 'encoding.content',
        batch: content === 'batch-pkcs8',
      });
    }
    return;
  }
  if (!Array.isArray(content) || !content.every((c) => typeof c === 'string')) {
    throw invalid(what, 'encoding.content', 'should be a string or a list of strings');
  }
  if (content[0] !== 'pkcs8') {
    throw new KeyportError(
      'UNSUPPORTED_FORMAT',
      content.includes('batch-pkcs8')
        ? `${what}: this is a batch file (batch-pkcs8), not a single keystore`
        : `${what}: encoding.content[0] is not 'pkcs8'`,
      { field: 'encoding.content', batch: content.includes('batch-pkcs8') },
    );
  }
  if (version === '0') return;
  const type = content[1];
  if (typeof type !== 'string') throw invalid(what, 'encoding.content[1]', 'should name the key type');
  if (!(KEY_TYPES as readonly string[]).includes(type)) {
    throw new KeyportError(
      'UNSUPPORTED_KEY_TYPE',
      `${what}: key type ${JSON.stringify(type.slice(0, 40))} is not one of ${KEY_TYPES.join(', ')}`,
      { field: 'encoding.content[1]' },
    );
  }
}

function checkType(what: string, type: JsonValue | undefined): void {
  const kinds = typeof type === 'string' ? [type] : type;
  if (!Array.isArray(kinds) || kinds.length === 0 || !kinds.every((k) => typeof k === 'string')) {
    throw invalid(what, 'encoding.type', 'should be a string or a non-empty list of strings');
  }
  const unknown = kinds.find((k) => !KINDS.includes(k as string));
  const ok =
    unknown === undefined &&
    ((kinds.length === 1 && (kinds[0] === 'none' || kinds[0] === 'xsalsa20-poly1305')) ||
      (kinds.length === 2 && kinds.includes('scrypt') && kinds.includes('xsalsa20-poly1305')));
  if (!ok) {
    throw new KeyportError(
      'UNSUPPORTED_FORMAT',
      `${what}: encoding.type should be ['none'], 'xsalsa20-poly1305' or ['scrypt', 'xsalsa20-poly1305']`,
      { field: 'encoding.type' },
    );
  }
}

/**
 * Checks `encoding.version` ('0'–'3') and `encoding.type` of a keystore or batch file and
 * returns the version.
 *
 * @throws INVALID_INPUT (wrong types), UNSUPPORTED_VERSION, UNSUPPORTED_FORMAT (unknown encryption).
 */
export function checkProtection(what: string, encoding: JsonObject): string {
  const { version } = encoding;
  if (typeof version !== 'string') throw invalid(what, 'encoding.version', "should be a string such as '3'");
  if (!VERSIONS.includes(version)) {
    throw new KeyportError(
      'UNSUPPORTED_VERSION',
      `${what}: encoding.version ${JSON.stringify(version.slice(0, 20))} is not one of '0', '1', '2', '3'`,
      { field: 'encoding.version' },
    );
  }
  checkType(what, encoding.type);
  return version;
}

function checkAddress(what: string, address: string, keyType: KeyType | undefined): void {
  const { bytes } = decodeAddressField(address);
  const allowed =
    keyType === 'sr25519' || keyType === 'ed25519'
      ? [32]
      : keyType === 'ecdsa'
        ? [32, 33]
        : keyType === 'ethereum'
          ? [20, 33]
          : [20, 32, 33];
  if (!allowed.includes(bytes.length)) {
    throw new KeyportError(
      'CORRUPT_DATA',
      `${what}: address holds ${bytes.length} bytes; a ${keyType ?? 'keystore'} address holds ${allowed.join(' or ')}`,
      { field: 'address' },
    );
  }
}

/**
 * Checks an already-copied JSON value (see readJsonInput) is a keystore and returns it typed,
 * with `meta` defaulted to {} when absent. Used by parseKeystore and for the inner records of
 * batch files (`what` names the record in messages).
 */
export function checkKeystore(value: JsonValue, what = 'keystore'): KeystoreJson {
  if (!isJsonObject(value)) throw invalid(what, '$', 'should be a JSON object');
  const { encoding, encoded, address } = value;
  if (!isJsonObject(encoding)) throw invalid(what, 'encoding', 'should be an object');
  const version = checkProtection(what, encoding);
  checkContent(what, encoding.content, version);
  if (typeof encoded !== 'string') throw invalid(what, 'encoded', 'should be a string');
  if (encoded.length > MAX_ENCODED_LENGTH) {
    throw new KeyportError('CORRUPT_DATA', `${what}: encoded is ${encoded.length} characters; too long`, {
      field: 'encoded',
    });
  }
  const json = value as unknown as KeystoreJson;
  const bytes = decodeEncoded(encoded);
  const { kdf } = protectionOf(json.encoding);
  const min =
    MIN_BODY +
    (kdf === 'scrypt' ? SCRYPT_HEADER_LENGTH : 0) +
    (kdf === 'none' ? 0 : NONCE_LENGTH + MAC_LENGTH);
  if (bytes.length < min) {
    throw new KeyportError(
      'CORRUPT_DATA',
      `${what}: encoded holds ${bytes.length} bytes; at least ${min} expected`,
      {
        field: 'encoded',
      },
    );
  }
  if (typeof address !== 'string') throw invalid(what, 'address', 'should be a string');
  checkAddress(what, address, recordedKeyType(json));
  if (value.meta === undefined) (value as JsonObject).meta = {};
  else if (!isJsonObject(value.meta)) throw invalid(what, 'meta', 'should be an object');
  return json;
}

/**
 * Reads and checks a keystore file (`KeyringPair$Json`) without a password: JSON text or a
 * parsed value in, a fresh typed copy out (key order kept).
 *
 * @throws INVALID_INPUT (not JSON, wrong field types, over 1 MiB, `__proto__` keys),
 * UNSUPPORTED_VERSION (not '0'–'3'), UNSUPPORTED_KEY_TYPE, UNSUPPORTED_FORMAT (a batch file,
 * unknown encryption), CORRUPT_DATA (`encoded` or `address` that does not decode).
 * @example const json = parseKeystore(await file.text()); json.encoding.version // '3'
 */
export function parseKeystore(input: unknown): KeystoreJson {
  return checkKeystore(readJsonInput(input, { maxLength: MAX_KEYSTORE_LENGTH, what: 'keystore' }));
}
