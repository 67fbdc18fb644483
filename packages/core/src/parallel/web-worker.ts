// The Web Worker behind createWebScryptPool: hash-wasm's scrypt (the same bytes as util-crypto's
// wasm scrypt, about 2.3× faster) off the main thread. Bundlers pick it up from web-pool.ts's
// `new Worker(new URL('./web-worker.ts', import.meta.url))`. hash-wasm compiles its module on
// the first call; a warm-up request pays that before the user's first check.
import { hashWasmScrypt } from '../scrypt/hash-wasm.ts';
import { answerScryptRequest } from './protocol.ts';

interface WorkerScope {
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage(message: unknown, options?: { transfer?: ArrayBuffer[] }): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.onmessage = (event) => {
  void answerScryptRequest(event.data, hashWasmScrypt).then((reply) =>
    scope.postMessage(reply, reply.ok ? { transfer: [reply.key.buffer as ArrayBuffer] } : {}),
  );
};
