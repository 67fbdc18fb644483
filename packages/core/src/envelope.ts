// The encrypted envelope polkadot-js uses for keystores (v3), batch files, and keyport's
// encrypted bundles:  salt(32) ‖ N ‖ p ‖ r (u32 LE) ‖ nonce(24) ‖ secretbox(MAC16 ‖ ciphertext),
// keyed by the first 32 bytes of scrypt(password, salt, N, r, p, dkLen 64).
// Versions 0–2 had no KDF: nonce(24) ‖ secretbox, keyed by the UTF-8 password zero-padded or
// truncated to 32 bytes.
import { stringToU8a, u8aConcat, u8aFixLength, u8aToU8a } from '@polkadot/util';
import { naclDecrypt, naclEncrypt, randomAsU8a, scryptToU8a } from '@polkadot/util-crypto';
import { KeyportError } from './errors.ts';
import { type ScryptBackend, wasmScrypt } from './scrypt/backend.ts';
import { assertScryptParams, DEFAULT_SCRYPT, type ScryptParams } from './scrypt/params.ts';

export const SALT_LENGTH = 32;
export const NONCE_LENGTH = 24;
export const MAC_LENGTH = 16;
/** salt + N + p + r */
export const SCRYPT_HEADER_LENGTH = SALT_LENGTH + 12;

/** Options shared by every encrypting and decrypting call. */
export interface CryptoOptions {
  /** scrypt parameters for writing; default DEFAULT_SCRYPT (2^17). Reading takes them from the data. */
  readonly params?: ScryptParams;
  /** scrypt implementation; default wasmScrypt. Use nodeScrypt from `@keyport/core/scrypt-node` in Node. */
  readonly scrypt?: ScryptBackend;
  /** Randomness for salt and nonce; default util-crypto's CSPRNG. */
  readonly random?: (length: number) => Uint8Array;
}

/** A password string as UTF-8 (never trimmed); bytes as given. keyport's bundles use this. */
export function passwordBytes(password: string | Uint8Array): Uint8Array {
  return typeof password === 'string' ? stringToU8a(password) : password;
}

/**
 * The bytes polkadot-js derives a keystore's or batch file's scrypt key from: util's
 * `u8aToU8a`, so a password that is even-length `0x` hex (`"0x"`, `"0xdeadbeef"`) counts as
 * those bytes and anything else as UTF-8 (docs/keystore-format.md). Byte arrays are taken as given.
 *
 * @example keyringPasswordBytes('0x0102') // Uint8Array [1, 2]; keyringPasswordBytes('pw') // UTF-8
 */
export function keyringPasswordBytes(password: string | Uint8Array): Uint8Array {
  return typeof password === 'string' ? u8aToU8a(password) : password;
}

/** True when polkadot-js would take `password` as "no password" (it tests `!passphrase`). */
export function isNoPassword(password: string | Uint8Array): boolean {
  return typeof password === 'string' ? password === '' : password.length === 0;
}

