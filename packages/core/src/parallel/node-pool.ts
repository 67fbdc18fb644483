// The scrypt pool for Node (and Deno's node:worker_threads): one worker_threads Worker per core,
// each running OpenSSL's scryptSync, about 1.8× faster than the wasm per call. The worker is an
// inline CommonJS script (`eval: true`), so it needs no TypeScript loader and no file on disk.
// Node-only: exported as `@keyport/core/node-pool`, never from the main entry.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createScryptPool, type ScryptPool, type WorkerPort } from './pool.ts';

// Speaks protocol.ts: { id, password, salt, N, p, r } in, { id, ok, key | message } out.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { scryptSync } = require('node:crypto');
parentPort.on('message', (m) => {
  let reply;
  try {
    const out = scryptSync(m.password, m.salt, 64, { N: m.N, r: m.r, p: m.p, maxmem: 256 * m.N * m.r });
    const key = new Uint8Array(out);
    out.fill(0);
    reply = { id: m.id, ok: true, key };
  } catch (e) {
    reply = { id: m.id, ok: false, message: String((e && e.message) || e) };
  }
  if (m.password && m.password.fill) m.password.fill(0);
  parentPort.postMessage(reply, reply.ok ? [reply.key.buffer] : []);
});
`;

/**
 * Starts one native-scrypt worker thread, adapted to the pool's WorkerPort. A thread that
 * exits on its own (not via terminate) reports an error to the pool.
 *
 * @example createScryptPool({ spawn: spawnNodeScryptWorker, size: 2 })
 */
export function spawnNodeScryptWorker(): WorkerPort {
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  let terminated = false;
  const port: WorkerPort = {
    onmessage: null,
    onerror: null,
    postMessage: (message) => worker.postMessage(message),
    terminate: () => {
      terminated = true;
      return worker.terminate();
    },
    ref: () => worker.ref(),
    unref: () => worker.unref(),
  };
  worker.on('message', (data: unknown) => port.onmessage?.({ data }));
  worker.on('messageerror', (error: Error) => port.onerror?.(error));
  worker.on('error', (error: Error) => port.onerror?.(error));
  worker.on('exit', (code: number) => {
    if (!terminated) port.onerror?.(new Error(`the worker exited with code ${code}`));
  });
  return port;
}

/** Options of createNodeScryptPool. */
export interface NodeScryptPoolOptions {
  /** Worker threads; default os.availableParallelism(), at most 8. */
  readonly size?: number;
  /** Aborting closes the pool (pending calls reject CANCELLED). */
  readonly signal?: AbortSignal;
}

/**
 * A scrypt pool of native worker threads sized to the machine. Idle threads do not keep the
 * process alive; still call close() when done.
 *
 * @throws (from calls) CANCELLED after close or abort; WORKER_FAILED if a thread fails.
 * @example
 * import { createNodeScryptPool } from '@keyport/core/node-pool';
 * const pool = createNodeScryptPool();
 * const results = await unlockMany(files, (f) => openKeystore(f, pw, { scrypt: pool }), {
 *   concurrency: pool.size,
 * });
 * await pool.close();
 */
export function createNodeScryptPool(options: NodeScryptPoolOptions = {}): ScryptPool {
  return createScryptPool({
    spawn: spawnNodeScryptWorker,
    size: options.size ?? Math.min(8, availableParallelism()),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
