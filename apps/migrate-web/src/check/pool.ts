/**
 * The Check passwords step's scrypt pool: made and warmed as soon as a loaded input has accounts
 * to check, so worker start-up and the wasm load happen while the user types; reused by every
 * check of that input; closed when the input goes away (another file, Undo, pagehide).
 */
import type { ScryptPool } from '@keyport/core';
import { errorCode } from '../messages.ts';

/** One input's pool, made on demand. */
export interface CheckPool {
  /**
   * The pool, made now if there is none (after release(), say). Workers start lazily on the
   * first call, so a check on a fresh pool still works, it just pays the start-up itself.
   */
  get(): ScryptPool;
  /**
   * Makes the pool if needed and starts any worker that is not running (all of them at first;
   * after a cancel, the ones withSignal terminated), in the background.
   */
  warm(): void;
  /** Closes the pool, if any (running calls reject CANCELLED); the next get() makes a new one. */
  release(): void;
}

/**
 * Holds at most one pool from `make`. A warm-up cut short by release() is expected and ignored;
 * any other warm-up failure (a worker that cannot start) goes to `onWarmError`, and the next
 * check tries again with fresh workers.
 *
 * @example const holder = checkPool(() => createWebScryptPool({ size: 2 }), showError); holder.warm()
 */
export function checkPool(make: () => ScryptPool, onWarmError: (error: unknown) => void): CheckPool {
  let pool: ScryptPool | undefined;
  const get = (): ScryptPool => {
    pool ??= make();
    return pool;
  };
  return {
    get,
    warm: () => {
      const warming = get();
      warming.warm().catch((e: unknown) => {
        // CANCELLED: the pool was closed (new input, Undo, pagehide) before its workers answered.
        if (errorCode(e) !== 'CANCELLED' && warming === pool) onWarmError(e);
      });
    },
    release: () => {
      const closing = pool;
      pool = undefined;
      void closing?.close();
    },
  };
}
