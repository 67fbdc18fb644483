// Network names and SS58 prefixes, from @polkadot/networks (the SS58 registry), plus the few
// chains that share prefix 42 and so have no registry entry of their own (Westend).
import { allNetworks } from '@polkadot/networks';
import { KeyportError } from '../errors.ts';
import { nearest } from '../nearest.ts';

/** What {@link resolveNetwork} returns. */
export interface NetworkInfo {
  /** SS58 prefix (address format). */
  readonly prefix: number;
  /** Registry name (`polkadot`, `kusama`, `substrate`, …), or `unknown` for an unregistered prefix. */
  readonly network: string;
  /** Human name (`Polkadot Relay Chain`), or `SS58 prefix N (not in the registry)`. */
  readonly displayName: string;
  /** False for a valid prefix that no registry entry claims (a fork, a private chain). */
  readonly known: boolean;
  /** Known genesis hashes (0x hex), empty when none is known. */
  readonly genesisHash: readonly string[];
}

/** Prefixes the SS58 format reserves; util-crypto refuses to encode them. */
const RESERVED_PREFIXES: readonly number[] = [46, 47];
/** The largest prefix SS58's two-byte form can carry. */
export const MAX_SS58_PREFIX = 16383;

// Chains on the generic prefix 42 with their own name. Westend: paritytech/parity-signer
// rust/defaults/src/lib.rs @ c67e505 (the Vault default network list).
const EXTRA: readonly NetworkInfo[] = [
  {
    prefix: 42,
    network: 'westend',
    displayName: 'Westend Testnet',
    known: true,
    genesisHash: ['0xe143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e'],
  },
];

const KNOWN: readonly NetworkInfo[] = Object.freeze(
  [
    ...allNetworks
      // Drops the reserved 46/47 entries and mythos (29972, an AccountId20 chain outside SS58's range).
      .filter((n) => isValidSs58Prefix(n.prefix))
      .map(
        (n): NetworkInfo => ({
          prefix: n.prefix,
          network: n.network,
          displayName: n.displayName,
          known: true,
          genesisHash: Object.freeze([...n.genesisHash]),
        }),
      ),
    ...EXTRA,
  ].map((n) => Object.freeze(n)),
);

const key = (name: string): string =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

/** True when `prefix` is an SS58 prefix util-crypto can encode: an integer 0..16383 other than 46 and 47. */
export function isValidSs58Prefix(prefix: unknown): prefix is number {
  return (
    typeof prefix === 'number' &&
    Number.isInteger(prefix) &&
    prefix >= 0 &&
    prefix <= MAX_SS58_PREFIX &&
    !RESERVED_PREFIXES.includes(prefix)
  );
}

/**
 * Resolves a network name or SS58 prefix. Names match the registry's `network` or `displayName`
 * ignoring case, spaces and punctuation (`Kusama`, `social network`, `Polkadot Relay Chain`).
 * A prefix (a number or a decimal string) may be any valid SS58 prefix, registered or not, so
 * forks with their own prefix still work (`known: false`). Prefix 42 resolves to `substrate`.
 *
 * @throws UNKNOWN_NETWORK for an unknown name (the message and `details.suggestions` list close
 * names) or a prefix outside 0..16383 or reserved (46, 47).
 * @example resolveNetwork('Kusama') // { prefix: 2, network: 'kusama', displayName: 'Kusama Relay Chain', … }
 * @example resolveNetwork(7391).known === false
 */
export function resolveNetwork(nameOrPrefix: string | number): NetworkInfo {
  if (typeof nameOrPrefix === 'string' && /^\s*\d+\s*$/.test(nameOrPrefix)) {
    return resolveNetwork(Number(nameOrPrefix.trim()));
  }
  if (typeof nameOrPrefix === 'number') {
    if (!isValidSs58Prefix(nameOrPrefix)) {
      throw new KeyportError(
        'UNKNOWN_NETWORK',
        `SS58 prefix ${String(nameOrPrefix)} is invalid; expected an integer 0..${MAX_SS58_PREFIX} other than 46 and 47`,
        { prefix: nameOrPrefix },
      );
    }
    return (
      KNOWN.find((n) => n.prefix === nameOrPrefix && !EXTRA.includes(n)) ?? {
        prefix: nameOrPrefix,
        network: 'unknown',
        displayName: `SS58 prefix ${nameOrPrefix} (not in the registry)`,
        known: false,
        genesisHash: [],
      }
    );
  }
  const wanted = typeof nameOrPrefix === 'string' ? key(nameOrPrefix) : '';
  const found =
    wanted === ''
      ? undefined
      : (KNOWN.find((n) => key(n.network) === wanted) ?? KNOWN.find((n) => key(n.displayName) === wanted));
  if (found) return found;
  const suggestions = nearest(
    wanted,
    KNOWN.map((n) => key(n.network)),
    3,
  ).map((k) => KNOWN.find((n) => key(n.network) === k)!.network);
  const shown = String(nameOrPrefix).slice(0, 40);
  throw new KeyportError(
    'UNKNOWN_NETWORK',
    `network "${shown}" is not in the SS58 registry; did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}? A prefix number also works`,
    { network: shown, suggestions },
  );
}

/** Every network {@link resolveNetwork} knows by name, registry order, then Westend. */
export function listNetworks(): readonly NetworkInfo[] {
  return KNOWN;
}
