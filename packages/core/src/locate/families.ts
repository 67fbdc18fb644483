// The candidates `locate` tries, in order of how often wallets create them
// (docs/rescue-formats.md "locate"): roots; Polkadot Vault's //<network> keys and their "N+1"
// children; Talisman/SubWallet/Brave //n; soft /n; Ethereum m/44'/60'/0'/0/i; Ledger
// m/44'/<slip44>'/a'/0'/i'; Trust Wallet's SLIP-10; polkadot-js's 2020 Ethereum keys; then the
// rarer ed25519/ecdsa keys at the same Substrate paths.
import { allNetworks } from '@polkadot/networks';
import { knownLedger } from '@polkadot/networks/defaults';
import type { KeyType } from '../keystore/types.ts';
import type { KeyCache, SubstrateType } from './keys.ts';

/** A key type as locate reports it: Ledger keys are ed25519 derived the Ledger way. */
export type LocateType = KeyType | 'ed25519-ledger';

/** One candidate: the key type it is compared as, what to report, and its public key. */
export interface Candidate {
  readonly keyType: KeyType;
  readonly type: LocateType;
  readonly path: string;
  readonly publicKey: () => Uint8Array;
}

/** A group of candidates with a human label (what was searched). */
export interface Family {
  readonly id: string;
  readonly label: string;
  /** Key types the family's keys have: a target of another type skips it. */
  readonly keyTypes: readonly KeyType[];
  /** Needs a BIP39 mnemonic (not a 0x seed). */
  readonly needsPhrase: boolean;
  readonly size: number;
  candidates(keys: KeyCache): Iterable<Candidate>;
}

