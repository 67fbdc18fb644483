// The keys of one secret (and one passphrase), each intermediate key computed once: the
// mini-secret and root pairs, every Substrate parent (`//polkadot` for `//polkadot//3`), the
// BIP39 seed, the Ethereum BIP32 node m/44'/60'/0'/0, and the Ledger nodes m/44'/<slip44>'/<a>'/0'.
// A search of a few thousand candidates then costs one child step each, not one PBKDF2 each
// (the naive createFromUri loop is about 9x slower; docs/rescue-formats.md "locate").
import {
  ed25519PairFromSeed,
  keyExtractPath,
  keyFromPath,
  mnemonicToLegacySeed,
  mnemonicToMiniSecret,
  secp256k1PairFromSeed,
  sr25519PairFromSeed,
} from '@polkadot/util-crypto';
import type { Keypair } from '@polkadot/util-crypto/types';
import { isReady, sr25519DeriveKeypairHard, sr25519DeriveKeypairSoft } from '@polkadot/wasm-crypto';
import { HDKey as Bip32 } from '@scure/bip32';
import { HDKey as Slip10 } from 'micro-key-producer/slip10.js';
import { ledgerChild, ledgerMasterKey, ledgerPair } from '../derive/ledger.ts';

/** Substrate key types a `//path` applies to. */
export type SubstrateType = 'sr25519' | 'ed25519' | 'ecdsa';

const FROM_SEED: Record<SubstrateType, (seed: Uint8Array) => Keypair> = {
  sr25519: sr25519PairFromSeed,
  ed25519: ed25519PairFromSeed,
  ecdsa: (seed) => secp256k1PairFromSeed(seed.slice()),
};

const JUNCTION = /\/\/?[^/]+/g;

/**
 * One sr25519 derivation step as keyFromPath takes it (util-crypto's keyHdkdSr25519, which runs
 * @scure/sr25519 in JavaScript), through the schnorrkel wasm util-crypto has loaded: the same
 * public key and secret scalar, about twice as fast, which a search of hundreds of sr25519 keys
 * feels. A soft step's secret nonce is random in both (schnorrkel draws it), so only the
 * scalar and the public key are compared (test/locate.shared.test.ts).
 */
function sr25519Step(parent: Keypair, junction: { chainCode: Uint8Array; isSoft: boolean }): Keypair {
  const keypair = new Uint8Array(96);
  keypair.set(parent.secretKey);
  keypair.set(parent.publicKey, 64);
  const derive = junction.isSoft ? sr25519DeriveKeypairSoft : sr25519DeriveKeypairHard;
  const child = derive(keypair, junction.chainCode);
  keypair.fill(0);
  const pair = { secretKey: child.slice(0, 64), publicKey: child.slice(64) };
  child.fill(0);
  return pair;
}

/** Cached key derivation for one phrase or seed and one passphrase. Call wipe() when done. */
export class KeyCache {
  readonly #phrase: string | undefined;
  readonly #seed: Uint8Array | undefined;
  readonly #passphrase: string;
  #mini: Uint8Array | undefined;
  #bip39: Uint8Array | undefined;
  #eth: Bip32 | undefined;
  #ledger: Uint8Array | undefined;
  readonly #ledgerNodes = new Map<string, Uint8Array>();
  readonly #pairs = new Map<string, Keypair>();
  readonly #wipe: Uint8Array[] = [];

  /** `phrase` (a normalised mnemonic) or `seed` (32 bytes, no BIP39 families) and the passphrase. */
  constructor(source: { phrase?: string; seed?: Uint8Array }, passphrase: string) {
    this.#phrase = source.phrase;
    this.#seed = source.seed;
    this.#passphrase = passphrase;
  }

  /** True when the secret is a mnemonic, so BIP39 families (Ethereum, Ledger, SLIP-10) apply. */
  get hasPhrase(): boolean {
    return this.#phrase !== undefined;
  }