/** Reads N, p, r from an envelope's header without decrypting (CORRUPT_DATA if too short). */
export function readScryptHeader(bytes: Uint8Array): { salt: Uint8Array; params: ScryptParams } {
  if (bytes.length < SCRYPT_HEADER_LENGTH + NONCE_LENGTH + MAC_LENGTH) {
    throw new KeyportError(
      'CORRUPT_DATA',
      `encrypted data is ${bytes.length} bytes; at least ${SCRYPT_HEADER_LENGTH + NONCE_LENGTH + MAC_LENGTH} expected`,
      { length: bytes.length },
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    salt: bytes.slice(0, SALT_LENGTH),
    params: {
      N: view.getUint32(SALT_LENGTH, true),
      p: view.getUint32(SALT_LENGTH + 4, true),
      r: view.getUint32(SALT_LENGTH + 8, true),
    },
  };
}

/**
 * Refuses an envelope whose header names scrypt parameters polkadot-js would not read, before
 * anyone is asked for its password (openData checks them again).
 *
 * @throws UNSAFE_SCRYPT_PARAMS, or CORRUPT_DATA when the bytes are too short for a header.
 * @example assertEnvelopeParams(base64Decode(bundle.ciphertext))
 */
export function assertEnvelopeParams(bytes: Uint8Array): void {
  assertScryptParams(readScryptHeader(bytes).params);
}

/**
 * Encrypts `plain` under `password` into polkadot-js's v3 envelope.
 *
 * @throws UNSAFE_SCRYPT_PARAMS for parameters polkadot-js would not read back; PASSWORD_REQUIRED
 * for an empty password.
 * @example const sealed = await sealData(utf8(json), 'pw', { params: COMPAT_SCRYPT })
 */
export async function sealData(
  plain: Uint8Array,
  password: string | Uint8Array,
  options: CryptoOptions = {},
): Promise<Uint8Array> {
  const params = options.params ?? DEFAULT_SCRYPT;
  assertScryptParams(params);
  // An empty string is no password to polkadot-js ("Password required" on decrypt): it writes
  // such data unencrypted (type ['none']) instead, and so must the caller. Empty bytes are a
  // password (polkadot-js derives them from "0x").
  if (password === '') {
    throw new KeyportError(
      'PASSWORD_REQUIRED',
      'an empty password cannot encrypt: polkadot-js would not decrypt it',
    );
  }
  const random = options.random ?? randomAsU8a;
  const salt = random(SALT_LENGTH);
  const nonce = random(NONCE_LENGTH);
  const key = await (options.scrypt ?? wasmScrypt)(passwordBytes(password), salt, params);
  const secret = key.slice(0, 32);
  key.fill(0);
  const { encrypted } = naclEncrypt(plain, secret, nonce);
  secret.fill(0);
  return u8aConcat(scryptToU8a(salt, { N: params.N, p: params.p, r: params.r }), nonce, encrypted);
}

/**
 * Decrypts a v3 envelope made by polkadot-js or sealData.
 *
 * @throws UNSAFE_SCRYPT_PARAMS (parameters outside ACCEPTED_SCRYPT), WRONG_PASSWORD (the MAC
 * fails: wrong password or altered data), CORRUPT_DATA (too short).
 * @example const plain = await openData(sealed, 'pw')
 */
export async function openData(
  bytes: Uint8Array,
  password: string | Uint8Array,
  options: CryptoOptions = {},
): Promise<Uint8Array> {
  const { salt, params } = readScryptHeader(bytes);
  assertScryptParams(params);
  const key = await (options.scrypt ?? wasmScrypt)(passwordBytes(password), salt, params);
  const secret = key.slice(0, 32);
  key.fill(0);
  return openBox(bytes.subarray(SCRYPT_HEADER_LENGTH), secret);
}

/**
 * Opens `nonce ‖ secretbox` with `secret`, then wipes `secret`.
 *
 * @throws WRONG_PASSWORD when the box does not open (wrong key or altered data).
 */
function openBox(box: Uint8Array, secret: Uint8Array): Uint8Array {
  const plain = naclDecrypt(box.subarray(NONCE_LENGTH), box.subarray(0, NONCE_LENGTH), secret);
  secret.fill(0);
  if (!plain) {
    throw new KeyportError(
      'WRONG_PASSWORD',
      'unable to decrypt: the password is wrong or the data was altered',
    );
  }
  return plain;
}

/**
 * Decrypts a version 0–2 envelope (no KDF: the key is the UTF-8 password zero-padded or cut to
 * 32 bytes, exactly as polkadot-js's jsonDecryptData does).
 *
 * @throws WRONG_PASSWORD, CORRUPT_DATA
 * @example const pkcs8 = openLegacyData(hexToU8a(json.encoded), 'testing')
 */
export function openLegacyData(bytes: Uint8Array, password: string | Uint8Array): Uint8Array {
  if (bytes.length < NONCE_LENGTH + MAC_LENGTH) {
    throw new KeyportError('CORRUPT_DATA', `encrypted data is ${bytes.length} bytes; at least 40 expected`, {
      length: bytes.length,
    });
  }
  return openBox(bytes, u8aFixLength(passwordBytes(password), 256, true));
}
