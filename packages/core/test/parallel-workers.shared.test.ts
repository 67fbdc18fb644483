// The real workers: worker_threads + native scrypt (Node and Deno) and the Web Worker + wasm
// (Deno runs it; Node 20 has no Web Worker, so vitest skips that test and the Chromium bench
// covers it). Each must return exactly the bytes of nodeScrypt and wasmScrypt.
import { fcParams, rejectsWithCode } from '@keyport/test-harness';
import { stringToU8a, u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, test } from 'vitest';
import { openData, sealData } from '../src/envelope.ts';
import { createNodeScryptPool } from '../src/parallel/node-pool.ts';
import { type UnlockProgress, unlockMany } from '../src/parallel/unlock-many.ts';
import { createWebScryptPool } from '../src/parallel/web-pool.ts';
import { wasmScrypt } from '../src/scrypt/backend.ts';
import { nodeScrypt } from '../src/scrypt/node.ts';
import { COMPAT_SCRYPT, DEFAULT_SCRYPT } from '../src/scrypt/params.ts';
import { UPSTREAM_SCRYPT } from './vectors/scrypt.ts';

const pool = createNodeScryptPool({ size: 2 });

beforeAll(async () => {
  await cryptoWaitReady();
});
afterAll(async () => {
  await pool.close();
});

describe('node worker pool (worker_threads + native scrypt)', () => {
  it('gives the upstream 2^17 vector, after warm() too', async () => {
    await pool.warm();
    const key = await pool(stringToU8a(UPSTREAM_SCRYPT.passphrase), UPSTREAM_SCRYPT.salt, DEFAULT_SCRYPT);
    expect(u8aToHex(key)).toBe(u8aToHex(new Uint8Array(UPSTREAM_SCRYPT.out)));
  });

  it('returns the same bytes as nodeScrypt and wasmScrypt for any password and salt, two at a time', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 64 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        async (password, salt) => {
          const other = salt.map((b) => b ^ 0xff);
          const [a, b] = await Promise.all([
            pool(password, salt, COMPAT_SCRYPT),
            pool(password, other, COMPAT_SCRYPT),
          ]);
          expect(u8aToHex(a)).toBe(u8aToHex(await nodeScrypt(password, salt, COMPAT_SCRYPT)));
          expect(u8aToHex(a)).toBe(u8aToHex(await wasmScrypt(password, salt, COMPAT_SCRYPT)));
          expect(u8aToHex(b)).toBe(u8aToHex(await nodeScrypt(password, other, COMPAT_SCRYPT)));
        },
      ),
      fcParams(0.03),
    );
  });

  it('scrypt failing inside a worker thread is WORKER_FAILED (reason scrypt) and the pool carries on', async () => {
    const err = await rejectsWithCode(
      pool(new Uint8Array([1]), new Uint8Array(32), { N: 3, p: 1, r: 8 }),
      'WORKER_FAILED',
    );
    expect(err.details).toEqual({ reason: 'scrypt' });
    expect((await pool(new Uint8Array([1]), new Uint8Array(32), COMPAT_SCRYPT)).length).toBe(64);
  });

  it('unlockMany over sealed envelopes: one result per item, a wrong password fails only its item', async () => {
    const plains = ['a', 'b', 'c', 'd'].map((s) => stringToU8a(s));
    const sealed = await Promise.all(
      plains.map((p, i) =>
        sealData(p, i === 2 ? 'other' : 'pw', { params: COMPAT_SCRYPT, scrypt: nodeScrypt }),
      ),
    );
    const events: UnlockProgress[] = [];
    const results = await unlockMany(sealed, (bytes) => openData(bytes, 'pw', { scrypt: pool }), {
      concurrency: pool.size,
      onProgress: (p) => events.push(p),
    });
    expect(results.map((r) => (r.ok ? u8aToHex(r.value) : (r.error as { code: string }).code))).toEqual([
      u8aToHex(plains[0]),
      u8aToHex(plains[1]),
      'WRONG_PASSWORD',
      u8aToHex(plains[3]),
    ]);
    expect(events[events.length - 1]).toEqual({ done: 4, total: 4, failed: 1 });
  });

  it('cancelling unlockMany over a real pool rejects CANCELLED and the pool still works afterwards', async () => {
    const own = createNodeScryptPool({ size: 2 });
    const controller = new AbortController();
    const sealed = await sealData(stringToU8a('x'), 'pw', { params: COMPAT_SCRYPT, scrypt: nodeScrypt });
    const run = unlockMany(
      Array.from({ length: 6 }, () => sealed),
      (bytes, _i, signal) => openData(bytes, 'pw', { scrypt: signal ? own.withSignal(signal) : own }),
      { concurrency: own.size, signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 5);
    await rejectsWithCode(run, 'CANCELLED');
    expect(u8aToHex(await openData(sealed, 'pw', { scrypt: own }))).toBe(u8aToHex(stringToU8a('x')));
    await own.close();
  });
});

describe('web worker pool (Web Worker + wasm scrypt)', () => {
  test.skipIf(typeof Worker === 'undefined')('returns the same bytes as wasmScrypt', async () => {
    const web = createWebScryptPool({ size: 2 });
    try {
      await web.warm();
      const salts = [1, 2, 3].map((n) => new Uint8Array(32).fill(n));
      const keys = await Promise.all(salts.map((s) => web(stringToU8a('pässword'), s, COMPAT_SCRYPT)));
      for (const [i, key] of keys.entries()) {
        expect(u8aToHex(key)).toBe(
          u8aToHex(await wasmScrypt(stringToU8a('pässword'), salts[i]!, COMPAT_SCRYPT)),
        );
      }
    } finally {
      await web.close();
    }
  });
});
