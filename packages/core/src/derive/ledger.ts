// Ledger's ed25519 keys from the device's recovery phrase, as @polkadot/util-crypto's hdLedger
// computes them (what Apps' "ed25519-ledger" account type and the Polkadot Ledger apps use):
// BIP39 seed → ledgerMaster (BIP32-Ed25519 root) → hardened-only child steps along
// m/44'/<slip44>'/<account>'/0'/<address>' → the first 32 bytes of the last kL are an ordinary
// ed25519 seed. See docs/rescue-formats.md "Ledger". The master and every parent can be kept,
// so a search (locate) pays the PBKDF2 once per phrase and one child step per candidate.
import { ed25519PairFromSeed } from '@polkadot/util-crypto';
import { ledgerDerivePrivate } from '@polkadot/util-crypto/hd/ledger/derivePrivate';
import { ledgerMaster } from '@polkadot/util-crypto/hd/ledger/master';
import { formatAddress } from '../account.ts';
import { KeyportError } from '../errors.ts';
import type { KeystoreMeta } from '../keystore/types.ts';
import { resolveNetwork } from '../networks/networks.ts';
import type { DerivedAccount } from './derive.ts';
import { assertMnemonic, normaliseMnemonic } from './mnemonic.ts';

/** The first Polkadot account of a Ledger device: slip44 354, account 0, address 0. */
export const LEDGER_DEFAULT_PATH = "m/44'/354'/0'/0'/0'";

const HARDENED = 0x8000_0000;

/** A Ledger phrase split into its BIP39 mnemonic and the optional 25th word (BIP39 passphrase). */
export interface LedgerPhrase {
  /** The normalised 12 or 24 BIP39 words. */
  readonly mnemonic: string;
  /** The 25th word, '' when there is none. */
  readonly passphrase: string;
}

/**
 * Splits and checks a Ledger recovery phrase: 24 words (or 12), optionally followed by a 25th
 * word that Ledger and Apps use as the BIP39 passphrase. The 24 words are normalised like any
 * mnemonic (case, whitespace); the 25th word is kept exactly as typed.
 *
 * @throws INVALID_MNEMONIC (see checkMnemonic) for a wrong word count, word or checksum.
 * @example readLedgerPhrase(`${words24} extra`).passphrase === 'extra'
 */
export function readLedgerPhrase(phrase: string): LedgerPhrase {
  const raw = typeof phrase === 'string' ? phrase.trim().split(/\s+/u).filter(Boolean) : [];
  if (raw.length === 25) {
    return { mnemonic: assertMnemonic(raw.slice(0, 24).join(' ')), passphrase: raw[24]! };
  }
  if (raw.length !== 12 && raw.length !== 24) {
    throw new KeyportError(
      'INVALID_MNEMONIC',
      `a Ledger phrase has 24 words (or 25 with the passphrase word, or 12); this one has ${raw.length}`,
      { problem: 'word-count', wordCount: raw.length, allowed: [12, 24, 25] },
    );
  }
  return { mnemonic: assertMnemonic(normaliseMnemonic(raw.join(' '))), passphrase: '' };
}

/**
 * Parses a Ledger path `m/44'/354'/a'/0'/i'` into child indexes, every level hardened (a level
 * written without `'` is hardened anyway, as hdLedger does).
 *
 * @throws INVALID_DERIVATION for anything but `m` followed by 1..10 numbers below 2^31.
 * @example parseLedgerPath("m/44'/434'/0'/0'/5'") // [0x8000002c, 0x800001b2, 0x80000000, 0x80000000, 0x80000005]
 */
