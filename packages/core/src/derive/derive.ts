// Secret URI → account, exactly as @polkadot/keyring's createFromUri derives it (docs/derivation.md),
// built from util-crypto's primitives so every refusal is a typed error with a clear message.
import { DEV_PHRASE } from '@polkadot/keyring/defaults';
import { hexToU8a, stringToU8a } from '@polkadot/util';
import {
  cryptoWaitReady,
  ed25519PairFromSeed,
  hdEthereum,
  hdValidatePath,
  keyExtractSuri,
  keyFromPath,
  mnemonicToLegacySeed,
  mnemonicToMiniSecret,
  secp256k1PairFromSeed,
  sr25519PairFromSeed,
} from '@polkadot/util-crypto';
import type { Keypair } from '@polkadot/util-crypto/types';
import { formatAddress, type UnlockedAccount } from '../account.ts';
import { KeyportError } from '../errors.ts';
import { KEY_TYPES, type KeystoreMeta, type KeyType } from '../keystore/types.ts';
import { resolveNetwork } from '../networks/networks.ts';
import { assertMnemonic, checkMnemonic, isMnemonicWord, MNEMONIC_WORD_COUNTS } from './mnemonic.ts';

export { DEV_PHRASE };

/** How the secret was given. */
export type SecretKind = 'mnemonic' | 'seed' | 'dev' | 'raw';

/** Input of {@link deriveAccount}. */
export interface DeriveOptions {
  /** A BIP39 mnemonic, `0x` + 64 hex (32-byte seed), a dev URI (`//Alice`), or a short raw seed; may carry a path. */
  readonly secret: string;
  /** Key type; default sr25519. */
  readonly type?: KeyType;
  /** Appended to the secret: `//hard`, `/soft`, `///password`, or `/m/44'/60'/0'/0/0` for ethereum. */
  readonly path?: string;
  /** SS58 prefix or network name for the address; default 42. Ignored for ethereum (H160). */
  readonly ss58?: number | string;
  /** Metadata for the account; default `{}`. */
  readonly meta?: KeystoreMeta;
}

/** What {@link deriveAccount} returns: the account plus what was given and what polkadot-js ignored. */
export interface DerivedAccount extends UnlockedAccount {
  readonly source: SecretKind;
  /** Human notes on parts of the input polkadot-js ignores or that deserve a second look. */
  readonly warnings: readonly string[];
}

const FROM_SEED: Record<KeyType, (seed: Uint8Array) => Keypair> = {
  sr25519: sr25519PairFromSeed,
  ed25519: ed25519PairFromSeed,
  ecdsa: secp256k1PairFromSeed,
  ethereum: secp256k1PairFromSeed,
};

const HEX_SEED = /^0x[0-9a-fA-F]{64}$/;
const RAW_SEED = /^[\p{L}\d]+(?: [\p{L}\d]+)*$/u;
const ETH_DEFAULT_PATH = "/m/44'/60'/0'/0/0";

