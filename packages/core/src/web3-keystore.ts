// Web3 Secret Storage v3: the Ethereum keystore geth, MetaMask (import), ethers and most EVM
// wallets write (docs/rescue-formats.md "Web3 Secret Storage"):
//   { version: 3, id, address?, crypto | Crypto: { cipher: 'aes-128-ctr', cipherparams: { iv },
//     ciphertext, kdf: 'scrypt' | 'pbkdf2', kdfparams, mac }, 'x-ethers'? }
// DK = KDF(password, salt); mac = keccak256(DK[16..32] ‖ ciphertext); key = AES-128-CTR(DK[0..16],
// iv) of the ciphertext: a secp256k1 private key (geth dropped leading zero bytes in old files).
// ethers' x-ethers block also holds the mnemonic entropy, AES-256-CTR under DK[32..64].
// This file reads and checks the fields, which detection needs; opening and writing, with their
// crypto, are in web3-crypto.ts and load only when a file is opened or written.

import { hexToU8a } from '@polkadot/util';
import { formatAddress } from './account.ts';
import { KeyportError } from './errors.ts';
import { isJsonObject, type JsonObject, type JsonValue, readJsonInput } from './keystore/json-input.ts';

/** The KDF of a Web3 keystore with its parameters. */
export type Web3Kdf =
  | {
      readonly kdf: 'scrypt';
      readonly N: number;
      readonly r: number;
      readonly p: number;
      readonly salt: Uint8Array;
    }
  | { readonly kdf: 'pbkdf2'; readonly c: number; readonly salt: Uint8Array };

/** A parsed Web3 v3 keystore: its fields checked, nothing decrypted. */
export interface Web3Keystore {
  readonly id: string | null;
  /** The `address` field as a checksummed 0x H160, or null when the file has none. */
  readonly address: string | null;
  readonly kdf: Web3Kdf;
  readonly dklen: number;
  readonly iv: Uint8Array;
  readonly ciphertext: Uint8Array;
  readonly mac: Uint8Array;
  /** ethers' block: the path and whether an encrypted mnemonic is there. */
  readonly ethers: { readonly path: string | null; readonly mnemonic: boolean } | null;
  /** `Crypto` (ethers) rather than `crypto`. */
  readonly capitalCrypto: boolean;
}

/** Largest scrypt memory (128·N·r) and PBKDF2 count keyport accepts from a file. */
const MAX_SCRYPT_BYTES = 1 << 30;
const MAX_PBKDF2_COUNT = 10_000_000;

const bad = (code: 'INVALID_INPUT' | 'CORRUPT_DATA' | 'UNSUPPORTED_FORMAT', field: string, msg: string) =>
  new KeyportError(code, `Web3 keystore: ${field} ${msg}`, { field });

/**
 * The member `key` of a Web3 keystore object (`path` names it in errors).
 *
 * @throws INVALID_INPUT when it is missing.
 * @example web3Field(root, 'version', 'version') // 3
 */
export function web3Field(o: JsonObject, key: string, path: string): JsonValue {
  if (!Object.hasOwn(o, key)) throw bad('INVALID_INPUT', path, 'is missing');
  return o[key]!;
}

function object(v: JsonValue, path: string): JsonObject {
  if (!isJsonObject(v)) throw bad('INVALID_INPUT', path, 'is not an object');
  return v;
}

/**
 * Whole bytes of hex, with or without 0x (`lengths`: the byte lengths allowed).
 *
 * @throws INVALID_INPUT (not a string), CORRUPT_DATA (not hex, another length), naming `path`.
 * @example web3Hex('0011', 'crypto.mac') // Uint8Array [0, 17]
 */
export function web3Hex(v: JsonValue, path: string, lengths?: readonly number[]): Uint8Array {
  if (typeof v !== 'string') throw bad('INVALID_INPUT', path, 'is not a hex string');
  const text = v.startsWith('0x') ? v.slice(2) : v;
  if (text.length === 0 || text.length % 2 !== 0 || !/^[0-9a-f]*$/i.test(text)) {
    throw bad('CORRUPT_DATA', path, 'is not whole bytes of hex');
  }
  const bytes = hexToU8a(`0x${text}`);
  if (lengths && !lengths.includes(bytes.length)) {
    throw bad('CORRUPT_DATA', path, `is ${bytes.length} bytes; expected ${lengths.join(' or ')}`);
  }
  return bytes;
}

function integer(v: JsonValue, path: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw bad('INVALID_INPUT', path, `is not an integer from ${min} to ${max}`);
  }
  return v;
}

/** True when `value` (parsed JSON) looks like a Web3 keystore: version 3 and a crypto block. */
export function isWeb3Keystore(value: unknown): boolean {
  if (!isJsonObject(value as JsonValue)) return false;
  const o = value as JsonObject;
  const crypto = o.crypto ?? o.Crypto;
  return o.version === 3 && isJsonObject(crypto) && 'kdf' in crypto && 'ciphertext' in crypto;
}

