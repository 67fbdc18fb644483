// Row 1: unlock 8 accounts at 2^17 in Node. keyport: openKeystore with the worker_threads pool
// (native scrypt) under unlockMany; polkadot-js: Keyring.addFromJson + decodePkcs8 in a loop.
// A second keyport variant (nodeScrypt on libuv's thread pool, no workers) is reported beside it.
import { DEFAULT_SCRYPT, type ScryptBackend } from '@keyport/core';
import { createNodeScryptPool } from '@keyport/core/node-pool';
import { nodeScrypt } from '@keyport/core/scrypt-node';
import { type KeystoreCase, unlockWithKeyring } from './fixtures.ts';
import { openKeystore, unlockMany, wipe } from './keyport.ts';
import { figure, type Row, round } from './stats.ts';

async function unlockWithKeyport(
  cases: readonly KeystoreCase[],
  scrypt: ScryptBackend,
  concurrency: number,
): Promise<string[]> {
  const results = await unlockMany(
    cases,
    async (c) => {
      const account = await openKeystore(c.json, c.password, { scrypt });
      const address = account.address;
      wipe(account);
      return address;
    },
    { concurrency },
  );
  return results.map((r, i) => {
    if (!r.ok) throw new Error(`keyport failed to unlock case ${i}: ${String(r.error)}`);
    return r.value;
  });
}

function check(addresses: readonly string[], cases: readonly KeystoreCase[], who: string): void {
  addresses.forEach((a, i) => {
    if (a !== cases[i]!.address)
      throw new Error(`${who} unlocked case ${i} to ${a}, expected ${cases[i]!.address}`);
  });
}

async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/**
 * How much parallelism the machine gives right now: one native scrypt on a warm pool, then as
 * many at once as there are workers. On free cores the two times match; on a busy machine the
 * second grows, and every parallel figure above shrinks with it.
 */
async function scalingProbe(): Promise<{ one: number; all: number; size: number }> {
  const pool = createNodeScryptPool();
  const pw = new Uint8Array([1, 2, 3]);
  const salt = new Uint8Array(32).fill(7);
  const batch = (n: number): Promise<number> =>
    time(() => Promise.all(Array.from({ length: n }, () => pool(pw, salt, DEFAULT_SCRYPT))));
  try {
    await batch(pool.size); // start the workers
    return { one: await batch(1), all: await batch(pool.size), size: pool.size };
  } finally {
    await pool.close();
  }
}

/** Runs both sides `runs` times, interleaved, and returns the table rows. */
export async function benchNodeUnlock(cases: readonly KeystoreCase[], runs: number): Promise<Row[]> {
  const pooled: number[] = [];
  const libuv: number[] = [];
  const keyring: number[] = [];
  const one: number[] = [];
  const all: number[] = [];
  let size = 0;
  for (let i = 0; i < runs; i++) {
    const probe = await scalingProbe();
    one.push(probe.one);
    all.push(probe.all);
    pooled.push(
      await time(async () => {
        // The pool starts inside the timed region: a CLI run pays for its workers too.
        const pool = createNodeScryptPool();
        size = pool.size;
        try {
          check(await unlockWithKeyport(cases, pool, pool.size), cases, 'keyport (pool)');
        } finally {
          await pool.close();
        }
      }),
    );
    libuv.push(
      await time(async () => check(await unlockWithKeyport(cases, nodeScrypt, size), cases, 'keyport')),
    );
    keyring.push(await time(() => check(unlockWithKeyring(cases), cases, 'polkadot-js')));
  }
  const base = figure(keyring);
  const row = (id: string, title: string, label: string, own: number[]): Row => {
    const k = figure(own);
    const ratio = round(base.median / k.median, 2);
    return {
      id,
      title,
      status: 'measured',
      keyport: k,
      keyportLabel: label,
      baseline: base,
      baselineLabel: 'keyring decodePkcs8, serial',
      ratio,
      ratioMeaning: 'faster',
      goal: '≥ 3× faster',
      met: ratio >= 3,
      extra: {
        accounts: cases.length,
        scryptN: 2 ** 17,
        workers: size,
        nativeScryptOneMs: figure(one).median,
        [`nativeScrypt${size}AtOnceMs`]: figure(all).median,
        keyringPerAccountMs: round(base.median / cases.length),
        // size × one ÷ all: 2.0 on two free cores, about 1 when others hold a core
        effectiveParallelism: round((size * figure(one).median) / figure(all).median, 2),
      },
    };
  };
  return [
    row(
      'node-unlock',
      `unlock ${cases.length} accounts, Node`,
      `openKeystore + node pool of ${size}`,
      pooled,
    ),
    {
      ...row(
        'node-unlock-libuv',
        `unlock ${cases.length} accounts, Node (no workers)`,
        `openKeystore + nodeScrypt ×${size}`,
        libuv,
      ),
      goal: 'for reference',
      met: undefined,
    },
  ];
}
