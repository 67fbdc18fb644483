// scrypt from hash-wasm (hand-tuned WebAssembly, MIT): the same bytes as util-crypto's wasm
// scrypt, measured about 2.3× faster side by side (tooling/bench: Chromium row). The page's
// Web Workers use it; Node has its native scrypt (scrypt/node.ts).
import { scrypt } from 'hash-wasm';
import type { ScryptBackend } from './backend.ts';

/**
 * scrypt with dkLen 64, as polkadot-js derives keys, computed by hash-wasm. Runs in browsers,
 * workers, Node and Deno; like every backend it returns the same bytes as wasmScrypt.
 *
 * @example const key = await hashWasmScrypt(utf8('pw'), salt, DEFAULT_SCRYPT)
 */
export const hashWasmScrypt: ScryptBackend = (password, salt, params) =>
  scrypt({
    password,
    salt,
    costFactor: params.N,
    blockSize: params.r,
    parallelism: params.p,
    hashLength: 64,
    outputType: 'binary',
  });
