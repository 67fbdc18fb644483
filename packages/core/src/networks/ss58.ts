// SS58 addresses with typed errors. Decoding runs on util-crypto's base58 and checksum; encoding
// builds the same bytes as util-crypto's encodeAddress (prefix, payload, the first bytes of
// util-crypto's blake2b-512 over "SS58PRE" ‖ prefix ‖ payload) and writes them with
// @scure/base 2's base58, about 7 times faster than util-crypto's (test/network.shared.test.ts
// holds both to one text).
import { hexToU8a, isHex, isU8a } from '@polkadot/util';
import { base58Decode, blake2AsU8a, checkAddressChecksum, isBase58 } from '@polkadot/util-crypto';
import { base58 } from '@scure/base';
import { KeyportError } from '../errors.ts';
import { isValidSs58Prefix, resolveNetwork } from './networks.ts';

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
  return encodeSs58Bytes(bytes, prefix);
}

/** "SS58PRE", what the checksum hash starts with. */
const SS58_PRE = Uint8Array.of(0x53, 0x53, 0x35, 0x38, 0x50, 0x52, 0x45);

/**
 * Encodes `payload` (1, 2, 4, 8, 32 or 33 bytes) as SS58 under the numeric `prefix`: the same
 * text as util-crypto's `encodeAddress(payload, prefix)`, without the name lookup of
 * {@link encodeSs58}, for code that encodes thousands of addresses (a storage's plan).
 *
 * @throws UNKNOWN_NETWORK for a prefix outside 0..16383 or reserved (46, 47); INVALID_ADDRESS for
 * another payload length.
 * @example encodeSs58Bytes(hexToU8a('0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d'), 42)
 * // '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY'
 */
export function encodeSs58Bytes(payload: Uint8Array, prefix: number): string {
  if (!isValidSs58Prefix(prefix)) {
    throw new KeyportError('UNKNOWN_NETWORK', `SS58 prefix ${String(prefix)} is invalid`, { prefix });
  }
  if (!PAYLOAD_LENGTHS.includes(payload.length)) {
    throw new KeyportError('INVALID_ADDRESS', `an SS58 payload is ${PAYLOAD_LENGTHS.join(', ')} bytes`, {
      length: payload.length,
    });
  }
  // util-crypto's prefix bytes: one below 64, else two (the 14-bit form).
  const head = prefix < 64 ? 1 : 2;
  const check = payload.length >= 32 ? 2 : 1;
  const hashed = new Uint8Array(SS58_PRE.length + head + payload.length);
  hashed.set(SS58_PRE);
  if (head === 1) hashed[7] = prefix;
  else {
    hashed[7] = ((prefix & 0b1111_1100) >> 2) | 0b0100_0000;
    hashed[8] = (prefix >> 8) | ((prefix & 0b11) << 6);
  }
  hashed.set(payload, SS58_PRE.length + head);
  const sum = blake2AsU8a(hashed, 512);
  const out = new Uint8Array(head + payload.length + check);
  out.set(hashed.subarray(SS58_PRE.length));
  out.set(sum.subarray(0, check), head + payload.length);
  return base58.encode(out);
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
