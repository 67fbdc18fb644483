// The CLI's scrypt: Node's native async scrypt (OpenSSL) on libuv's thread pool. As fast as a
// worker_threads pool on the same cores, and nothing to start: `keyport unlock` begins its first
// scrypt at once (docs/packaging.md, "The CLI"; README Performance).
import { availableParallelism } from 'node:os';
import type { ScryptBackend } from '@keyport/core';
import { nodeScrypt } from '@keyport/core/scrypt-node';

/**
 * The scrypt backend every command uses (core's nodeScrypt).
 *
 * @example await openKeystore(json, password, { scrypt: cliScrypt })
 */
export const cliScrypt: ScryptBackend = nodeScrypt;

/**
 * How many scrypts to run at once: one per core, at most the libuv thread pool's size (4 unless
 * UV_THREADPOOL_SIZE says otherwise), since more would only queue there.
 *
 * @param env the environment to read UV_THREADPOOL_SIZE from
 * @param cores the cores this process may use
 * @returns a count ≥ 1
 * @example unlockMany(items, open, { concurrency: scryptConcurrency() })
 */
export function scryptConcurrency(
  env: Readonly<Record<string, string | undefined>> = process.env,
  cores: number = availableParallelism(),
): number {
  const threads = Number.parseInt(env.UV_THREADPOOL_SIZE ?? '', 10);
  const pool = Number.isInteger(threads) && threads > 0 ? threads : 4;
  return Math.max(1, Math.min(cores, pool));
}
