// Decoders for the individual fields of a keystore, shared by parse, describe and open.
import { hexToU8a, isHex } from '@polkadot/util';
import { base58Decode, base64Decode, checkAddressChecksum, decodeAddress } from '@polkadot/util-crypto';
import { KeyportError } from '../errors.ts';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Decodes `encoded` the way polkadot-js does: 0x-hex when it is even-length hex, base64
 * otherwise. Base64 text may itself begin with "0x" (about one ciphertext in 4,096 does), so a
 * "0x" start alone does not make it hex.
 *
 * @throws CORRUPT_DATA when it is neither (odd-length hex, stray characters, bad padding).
 * @example decodeEncoded('0x0102') // Uint8Array [1, 2]
 */
export function decodeEncoded(encoded: string, field = 'encoded'): Uint8Array {
  if (isHex(encoded)) return hexToU8a(encoded);
  if (encoded.length % 4 !== 0 || !BASE64.test(encoded)) {
    throw new KeyportError('CORRUPT_DATA', `${field} is neither even-length 0x-hex nor padded base64`, {
      field,
    });
  }
  try {
    return base64Decode(encoded);
  } catch {
    throw new KeyportError('CORRUPT_DATA', `${field} is not valid base64`, { field });
  }
}

/** What an `address` field holds. */
export interface AddressBytes {
  /** The decoded key or id: 32 bytes (SS58 or hex), 33 (compressed secp256k1 key) or 20 (H160). */
  readonly bytes: Uint8Array;
  /** The SS58 prefix when the address is SS58; undefined for hex. */
  readonly ss58?: number;
}

/**
 * Decodes an address like polkadot-js's createFromJson: hex as hex, anything else as SS58 of
 * any prefix with its checksum checked.
 *
 * @throws `code` (default CORRUPT_DATA) when the address decodes to nothing of 20, 32 or 33 bytes.
 * @example decodeAddressField('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY').ss58 // 42
 */
export function decodeAddressField(
  address: string,
  field = 'address',
  code: 'CORRUPT_DATA' | 'INVALID_ADDRESS' = 'CORRUPT_DATA',
): AddressBytes {
  const bad = (why: string) =>
    new KeyportError(code, `${field} is not a valid address: ${why}`, { field, length: address.length });
  if (address.length === 0 || address.length > 200)
    throw bad('expected SS58 or 0x-hex of 20, 32 or 33 bytes');
  if (address.startsWith('0x')) {
    if (!isHex(address)) throw bad('odd-length or non-hex 0x string');
    const bytes = hexToU8a(address);
    if (![20, 32, 33].includes(bytes.length)) throw bad(`hex of ${bytes.length} bytes`);
    return { bytes };
  }
  let bytes: Uint8Array;
  let ss58: number;
  try {
    bytes = decodeAddress(address);
    ss58 = checkAddressChecksum(base58Decode(address))[3];
  } catch {
    // util-crypto's message quotes the whole input; ours names the field instead.
    throw bad('not SS58 with a valid checksum');
  }
  if (bytes.length !== 32 && bytes.length !== 33) throw bad(`SS58 of ${bytes.length} bytes`);
  return { bytes, ss58 };
}
