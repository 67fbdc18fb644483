// The check step's pool holder over core's real pool (worker_threads here, Web Workers in the
// page: same createScryptPool underneath): one warmed pool per input, reused by every check,
// recovering after a cancel terminated its busy workers, remade after release.
import { COMPAT_SCRYPT, createKeystore, type ScryptPool } from '@keyport/core';
import { createNodeScryptPool } from '@keyport/core/node-pool';
import { cryptoWaitReady, sr25519PairFromSeed } from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CheckableAccount, checkableAccounts, checkPasswords } from '../src/check/passwords.ts';
import { checkPool } from '../src/check/pool.ts';

let accounts: CheckableAccount[] = [];
const made: ScryptPool[] = [];
const make = (): ScryptPool => {
  const pool = createNodeScryptPool({ size: 2 });
  made.push(pool);
  return pool;
};

beforeAll(async () => {
  await cryptoWaitReady();
  const entries = [];
  for (let i = 1; i <= 4; i++) {
    const pair = sr25519PairFromSeed(new Uint8Array(32).fill(i));
    const json = await createKeystore({ type: 'sr25519', ...pair, meta: { name: `A${i}` } }, `pw-${i}`, {
      params: COMPAT_SCRYPT,
    });
    entries.push({ key: `account:0x0${i}`, value: JSON.stringify(json) });
  }
  accounts = checkableAccounts(entries);
});

afterAll(async () => {
  await Promise.all(made.map((p) => p.close()));
});

const items = () => accounts.map((account, i) => ({ account, password: `pw-${i + 1}` }));

describe('check pool (made when the section shows, reused, recovers after cancel)', () => {
  it('every check of one input reuses the one warmed pool, and a cancelled check leaves it usable', async () => {
    const errors: unknown[] = [];
    const holder = checkPool(make, (e) => errors.push(e));
    const before = made.length;
    holder.warm();
    const pool = holder.get();
    expect(made.length).toBe(before + 1);

    const first = await checkPasswords(items(), { scrypt: pool, concurrency: pool.size });
    expect(first.every((r) => r.ok)).toBe(true);

    // Cancel while scrypt runs: withSignal terminates the busy workers.
    const controller = new AbortController();
    const cancelled = checkPasswords(items(), {
      scrypt: holder.get().withSignal(controller.signal),
      concurrency: pool.size,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 5);
    await expect(cancelled).rejects.toMatchObject({ code: 'CANCELLED' });

    holder.warm(); // what the page does after a cancel: replace the terminated workers
    expect(holder.get()).toBe(pool);
    const again = await checkPasswords(items(), { scrypt: holder.get(), concurrency: pool.size });
    expect(again.map((r) => r.ok)).toEqual([true, true, true, true]);
    expect(made.length).toBe(before + 1);
    expect(errors).toEqual([]);
    holder.release();
  });

  it('release closes the pool (a running check rejects CANCELLED, a warm-up cut short is no error); get() then makes a new one', async () => {
    const errors: unknown[] = [];
    const holder = checkPool(make, (e) => errors.push(e));
    holder.warm();
    const old = holder.get();
    const running = checkPasswords(items(), { scrypt: old, concurrency: old.size });
    holder.release();
    await expect(running).resolves.toSatisfy((rs: { ok: boolean; code?: string }[]) =>
      rs.every((r) => !r.ok && r.code === 'CANCELLED'),
    );
    await expect(old(new Uint8Array(1), new Uint8Array(1), COMPAT_SCRYPT)).rejects.toMatchObject({
      code: 'CANCELLED',
    });
    const fresh = holder.get();
    expect(fresh).not.toBe(old);
    const out = await checkPasswords(items().slice(0, 1), { scrypt: fresh });
    expect(out[0]?.ok).toBe(true);
    await new Promise((r) => setTimeout(r, 10));
    expect(errors).toEqual([]);
    holder.release();
  });
});
