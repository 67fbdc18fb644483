// Raw secret keys as other tools export them (docs/rescue-formats.md "Raw secret keys"):
// 32 bytes are a seed (sr25519 mini-secret, ed25519 seed, secp256k1 private key), exactly as
// polkadot-js takes a 0x seed; 64 bytes are an sr25519 secret in one of two encodings, or an
// ed25519 seed ‖ public key. The two sr25519 encodings hold the same key: polkadot-js and
// @scure/sr25519 store scalar·8 ‖ nonce ("ed25519 bytes"), schnorrkel's to_bytes (subkey's Rust
// tools, py-substrate-interface, Bittensor) scalar ‖ nonce. Nothing tells them apart but the
// public key, so a reader tries both and keeps the one that matches.
import { u8aEq } from '@polkadot/util';
import { ed25519PairFromSeed, secp256k1PairFromSeed, sr25519PairFromSeed } from '@polkadot/util-crypto';
import { getPublicKey } from '@scure/sr25519';
import { KeyportError } from '../errors.ts';
import type { KeyType } from '../keystore/types.ts';

/** How a raw secret was read. */
export type RawSecretEncoding =
  | 'seed'
  | 'sr25519-ed25519-bytes'
  | 'sr25519-schnorrkel'
  | 'ed25519-seed-public';

/** One way to read a raw secret: a key pair in polkadot-js's form. */
export interface RawKeyCandidate {
  readonly type: KeyType;
  readonly encoding: RawSecretEncoding;
  readonly publicKey: Uint8Array;
  /** polkadot-js's form (as UnlockedAccount.secretKey). */
  readonly secretKey: Uint8Array;
}

/**
 * Schnorrkel's canonical sr25519 secret (scalar ‖ nonce) in polkadot-js's form (scalar·8 ‖
 * nonce): the scalar, a 256-bit little-endian number, shifted left by three bits, as schnorrkel's
 * `to_ed25519_bytes` does.
 */
function schnorrkelToPjs(secret: Uint8Array): Uint8Array {
  const out = secret.slice();
  let carry = 0;
  for (let i = 0; i < 32; i++) {
    const b = secret[i]!;
    out[i] = ((b << 3) | carry) & 0xff;
    carry = b >> 5;
  }
  return out;
}

/** The sr25519 public key of a secret in polkadot-js's form; null when its scalar is out of range
 * (then the bytes are not a secret in that encoding). */
function sr25519PublicKey(secretKey: Uint8Array): Uint8Array | null {
  try {
    return getPublicKey(secretKey);
  } catch (e) {
    if (e instanceof Error && /scalar/.test(e.message)) return null;
    throw e;
  }
}

/**
 * Every key pair a raw secret can be: 32 bytes give the sr25519, ed25519, ecdsa and ethereum
 * pairs of that seed; 64 bytes give the sr25519 pair in both encodings and, when its second half
 * is the public key of its first, the ed25519 pair. The caller compares the public keys with the
 * one it expects (a QR's second field, an address) and wipes the rest.
 *
 * @throws INVALID_SEED for any other length.
 * @example rawSecretCandidates(hexToU8a(privateKey)).find((c) => u8aEq(c.publicKey, expected))
 */
export function rawSecretCandidates(secret: Uint8Array): RawKeyCandidate[] {
  if (secret.length === 32) {
    const sr = sr25519PairFromSeed(secret);
    const ed = ed25519PairFromSeed(secret);
    const k1 = secp256k1PairFromSeed(secret.slice());
    return [
      { type: 'sr25519', encoding: 'seed', publicKey: sr.publicKey, secretKey: sr.secretKey },
      { type: 'ed25519', encoding: 'seed', publicKey: ed.publicKey, secretKey: ed.secretKey },
      { type: 'ecdsa', encoding: 'seed', publicKey: k1.publicKey, secretKey: k1.secretKey.slice() },
      { type: 'ethereum', encoding: 'seed', publicKey: k1.publicKey, secretKey: k1.secretKey.slice() },
    ];
  }
  if (secret.length !== 64) {
    throw new KeyportError(
      'INVALID_SEED',
      `a raw secret is 32 bytes (a seed) or 64 bytes (an sr25519 or ed25519 secret key); this one is ${secret.length}`,
      { length: secret.length },
    );
  }
  const out: RawKeyCandidate[] = [];
  const ed = ed25519PairFromSeed(secret.slice(0, 32));
  if (u8aEq(ed.publicKey, secret.subarray(32))) {
    out.push({
      type: 'ed25519',
      encoding: 'ed25519-seed-public',
      publicKey: ed.publicKey,
      secretKey: ed.secretKey,
    });
  } else ed.secretKey.fill(0);
  for (const [encoding, key] of [
    ['sr25519-ed25519-bytes', secret.slice()],
    ['sr25519-schnorrkel', schnorrkelToPjs(secret)],
  ] as const) {
    const publicKey = sr25519PublicKey(key);
    if (publicKey) out.push({ type: 'sr25519', encoding, publicKey, secretKey: key });
    else key.fill(0);
  }
  return out;
}

/**
 * The reading of a raw secret whose public key is `publicKey` (of type `type` when given).
 *
 * @throws ADDRESS_MISMATCH when no reading gives that key; INVALID_SEED for a bad length.
 * @example const key = openRawSecret(secret, publicKey, 'sr25519') // encoding 'sr25519-schnorrkel' for a py-substrate-interface key
 */
export function openRawSecret(secret: Uint8Array, publicKey: Uint8Array, type?: KeyType): RawKeyCandidate {
  const all = rawSecretCandidates(secret);
  const hit = all.find((c) => (type === undefined || c.type === type) && u8aEq(c.publicKey, publicKey));
  for (const c of all) if (c !== hit) c.secretKey.fill(0);
  if (hit === undefined) {
    throw new KeyportError(
      'ADDRESS_MISMATCH',
      `the secret does not belong to the given public key in any encoding keyport knows (${type ?? 'sr25519, ed25519, ecdsa, ethereum'})`,
      { length: secret.length },
    );
  }
  return hit;
}
