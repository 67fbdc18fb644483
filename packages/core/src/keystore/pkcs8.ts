// The plaintext body of a keystore, as polkadot-js/common packages/keyring/src/pair/{encode,
// decode,defaults}.ts writes and reads it (docs/keystore-format.md §4):
//   HEADER(16) ‖ secret (64, or a 32-byte seed/private key) ‖ DIVIDER(5) ‖ public key (32 or 33)
// The same DER-looking header and divider are used for every key type.
import { u8aConcat, u8aEq } from '@polkadot/util';
import { KeyportError } from '../errors.ts';

/** PAIR_HDR of polkadot-js: the DER prefix of an RFC 8410 Ed25519 OneAsymmetricKey. */
export const PKCS8_HEADER = new Uint8Array([48, 83, 2, 1, 1, 48, 5, 6, 3, 43, 101, 112, 4, 34, 4, 32]);
/** PAIR_DIV of polkadot-js. */
export const PKCS8_DIVIDER = new Uint8Array([161, 35, 3, 33, 0]);

/** The secret and public key inside a PKCS8 body (views into the body: copy before wiping it). */
export interface Pkcs8Keys {
  /** 64 bytes ("generation 3") or 32 bytes (seed form of generations 1–2, and ecdsa/ethereum). */
  readonly secretKey: Uint8Array;
  /** Every byte after the divider: 32 (sr25519/ed25519) or 33 (ecdsa/ethereum). */
  readonly publicKey: Uint8Array;
}

const HDR = PKCS8_HEADER.length;

/**
 * Writes `HEADER ‖ secretKey ‖ DIVIDER ‖ publicKey` like polkadot-js's encodePair.
 *
 * @example encodePkcs8({ secretKey, publicKey }).length // 117 for sr25519, 86 for ecdsa
 */
export function encodePkcs8({ secretKey, publicKey }: Pkcs8Keys): Uint8Array {
  return u8aConcat(PKCS8_HEADER, secretKey, PKCS8_DIVIDER, publicKey);
}

/** True when the body is a keyless record (external, QR, hardware, multisig): HEADER ‖ DIVIDER ‖ key. */
export function isKeylessPkcs8(body: Uint8Array): boolean {
  return (
    u8aEq(body.subarray(0, HDR), PKCS8_HEADER) &&
    u8aEq(body.subarray(HDR, HDR + PKCS8_DIVIDER.length), PKCS8_DIVIDER) &&
    [20, 32, 33].includes(body.length - HDR - PKCS8_DIVIDER.length)
  );
}

/**
 * Splits a decrypted body like polkadot-js's decodePair: check the header, look for the divider
 * after a 64-byte secret, then after a 32-byte one. Unlike decodePair it keeps all 33 bytes of
 * an ecdsa/ethereum public key and rejects trailing garbage.
 *
 * @throws CORRUPT_DATA for a wrong header, no divider, or a public key that is not 32/33 bytes;
 * UNSUPPORTED_FORMAT (details.reason 'no-secret') for a keyless record.
 * @example decodePkcs8(body).secretKey.length // 64
 */
export function decodePkcs8(body: Uint8Array): Pkcs8Keys {
  if (!u8aEq(body.subarray(0, HDR), PKCS8_HEADER)) {
    throw new KeyportError('CORRUPT_DATA', 'the decrypted key has no PKCS8 header (the data is damaged)', {
      field: 'encoded',
    });
  }
  if (isKeylessPkcs8(body)) {
    throw new KeyportError(
      'UNSUPPORTED_FORMAT',
      'this keystore holds no secret key (an external, QR, hardware or multisig account)',
      { field: 'encoded', reason: 'no-secret' },
    );
  }
  for (const secretLength of [64, 32]) {
    const div = HDR + secretLength;
    if (u8aEq(body.subarray(div, div + PKCS8_DIVIDER.length), PKCS8_DIVIDER)) {
      const publicKey = body.subarray(div + PKCS8_DIVIDER.length);
      if (publicKey.length !== 32 && publicKey.length !== 33) {
        throw new KeyportError(
          'CORRUPT_DATA',
          `the public key in the decrypted body is ${publicKey.length} bytes; 32 or 33 expected`,
          { field: 'encoded' },
        );
      }
      return { secretKey: body.subarray(HDR, div), publicKey };
    }
  }
  throw new KeyportError('CORRUPT_DATA', 'the decrypted key has no PKCS8 divider (the data is damaged)', {
    field: 'encoded',
  });
}
