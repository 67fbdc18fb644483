// Web3 Secret Storage v3: the Ethereum keystore geth, MetaMask (import), ethers and most EVM
// wallets write (docs/rescue-formats.md "Web3 Secret Storage"):
//   { version: 3, id, address?, crypto | Crypto: { cipher: 'aes-128-ctr', cipherparams: { iv },
//     ciphertext, kdf: 'scrypt' | 'pbkdf2', kdfparams, mac }, 'x-ethers'? }
// DK = KDF(password, salt); mac = keccak256(DK[16..32] ‖ ciphertext); key = AES-128-CTR(DK[0..16],
// iv) of the ciphertext: a secp256k1 private key (geth dropped leading zero bytes in old files).
// ethers' x-ethers block also holds the mnemonic entropy, AES-256-CTR under DK[32..64].

import { ctr } from '@noble/ciphers/aes.js';
import { pbkdf2 } from '@noble/hashes/pbkdf2.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { hexToU8a, u8aConcat, u8aEq, u8aToHex } from '@polkadot/util';
import { keccakAsU8a, randomAsU8a, secp256k1PairFromSeed } from '@polkadot/util-crypto';
import { entropyToMnemonic } from '@polkadot/util-crypto/mnemonic/bip39';
import { accountId, formatAddress, type UnlockedAccount } from './account.ts';
import { KeyportError } from './errors.ts';
import { isJsonObject, type JsonObject, type JsonValue, readJsonInput } from './keystore/json-input.ts';
import { type ScryptBackend, wasmScrypt } from './scrypt/backend.ts';
import { hashWasmScrypt } from './scrypt/hash-wasm.ts';

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

/** What {@link openWeb3} returns: an ethereum account, plus ethers' mnemonic when the file has one. */
export interface OpenedWeb3 {
  readonly account: UnlockedAccount;
  /** The BIP39 mnemonic ethers stored (a secret; wipe nothing, it is a string). */
  readonly mnemonic?: string;
  readonly path?: string;
  /** The key was shorter than 32 bytes in the file and was left-padded with zero bytes. */
  readonly padded: boolean;
}

/** Largest scrypt memory (128·N·r) and PBKDF2 count keyport accepts from a file. */
const MAX_SCRYPT_BYTES = 1 << 30;
const MAX_PBKDF2_COUNT = 10_000_000;

const bad = (code: 'INVALID_INPUT' | 'CORRUPT_DATA' | 'UNSUPPORTED_FORMAT', field: string, msg: string) =>
  new KeyportError(code, `Web3 keystore: ${field} ${msg}`, { field });

function field(o: JsonObject, key: string, path: string): JsonValue {
  if (!Object.hasOwn(o, key)) throw bad('INVALID_INPUT', path, 'is missing');
  return o[key]!;
}

function object(v: JsonValue, path: string): JsonObject {
  if (!isJsonObject(v)) throw bad('INVALID_INPUT', path, 'is not an object');
  return v;
}

