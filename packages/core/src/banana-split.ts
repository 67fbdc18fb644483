// Banana Split recovery (docs/rescue-formats.md "Banana Split"): any `r` shards of a set
// (banana-shard.ts) and the passphrase give the secret:
//   shares → secrets.js (GF(2^8) Shamir, the page's own library) → secretbox (MAC ‖ ciphertext)
//   key = scrypt(passphrase, SHA-512(title), N = 2^15, r = 8, p = 1)[0..32]
//   secret = XSalsa20-Poly1305 open(box, nonce, key), UTF-8 text (usually a mnemonic).
// The page turns a passphrase typed with spaces into words joined by "-", and so does this.
import { hexToU8a } from '@polkadot/util';
import { naclDecrypt, sha512AsU8a } from '@polkadot/util-crypto';
import secrets from 'secrets.js-grempe';
import { type BananaShard, sameBananaSet } from './banana-shard.ts';
import { KeyportError } from './errors.ts';
import { type ScryptBackend, wasmScrypt } from './scrypt/backend.ts';

/** The scrypt parameters both Banana Split implementations use. */
const BANANA_SCRYPT = Object.freeze({ N: 1 << 15, r: 8, p: 1 });

/** secrets.js's combine; it throws plain Errors for shares it cannot read. */
function combineShares(shares: string[]): Uint8Array {
  let hex: string;
  try {
    hex = secrets.combine(shares);
  } catch (e) {
    if (!(e instanceof Error)) throw e;
    throw new KeyportError('CORRUPT_DATA', 'the shards do not combine (a shard is damaged)');
  }
  if (!/^(?:[0-9a-f]{2})*$/i.test(hex))
    throw new KeyportError('CORRUPT_DATA', 'the shards do not combine into whole bytes');
  return hexToU8a(`0x${hex}`);
}

/**
 * The passphrase as the Banana Split page uses it: words typed with spaces are joined by "-".
 *
 * @example bananaPassphrase('excess torch  unfold fix') === 'excess-torch-unfold-fix'
 */
export function bananaPassphrase(typed: string): string {
  return typed.trim().split(/\s+/u).filter(Boolean).join('-');
}

/** What {@link combineBananaShards} returns. */
export interface CombinedBanana {
  /** The recovered secret (usually a mnemonic): a secret, handle with care. */
  readonly secret: string;
  readonly title: string;
  readonly version: 0 | 1;
  readonly used: number;
  readonly required: number;
}

/**
 * Recovers the secret from shards of one set and the passphrase.
 *
 * @throws INVALID_INPUT when shards of different sets are mixed (`details.problem` 'mixed'),
 * the same shard is given twice ('duplicate') or fewer than required ('not-enough', with
 * `have` and `need`); WRONG_PASSWORD when the passphrase is wrong (or a shard was altered).
 * @example const { secret } = await combineBananaShards(shards, 'excess torch unfold fix', { scrypt: nodeScrypt })
 */
export async function combineBananaShards(
  shards: readonly BananaShard[],
  passphrase: string,
  options: { readonly scrypt?: ScryptBackend } = {},
): Promise<CombinedBanana> {
  const first = shards[0];
  if (first === undefined)
    throw new KeyportError('INVALID_INPUT', 'no Banana Split shard given', {
      problem: 'not-enough',
      have: 0,
    });
  for (const s of shards) {
    if (!sameBananaSet(s, first)) {
      throw new KeyportError(
        'INVALID_INPUT',
        'the shards come from different Banana Split sets (their title, nonce, version or required count differ)',
        { problem: 'mixed' },
      );
    }
  }
  const ids = new Set(shards.map((s) => s.id));
  if (ids.size !== shards.length) {
    throw new KeyportError('INVALID_INPUT', 'the same shard is given twice', { problem: 'duplicate' });
  }
  if (shards.length < first.required) {
    throw new KeyportError(
      'INVALID_INPUT',
      `not enough shards: this set needs ${first.required}, ${shards.length} given`,
      { problem: 'not-enough', have: shards.length, need: first.required },
    );
  }
  const box = combineShares(shards.map((s) => s.share));
  const salt = sha512AsU8a(new TextEncoder().encode(first.title));
  const pw = new TextEncoder().encode(bananaPassphrase(passphrase));
  const dk = await (options.scrypt ?? wasmScrypt)(pw, salt, BANANA_SCRYPT);
  pw.fill(0);
  const key = dk.slice(0, 32);
  dk.fill(0);
  const plain = box.length > 16 ? naclDecrypt(box, hexToU8a(first.nonce), key) : null;
  key.fill(0);
  if (plain === null) {
    throw new KeyportError('WRONG_PASSWORD', 'the Banana Split passphrase is wrong (or a shard was altered)');
  }
  let secret: string;
  try {
    secret = new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    throw new KeyportError('CORRUPT_DATA', 'the recovered secret is not UTF-8 text');
  } finally {
    plain.fill(0);
  }
  return {
    secret,
    title: first.title,
    version: first.version,
    used: shards.length,
    required: first.required,
  };
}
