// Runs one async job per item with bounded concurrency, progress and cancellation. Generic on
// purpose: it knows nothing about keystores. Parallel scrypt comes from passing a pool-backed
// ScryptBackend to the `open` function and `concurrency: pool.size`.
import { KeyportError } from '../errors.ts';

/** How far a batch has got: `done` counts settled items, successes and failures alike. */
export interface UnlockProgress {
  readonly done: number;
  readonly total: number;
  readonly failed: number;
}

/** The outcome of one item: its value, or the error its `open` call threw. */
export type UnlockResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: unknown };

/** Options of unlockMany. */
export interface UnlockManyOptions {
  /** How many `open` calls run at once; default 4. Pass `pool.size` with a scrypt pool. */
  readonly concurrency?: number;
  /** Called after every settled item (and once with done 0 before the first starts). */
  readonly onProgress?: (progress: UnlockProgress) => void;
  /** Aborting stops pending items from starting and rejects with CANCELLED. */
  readonly signal?: AbortSignal;
}

/** The default number of concurrent `open` calls. */
export const DEFAULT_CONCURRENCY = 4;

function cancelled(done: number, total: number): KeyportError {
  return new KeyportError('CANCELLED', `unlocking was cancelled after ${done} of ${total} items`, {
    done,
    total,
  });
}

/**
 * Runs `open(item, index, signal)` over `items`, at most `concurrency` at a time, and returns
 * one result per item in input order. A failing item never stops the others: its error lands
 * in its result. `open` receives the signal so it can stop its own work (a scrypt pool made
 * with `withSignal(signal)` terminates the worker).
 *
 * @throws KeyportError INVALID_INPUT for a concurrency that is not a positive integer;
 * CANCELLED (details `{ done, total }`) when `signal` aborts, before or during the run.
 * @example
 * const pool = createNodeScryptPool();
 * const results = await unlockMany(files, (json) => openKeystore(json, pw, { scrypt: pool }), {
 *   concurrency: pool.size,
 *   onProgress: ({ done, total }) => bar.update(done / total),
 * });
 */
export function unlockMany<I, T>(
  items: readonly I[],
  open: (item: I, index: number, signal?: AbortSignal) => Promise<T>,
  options: UnlockManyOptions = {},
): Promise<UnlockResult<T>[]> {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
    return Promise.reject(
      new KeyportError('INVALID_INPUT', `concurrency must be a positive integer, got ${concurrency}`, {
        field: 'concurrency',
      }),
    );
  }
  const { onProgress, signal } = options;
  const total = items.length;
  const results = new Array<UnlockResult<T>>(total);
  let next = 0;
  let done = 0;
  let failed = 0;
  let finished = false;

  return new Promise((resolve, reject) => {
    const fail = (error: unknown): void => {
      if (finished) return;
      finished = true;
      signal?.removeEventListener('abort', onAbort);
      reject(error);
    };
    const onAbort = (): void => fail(cancelled(done, total));
    const finish = (): void => {
      finished = true;
      signal?.removeEventListener('abort', onAbort);
      resolve(results);
    };
    const report = (): void => {
      onProgress?.({ done, total, failed });
    };
    const settle = (index: number, result: UnlockResult<T>): void => {
      if (finished) return;
      results[index] = result;
      done += 1;
      if (!result.ok) failed += 1;
      try {
        report();
      } catch (error) {
        // A throwing progress callback is the caller's bug: surface it rather than hang.
        fail(error);
        return;
      }
      if (done === total) finish();
      else startNext();
    };
    const startNext = (): void => {
      if (finished || signal?.aborted || next >= total) return;
      const index = next++;
      let running: Promise<T>;
      try {
        running = open(items[index] as I, index, signal);
      } catch (error) {
        // A synchronous throw is that item's failure, like a rejection.
        running = Promise.reject(error);
      }
      running.then(
        (value) => settle(index, { ok: true, value }),
        (error: unknown) => settle(index, { ok: false, error }),
      );
    };

    if (signal?.aborted) {
      onAbort();
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    report();
    if (total === 0) {
      finish();
      return;
    }
    for (let i = 0; i < Math.min(concurrency, total); i++) startNext();
  });
}
