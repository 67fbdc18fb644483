// SS58 addresses with typed errors. Decoding runs on util-crypto's base58 and checksum; encoding
// builds the same bytes as util-crypto's encodeAddress (prefix, payload, the first bytes of
// util-crypto's blake2b-512 over "SS58PRE" ‖ prefix ‖ payload) and writes them with
// @scure/base 2's base58, about 7 times faster than util-crypto's (test/network.shared.test.ts
// holds both to one text).
import { hexToU8a, isHex, isU8a } from '@polkadot/util';
import { base58Decode, blake2AsU8a, checkAddressChecksum, isBase58 } from '@polkadot/util-crypto';
import { blake2b as wasmBlake2b, isReady as wasmReady } from '@polkadot/wasm-crypto';
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
/** No SS58 text longer than this decodes to 38 bytes or fewer (the longest prefix, key and checksum). */
const MAX_SS58_TEXT = 60;
const BASE58_TEXT = /^[1-9A-HJ-NP-Za-km-z]+$/;

/** util-crypto's prefix bytes: one below 64, else two (the 14-bit form). Throws for a bad prefix or payload. */
function prefixBytes(prefix: number, payload: Uint8Array): Uint8Array {
  if (!isValidSs58Prefix(prefix)) {
    throw new KeyportError('UNKNOWN_NETWORK', `SS58 prefix ${String(prefix)} is invalid`, { prefix });
  }
  if (!PAYLOAD_LENGTHS.includes(payload.length)) {
    throw new KeyportError('INVALID_ADDRESS', `an SS58 payload is ${PAYLOAD_LENGTHS.join(', ')} bytes`, {
      length: payload.length,
    });
  }
  let bytes = PREFIX_BYTES.get(prefix);
  if (bytes === undefined) {
    bytes =
      prefix < 64
        ? Uint8Array.of(prefix)
        : Uint8Array.of(((prefix & 0b1111_1100) >> 2) | 0b0100_0000, (prefix >> 8) | ((prefix & 0b11) << 6));
    PREFIX_BYTES.set(prefix, bytes);
  }
  return bytes;
}
const PREFIX_BYTES = new Map<number, Uint8Array>();

const NO_KEY = new Uint8Array();
const CHECKSUM_INPUT = new Uint8Array(SS58_PRE.length + 2 + 33);
CHECKSUM_INPUT.set(SS58_PRE);

/**
 * blake2b-512 of "SS58PRE" ‖ `body` (prefix ‖ payload): its first bytes are the checksum.
 * util-crypto's blake2AsU8a runs the same wasm once it is ready; called directly, a storage's
 * plan saves that wrapper's argument conversions on every record.
 */
function checksumOf(body: Uint8Array): Uint8Array {
  // The longest input is "SS58PRE", two prefix bytes and 33 key bytes; one buffer serves every call.
  const hashed = CHECKSUM_INPUT.subarray(0, SS58_PRE.length + body.length);
  hashed.set(body, SS58_PRE.length);
  return wasmReady() ? wasmBlake2b(hashed, NO_KEY, 64) : blake2AsU8a(hashed, 512);
}

/** How many checksum bytes follow a payload: two after a key, one after a short payload. */
const checksumLength = (payload: Uint8Array): number => (payload.length >= 32 ? 2 : 1);

/**
 * Encodes `payload` (1, 2, 4, 8, 32 or 33 bytes) as SS58 under the numeric `prefix`: the same
 * text as util-crypto's `encodeAddress(payload, prefix)`, without the name lookup of
 * {@link encodeSs58}, for code that encodes thousands of addresses.
 *
 * @throws UNKNOWN_NETWORK for a prefix outside 0..16383 or reserved (46, 47); INVALID_ADDRESS for
 * another payload length.
 * @example encodeSs58Bytes(hexToU8a('0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d'), 42)
 * // '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY'
 */
export function encodeSs58Bytes(payload: Uint8Array, prefix: number): string {
  const head = prefixBytes(prefix, payload);
  const out = new Uint8Array(head.length + payload.length + checksumLength(payload));
  out.set(head);
  out.set(payload, head.length);
  const body = out.subarray(0, head.length + payload.length);
  out.set(checksumOf(body).subarray(0, out.length - body.length), body.length);
  return base58.encode(out);
}

/**
 * Whether `address` is exactly `encodeSs58Bytes(payload, prefix)`, answered without writing that
 * text (one base58 decode and one checksum): how a storage's plan proves thousands of records
 * hold the canonical address of the key they are filed under. Never throws for `address`.
 *
 * @throws UNKNOWN_NETWORK or INVALID_ADDRESS for `prefix` and `payload`, as encodeSs58Bytes.
 * @example isSs58Of('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY', aliceKey, 42) // true
 */
export function isSs58Of(address: unknown, payload: Uint8Array, prefix: number): boolean {
  const head = prefixBytes(prefix, payload);
  if (typeof address !== 'string' || address.length > MAX_SS58_TEXT || !BASE58_TEXT.test(address))
    return false;
  // Base58 maps each text to one byte string and back, so equal bytes mean equal text.
  const decoded = base58.decode(address);
  const end = head.length + payload.length;
  if (decoded.length !== end + checksumLength(payload)) return false;
  for (let i = 0; i < head.length; i++) if (decoded[i] !== head[i]) return false;
  for (let i = 0; i < payload.length; i++) if (decoded[head.length + i] !== payload[i]) return false;
  const sum = checksumOf(decoded.subarray(0, end));
  for (let i = end; i < decoded.length; i++) if (decoded[i] !== sum[i - end]) return false;
  return true;
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