/**
 * Derives an account from a secret URI. The result equals @polkadot/keyring's
 * `new Keyring({ type, ss58Format }).createFromUri(secret + path)` for every input that call
 * accepts, with these rules:
 * - a secret starting with `//` is the dev phrase plus that path (`//Alice`);
 * - a mnemonic is normalised first (case, whitespace; see normaliseMnemonic); leading whitespace
 *   and trailing line breaks of the secret are dropped, spaces inside a path or password kept;
 * - `0x` + 64 hex is the 32-byte seed itself (mini-secret, ed25519 seed, secp256k1 key);
 * - other text up to 32 bytes is a raw seed, padded with spaces (polkadot-js's test pairs);
 * - sr25519 takes `//hard` and `/soft` junctions, ed25519 and ecdsa hard ones only;
 * - ethereum mnemonics take a BIP44 path (`/m/44'/60'/0'/0/0`, what Apps and the extension add);
 *   with no path polkadot-js gives the BIP32 master key, and so does this (with a warning).
 * A soft sr25519 junction gives the secret a random nonce half (schnorrkel does so), so only
 * the first 32 bytes of such a secret key repeat between calls; the key pair is the same.
 * Ignored like polkadot-js, with a warning: `///password` for ethereum and for seeds, and any
 * path after an ethereum `0x` key. Refused where polkadot-js would silently take the input as a
 * raw text seed: `0x` with other than 64 hex digits, and several BIP39 words of a wrong count.
 *
 * @throws INVALID_MNEMONIC (see checkMnemonic), INVALID_SEED, INVALID_DERIVATION,
 * UNSUPPORTED_KEY_TYPE, UNKNOWN_NETWORK. Messages never contain the secret.
 * @example const alice = await deriveAccount({ secret: '//Alice', ss58: 'polkadot' }) // 15oF4u…
 * @example await deriveAccount({ secret: words, type: 'ethereum', path: "/m/44'/60'/0'/0/0" })
 */
export async function deriveAccount(options: DeriveOptions): Promise<DerivedAccount> {
  await cryptoWaitReady();
  const { secret, type = 'sr25519', path = '', ss58 = 42, meta = {} } = options;
  if (!KEY_TYPES.includes(type)) {
    throw new KeyportError('UNSUPPORTED_KEY_TYPE', `type must be one of ${KEY_TYPES.join(', ')}`, {
      type: String(type),
    });
  }
  const { prefix } = resolveNetwork(ss58);
  if (typeof path !== 'string' || (path !== '' && !path.startsWith('/'))) {
    throw new KeyportError(
      'INVALID_DERIVATION',
      'path must be empty or start with / (//hard, /soft, ///password)',
    );
  }
  if (typeof secret !== 'string' || secret.trim() === '') {
    throw new KeyportError('INVALID_SEED', 'secret is empty; expected a mnemonic, a 0x seed or a //dev URI');
  }
  const warnings: string[] = [];
  // Leading whitespace and trailing line breaks go; spaces inside a path or password stay.
  const { kind, phrase, rest } = splitSecret(secret.replace(/^\s+/u, '').replace(/[\r\n]+$/u, ''));
  const { derivePath, password, junctions, extracted } = extract(phrase + rest + path);

  const soft = junctions.findIndex((j) => j.isSoft);
  if (soft !== -1 && (type === 'ed25519' || type === 'ecdsa')) {
    throw new KeyportError(
      'INVALID_DERIVATION',
      `${type} keys derive hard junctions (//name) only; junction ${soft + 1} of the path is soft (/name)`,
      { junction: soft + 1, type },
    );
  }

  let seed: Uint8Array;
  if (kind === 'seed') {
    seed = hexToU8a(phrase);
    if (password !== undefined) warnings.push('///password is ignored for a 0x seed (as polkadot-js does)');
  } else if (kind === 'raw') {
    seed = stringToU8a(extracted.padEnd(32));
    if (seed.length !== 32) {
      seed.fill(0);
      throw new KeyportError(
        'INVALID_SEED',
        `a raw text seed must be at most 32 bytes; it is ${seed.length}`,
      );
    }
    if (password !== undefined)
      warnings.push('///password is ignored for a raw text seed (as polkadot-js does)');
    warnings.push(
      'raw text seed: the text itself, space-padded to 32 bytes, is the secret; prefer a mnemonic',
    );
  } else if (type === 'ethereum') {
    seed = mnemonicToLegacySeed(phrase, '', false, 64);
    if (password !== undefined)
      warnings.push('///password is ignored for ethereum mnemonics (as polkadot-js does)');
  } else {
    seed = mnemonicToMiniSecret(phrase, password ?? '');
  }

  // Copies out, then zeroes what util-crypto handed back (its JS secp256k1 path returns the seed itself).
  let publicKey: Uint8Array;
  let secretKey: Uint8Array;
  try {
    const base =
      type === 'ethereum' ? deriveEthereum(kind, seed, derivePath, warnings) : FROM_SEED[type](seed);
    const pair = type === 'ethereum' ? base : keyFromPath(base, junctions, type);
    publicKey = pair.publicKey.slice();
    secretKey = pair.secretKey.slice();
    pair.secretKey.fill(0);
    base.secretKey.fill(0);
  } finally {
    seed.fill(0);
  }
  return {
    type,
    publicKey,
    secretKey,
    address: formatAddress(publicKey, type, prefix),
    meta: { ...meta },
    source: kind,
    warnings,
  };
}

