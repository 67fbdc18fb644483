// A ScryptBackend that hands each call to one of a few workers. Runtime-agnostic: the caller
// injects `spawn()` (node-pool.ts for worker_threads, web-pool.ts for Web Workers, a fake in
// tests). Workers start lazily, run one scrypt at a time, and are terminated on cancel or close.
import { KeyportError } from '../errors.ts';
import type { ScryptBackend } from '../scrypt/backend.ts';
import type { ScryptParams } from '../scrypt/params.ts';
import { isReplyTo, type ScryptRequest } from './protocol.ts';

/** The little a pool needs from a worker; a Web Worker or worker_threads Worker, adapted. */
export interface WorkerPort {
  postMessage(message: ScryptRequest): void;
  /** Set by the pool; the adapter calls it with each message the worker posts. */
  onmessage: ((event: { data: unknown }) => void) | null;
  /** Set by the pool; the adapter calls it when the worker crashes or exits on its own. */
  onerror: ((event: unknown) => void) | null;
  terminate(): unknown;
  /** Optional (Node): keep the process alive while the worker is busy, not while idle. */
  ref?(): void;
  unref?(): void;
}

/** Options of createScryptPool. */
export interface ScryptPoolOptions {
  /** Starts one worker. Called lazily, at most `size` workers alive at once. */
  readonly spawn: () => WorkerPort;
  /** How many workers; default defaultPoolSize(). */
  readonly size?: number;
  /** Aborting closes the pool: every pending and running call rejects with CANCELLED. */
  readonly signal?: AbortSignal;
}

/** A ScryptBackend backed by workers, plus its size, per-batch cancellation and close(). */
export interface ScryptPool extends ScryptBackend {
  readonly size: number;
  /** The same pool as a backend whose calls reject CANCELLED (their workers terminated) on abort. */
  withSignal(signal: AbortSignal): ScryptBackend;
  /**
   * Starts every worker now and resolves once each has answered a trivial call, so the first
   * real calls do not pay for startup (in a page: loading the wasm). Call it while idle.
   */
  warm(): Promise<void>;
  /** Terminates every worker; pending and later calls reject with CANCELLED. */
  close(): Promise<void>;
}

/**
 * The number of cores the runtime reports (navigator.hardwareConcurrency), between 1 and 8;
 * 2 where the runtime does not say (Node 20). Each worker holds 128·N·r bytes while it runs.
 *
 * @example createScryptPool({ spawn, size: defaultPoolSize() })
 */
export function defaultPoolSize(): number {
  const cores = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator
    ?.hardwareConcurrency;
  return typeof cores === 'number' && cores >= 1 ? Math.min(8, Math.floor(cores)) : 2;
}

interface Job {
  readonly request: ScryptRequest;
  readonly resolve: (key: Uint8Array) => void;
  readonly reject: (error: unknown) => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: () => void;
}

interface Slot {
  readonly port: WorkerPort;
  job: Job | undefined;
}

function workerFailed(reason: string, message: string): KeyportError {
  return new KeyportError('WORKER_FAILED', message, { reason });
}

/**
 * Makes a scrypt pool from a worker factory. The pool is itself a ScryptBackend, so it plugs
 * into every open/create call; run several calls at once (unlockMany with
 * `concurrency: pool.size`) to use all workers. Results are byte-identical to wasmScrypt.
 *
 * @throws (from calls) CANCELLED after close or abort; WORKER_FAILED when a worker cannot start,
 * crashes, answers nonsense, or scrypt fails inside it (details `{ reason }`).
 * @example
 * const pool = createScryptPool({ spawn: spawnWebScryptWorker, size: 4 });
 * try { await openData(bytes, pw, { scrypt: pool }) } finally { await pool.close() }
 */
