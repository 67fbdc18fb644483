// SS58 addresses with typed errors, on top of util-crypto's base58 and checksum.
import { hexToU8a, isHex, isU8a } from '@polkadot/util';
import { base58Decode, checkAddressChecksum, encodeAddress, isBase58 } from '@polkadot/util-crypto';
import { KeyportError } from '../errors.ts';
import { resolveNetwork } from './networks.ts';

/** Byte lengths an SS58 payload may have (util-crypto's `allowedDecodedLengths`). */
const PAYLOAD_LENGTHS: readonly number[] = [1, 2, 4, 8, 32, 33];
/** Encoded lengths: payload + prefix (1 or 2 bytes) + checksum (1 or 2 bytes). */
const ENCODED_LENGTHS: readonly number[] = [3, 4, 6, 10, 35, 36, 37, 38];

/** What {@link decodeSs58} returns. */
export interface Ss58Decoded {
  /** The payload: a 32-byte public key or AccountId for accounts (33 for a raw ecdsa key). */
  readonly publicKey: Uint8Array;
  /** The prefix the address was encoded with. */
  readonly prefix: number;
}

/**
 * Encodes a public key / AccountId (bytes or 0x hex) as an SS58 address.
 * `network` is a prefix or a name, as for resolveNetwork (default 42, generic Substrate).
 *
 * @throws INVALID_ADDRESS when the key is not 1, 2, 4, 8, 32 or 33 bytes; UNKNOWN_NETWORK for a
 * bad prefix or name.
 * @example encodeSs58('0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d', 'polkadot')
 * // '15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5'
 */
export function encodeSs58(publicKey: Uint8Array | string, network: number | string = 42): string {
  const { prefix } = resolveNetwork(network);
  let bytes: Uint8Array | undefined;
  if (isU8a(publicKey)) bytes = publicKey;
  else if (typeof publicKey === 'string' && isHex(publicKey)) bytes = hexToU8a(publicKey);
  if (!bytes || !PAYLOAD_LENGTHS.includes(bytes.length)) {
    throw new KeyportError(
      'INVALID_ADDRESS',
      `publicKey must be bytes or 0x hex of ${PAYLOAD_LENGTHS.join(', ')} bytes; got ${bytes ? `${bytes.length} bytes` : typeof publicKey}`,
      { length: bytes?.length },
    );
  }
  return encodeAddress(bytes, prefix);
}

/**
 * Decodes an SS58 address into its payload and prefix, checking the checksum.
 *
 * @throws INVALID_ADDRESS with `details.reason` one of `not-a-string`, `not-base58`, `length`,
 * `reserved-prefix`, `checksum`.
 * @example decodeSs58('FLiSDPCcJ6auZUGXALLj6jpahcP6adVFDBUQznPXUQ7yoqH').prefix === 2
 */
export function decodeSs58(address: string): Ss58Decoded {
  if (typeof address !== 'string' || address.length === 0) {
    throw invalid('not-a-string', 'address must be a non-empty SS58 string');
  }
  const trimmed = address.trim();
  if (!isBase58(trimmed)) {
    throw invalid('not-base58', 'address has characters outside the base58 alphabet');
  }
  const decoded = base58Decode(trimmed);
  if (!ENCODED_LENGTHS.includes(decoded.length)) {
    throw invalid('length', `address decodes to ${decoded.length} bytes, which is no SS58 length`);
  }
  const [isValid, end, prefixLength, prefix] = checkAddressChecksum(decoded);
  if ((decoded[0]! & 0b1000_0000) !== 0 || decoded[0] === 46 || decoded[0] === 47) {
    throw invalid('reserved-prefix', 'address uses a reserved SS58 prefix byte');
  }
  if (!isValid) throw invalid('checksum', 'address checksum does not match (a mistyped character?)');
  const publicKey = decoded.slice(prefixLength, end);
  if (!PAYLOAD_LENGTHS.includes(publicKey.length)) {
    throw invalid('length', `address holds ${publicKey.length} bytes, which is no SS58 payload length`);
  }
  return { publicKey, prefix };
}

/** True when `address` decodes as SS58 with a valid checksum (never throws). */
export function isSs58Address(address: unknown): boolean {
  if (typeof address !== 'string') return false;
  try {
    decodeSs58(address);
    return true;
  } catch (e) {
    if (e instanceof KeyportError) return false;
    throw e;
  }
}

function invalid(reason: string, message: string): KeyportError {
  return new KeyportError('INVALID_ADDRESS', message, { reason });
}
