import { KeyportError } from '../errors.ts';

/** scrypt cost parameters as polkadot-js stores them (N, p, r; dkLen is always 64). */
export interface ScryptParams {
  readonly N: number;
  readonly p: number;
  readonly r: number;
}

/** polkadot-js's current default (util-crypto ≥ 13.5.3): N = 2^17, p = 1, r = 8. */
export const DEFAULT_SCRYPT: ScryptParams = Object.freeze({ N: 1 << 17, p: 1, r: 8 });

/** The pre-2025 default, for wallets that still reject 2^17 (polkadot-js/extension#1577). */
export const COMPAT_SCRYPT: ScryptParams = Object.freeze({ N: 1 << 15, p: 1, r: 8 });

/** Every parameter set polkadot-js's decoder accepts (its ALLOWED_PARAMS less the p > 4 ones). */
export const ACCEPTED_SCRYPT: readonly ScryptParams[] = Object.freeze([
  Object.freeze({ N: 1 << 15, p: 1, r: 8 }),
  Object.freeze({ N: 1 << 15, p: 3, r: 8 }),
  Object.freeze({ N: 1 << 16, p: 2, r: 8 }),
  Object.freeze({ N: 1 << 17, p: 1, r: 8 }),
]);

/**
 * Throws UNSAFE_SCRYPT_PARAMS unless `params` is one of ACCEPTED_SCRYPT, so keyport never
 * reads or writes a file polkadot-js would refuse.
 *
 * @example assertScryptParams({ N: 1 << 18, p: 1, r: 8 }) // throws UNSAFE_SCRYPT_PARAMS
 */
export function assertScryptParams(params: ScryptParams): void {
  const ok = ACCEPTED_SCRYPT.some((a) => a.N === params.N && a.p === params.p && a.r === params.r);
  if (!ok) {
    throw new KeyportError(
      'UNSAFE_SCRYPT_PARAMS',
      `scrypt parameters N=${params.N}, p=${params.p}, r=${params.r} are not accepted; polkadot-js reads only ` +
        ACCEPTED_SCRYPT.map((a) => `(N=2^${Math.log2(a.N)}, p=${a.p}, r=${a.r})`).join(', '),
      { N: params.N, p: params.p, r: params.r },
    );
  }
}
