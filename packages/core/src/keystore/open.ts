// Decrypts a keystore of any version and proves that the secret inside is the account the file
// names (docs/keystore-format.md §7, plus the check no peer does: secret → public key → address).
import { u8aEq } from '@polkadot/util';
import { accountId, formatAddress, type UnlockedAccount } from '../account.ts';
import {
  isNoPassword,
  keyringPasswordBytes,
  openData,
  openLegacyData,
  readScryptHeader,
} from '../envelope.ts';
import { KeyportError } from '../errors.ts';
import type { ScryptBackend } from '../scrypt/backend.ts';
import type { ScryptParams } from '../scrypt/params.ts';
import { decodeAddressField, decodeEncoded } from './fields.ts';
import { pairFromSecret } from './pair.ts';
import { parseKeystore, protectionOf, recordedKeyType } from './parse.ts';
import { decodePkcs8 } from './pkcs8.ts';
import { KEY_TYPES, type KeystoreJson, type KeyType } from './types.ts';

/** Options of {@link openKeystore}. */
export interface OpenKeystoreOptions {
  /** scrypt implementation; default wasmScrypt. */
  readonly scrypt?: ScryptBackend;
  /**
   * Key type for files that record none (version '0', or a string `content` as v1 wrote).
   * Default 'ed25519', as Apps and ui-keyring's restoreAccount assume; the extension assumed
   * 'sr25519'. A wrong guess shows as ADDRESS_MISMATCH.
   */
  readonly defaultType?: KeyType;
  /** SS58 prefix of the returned `address`; default the file's own, or 42 for a hex address. */
  readonly ss58?: number;
}

/** True when `address` (SS58 of any prefix, or hex) names this public key of this type. */
function addressNames(address: string, publicKey: Uint8Array, type: KeyType): boolean {
  const { bytes } = decodeAddressField(address);
  if (u8aEq(bytes, publicKey)) return true;
  return (type === 'ecdsa' || type === 'ethereum') && u8aEq(bytes, accountId(publicKey, type));
}

async function decrypt(
  json: KeystoreJson,
  password: string | Uint8Array,
  options: OpenKeystoreOptions,
): Promise<{ body: Uint8Array; scrypt?: ScryptParams }> {
  const bytes = decodeEncoded(json.encoded);
  const { kdf } = protectionOf(json.encoding);
  // polkadot-js decrypts whenever a password is given, even for ['none']; we ignore it there.
  if (kdf === 'none') return { body: bytes };
  if (isNoPassword(password)) {
    throw new KeyportError('PASSWORD_REQUIRED', 'this keystore is encrypted: a password is required');
  }
  if (kdf === 'legacy') return { body: openLegacyData(bytes, password) };
  const { params } = readScryptHeader(bytes);
  const body = await openData(
    bytes,
    keyringPasswordBytes(password),
    options.scrypt ? { scrypt: options.scrypt } : {},
  );
  return { body, scrypt: params };
}

/**
 * Decrypts a keystore of version 0–3 (`encoded` base64 or hex; any of the four accepted scrypt
 * sets; `['none']` needs no password and ignores one) and rebuilds the key pair from the secret.
 * The rebuilt public key must equal the one stored beside the secret and the one the `address`
 * names (SS58 of any prefix; for ecdsa/ethereum also the hex or SS58 33-byte key, the AccountId
 * or the H160).
 *
 * Version 0/1 files record no key type: `options.defaultType` decides (default 'ed25519').
 *
 * @throws everything parseKeystore throws; PASSWORD_REQUIRED (empty password for an encrypted
 * file), WRONG_PASSWORD, UNSAFE_SCRYPT_PARAMS (parameters polkadot-js would refuse),
 * CORRUPT_DATA (the decrypted body is damaged), UNSUPPORTED_FORMAT (a keyless record, details
 * `reason: 'no-secret'`), ADDRESS_MISMATCH (the secret is not the account the file names).
 * @example const acc = await openKeystore(text, 'pw', { scrypt: nodeScrypt }); acc.address
 */
export async function openKeystore(
  input: unknown,
  password: string | Uint8Array,
  options: OpenKeystoreOptions = {},
): Promise<UnlockedAccount> {
  const json = parseKeystore(input);
  const type = recordedKeyType(json) ?? options.defaultType ?? 'ed25519';
  if (!KEY_TYPES.includes(type)) {
    throw new KeyportError('UNSUPPORTED_KEY_TYPE', `defaultType ${String(type)} is not a key type`);
  }
  const { body, scrypt } = await decrypt(json, password, options);
  try {
    const stored = decodePkcs8(body);
    const pair = pairFromSecret(type, stored.secretKey);
    if (!u8aEq(pair.publicKey, stored.publicKey)) {
      pair.secretKey.fill(0);
      throw new KeyportError(
        'ADDRESS_MISMATCH',
        `the ${type} secret in this keystore does not produce the public key stored beside it` +
          (recordedKeyType(json) ? '' : ' (this version records no key type: try another defaultType)'),
        { field: 'encoded', type },
      );
    }
    if (!addressNames(json.address, pair.publicKey, type)) {
      pair.secretKey.fill(0);
      throw new KeyportError(
        'ADDRESS_MISMATCH',
        `the ${type} key in this keystore is not the account its address field names`,
        { field: 'address', type },
      );
    }
    let address: string;
    try {
      address = formatAddress(
        pair.publicKey,
        type,
        options.ss58 ?? decodeAddressField(json.address).ss58 ?? 42,
      );
    } catch (e) {
      pair.secretKey.fill(0);
      throw e;
    }
    return {
      type,
      publicKey: pair.publicKey,
      secretKey: pair.secretKey,
      address,
      meta: json.meta,
      version: json.encoding.version,
      ...(scrypt ? { scrypt } : {}),
    };
  } finally {
    body.fill(0);
  }
}
