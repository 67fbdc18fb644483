// Node's native scrypt (OpenSSL), about 1.8× faster than the wasm at N = 2^17 and run off the
// main thread by libuv. Also works under Deno's node:crypto. Kept out of the main entry so that
// browser builds never see node:crypto.
import { scrypt } from 'node:crypto';
import type { ScryptBackend } from './backend.ts';

/**
 * The native scrypt backend for Node and Deno. `maxmem` is 256·N·r (at least Node's default
 * 32 MiB, for tiny N): OpenSSL needs a little more than the 128·N·r the algorithm uses.
 *
 * @example import { nodeScrypt } from '@keyport/core/scrypt-node'
 * await openKeystore(json, pw, { scrypt: nodeScrypt })
 */
export const nodeScrypt: ScryptBackend = (password, salt, params) =>
  new Promise((resolve, reject) => {
    scrypt(
      password,
      salt,
      64,
      { N: params.N, r: params.r, p: params.p, maxmem: Math.max(32 << 20, 256 * params.N * params.r) },
      (err, key) => {
        if (err) reject(err);
        else resolve(new Uint8Array(key.buffer, key.byteOffset, key.byteLength));
      },
    );
  });