/**
 * Reads and checks a Web3 v3 keystore (text or parsed JSON) without a password.
 *
 * @throws INVALID_INPUT (not JSON, a field missing or of the wrong type, naming the field),
 * UNSUPPORTED_VERSION, UNSUPPORTED_FORMAT (another cipher, KDF or PRF), CORRUPT_DATA (bad hex,
 * lengths), UNSAFE_SCRYPT_PARAMS (N not a power of two, or over 1 GiB of memory).
 * @example parseWeb3(text).kdf // { kdf: 'scrypt', N: 262144, r: 8, p: 1, salt }
 */
export function parseWeb3(input: unknown): Web3Keystore {
  const root = object(readJsonInput(input, { maxLength: 1 << 20, what: 'Web3 keystore' }), '$');
  const version = web3Field(root, 'version', 'version');
  if (version !== 3) {
    throw new KeyportError(
      'UNSUPPORTED_VERSION',
      `Web3 keystore: version ${JSON.stringify(version)} is not 3`,
      {
        field: 'version',
      },
    );
  }
  const capitalCrypto = !Object.hasOwn(root, 'crypto') && Object.hasOwn(root, 'Crypto');
  const name = capitalCrypto ? 'Crypto' : 'crypto';
  const c = object(web3Field(root, name, name), name);
  const cipher = web3Field(c, 'cipher', `${name}.cipher`);
  if (cipher !== 'aes-128-ctr') throw bad('UNSUPPORTED_FORMAT', `${name}.cipher`, 'is not aes-128-ctr');
  const iv = web3Hex(
    web3Field(
      object(web3Field(c, 'cipherparams', `${name}.cipherparams`), `${name}.cipherparams`),
      'iv',
      `${name}.cipherparams.iv`,
    ),
    `${name}.cipherparams.iv`,
    [16],
  );
  const ciphertext = web3Hex(web3Field(c, 'ciphertext', `${name}.ciphertext`), `${name}.ciphertext`);
  if (ciphertext.length > 32)
    throw bad('CORRUPT_DATA', `${name}.ciphertext`, `is ${ciphertext.length} bytes; a key is 32`);
  const mac = web3Hex(web3Field(c, 'mac', `${name}.mac`), `${name}.mac`, [32]);
  const params = object(web3Field(c, 'kdfparams', `${name}.kdfparams`), `${name}.kdfparams`);
  const at = (k: string) => `${name}.kdfparams.${k}`;
  const dklen = integer(web3Field(params, 'dklen', at('dklen')), at('dklen'), 32, 64);
  const salt = web3Hex(web3Field(params, 'salt', at('salt')), at('salt'));
  if (salt.length > 1024) throw bad('CORRUPT_DATA', at('salt'), 'is over 1024 bytes');
  const kdfName = web3Field(c, 'kdf', `${name}.kdf`);
  let kdf: Web3Kdf;
  if (kdfName === 'scrypt') {
    const N = integer(web3Field(params, 'n', at('n')), at('n'), 2, 2 ** 30);
    const r = integer(web3Field(params, 'r', at('r')), at('r'), 1, 64);
    const p = integer(web3Field(params, 'p', at('p')), at('p'), 1, 64);
    if ((N & (N - 1)) !== 0 || 128 * N * r > MAX_SCRYPT_BYTES || p * r > 128) {
      throw new KeyportError(
        'UNSAFE_SCRYPT_PARAMS',
        `Web3 keystore: scrypt N=${N}, r=${r}, p=${p} is not accepted (N a power of two, at most 1 GiB of memory)`,
        { N, r, p },
      );
    }
    kdf = { kdf: 'scrypt', N, r, p, salt };
  } else if (kdfName === 'pbkdf2') {
    if (web3Field(params, 'prf', at('prf')) !== 'hmac-sha256')
      throw bad('UNSUPPORTED_FORMAT', at('prf'), 'is not hmac-sha256');
    kdf = { kdf: 'pbkdf2', c: integer(web3Field(params, 'c', at('c')), at('c'), 1, MAX_PBKDF2_COUNT), salt };
  } else {
    throw bad('UNSUPPORTED_FORMAT', `${name}.kdf`, 'is neither scrypt nor pbkdf2');
  }
  const address =
    root.address === undefined ? null : formatAddress(web3Hex(root.address!, 'address', [20]), 'ethereum');
  const id = typeof root.id === 'string' ? root.id : null;
  const x = root['x-ethers'];
  const ethers = isJsonObject(x)
    ? {
        path: typeof x.path === 'string' ? x.path : null,
        mnemonic: x.version === '0.1' && typeof x.mnemonicCiphertext === 'string',
      }
    : null;
  return { id, address, kdf, dklen, iv, ciphertext, mac, ethers, capitalCrypto };
}

/** Bytes of memory and a one-line cost of opening a keystore with this KDF (for inspect). */
export function web3KdfCost(kdf: Web3Kdf): string {
  if (kdf.kdf === 'pbkdf2') return `PBKDF2-HMAC-SHA256 × ${kdf.c}`;
  const mib = (128 * kdf.N * kdf.r) / 2 ** 20;
  const work = (kdf.N * kdf.r * kdf.p) / (2 ** 17 * 8);
  return `scrypt N=2^${Math.log2(kdf.N)}, r=${kdf.r}, p=${kdf.p}: ${mib} MiB, ${work}× the work of a polkadot-js keystore at 2^17`;
}
