// `locate`: which key type and derivation path of a secret gives an address. Tries the given
// path, then the families of families.ts in order, with intermediate keys cached (keys.ts), and
// stops at the first hit. Password guesses re-run the search with that BIP39 passphrase
// (`///password` for Substrate keys, the 25th word for Ledger, Ethereum and SLIP-10 keys).
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { KeyportError } from '../errors.ts';
import type { KeyType } from '../keystore/types.ts';
import { type Candidate, type Family, families, type LocateType, SEED_AS_ETHEREUM } from './families.ts';
import { KeyCache } from './keys.ts';
import type { LocateSecret } from './secret.ts';
import { type LocateTarget, matchesTarget, targetTypes } from './target.ts';

export type { LocateType } from './families.ts';

/** Options of {@link locate}. */
export interface LocateOptions {
  /** Widen the search (every Ledger slip44, //0…//999, …). Default false. */
  readonly deep?: boolean;
  /** Passphrase guesses (`///password` / 25th word), each a full re-run of the search. */
  readonly passwords?: readonly string[];
  /** Called every few hundred candidates and at each family: searched so far of `total`. */
  readonly onProgress?: (progress: LocateProgress) => void;
  readonly signal?: AbortSignal;
}

/** Progress of a search. */
export interface LocateProgress {
  readonly searched: number;
  readonly total: number;
  /** The label of the family being searched. */
  readonly family: string;
}

/** The key that matched. */
export interface LocateHit {
  readonly type: LocateType;
  /** `//polkadot//3`, `/7`, `m/44'/60'/0'/0/7`, `m/44'/354'/2'/0'/1'`; '' for a root or raw key. */
  readonly path: string;
  /** The family it was found in (`root`, `vault`, `ledger`, `slip10`, `raw`, …). */
  readonly family: string;
  readonly publicKey: Uint8Array;
  /** 1-based index of the password guess that matched; absent without one. */
  readonly password?: number;
  /** For a raw secret key: which encoding matched (`sr25519-schnorrkel`, …). */
  readonly encoding?: string;
}

/** What {@link locate} returns. */
export type LocateResult =
  | { readonly found: true; readonly hit: LocateHit; readonly searched: number }
  | {
      readonly found: false;
      readonly searched: number;
      /** What was searched, one line per family, for the user. */
      readonly searchedFamilies: readonly string[];
    };

const PROGRESS_EVERY = 200;

/**
 * Searches the key types and derivation paths of `secret` for `target`. Stops at the first
 * hit. `searched` counts the candidates whose key was computed.
 *
 * @throws CANCELLED when `signal` aborts.
 * @example
 * const result = await locate(readLocateSecret(phrase), parseTarget('15x3B9…'))
 * // { found: true, hit: { type: 'sr25519', path: '//kusama//0', family: 'vault-n', … }, searched: 160 }
 */
export async function locate(
  secret: LocateSecret,
  target: LocateTarget,
  options: LocateOptions = {},
): Promise<LocateResult> {
  await cryptoWaitReady();
  const types = targetTypes(target);
  const deep = options.deep ?? false;
  const passphrases = [secret.passphrase, ...(options.passwords ?? [])];
  const plan = planFamilies(secret, types, deep, target.prefix);
  const total = secret.raw ? secret.raw.length : plan.reduce((n, f) => n + f.size, 0) * passphrases.length;
  let searched = 0;
  const report = (family: string) => options.onProgress?.({ searched, total, family });

  if (secret.raw) {
    report('raw secret key');
    for (const c of secret.raw) {
      searched++;
      if (types.includes(c.type) && matchesTarget(target, c.publicKey, c.type)) {
        return {
          found: true,
          hit: { type: c.type, path: '', family: 'raw', publicKey: c.publicKey, encoding: c.encoding },
          searched,
        };
      }
    }
    return {
      found: false,
      searched,
      searchedFamilies: ['the raw secret key in every encoding keyport knows'],
    };
  }

  for (let p = 0; p < passphrases.length; p++) {
    const keys = new KeyCache(secret, passphrases[p]!);
    try {
      const given = secret.path === '' ? [] : [givenPath(secret.path, types, secret.seed !== undefined)];
      for (const family of [...given, ...plan]) {
        if (family.size === 0) continue;
        report(family.label);
        for (const c of family.candidates(keys)) {
          if (!types.includes(c.keyType)) continue;
          if (options.signal?.aborted) throw new KeyportError('CANCELLED', 'the search was cancelled');
          searched++;
          if (searched % PROGRESS_EVERY === 0) report(family.label);
          if (matchesTarget(target, c.publicKey(), c.keyType)) {
            const hit: LocateHit = {
              type: c.type,
              path: c.path,
              family: family.id,
              publicKey: c.publicKey().slice(),
              ...(p > 0 ? { password: p } : {}),
            };
            return { found: true, hit, searched };
          }
        }
      }
    } finally {
      keys.wipe();
    }
  }
  const searchedFamilies = plan.map((f) => f.label);
  if (passphrases.length > 1)
    searchedFamilies.push(`each of that again with ${passphrases.length - 1} password guess(es)`);
  return { found: false, searched, searchedFamilies };
}

function planFamilies(
  secret: LocateSecret,
  types: readonly KeyType[],
  deep: boolean,
  prefix: number | null,
): Family[] {
  const all = families({ deep, prefix });
  const plan = secret.seed ? [...all.filter((f) => !f.needsPhrase), SEED_AS_ETHEREUM] : all;
  return plan.filter((f) => f.keyTypes.some((t) => types.includes(t)));
}

/** The path written after the secret, for every key type it applies to. */
function givenPath(path: string, types: readonly KeyType[], fromSeed: boolean): Family {
  const bip44 = path.startsWith('/m/');
  const applies = bip44
    ? (['ethereum'] as const).filter((t) => !fromSeed && types.includes(t))
    : (['sr25519', 'ed25519', 'ecdsa'] as const).filter(
        (t) => types.includes(t) && (t === 'sr25519' || !/(^|[^/])\/[^/]/.test(path)),
      );
  const label = `the path given with the secret (${path})`;
  return {
    id: 'given',
    label,
    keyTypes: applies,
    needsPhrase: false,
    size: applies.length,
    *candidates(keys): Iterable<Candidate> {
      for (const type of applies) {
        if (type === 'ethereum') {
          yield { keyType: type, type, path: path.slice(1), publicKey: () => keys.ethereumAt(path.slice(1)) };
        } else {
          yield { keyType: type, type, path, publicKey: () => keys.pair(type, path).publicKey };
        }
      }
    },
  };
}
