// SLIP-0010 ed25519 keys from a BIP39 mnemonic: what Trust Wallet (wallet-core) and SubWallet's
// "ed25519-tw" type use for Polkadot, m/44'/354'/0'/0'/0' (docs/rescue-formats.md "SLIP-10").
// The derived 32-byte key is an ordinary ed25519 seed, so the account is a plain ed25519 one.
import { ed25519PairFromSeed, mnemonicToLegacySeed } from '@polkadot/util-crypto';
import { HDKey } from 'micro-key-producer/slip10.js';
import { KeyportError } from '../errors.ts';
import { resolveNetwork } from '../networks/networks.ts';
import type { DerivedAccount } from './derive.ts';
import { ed25519Account, type LedgerDeriveOptions } from './ledger.ts';
import { assertMnemonic } from './mnemonic.ts';

/** Trust Wallet's Polkadot path. */
export const SLIP10_POLKADOT_PATH = "m/44'/354'/0'/0'/0'";

/** Input of {@link deriveSlip10Account}: a BIP39 mnemonic (12-24 words), a hardened path (default SLIP10_POLKADOT_PATH), a network. */
export type Slip10DeriveOptions = LedgerDeriveOptions;

/**
 * The ed25519 account at a SLIP-10 path of a mnemonic (no BIP39 passphrase, as Trust Wallet).
 *
 * @throws INVALID_MNEMONIC, INVALID_DERIVATION (SLIP-10 ed25519 is hardened-only), UNKNOWN_NETWORK.
 * @example await deriveSlip10Account({ secret: words, ss58: 0 }) // Trust Wallet's Polkadot address
 */
export async function deriveSlip10Account(options: Slip10DeriveOptions): Promise<DerivedAccount> {
  const { secret, path = SLIP10_POLKADOT_PATH, ss58 = 42, meta = {} } = options;
  const { prefix } = resolveNetwork(ss58);
  if (
    typeof path !== 'string' ||
    !/^m(\/\d{1,10}')+$/.test(path) ||
    path
      .split('/')
      .slice(1)
      .some((p) => Number.parseInt(p, 10) >= 0x8000_0000)
  ) {
    throw new KeyportError(
      'INVALID_DERIVATION',
      `a SLIP-10 ed25519 path has hardened levels only, like ${SLIP10_POLKADOT_PATH}`,
    );
  }
  const seed = mnemonicToLegacySeed(assertMnemonic(secret), '', false, 64);
  const node = HDKey.fromMasterSeed(seed).derive(path);
  seed.fill(0);
  const pair = ed25519PairFromSeed(node.privateKey);
  return ed25519Account(pair, prefix, meta, []);
}
