// Rebuilds a key pair from the secret stored in a keystore, with util-crypto only, so the public
// key is recomputed instead of trusted (polkadot-js's decodePkcs8 takes a 64-byte secret's public
// key from the file as it is).
import { hexToU8a, u8aEq } from '@polkadot/util';
import {
  ed25519PairFromSeed,
  secp256k1PairFromSeed,
  sr25519Agreement,
  sr25519PairFromSeed,
} from '@polkadot/util-crypto';
import { KeyportError } from '../errors.ts';
import type { KeyType } from './types.ts';

/** A public key and the secret it came from, both in polkadot-js's form. */
export interface KeyPair {
  readonly publicKey: Uint8Array;
  readonly secretKey: Uint8Array;
}

// The ristretto255 base point (RFC 9496 §4.4). schnorrkel's public key is scalar·B, and
// sr25519Agreement(secret, P) computes scalar·P, so agreeing with B yields the public key of a
// 64-byte secret: the same multiplication @scure/sr25519's getPublicKey does.
const RISTRETTO_BASE = hexToU8a('0xe2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76');

function corrupt(type: KeyType, detail: string): KeyportError {
  return new KeyportError('CORRUPT_DATA', `the ${type} secret key is not usable: ${detail}`, {
    field: 'encoded',
    type,
  });
}

function build(type: KeyType, secret: Uint8Array): KeyPair {
  switch (type) {
    case 'sr25519':
      if (secret.length === 32) return sr25519PairFromSeed(secret);
      return { publicKey: sr25519Agreement(secret, RISTRETTO_BASE), secretKey: secret.slice() };
    case 'ed25519': {
      if (secret.length === 32) return ed25519PairFromSeed(secret);
      const seed = secret.slice(0, 32);
      const pair = ed25519PairFromSeed(seed);
      seed.fill(0);
      if (!u8aEq(pair.secretKey, secret)) {
        pair.secretKey.fill(0);
        throw corrupt(type, 'its second half is not the public key of its seed');
      }
      return pair;
    }
    case 'ecdsa':
    case 'ethereum': {
      if (secret.length !== 32) throw corrupt(type, `${secret.length} bytes; 32 expected`);
      // The JS path returns the seed it was given as the secret: hand it a copy we own.
      const seed = secret.slice();
      const pair = secp256k1PairFromSeed(seed);
      if (pair.secretKey !== seed) seed.fill(0);
      return pair;
    }
    default:
      throw new KeyportError('UNSUPPORTED_KEY_TYPE', `key type ${String(type)} is not supported`);
  }
}

/**
 * Rebuilds the pair from a secret: a 32-byte seed (sr25519 mini-secret, ed25519 seed,
 * secp256k1 private key) is expanded like polkadot-js's `*PairFromSeed`; a 64-byte sr25519 or
 * ed25519 secret is kept, and its public key recomputed.
 *
 * @throws CORRUPT_DATA when the secret has the wrong length or is not a valid key;
 * UNSUPPORTED_KEY_TYPE for an unknown type.
 * @example pairFromSecret('sr25519', secret64).publicKey // 32 bytes
 */
export function pairFromSecret(type: KeyType, secret: Uint8Array): KeyPair {
  if (secret.length !== 32 && secret.length !== 64) {
    throw corrupt(type, `${secret.length} bytes; 32 or 64 expected`);
  }
  try {
    return build(type, secret);
  } catch (e) {
    if (e instanceof KeyportError) throw e;
    // The library's message may quote the key bytes, so it is not passed on.
    throw corrupt(type, 'it is not a valid key for this curve');
  }
}