/** What widens the search. */
export interface FamilyOptions {
  /** --deep: every Ledger slip44, //0…//999, Vault N+1 up to 99, soft /0…/99, Ethereum 0…999. */
  readonly deep: boolean;
  /** The SS58 prefix of the target, when it had one: that chain's Ledger slip44 is tried too. */
  readonly prefix: number | null;
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** Vault's first three networks, then every network @polkadot/networks knows, without duplicates. */
function vaultNetworks(): string[] {
  const names = ['polkadot', 'kusama', 'westend', ...allNetworks.map((n) => n.network)];
  return [...new Set(names.filter((n) => /^[\w-]+$/.test(n)))];
}

/** Slip44 values: 354 (Polkadot, the generic app), 434 (Kusama), the target chain's, or all. */
export function ledgerSlips(options: FamilyOptions): number[] {
  const slips = [354, 434];
  if (options.prefix !== null) {
    for (const n of allNetworks) {
      if (n.prefix !== options.prefix) continue;
      const slip = knownLedger[n.network] ?? (n.hasLedgerSupport ? n.slip44 : undefined);
      if (typeof slip === 'number') slips.push(slip);
    }
  }
  if (options.deep) slips.push(...Object.values(knownLedger));
  return [...new Set(slips)];
}

function substrate(
  id: string,
  label: string,
  types: readonly SubstrateType[],
  paths: readonly string[],
): Family {
  return {
    id,
    label,
    keyTypes: types,
    needsPhrase: false,
    size: types.length * paths.length,
    *candidates(keys) {
      for (const type of types) {
        for (const path of paths) {
          yield { keyType: type, type, path, publicKey: () => keys.pair(type, path).publicKey };
        }
      }
    },
  };
}

/** The families of a search from a mnemonic or seed, most likely first. */
export function families(options: FamilyOptions): Family[] {
  const { deep } = options;
  const networks = vaultNetworks();
  const vault = networks.map((n) => `//${n}`);
  const nPlus = deep ? 100 : 20;
  const vaultChildren = ['polkadot', 'kusama', 'westend'].flatMap((n) =>
    range(nPlus).map((i) => `//${n}//${i}`),
  );
  const hard = range(deep ? 1000 : 100).map((i) => `//${i}`);
  const soft = range(deep ? 100 : 20).map((i) => `/${i}`);
  const eth = deep ? 1000 : 100;
  const slips = ledgerSlips(options);
  const ledgerIndexes = 20;
  const trust = slips.map((s) => `m/44'/${s}'/0'/0'/0'`);
  const other: SubstrateType[] = ['ed25519', 'ecdsa'];
  return [
    substrate(
      'root',
      'root keys (no path) of sr25519, ed25519 and ecdsa',
      ['sr25519', 'ed25519', 'ecdsa'],
      [''],
    ),
    substrate(
      'vault',
      `sr25519 Polkadot Vault keys //<network> (${vault.length} networks)`,
      ['sr25519'],
      vault,
    ),
    substrate(
      'vault-n',
      `sr25519 Vault "N+1" keys //polkadot|kusama|westend//0…//${nPlus - 1}`,
      ['sr25519'],
      vaultChildren,
    ),
    substrate('hard-n', `sr25519 //0…//${hard.length - 1} (Talisman, SubWallet, Brave)`, ['sr25519'], hard),
    substrate('soft-n', `sr25519 soft /0…/${soft.length - 1}`, ['sr25519'], soft),
    {
      id: 'ethereum',
      label: `ethereum m/44'/60'/0'/0/0…${eth - 1}`,
      keyTypes: ['ethereum'],
      needsPhrase: true,
      size: eth,
      *candidates(keys) {
        for (let i = 0; i < eth; i++) {
          yield {
            keyType: 'ethereum',
            type: 'ethereum',
            path: `m/44'/60'/0'/0/${i}`,
            publicKey: () => keys.ethereum(i),
          };
        }
      },
    },
    {
      id: 'ledger',
      label: `Ledger ed25519 m/44'/<${slips.join('|')}>'/0…${ledgerIndexes - 1}'/0'/0…${ledgerIndexes - 1}'`,
      keyTypes: ['ed25519'],
      needsPhrase: true,
      size: slips.length * ledgerIndexes * ledgerIndexes,
      *candidates(keys) {
        for (const slip of slips) {
          for (let a = 0; a < ledgerIndexes; a++) {
            for (let i = 0; i < ledgerIndexes; i++) {
              yield {
                keyType: 'ed25519',
                type: 'ed25519-ledger',
                path: `m/44'/${slip}'/${a}'/0'/${i}'`,
                publicKey: () => keys.ledger(slip, a, i),
              };
            }
          }
        }
      },
    },
    {
      id: 'slip10',
      label: `ed25519 SLIP-10 (Trust Wallet) ${trust.join(', ')}`,
      keyTypes: ['ed25519'],
      needsPhrase: true,
      size: trust.length,
      *candidates(keys) {
        for (const path of trust)
          yield { keyType: 'ed25519', type: 'ed25519', path, publicKey: () => keys.slip10(path) };
      },
    },
    {
      id: 'pjs-2020-ethereum',
      label: 'polkadot-js 2020 ethereum key (BIP39 seed, no path)',
      keyTypes: ['ethereum'],
      needsPhrase: true,
      size: 1,
      *candidates(keys) {
        yield { keyType: 'ethereum', type: 'ethereum', path: '', publicKey: () => keys.legacyEthereum() };
      },
    },
    substrate('other-types', `ed25519 and ecdsa at //<network> and //0…//${hard.length - 1}`, other, [
      ...vault,
      ...hard,
    ]),
  ];
}

/** For a 0x seed: the seed as an Ethereum private key (polkadot-js ignores any path then). */
export const SEED_AS_ETHEREUM: Family = {
  id: 'ethereum-key',
  label: 'the seed as an ethereum private key',
  keyTypes: ['ethereum'],
  needsPhrase: false,
  size: 1,
  *candidates(keys) {
    yield {
      keyType: 'ethereum',
      type: 'ethereum',
      path: '',
      publicKey: () => keys.pair('ecdsa', '').publicKey,
    };
  },
};