export function parseLedgerPath(path: string): number[] {
  const parts = typeof path === 'string' ? path.trim().split('/') : [];
  const levels = parts.slice(1);
  const ok =
    /^m$/i.test(parts[0] ?? '') &&
    levels.length >= 1 &&
    levels.length <= 10 &&
    levels.every((p) => /^\d{1,10}'?$/.test(p) && Number.parseInt(p, 10) < HARDENED);
  if (!ok) {
    throw new KeyportError(
      'INVALID_DERIVATION',
      `a Ledger path looks like ${LEDGER_DEFAULT_PATH} (numbers below 2^31; every level is hardened)`,
    );
  }
  return levels.map((p) => Number.parseInt(p, 10) + HARDENED);
}

/**
 * The Ledger path of slip44 `slip44`, account `account`, address `address`.
 *
 * @example ledgerPath(434, 2, 1) === "m/44'/434'/2'/0'/1'"
 */
export function ledgerPath(slip44: number, account: number, address: number): string {
  return `m/44'/${slip44}'/${account}'/0'/${address}'`;
}

/**
 * The 96-byte BIP32-Ed25519 master key (kL ‖ kR ‖ chain code) of a Ledger phrase. This is the
 * slow step (a PBKDF2 of 2048 rounds); keep it to derive many children. Wipe it after use.
 *
 * @throws INVALID_MNEMONIC as readLedgerPhrase.
 * @example const master = ledgerMasterKey(readLedgerPhrase(words))
 */
export function ledgerMasterKey(phrase: LedgerPhrase): Uint8Array {
  return ledgerMaster(phrase.mnemonic, phrase.passphrase);
}

/**
 * One hardened child step from a 96-byte extended key (`index` below 2^31 is hardened).
 *
 * @example const purpose = ledgerChild(master, 44)
 */
export function ledgerChild(xprv: Uint8Array, index: number): Uint8Array {
  return ledgerDerivePrivate(xprv, index < HARDENED ? index + HARDENED : index);
}

/**
 * The ed25519 key pair at an extended key: its first 32 bytes are the ed25519 seed.
 *
 * @example ledgerPair(ledgerChild(parent, 0)).publicKey
 */
export function ledgerPair(xprv: Uint8Array): { publicKey: Uint8Array; secretKey: Uint8Array } {
  const seed = xprv.slice(0, 32);
  try {
    return ed25519PairFromSeed(seed);
  } finally {
    seed.fill(0);
  }
}

/** An ed25519 key pair as a DerivedAccount (Ledger's and SLIP-10's keys are plain ed25519 ones). */
export function ed25519Account(
  pair: { publicKey: Uint8Array; secretKey: Uint8Array },
  prefix: number,
  meta: KeystoreMeta,
  warnings: string[],
): DerivedAccount {
  return {
    type: 'ed25519',
    publicKey: pair.publicKey,
    secretKey: pair.secretKey,
    address: formatAddress(pair.publicKey, 'ed25519', prefix),
    meta: { ...meta },
    source: 'mnemonic',
    warnings,
  };
}

/** Input of {@link deriveLedgerAccount} and deriveSlip10Account: a phrase, a path, a network. */
export interface LedgerDeriveOptions {
  /** The Ledger recovery phrase: 24 words (or 12), optionally a 25th passphrase word. */
  readonly secret: string;
  /** Default LEDGER_DEFAULT_PATH. */
  readonly path?: string;
  /** SS58 prefix or network name for the address; default 42. */
  readonly ss58?: number | string;
  readonly meta?: KeystoreMeta;
}

/**
 * The account a Ledger device shows at `path`, from its recovery phrase: equals
 * `hdLedger(phrase, path)` of @polkadot/util-crypto, an ordinary `ed25519` account (Apps
 * stores its "ed25519-ledger" accounts as ed25519, and so can any keystore).
 *
 * @throws INVALID_MNEMONIC, INVALID_DERIVATION, UNKNOWN_NETWORK.
 * @example await deriveLedgerAccount({ secret: words24, path: "m/44'/354'/0'/0'/0'", ss58: 0 })
 */
export async function deriveLedgerAccount(options: LedgerDeriveOptions): Promise<DerivedAccount> {
  const { secret, path = LEDGER_DEFAULT_PATH, ss58 = 42, meta = {} } = options;
  const { prefix } = resolveNetwork(ss58);
  const indexes = parseLedgerPath(path);
  const phrase = readLedgerPhrase(secret);
  const warnings: string[] = [];
  if (phrase.passphrase !== '')
    warnings.push('the 25th word is the BIP39 passphrase, as on the Ledger device and in Apps');
  let key = ledgerMasterKey(phrase);
  for (const index of indexes) {
    const next = ledgerChild(key, index);
    key.fill(0);
    key = next;
  }
  const pair = ledgerPair(key);
  key.fill(0);
  return ed25519Account(pair, prefix, meta, warnings);
}
