// The Web Worker behind createWebScryptPool: util-crypto's wasm scrypt off the main thread.
// Bundlers pick it up from web-pool.ts's `new Worker(new URL('./web-worker.ts', import.meta.url))`.
// Requests that arrive before the wasm is ready wait for it.
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { wasmScrypt } from '../scrypt/backend.ts';
import { answerScryptRequest } from './protocol.ts';

interface WorkerScope {
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage(message: unknown, options?: { transfer?: ArrayBuffer[] }): void;
}

const scope = globalThis as unknown as WorkerScope;
const ready = cryptoWaitReady();

scope.onmessage = (event) => {
  void ready
    .then(() => answerScryptRequest(event.data, wasmScrypt))
    .then((reply) =>
      scope.postMessage(reply, reply.ok ? { transfer: [reply.key.buffer as ArrayBuffer] } : {}),
    );
};