/** Splits the phrase (before the first `/`) from its path and classifies it; checks mnemonics. */
function splitSecret(secret: string): { kind: SecretKind; phrase: string; rest: string } {
  if (secret.startsWith('//')) return { kind: 'dev', phrase: DEV_PHRASE, rest: secret };
  const cut = secret.indexOf('/');
  const head = (cut === -1 ? secret : secret.slice(0, cut)).trim();
  const rest = cut === -1 ? '' : secret.slice(cut);
  if (head === '') {
    throw new KeyportError('INVALID_SEED', 'secret has a path but no phrase or seed before it');
  }
  if (/^0x/i.test(head)) {
    if (!HEX_SEED.test(head) || head.startsWith('0X')) {
      throw new KeyportError(
        'INVALID_SEED',
        `a 0x seed is exactly 64 hex digits (32 bytes); this one has ${head.length - 2} characters after 0x`,
        { length: head.length - 2 },
      );
    }
    return { kind: 'seed', phrase: head, rest };
  }
  const words = head.split(/\s+/u);
  if (MNEMONIC_WORD_COUNTS.includes(words.length)) {
    return { kind: 'mnemonic', phrase: assertMnemonic(head), rest };
  }
  if (words.length > 1 && words.every((w) => isMnemonicWord(w.normalize('NFKD').toLowerCase()))) {
    const check = checkMnemonic(head);
    if (!check.ok) throw check.error;
  }
  if (!RAW_SEED.test(head.normalize('NFC'))) {
    throw new KeyportError(
      'INVALID_SEED',
      'secret is not a mnemonic (12–24 words), a 0x seed, a //dev URI, or a raw seed of letters and digits',
    );
  }
  return { kind: 'raw', phrase: head, rest };
}

function extract(suri: string) {
  let parsed: ReturnType<typeof keyExtractSuri>;
  try {
    parsed = keyExtractSuri(suri);
  } catch (e) {
    throw new KeyportError(
      'INVALID_DERIVATION',
      'path must be a sequence of //hard and /soft junctions with an optional ///password at the end',
      { cause: e instanceof Error ? e.name : 'unknown' },
    );
  }
  return {
    derivePath: parsed.derivePath,
    password: parsed.password,
    junctions: parsed.path,
    extracted: parsed.phrase,
  };
}

function deriveEthereum(kind: SecretKind, seed: Uint8Array, derivePath: string, warnings: string[]): Keypair {
  if (kind === 'seed') {
    if (derivePath !== '') {
      warnings.push(
        'the path is ignored for a 0x ethereum private key (as polkadot-js does): it is used as is',
      );
    }
    return secp256k1PairFromSeed(seed);
  }
  const bip44 = derivePath.substring(1);
  if (bip44 === '' || /^m'?$/i.test(bip44)) {
    warnings.push(
      `no path: this is the BIP32 master key, not ${ETH_DEFAULT_PATH} that Apps and the extension use`,
    );
  } else if (!hdValidatePath(bip44)) {
    throw new KeyportError(
      'INVALID_DERIVATION',
      `an ethereum path is BIP44, like ${ETH_DEFAULT_PATH} (numbers below 2^31, ' for hardened)`,
    );
  }
  const hd = hdEthereum(seed, bip44);
  return { publicKey: hd.publicKey, secretKey: hd.secretKey };
}