function hex(v: JsonValue, path: string, lengths?: readonly number[]): Uint8Array {
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
  const version = field(root, 'version', 'version');
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
  const c = object(field(root, name, name), name);
  const cipher = field(c, 'cipher', `${name}.cipher`);
  if (cipher !== 'aes-128-ctr') throw bad('UNSUPPORTED_FORMAT', `${name}.cipher`, 'is not aes-128-ctr');
  const iv = hex(
    field(
      object(field(c, 'cipherparams', `${name}.cipherparams`), `${name}.cipherparams`),
      'iv',
      `${name}.cipherparams.iv`,
    ),
    `${name}.cipherparams.iv`,
    [16],
  );
  const ciphertext = hex(field(c, 'ciphertext', `${name}.ciphertext`), `${name}.ciphertext`);
  if (ciphertext.length > 32)
    throw bad('CORRUPT_DATA', `${name}.ciphertext`, `is ${ciphertext.length} bytes; a key is 32`);
  const mac = hex(field(c, 'mac', `${name}.mac`), `${name}.mac`, [32]);
  const params = object(field(c, 'kdfparams', `${name}.kdfparams`), `${name}.kdfparams`);
  const at = (k: string) => `${name}.kdfparams.${k}`;
  const dklen = integer(field(params, 'dklen', at('dklen')), at('dklen'), 32, 64);
  const salt = hex(field(params, 'salt', at('salt')), at('salt'));
  if (salt.length > 1024) throw bad('CORRUPT_DATA', at('salt'), 'is over 1024 bytes');
  const kdfName = field(c, 'kdf', `${name}.kdf`);
  let kdf: Web3Kdf;
  if (kdfName === 'scrypt') {
    const N = integer(field(params, 'n', at('n')), at('n'), 2, 2 ** 30);
    const r = integer(field(params, 'r', at('r')), at('r'), 1, 64);
    const p = integer(field(params, 'p', at('p')), at('p'), 1, 64);
    if ((N & (N - 1)) !== 0 || 128 * N * r > MAX_SCRYPT_BYTES || p * r > 128) {
      throw new KeyportError(
        'UNSAFE_SCRYPT_PARAMS',
        `Web3 keystore: scrypt N=${N}, r=${r}, p=${p} is not accepted (N a power of two, at most 1 GiB of memory)`,
        { N, r, p },
      );
    }
    kdf = { kdf: 'scrypt', N, r, p, salt };
  } else if (kdfName === 'pbkdf2') {
    if (field(params, 'prf', at('prf')) !== 'hmac-sha256')
      throw bad('UNSUPPORTED_FORMAT', at('prf'), 'is not hmac-sha256');
    kdf = { kdf: 'pbkdf2', c: integer(field(params, 'c', at('c')), at('c'), 1, MAX_PBKDF2_COUNT), salt };
  } else {
    throw bad('UNSUPPORTED_FORMAT', `${name}.kdf`, 'is neither scrypt nor pbkdf2');
  }
  const address =
    root.address === undefined ? null : formatAddress(hex(root.address!, 'address', [20]), 'ethereum');
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

/** RFC 7914 wants N < 2^(16·r); geth's own test vector (r = 1, N = 2^18) breaks it. */
function strictScryptRefuses(kdf: Web3Kdf): boolean {
  return kdf.kdf === 'scrypt' && Math.log2(kdf.N) >= 16 * kdf.r;
}

async function deriveKey(kdf: Web3Kdf, password: string, scrypt: ScryptBackend): Promise<Uint8Array> {
  const pw = new TextEncoder().encode(password);
  try {
    if (kdf.kdf === 'pbkdf2') return pbkdf2(sha256, pw, kdf.salt, { c: kdf.c, dkLen: 64 });
    // Every ScryptBackend gives dkLen 64; its first 32 bytes are the dkLen-32 key (PBKDF2 blocks).
    const backend = strictScryptRefuses(kdf) ? hashWasmScrypt : scrypt;
    return await backend(pw, kdf.salt, { N: kdf.N, r: kdf.r, p: kdf.p });
  } finally {
    pw.fill(0);
  }
}

/**
 * Decrypts a Web3 v3 keystore into an `ethereum` account (the key's compressed public key, the
 * checksummed H160), checking the MAC first and the file's `address` after.
 *
 * @throws what parseWeb3 throws; WRONG_PASSWORD (MAC mismatch); ADDRESS_MISMATCH (the key is not
 * the file's address); CORRUPT_DATA (the plaintext is no secp256k1 key).
 * @example const { account } = await openWeb3(text, password, { scrypt: nodeScrypt })
 */
export async function openWeb3(
  input: unknown,
  password: string,
  options: { readonly scrypt?: ScryptBackend } = {},
): Promise<OpenedWeb3> {
  const file = parseWeb3(input);
  const dk = await deriveKey(file.kdf, password, options.scrypt ?? wasmScrypt);
  try {
    if (!u8aEq(keccakAsU8a(u8aConcat(dk.subarray(16, 32), file.ciphertext)), file.mac)) {
      throw new KeyportError(
        'WRONG_PASSWORD',
        'the password is wrong (the Web3 keystore MAC does not match)',
      );
    }
    const plain = ctr(dk.slice(0, 16), file.iv).decrypt(file.ciphertext);
    const secret = new Uint8Array(32);
    secret.set(plain, 32 - plain.length);
    plain.fill(0);
    let pair: { publicKey: Uint8Array; secretKey: Uint8Array };
    try {
      pair = secp256k1PairFromSeed(secret.slice());
    } catch {
      secret.fill(0);
      throw new KeyportError(
        'CORRUPT_DATA',
        'Web3 keystore: the decrypted key is not a valid secp256k1 private key',
      );
    }
    const address = formatAddress(pair.publicKey, 'ethereum');
    if (file.address !== null && file.address !== address) {
      secret.fill(0);
      throw new KeyportError(
        'ADDRESS_MISMATCH',
        `the key belongs to ${address}, not to the file's address ${file.address}`,
        {
          address: file.address,
        },
      );
    }
    const account: UnlockedAccount = {
      type: 'ethereum',
      publicKey: pair.publicKey,
      secretKey: secret,
      address,
      meta: {},
    };
    const x = readEthersMnemonic(input, file, dk);
    return { account, ...x, padded: file.ciphertext.length < 32 };
  } finally {
    dk.fill(0);
  }
}

function readEthersMnemonic(
  input: unknown,
  file: Web3Keystore,
  dk: Uint8Array,
): { mnemonic?: string; path?: string } {
  if (!file.ethers?.mnemonic) return {};
  const root = readJsonInput(input, { maxLength: 1 << 20, what: 'Web3 keystore' }) as JsonObject;
  const x = root['x-ethers'] as JsonObject;
  const cipher = hex(x.mnemonicCiphertext!, 'x-ethers.mnemonicCiphertext');
  const counter = hex(
    field(x, 'mnemonicCounter', 'x-ethers.mnemonicCounter'),
    'x-ethers.mnemonicCounter',
    [16],
  );
  // ethers keys this with all of DK[32..64], so it is AES-256-CTR.
  const entropy = ctr(dk.slice(32, 64), counter).decrypt(cipher);
  try {
    return { mnemonic: entropyToMnemonic(entropy), ...(file.ethers.path ? { path: file.ethers.path } : {}) };
  } catch {
    throw new KeyportError(
      'CORRUPT_DATA',
      'Web3 keystore: x-ethers.mnemonicCiphertext does not decrypt to BIP39 entropy',
    );
  } finally {
    entropy.fill(0);
  }
}

/** Options of {@link createWeb3}. */
export interface CreateWeb3Options {
  /** Default scrypt N = 2^17, r = 8, p = 1 (what ethers and MetaMask write). */
  readonly kdf?:
    | { readonly kdf: 'scrypt'; readonly N: number; readonly r: number; readonly p: number }
    | { readonly kdf: 'pbkdf2'; readonly c: number };
  readonly scrypt?: ScryptBackend;
  readonly random?: (n: number) => Uint8Array;
}

/**
 * Writes an `ethereum` account (its 32-byte private key) as a Web3 v3 keystore, as geth does
 * (lowercase `crypto`, dklen 32, a random v4 uuid), which geth, MetaMask and ethers open.
 *
 * @throws UNSUPPORTED_KEY_TYPE for a key type other than ethereum (an ecdsa Substrate account's
 * address is not its Ethereum address); PASSWORD_REQUIRED for an empty password.
 * @example const v3 = await createWeb3(account, password, { scrypt: nodeScrypt })
 */
export async function createWeb3(
  account: UnlockedAccount,
  password: string,
  options: CreateWeb3Options = {},
): Promise<JsonObject> {
  if (account.type !== 'ethereum') {
    throw new KeyportError(
      'UNSUPPORTED_KEY_TYPE',
      `a Web3 keystore holds an ethereum key; this account is ${account.type}`,
      {
        type: account.type,
      },
    );
  }
  if (password === '')
    throw new KeyportError('PASSWORD_REQUIRED', 'an empty password cannot encrypt a Web3 keystore');
  const random = options.random ?? randomAsU8a;
  const spec = options.kdf ?? { kdf: 'scrypt', N: 1 << 17, r: 8, p: 1 };
  const salt = random(32);
  const iv = random(16);
  const uuid = random(16);
  uuid[6] = (uuid[6]! & 0x0f) | 0x40;
  uuid[8] = (uuid[8]! & 0x3f) | 0x80;
  const kdf: Web3Kdf = spec.kdf === 'scrypt' ? { ...spec, salt } : { ...spec, salt };
  const dk = await deriveKey(kdf, password, options.scrypt ?? wasmScrypt);
  try {
    const ciphertext = ctr(dk.slice(0, 16), iv).encrypt(account.secretKey.subarray(0, 32));
    const mac = keccakAsU8a(u8aConcat(dk.subarray(16, 32), ciphertext));
    const h = (b: Uint8Array) => u8aToHex(b).slice(2);
    const id = h(uuid).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
    const kdfparams: JsonObject =
      spec.kdf === 'scrypt'
        ? { dklen: 32, n: spec.N, p: spec.p, r: spec.r, salt: h(salt) }
        : { c: spec.c, dklen: 32, prf: 'hmac-sha256', salt: h(salt) };
    return {
      address: h(accountId(account.publicKey, 'ethereum')),
      crypto: {
        cipher: 'aes-128-ctr',
        cipherparams: { iv: h(iv) },
        ciphertext: h(ciphertext),
        kdf: spec.kdf,
        kdfparams,
        mac: h(mac),
      },
      id,
      version: 3,
    };
  } finally {
    dk.fill(0);
  }
}
