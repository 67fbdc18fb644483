// The scrypt pool for browsers (and Deno): Web Workers running util-crypto's wasm scrypt, so a
// page stays responsive while it unlocks many accounts. Exported as `@keyport/core/web-pool`;
// Vite bundles web-worker.ts as a separate chunk from the `new Worker(new URL(...))` below.
import { createScryptPool, defaultPoolSize, type ScryptPool, type WorkerPort } from './pool.ts';

/**
 * Starts one wasm-scrypt Web Worker (a module worker), adapted to the pool's WorkerPort.
 *
 * @example createScryptPool({ spawn: spawnWebScryptWorker, size: 2 })
 */
export function spawnWebScryptWorker(): WorkerPort {
  const worker = new Worker(new URL('./web-worker.ts', import.meta.url), {
    type: 'module',
    name: 'keyport-scrypt',
  });
  const port: WorkerPort = {
    onmessage: null,
    onerror: null,
    postMessage: (message) => worker.postMessage(message),
    terminate: () => worker.terminate(),
  };
  worker.onmessage = (event) => port.onmessage?.({ data: event.data });
  worker.onmessageerror = () => port.onerror?.(new Error('a worker message could not be read'));
  worker.onerror = (event) => {
    event.preventDefault();
    port.onerror?.(new Error(event.message || 'the worker failed to load or threw'));
  };
  return port;
}

/** Options of createWebScryptPool. */
export interface WebScryptPoolOptions {
  /** Workers; default navigator.hardwareConcurrency (1..8). */
  readonly size?: number;
  /** Aborting closes the pool (pending calls reject CANCELLED). */
  readonly signal?: AbortSignal;
}

/**
 * A scrypt pool of Web Workers sized to the device. Workers start on first use; each loads the
 * wasm once. Pair it with unlockMany({ concurrency: pool.size }).
 *
 * @throws (from calls) CANCELLED after close or abort; WORKER_FAILED if a worker fails.
 * @example
 * import { createWebScryptPool } from '@keyport/core/web-pool';
 * const pool = createWebScryptPool();
 * const key = await openData(bytes, pw, { scrypt: pool.withSignal(controller.signal) });
 */
export function createWebScryptPool(options: WebScryptPoolOptions = {}): ScryptPool {
  return createScryptPool({
    spawn: spawnWebScryptWorker,
    size: options.size ?? defaultPoolSize(),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
