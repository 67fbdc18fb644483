// Writes a version 3 keystore byte-compatible with polkadot-js's pair.toJson
// (docs/keystore-format.md §1 and §3): key order encoded, encoding, address, meta; `['none']` for
// an empty password.
import { u8aEq, u8aToHex } from '@polkadot/util';
import { base64Encode, encodeAddress } from '@polkadot/util-crypto';
import type { UnlockedAccount } from '../account.ts';
import { type CryptoOptions, isNoPassword, keyringPasswordBytes, sealData } from '../envelope.ts';
import { KeyportError } from '../errors.ts';
import { DEFAULT_SCRYPT } from '../scrypt/params.ts';
import { decodeAddressField } from './fields.ts';
import { isJsonObject, readJsonInput } from './json-input.ts';
import { type OpenKeystoreOptions, openKeystore } from './open.ts';
import { pairFromSecret } from './pair.ts';
import { MAX_KEYSTORE_LENGTH } from './parse.ts';
import { encodePkcs8 } from './pkcs8.ts';
import { KEY_TYPES, type KeystoreMeta, type KeystoreV3Json } from './types.ts';

/** What createKeystore needs: an UnlockedAccount, or just its type, keys and meta. */
export type KeystoreSource = Pick<UnlockedAccount, 'type' | 'publicKey' | 'secretKey'> & {
  readonly meta?: KeystoreMeta;
  /** When SS58, its prefix is reused for the written address (unless options.ss58 is set). */
  readonly address?: string;
};

/** Options of {@link createKeystore}: scrypt params (default DEFAULT_SCRYPT), backend, randomness, ss58. */
export interface CreateKeystoreOptions extends CryptoOptions {
  /** SS58 prefix of the written sr25519/ed25519 address; default the source address's, else 42. */
  readonly ss58?: number;
}

const LENGTHS = { sr25519: [64, 32], ed25519: [64, 32], ecdsa: [32, 33], ethereum: [32, 33] } as const;

function checkSource(account: KeystoreSource): void {
  if (!KEY_TYPES.includes(account.type)) {
    throw new KeyportError('UNSUPPORTED_KEY_TYPE', `key type ${String(account.type)} is not supported`);
  }
  const [secretLength, publicLength] = LENGTHS[account.type];
  if (!(account.secretKey instanceof Uint8Array) || account.secretKey.length !== secretLength) {
    throw new KeyportError('INVALID_INPUT', `a ${account.type} secretKey has ${secretLength} bytes`, {
      field: 'secretKey',
    });
  }
  if (!(account.publicKey instanceof Uint8Array) || account.publicKey.length !== publicLength) {
    throw new KeyportError('INVALID_INPUT', `a ${account.type} publicKey has ${publicLength} bytes`, {
      field: 'publicKey',
    });
  }
  const rebuilt = pairFromSecret(account.type, account.secretKey);
  const same = u8aEq(rebuilt.publicKey, account.publicKey);
  rebuilt.secretKey.fill(0);
  if (!same) {
    throw new KeyportError(
      'ADDRESS_MISMATCH',
      `the ${account.type} secretKey does not produce this publicKey`,
      {
        field: 'publicKey',
      },
    );
  }
}

function ss58Of(account: KeystoreSource, options: CreateKeystoreOptions): number {
  if (options.ss58 !== undefined) return options.ss58;
  if (account.address === undefined || account.address.startsWith('0x')) return 42;
  return decodeAddressField(account.address, 'address', 'INVALID_ADDRESS').ss58 ?? 42;
}

/**
 * Writes a version 3 keystore like polkadot-js's `pair.toJson(password)`: PKCS8 body encrypted
 * with scrypt + xsalsa20-poly1305, base64, `address` SS58 for sr25519/ed25519 and the hex
 * compressed public key for ecdsa/ethereum. An empty password writes `type: ['none']`
 * (unencrypted), exactly as polkadot-js does. The secret is checked against the public key first.
 *
 * @throws INVALID_INPUT (wrong key lengths, meta that is not JSON), UNSUPPORTED_KEY_TYPE, ADDRESS_MISMATCH (secret and public key disagree),
 * UNSAFE_SCRYPT_PARAMS (params outside ACCEPTED_SCRYPT).
 * @example const json = await createKeystore(account, 'pw', { params: COMPAT_SCRYPT })
 */
export async function createKeystore(
  account: KeystoreSource,
  password: string | Uint8Array,
  options: CreateKeystoreOptions = {},
): Promise<KeystoreV3Json> {
  checkSource(account);
  const meta = readJsonInput(account.meta ?? {}, { maxLength: MAX_KEYSTORE_LENGTH, what: 'meta' });
  if (!isJsonObject(meta))
    throw new KeyportError('INVALID_INPUT', 'meta should be an object', { field: 'meta' });
  const address =
    account.type === 'ecdsa' || account.type === 'ethereum'
      ? u8aToHex(account.publicKey)
      : encodeAddress(account.publicKey, ss58Of(account, options));
  const encrypted = !isNoPassword(password);
  const body = encodePkcs8(account);
  try {
    const encoded = encrypted
      ? base64Encode(await sealData(body, keyringPasswordBytes(password), options))
      : base64Encode(body);
    return {
      encoded,
      encoding: {
        content: ['pkcs8', account.type],
        type: encrypted ? ['scrypt', 'xsalsa20-poly1305'] : ['none'],
        version: '3',
      },
      address,
      meta,
    };
  } finally {
    body.fill(0);
  }
}

/**
 * Re-encrypts a keystore under a new password (any version in, version 3 out). The scrypt
 * parameters are `options.params`, else the file's own, else DEFAULT_SCRYPT; address prefix
 * and meta are kept.
 *
 * @throws whatever openKeystore and createKeystore throw (WRONG_PASSWORD for `oldPassword`).
 * @example const next = await changeKeystorePassword(json, 'old', 'new', { scrypt: nodeScrypt })
 */
export async function changeKeystorePassword(
  input: unknown,
  oldPassword: string | Uint8Array,
  newPassword: string | Uint8Array,
  options: OpenKeystoreOptions & CreateKeystoreOptions = {},
): Promise<KeystoreV3Json> {
  const account = await openKeystore(input, oldPassword, options);
  try {
    return await createKeystore(account, newPassword, {
      ...options,
      params: options.params ?? account.scrypt ?? DEFAULT_SCRYPT,
    });
  } finally {
    account.secretKey.fill(0);
  }
}
