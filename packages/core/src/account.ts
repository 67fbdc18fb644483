// An account with its secret in memory, and the ids and addresses polkadot-js derives from a
// public key (docs/keystore-format.md §4, docs/apps-storage.md §2).
import { isHex, u8aToU8a } from '@polkadot/util';
import {
  blake2AsU8a,
  encodeAddress,
  ethereumEncode,
  keccakAsU8a,
  secp256k1Compress,
  secp256k1Expand,
} from '@polkadot/util-crypto';
import { KeyportError } from './errors.ts';
import type { KeystoreMeta, KeystoreVersion, KeyType } from './keystore/types.ts';
import type { ScryptParams } from './scrypt/params.ts';

/**
 * An unlocked account: what a keystore decrypts to and what a mnemonic derives to.
 * `secretKey` is polkadot-js's form: 64 bytes for sr25519 (schnorrkel "ed25519 bytes") and
 * ed25519 (seed ‖ public key), the 32-byte private key for ecdsa/ethereum. `publicKey` is 32
 * bytes for sr25519/ed25519 and the 33-byte compressed key for ecdsa/ethereum. Call
 * {@link wipe} when done.
 */
export interface UnlockedAccount {
  readonly type: KeyType;
  readonly publicKey: Uint8Array;
  readonly secretKey: Uint8Array;
  /** The address users see: SS58 for sr25519/ed25519/ecdsa, checksummed 0x H160 for ethereum. */
  readonly address: string;
  readonly meta: KeystoreMeta;
  /** The keystore version it was read from, when it came from a keystore. */
  readonly version?: KeystoreVersion;
  /** The scrypt parameters of the keystore it was read from, when it had any. */
  readonly scrypt?: ScryptParams;
}

function keyOfLength(publicKey: Uint8Array | string, lengths: number[], type: KeyType): Uint8Array {
  if (!(publicKey instanceof Uint8Array) && !isHex(publicKey)) {
    throw new KeyportError('INVALID_INPUT', 'publicKey must be bytes or 0x-prefixed hex of even length');
  }
  const key = u8aToU8a(publicKey);
  if (!lengths.includes(key.length)) {
    throw new KeyportError(
      'INVALID_INPUT',
      `publicKey is ${key.length} bytes; a ${type} key has ${lengths.join(' or ')}`,
      { length: key.length, type },
    );
  }
  return key;
}

/**
 * The on-chain AccountId of a public key, as Apps uses it in `account:0x…` storage keys:
 * sr25519/ed25519 the 32-byte key itself, ecdsa `blake2_256(compressed key)`, ethereum the
 * 20-byte H160 (`keccak256(uncompressed)[12..]`; a 20-byte input is taken as the H160).
 *
 * @throws INVALID_INPUT when the key has the wrong length for `type`.
 * @example u8aToHex(accountId(pair.publicKey, 'ecdsa')) // '0x…' (32 bytes)
 */
export function accountId(publicKey: Uint8Array | string, type: KeyType): Uint8Array {
  switch (type) {
    case 'sr25519':
    case 'ed25519':
      return keyOfLength(publicKey, [32], type).slice();
    case 'ecdsa':
      return blake2AsU8a(secp256k1Compress(keyOfLength(publicKey, [33, 65], type)), 256);
    case 'ethereum': {
      const key = keyOfLength(publicKey, [20, 33, 65], type);
      return key.length === 20 ? key.slice() : keccakAsU8a(secp256k1Expand(key)).slice(-20);
    }
    default:
      throw new KeyportError('UNSUPPORTED_KEY_TYPE', `key type ${String(type)} is not supported`);
  }
}

/**
 * The address users see for a public key: SS58 of the AccountId at `ss58` (default 42) for
 * sr25519/ed25519/ecdsa, the EIP-55 checksummed H160 for ethereum.
 *
 * @throws INVALID_INPUT for a key of the wrong length or an ss58 prefix outside 0..16383.
 * @example formatAddress(alicePublicKey, 'sr25519', 0) // '15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5'
 */
export function formatAddress(publicKey: Uint8Array | string, type: KeyType, ss58 = 42): string {
  const id = accountId(publicKey, type);
  if (type === 'ethereum') return ethereumEncode(id);
  if (!Number.isInteger(ss58) || ss58 < 0 || ss58 > 16383 || ss58 === 46 || ss58 === 47) {
    throw new KeyportError(
      'INVALID_INPUT',
      `ss58 prefix ${ss58} is not a valid prefix (0..16383, not 46/47)`,
      {
        ss58,
      },
    );
  }
  return encodeAddress(id, ss58);
}

/**
 * Zeroes the account's secret key in place. The account is unusable afterwards.
 *
 * @example const acc = await openKeystore(json, pw); try { use(acc) } finally { wipe(acc) }
 */
export function wipe(account: Pick<UnlockedAccount, 'secretKey'>): void {
  account.secretKey.fill(0);
}