export function createScryptPool(options: ScryptPoolOptions): ScryptPool {
  const size = options.size ?? defaultPoolSize();
  if (!Number.isSafeInteger(size) || size < 1) {
    throw new KeyportError('INVALID_INPUT', `pool size must be a positive integer, got ${size}`, {
      field: 'size',
    });
  }
  const slots: Slot[] = [];
  const queue: Job[] = [];
  const terminations: unknown[] = [];
  let nextId = 1;
  let closed = false;

  const retire = (slot: Slot): void => {
    const at = slots.indexOf(slot);
    if (at >= 0) slots.splice(at, 1);
    slot.port.onmessage = null;
    slot.port.onerror = null;
    terminations.push(slot.port.terminate());
  };

  const settle = (job: Job): void => {
    job.signal?.removeEventListener('abort', job.onAbort);
  };

  const finish = (slot: Slot, outcome: { key: Uint8Array } | { error: unknown }): void => {
    const job = slot.job;
    if (!job) return;
    slot.job = undefined;
    settle(job);
    if ('key' in outcome) job.resolve(outcome.key);
    else job.reject(outcome.error);
  };

  const start = (): Slot | undefined => {
    let port: WorkerPort;
    try {
      port = options.spawn();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      queue.shift()?.reject(workerFailed('spawn', `a scrypt worker could not start: ${reason}`));
      return undefined;
    }
    const slot: Slot = { port, job: undefined };
    port.onmessage = (event) => {
      const job = slot.job;
      if (!job) return;
      const data = event.data;
      if (!isReplyTo(data, job.request.id)) {
        finish(slot, { error: workerFailed('protocol', 'a scrypt worker sent an unexpected reply') });
        retire(slot);
      } else if (data.ok) {
        finish(slot, { key: data.key });
      } else {
        finish(slot, { error: workerFailed('scrypt', `scrypt failed in a worker: ${data.message}`) });
      }
      dispatch();
      if (slot.job === undefined && slots.includes(slot)) port.unref?.();
    };
    port.onerror = (event) => {
      const reason = event instanceof Error ? event.message : 'the worker stopped';
      finish(slot, { error: workerFailed('crashed', `a scrypt worker crashed: ${reason}`) });
      retire(slot);
      dispatch();
    };
    slots.push(slot);
    return slot;
  };

  const dispatch = (): void => {
    while (!closed && queue.length > 0) {
      const slot = slots.find((s) => s.job === undefined) ?? (slots.length < size ? start() : undefined);
      if (!slot) {
        if (slots.length < size) continue; // spawn failed and rejected a job; try the next one
        return;
      }
      const job = queue.shift() as Job;
      slot.job = job;
      slot.port.ref?.();
      try {
        slot.port.postMessage(job.request);
        job.request.password.fill(0); // the worker holds its own copy now
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        finish(slot, { error: workerFailed('post', `a scrypt request could not be sent: ${reason}`) });
        retire(slot);
      }
    }
  };

  const cancelled = (why: string): KeyportError => new KeyportError('CANCELLED', why);

  const run = (
    password: Uint8Array,
    salt: Uint8Array,
    params: ScryptParams,
    signal: AbortSignal | undefined,
  ): Promise<Uint8Array> =>
    new Promise((resolve, reject) => {
      if (closed) return reject(cancelled('the scrypt pool is closed'));
      if (signal?.aborted) return reject(cancelled('scrypt was cancelled before it started'));
      const request: ScryptRequest = {
        id: nextId++,
        password: password.slice(),
        salt: salt.slice(),
        N: params.N,
        p: params.p,
        r: params.r,
      };
      const job: Job = {
        request,
        resolve,
        reject,
        signal,
        onAbort: () => {
          const queued = queue.indexOf(job);
          if (queued >= 0) {
            queue.splice(queued, 1);
            settle(job);
            reject(cancelled('scrypt was cancelled before it started'));
            return;
          }
          const slot = slots.find((s) => s.job === job);
          if (!slot) return;
          finish(slot, { error: cancelled('scrypt was cancelled while running') });
          retire(slot);
          dispatch();
        },
      };
      signal?.addEventListener('abort', job.onAbort, { once: true });
      queue.push(job);
      dispatch();
    });

  const close = async (): Promise<void> => {
    if (!closed) {
      closed = true;
      options.signal?.removeEventListener('abort', onPoolAbort);
      for (const job of queue.splice(0)) {
        settle(job);
        job.reject(cancelled('the scrypt pool was closed'));
      }
      for (const slot of slots.slice()) {
        finish(slot, { error: cancelled('the scrypt pool was closed') });
        retire(slot);
      }
    }
    await Promise.all(terminations.splice(0));
  };
  const onPoolAbort = (): void => {
    void close();
  };
  if (options.signal?.aborted) closed = true;
  else options.signal?.addEventListener('abort', onPoolAbort, { once: true });

  // A scrypt of about a millisecond (1 MiB): enough to make a worker load, small enough to
  // pass OpenSSL's memory check with the 256·N·r cap every backend uses.
  const WARM_UP: ScryptParams = { N: 1024, p: 1, r: 8 };
  const warm = async (): Promise<void> => {
    const busy = slots.filter((s) => s.job !== undefined).length;
    const count = Math.max(0, size - busy);
    await Promise.all(
      Array.from({ length: count }, () => run(new Uint8Array(0), new Uint8Array(0), WARM_UP, undefined)),
    );
  };

  const pool: ScryptBackend = (password, salt, params) => run(password, salt, params, undefined);
  return Object.assign(pool, {
    size,
    withSignal:
      (signal: AbortSignal): ScryptBackend =>
      (password, salt, params) =>
        run(password, salt, params, signal),
    warm,
    close,
  });
}
