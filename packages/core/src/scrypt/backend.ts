import { scryptEncode } from '@polkadot/util-crypto';
import type { ScryptParams } from './params.ts';

/**
 * Derives the 64-byte scrypt key polkadot-js uses (dkLen 64; the first 32 bytes key the
 * secretbox). Backends differ only in speed: every backend returns the same bytes.
 */
export type ScryptBackend = (
  password: Uint8Array,
  salt: Uint8Array,
  params: ScryptParams,
) => Promise<Uint8Array>;

/**
 * @polkadot/util-crypto's scrypt (wasm, or its JS fallback): runs everywhere, including
 * browsers and workers. Synchronous underneath; wrap it in a worker to keep a UI responsive.
 *
 * @example const key = await wasmScrypt(utf8('pw'), salt, DEFAULT_SCRYPT)
 */
export const wasmScrypt: ScryptBackend = async (password, salt, params) =>
  scryptEncode(password, salt, { N: params.N, p: params.p, r: params.r }).password;
