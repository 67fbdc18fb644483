// The scrypt pool's scheduling, failure and cancellation rules, driven by fake in-process
// workers (parallel-fake-worker.ts) so each step is exact.
import { rejectsWithCode, throwsWithCode } from '@keyport/test-harness';
import { u8aToHex } from '@polkadot/util';
import { describe, expect, it } from 'vitest';
import { createScryptPool } from '../src/parallel/pool.ts';
import { COMPAT_SCRYPT } from '../src/scrypt/params.ts';
import { fakeKey, fakeSpawner, flush } from './parallel-fake-worker.ts';

const pw = (n: number): Uint8Array => new Uint8Array([n, 1, 2]);
const salt = new Uint8Array(32).map((_, i) => i);

describe('scrypt pool scheduling (fake workers)', () => {
  it('never starts more than size workers; later calls wait and each gets its own key', async () => {
    const { spawn, ports } = fakeSpawner();
    const pool = createScryptPool({ spawn, size: 2 });
    const calls = [1, 2, 3, 4, 5].map((n) => pool(pw(n), salt, COMPAT_SCRYPT));
    expect(ports.length).toBe(2);
    expect(ports.map((p) => p.posted.length)).toEqual([1, 1]);
    const answered = new Set<number>();
    for (let round = 0; round < 10; round++) {
      for (const port of ports) {
        const req = port.posted[port.posted.length - 1];
        if (req && !answered.has(req.id)) {
          answered.add(req.id);
          port.answer();
        }
      }
      await flush();
    }
    const keys = await Promise.all(calls);
    expect(ports.length).toBe(2);
    expect(ports[0]!.posted.length + ports[1]!.posted.length).toBe(5);
    keys.forEach((key, i) => {
      expect(u8aToHex(key)).toBe(u8aToHex(fakeKey({ password: pw(i + 1), salt, N: COMPAT_SCRYPT.N })));
    });
    expect(ports.every((p) => !p.referenced)).toBe(true); // idle workers do not hold the process
    await pool.close();
  });

  it('zeroes its copy of the password once the worker has it', async () => {
    const { spawn, ports } = fakeSpawner();
    const pool = createScryptPool({ spawn, size: 1 });
    const password = pw(9);
    const call = pool(password, salt, COMPAT_SCRYPT);
    expect(Array.from(ports[0]!.current.password)).toEqual([9, 1, 2]);
    expect(Array.from(password)).toEqual([9, 1, 2]); // the caller's buffer is untouched
    ports[0]!.answer();
    await call;
    await pool.close();
  });

  it('a crashing worker rejects only its own call with WORKER_FAILED and is replaced', async () => {
    const { spawn, ports } = fakeSpawner();
    const pool = createScryptPool({ spawn, size: 1 });
    const first = pool(pw(1), salt, COMPAT_SCRYPT);
    const second = pool(pw(2), salt, COMPAT_SCRYPT);
    ports[0]!.crash();
    const err = await rejectsWithCode(first, 'WORKER_FAILED');
    expect(err.details).toEqual({ reason: 'crashed' });
    expect(ports[0]!.terminated).toBe(true);
    expect(ports.length).toBe(2);
    ports[1]!.answer();
    expect((await second).length).toBe(64);
    await pool.close();
  });

  it('a worker that reports a scrypt failure or answers the wrong id is WORKER_FAILED', async () => {
    const { spawn, ports } = fakeSpawner();
    const pool = createScryptPool({ spawn, size: 1 });
    const a = pool(pw(1), salt, COMPAT_SCRYPT);
    ports[0]!.answer({ id: ports[0]!.current.id, ok: false, message: 'memory limit exceeded' });
    expect((await rejectsWithCode(a, 'WORKER_FAILED')).details).toEqual({ reason: 'scrypt' });
    const b = pool(pw(2), salt, COMPAT_SCRYPT);
    ports[0]!.answer({ id: ports[0]!.current.id + 1, ok: true, key: new Uint8Array(64) });
    expect((await rejectsWithCode(b, 'WORKER_FAILED')).details).toEqual({ reason: 'protocol' });
    const c = pool(pw(3), salt, COMPAT_SCRYPT);
    ports[1]!.answer({ id: ports[1]!.current.id, ok: true, key: new Uint8Array(12) });
    expect((await rejectsWithCode(c, 'WORKER_FAILED')).details).toEqual({ reason: 'protocol' });
    await pool.close();
  });

  it('a spawn that throws rejects that call with WORKER_FAILED (reason spawn)', async () => {
    const pool = createScryptPool({
      spawn: () => {
        throw new Error('no workers here');
      },
      size: 2,
    });
    const err = await rejectsWithCode(pool(pw(1), salt, COMPAT_SCRYPT), 'WORKER_FAILED');
    expect(err.details).toEqual({ reason: 'spawn' });
    await pool.close();
  });

  it('aborting a running call terminates its worker; aborting a queued one never posts it', async () => {
    const { spawn, ports } = fakeSpawner();
    const pool = createScryptPool({ spawn, size: 1 });
    const running = new AbortController();
    const queued = new AbortController();
    const a = pool.withSignal(running.signal)(pw(1), salt, COMPAT_SCRYPT);
    const b = pool.withSignal(queued.signal)(pw(2), salt, COMPAT_SCRYPT);
    const c = pool(pw(3), salt, COMPAT_SCRYPT);
    queued.abort();
    await rejectsWithCode(b, 'CANCELLED');
    running.abort();
    await rejectsWithCode(a, 'CANCELLED');
    expect(ports[0]!.terminated).toBe(true);
    // c went to a fresh worker; b was never posted anywhere
    expect(ports.length).toBe(2);
    expect(ports.flatMap((p) => p.posted.map((r) => r.password[0]))).toEqual([1, 3]);
    ports[1]!.answer();
    expect((await c).length).toBe(64);
    const late = new AbortController();
    late.abort();
    await rejectsWithCode(pool.withSignal(late.signal)(pw(4), salt, COMPAT_SCRYPT), 'CANCELLED');
    await pool.close();
  });

  it('close() rejects pending calls with CANCELLED, terminates every worker and refuses later calls', async () => {
    const { spawn, ports } = fakeSpawner();
    const pool = createScryptPool({ spawn, size: 2 });
    const calls = [1, 2, 3].map((n) => pool(pw(n), salt, COMPAT_SCRYPT));
    await pool.close();
    for (const call of calls) await rejectsWithCode(call, 'CANCELLED');
    expect(ports.every((p) => p.terminated)).toBe(true);
    await rejectsWithCode(pool(pw(4), salt, COMPAT_SCRYPT), 'CANCELLED');
    await pool.close(); // idempotent
  });

  it("the pool's own signal closes it", async () => {
    const { spawn, ports } = fakeSpawner();
    const controller = new AbortController();
    const pool = createScryptPool({ spawn, size: 1, signal: controller.signal });
    const call = pool(pw(1), salt, COMPAT_SCRYPT);
    controller.abort();
    await rejectsWithCode(call, 'CANCELLED');
    expect(ports[0]!.terminated).toBe(true);
    await rejectsWithCode(pool(pw(2), salt, COMPAT_SCRYPT), 'CANCELLED');
  });

  it('warm() starts every idle worker with one small call and resolves when all have answered', async () => {
    const { spawn, ports } = fakeSpawner();
    const pool = createScryptPool({ spawn, size: 3 });
    let warmed = false;
    const warming = pool.warm().then(() => {
      warmed = true;
    });
    expect(ports.length).toBe(3);
    expect(ports.every((p) => p.posted.length === 1 && p.current.N < COMPAT_SCRYPT.N)).toBe(true);
    ports[0]!.answer();
    ports[1]!.answer();
    await flush();
    expect(warmed).toBe(false);
    ports[2]!.answer();
    await warming;
    expect(ports.every((p) => !p.referenced)).toBe(true);
    await pool.close();
  });

  it('a size that is not a positive integer is INVALID_INPUT', () => {
    const { spawn } = fakeSpawner();
    for (const size of [0, -2, 2.5]) throwsWithCode(() => createScryptPool({ spawn, size }), 'INVALID_INPUT');
  });
});
