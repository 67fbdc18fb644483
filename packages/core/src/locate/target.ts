// What `locate` looks for: an address or key in any of the forms users paste, reduced to the
// bytes each key type is compared on (docs/rescue-formats.md "locate"): an SS58 address of any
// prefix or 0x + 64 hex is an AccountId32 (sr25519/ed25519 public key, or blake2_256 of an ecdsa
// key); 0x + 40 hex is an H160 (ethereum); 0x + 66 hex, or a 33-byte SS58 payload, is a
// compressed secp256k1 key (ecdsa or ethereum).
import { hexToU8a, u8aEq } from '@polkadot/util';
import { accountId } from '../account.ts';
import { KeyportError } from '../errors.ts';
import type { KeyType } from '../keystore/types.ts';
import { decodeSs58 } from '../networks/ss58.ts';

/** A parsed locate target. */
export type LocateTarget =
  | { readonly kind: 'account-id'; readonly bytes: Uint8Array; readonly prefix: number | null }
  | { readonly kind: 'h160'; readonly bytes: Uint8Array; readonly prefix: null }
  | { readonly kind: 'secp256k1'; readonly bytes: Uint8Array; readonly prefix: number | null };

/**
 * Parses the address `locate` should find.
 *
 * @throws INVALID_ADDRESS naming what was expected.
 * @example parseTarget('15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5') // { kind: 'account-id', prefix: 0, … }
 */
export function parseTarget(input: string): LocateTarget {
  const text = typeof input === 'string' ? input.trim() : '';
  if (/^0x[0-9a-f]*$/i.test(text)) {
    const hex = text.length - 2;
    if (hex === 40) return { kind: 'h160', bytes: hexToU8a(text), prefix: null };
    if (hex === 64) return { kind: 'account-id', bytes: hexToU8a(text), prefix: null };
    if (hex === 66) return { kind: 'secp256k1', bytes: hexToU8a(text), prefix: null };
    throw new KeyportError(
      'INVALID_ADDRESS',
      `a 0x address is 40 hex digits (H160), 64 (AccountId or public key) or 66 (compressed secp256k1 key); this one has ${hex}`,
      { reason: 'length' },
    );
  }
  const { publicKey, prefix } = decodeSs58(text);
  if (publicKey.length === 32) return { kind: 'account-id', bytes: publicKey, prefix };
  if (publicKey.length === 33) return { kind: 'secp256k1', bytes: publicKey, prefix };
  throw new KeyportError(
    'INVALID_ADDRESS',
    `the address holds ${publicKey.length} bytes; an account address holds 32 (or a 33-byte ecdsa key)`,
    { reason: 'length' },
  );
}

/** The key types whose keys can match `target`. */
export function targetTypes(target: LocateTarget): readonly KeyType[] {
  if (target.kind === 'h160') return ['ethereum'];
  if (target.kind === 'secp256k1') return ['ecdsa', 'ethereum'];
  return ['sr25519', 'ed25519', 'ecdsa'];
}

/**
 * True when the public key `publicKey` of key type `type` is the target.
 *
 * @example matchesTarget(parseTarget(address), pair.publicKey, 'sr25519')
 */
export function matchesTarget(target: LocateTarget, publicKey: Uint8Array, type: KeyType): boolean {
  switch (target.kind) {
    case 'secp256k1':
      return (type === 'ecdsa' || type === 'ethereum') && u8aEq(publicKey, target.bytes);
    case 'h160':
      return type === 'ethereum' && u8aEq(accountId(publicKey, 'ethereum'), target.bytes);
    case 'account-id':
      if (type === 'sr25519' || type === 'ed25519') return u8aEq(publicKey, target.bytes);
      return type === 'ecdsa' && u8aEq(accountId(publicKey, 'ecdsa'), target.bytes);
  }
}