  #keep<T extends Uint8Array>(bytes: T): T {
    this.#wipe.push(bytes);
    return bytes;
  }

  /** The seed polkadot-js derives Substrate roots from (the mini-secret of a mnemonic). */
  #substrateSeed(): Uint8Array {
    if (this.#seed) return this.#seed;
    this.#mini ??= this.#keep(mnemonicToMiniSecret(this.#phrase!, this.#passphrase));
    return this.#mini;
  }

  /** The pair at Substrate `path` ('' = root) of `type`; parents are derived once and kept. */
  pair(type: SubstrateType, path: string): Keypair {
    const key = `${type}${path}`;
    const cached = this.#pairs.get(key);
    if (cached) return cached;
    let pair: Keypair;
    if (path === '') pair = FROM_SEED[type](this.#substrateSeed());
    else {
      const junctions = path.match(JUNCTION) ?? [];
      const last = junctions.pop()!;
      const parent = this.pair(type, junctions.join(''));
      const step = keyExtractPath(last).path;
      pair =
        type === 'sr25519' && isReady() && step.length === 1
          ? sr25519Step(parent, step[0]!)
          : keyFromPath(parent, step, type);
    }
    this.#keep(pair.secretKey);
    this.#pairs.set(key, pair);
    return pair;
  }

  /** The 64-byte BIP39 seed of the phrase and passphrase (Ethereum, SLIP-10). */
  bip39Seed(): Uint8Array {
    this.#bip39 ??= this.#keep(mnemonicToLegacySeed(this.#phrase!, this.#passphrase, false, 64));
    return this.#bip39;
  }

  /** The compressed public key at m/44'/60'/0'/0/`index` (BIP32 over secp256k1). */
  ethereum(index: number): Uint8Array {
    this.#eth ??= Bip32.fromMasterSeed(this.bip39Seed()).derive("m/44'/60'/0'/0");
    const child = this.#eth.deriveChild(index);
    const publicKey = child.publicKey!;
    child.wipePrivateData();
    return publicKey;
  }

  /** The compressed public key at any BIP44 `path` (m/…), as polkadot-js's hdEthereum derives it. */
  ethereumAt(path: string): Uint8Array {
    const child = Bip32.fromMasterSeed(this.bip39Seed()).derive(path);
    const publicKey = child.publicKey!;
    child.wipePrivateData();
    return publicKey;
  }

  /** polkadot-js's 2020 ethereum key: the first 32 bytes of the BIP39 seed, no path. */
  legacyEthereum(): Uint8Array {
    return secp256k1PairFromSeed(this.bip39Seed().slice(0, 32)).publicKey;
  }

  /** The ed25519 public key of Ledger's m/44'/`slip44`'/`account`'/0'/`address`'. */
  ledger(slip44: number, account: number, address: number): Uint8Array {
    const id = `${slip44}/${account}`;
    let node = this.#ledgerNodes.get(id);
    if (!node) {
      this.#ledger ??= this.#keep(ledgerMasterKey({ mnemonic: this.#phrase!, passphrase: this.#passphrase }));
      let key = this.#ledger;
      for (const index of [44, slip44, account, 0]) key = this.#keep(ledgerChild(key, index));
      node = key;
      this.#ledgerNodes.set(id, node);
    }
    const leaf = ledgerChild(node, address);
    const pair = ledgerPair(leaf);
    leaf.fill(0);
    pair.secretKey.fill(0);
    return pair.publicKey;
  }

  /** The ed25519 public key of SLIP-10 `path` (Trust Wallet's m/44'/354'/0'/0'/0'). */
  slip10(path: string): Uint8Array {
    const node = Slip10.fromMasterSeed(this.bip39Seed()).derive(path);
    const pair = ed25519PairFromSeed(node.privateKey);
    pair.secretKey.fill(0);
    return pair.publicKey;
  }

  /** Zeroes every secret this cache derived or kept. */
  wipe(): void {
    for (const bytes of this.#wipe) bytes.fill(0);
    this.#wipe.length = 0;
    this.#pairs.clear();
    this.#ledgerNodes.clear();
    this.#eth?.wipePrivateData();
  }
}
