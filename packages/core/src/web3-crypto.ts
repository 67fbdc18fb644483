// Opening and writing a Web3 Secret Storage v3 keystore (the layout and the parsing are in
// web3-keystore.ts): the KDF (scrypt or PBKDF2), the MAC, AES-CTR, and ethers' mnemonic. Kept
// apart so that detecting a file, which every command does, never loads this crypto.

import { ctr } from '@noble/ciphers/aes.js';
import { pbkdf2 } from '@noble/hashes/pbkdf2.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { u8aConcat, u8aEq, u8aToHex } from '@polkadot/util';
import { keccakAsU8a, randomAsU8a, secp256k1PairFromSeed } from '@polkadot/util-crypto';
import { entropyToMnemonic } from '@polkadot/util-crypto/mnemonic/bip39';
import { accountId, formatAddress, type UnlockedAccount } from './account.ts';
import { KeyportError } from './errors.ts';
import { type JsonObject, readJsonInput } from './keystore/json-input.ts';
import { type ScryptBackend, wasmScrypt } from './scrypt/backend.ts';
import { hashWasmScrypt } from './scrypt/hash-wasm.ts';
import { parseWeb3, type Web3Kdf, type Web3Keystore, web3Field, web3Hex } from './web3-keystore.ts';

/** What {@link openWeb3} returns: an ethereum account, plus ethers' mnemonic when the file has one. */
export interface OpenedWeb3 {
  readonly account: UnlockedAccount;
  /** The BIP39 mnemonic ethers stored (a secret; wipe nothing, it is a string). */
  readonly mnemonic?: string;
  readonly path?: string;
  /** The key was shorter than 32 bytes in the file and was left-padded with zero bytes. */
  readonly padded: boolean;
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
  const cipher = web3Hex(x.mnemonicCiphertext!, 'x-ethers.mnemonicCiphertext');
  const counter = web3Hex(
    web3Field(x, 'mnemonicCounter', 'x-ethers.mnemonicCounter'),
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
