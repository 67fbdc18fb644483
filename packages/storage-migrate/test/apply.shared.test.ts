// applyPlan and undoImport never lose anything: a failure at any write, a lying read-back or a
// full storage leave the storage exactly as it began; an undo bundle reverses an import.
import { COMPAT_SCRYPT } from '@keyport/core';
import { nodeScrypt } from '@keyport/core/scrypt-node';
import { appsStorage, fcParams, hostileString, throwsWithCode } from '@keyport/test-harness';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyPlan, type Progress, StorageWriteError, undoImport } from '../src/apply.ts';
import { decodeBundle } from '../src/bundle/decode.ts';
import { makeBundle } from '../src/bundle/dump.ts';
import { encodeBundle } from '../src/bundle/encode.ts';
import { planImport } from '../src/plan/plan.ts';
import { MemoryStorage, quotaExceeded, type StorageLike, snapshot } from '../src/storage.ts';

beforeAll(async () => {
  await cryptoWaitReady();
});

const at = { now: () => 1_700_000_000_000 };
const pairs = fc.array(fc.tuple(hostileString({ maxPieces: 3 }), hostileString({ maxPieces: 6 })), {
  maxLength: 10,
});
const state = (s: MemoryStorage) => JSON.stringify(Object.entries(snapshot(s)));
const source = (ps: [string, string][]) => ({
  entries: [...new Map(ps)].map(([key, value]) => ({ key, value })),
});

function caught(fn: () => unknown): StorageWriteError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StorageWriteError) return e;
    throw e;
  }
  throw new Error('expected a StorageWriteError');
}

describe('applyPlan', () => {
  it('writes exactly the plan (new + replaced) and undoImport gives back the storage it began with', () => {
    fc.assert(
      fc.property(
        pairs,
        pairs,
        fc.constantFrom('keep' as const, 'replace' as const),
        (before, incoming, policy) => {
          const target = new MemoryStorage(before);
          const start = state(target);
          const src = source(incoming);
          const plan = planImport(src, target, { policy });
          const expected = new Map(before);
          for (const { key, value } of src.entries)
            if (!expected.has(key) || policy === 'replace') expected.set(key, value);
          const result = applyPlan(plan, target, at);
          expect(new Map(Object.entries(snapshot(target)))).toEqual(expected);
          expect(result.written).toBe(plan.counts.write);
          undoImport(result.undo, target, at);
          expect(state(target)).toBe(start);
        },
      ),
      fcParams(1),
    );
  });

  it('a storage that throws at the k-th write, for every k, ends exactly as it began', () => {
    fc.assert(
      fc.property(appsStorage(), appsStorage(), (before, incoming) => {
        const probe = new MemoryStorage(Object.entries(before));
        const plan = planImport(source(Object.entries(incoming)), probe, { policy: 'replace' });
        const writes = plan.counts.write;
        for (let k = 1; k <= writes + 1; k++) {
          const target = new MemoryStorage(Object.entries(before), {
            fault: (op, key, n) => (op !== 'getItem' && n === k ? quotaExceeded(key) : undefined),
          });
          const start = state(target);
          if (k > writes) {
            applyPlan(plan, target, at);
            continue;
          }
          const e = caught(() => applyPlan(plan, target, at));
          expect([e.code, e.rolledBack, e.details.index]).toEqual(['WRITE_FAILED', true, k - 1]);
          expect(state(target)).toBe(start);
        }
      }),
      fcParams(0.3),
    );
  });

  it('when the storage keeps failing, rolledBack is false and the error’s undo bundle restores it later', () => {
    const before = { a: '1', b: '2' };
    let broken = false;
    const target = new MemoryStorage(Object.entries(before), {
      fault: (op, key, n) => (op !== 'getItem' && (n >= 2 || broken) ? quotaExceeded(key) : undefined),
    });
    const plan = planImport(
      source([
        ['a', 'x'],
        ['c', 'y'],
        ['d', 'z'],
      ]),
      target,
      { policy: 'replace' },
    );
    const e = caught(() => applyPlan(plan, target, at));
    expect([e.code, e.rolledBack]).toEqual(['WRITE_FAILED', false]);
    expect(target.getItem('a')).toBe('x'); // the one write that went through is still there
    broken = false;
    const healthy = new MemoryStorage(Object.entries(snapshot(target)));
    throwsWithCode(() => undoImport(e.undo, healthy, at), 'CONFLICT'); // c, d were never written
    undoImport(e.undo, healthy, { ...at, force: true });
    expect(snapshot(healthy)).toEqual(Object.assign(Object.create(null), before));
  });

  it('a read-back that differs is VERIFY_FAILED and the storage is restored', () => {
    // A backend that cannot hold lone surrogates and silently stores U+FFFD instead.
    const inner = new MemoryStorage({ keep: 'k', x: 'old' });
    const lossy: StorageLike = {
      get length() {
        return inner.length;
      },
      key: (i) => inner.key(i),
      getItem: (k) => inner.getItem(k),
      setItem: (k, v) => inner.setItem(k, v.replace(/\p{Cs}/gu, '\ufffd')),
      removeItem: (k) => inner.removeItem(k),
    };
    const start = state(inner);
    const plan = planImport(
      source([
        ['x', 'a\ud800'],
        ['y', 'new'],
      ]),
      lossy,
      { policy: 'replace' },
    );
    const e = caught(() => applyPlan(plan, lossy, at));
    expect([e.code, e.rolledBack, e.details.index]).toEqual(['VERIFY_FAILED', true, 0]);
    expect(state(inner)).toBe(start);
  });

  it('a full storage (QuotaExceededError) mid-import is rolled back', () => {
    const target = new MemoryStorage({ settings: '{"storage":"on"}' }, { quota: 60 });
    const plan = planImport(
      source([
        ['account:0x01', 'x'.repeat(20)],
        ['account:0x02', 'y'.repeat(20)],
      ]),
      target,
    );
    const e = caught(() => applyPlan(plan, target, at));
    expect([e.code, e.details.cause, e.rolledBack]).toEqual(['WRITE_FAILED', 'QuotaExceededError', true]);
    expect(snapshot(target)).toEqual(Object.assign(Object.create(null), { settings: '{"storage":"on"}' }));
  });

  it('refuses with CONFLICT when the storage changed after planning, before writing anything', () => {
    const target = new MemoryStorage({ a: '1' });
    const plan = planImport(
      source([
        ['a', '2'],
        ['b', '3'],
      ]),
      target,
      { policy: 'replace' },
    );
    target.setItem('a', 'edited');
    throwsWithCode(() => applyPlan(plan, target, at), 'CONFLICT');
    expect(snapshot(target)).toEqual(Object.assign(Object.create(null), { a: 'edited' }));
  });

  it('reports progress for every item of every phase', () => {
    const seen: Progress[] = [];
    const target = new MemoryStorage();
    applyPlan(
      planImport(
        source([
          ['a', '1'],
          ['b', '2'],
        ]),
        target,
      ),
      target,
      { ...at, onProgress: (p) => seen.push(p) },
    );
    expect(seen.map((p) => `${p.phase}${p.done}/${p.total}`)).toEqual([
      'write1/2',
      'write2/2',
      'verify1/2',
      'verify2/2',
    ]);
  });
});

describe('undoImport', () => {
  it('survives encoding (plain and encrypted) and refuses to undo over later edits unless forced', async () => {
    const target = new MemoryStorage({ a: '1', z: 'kept' });
    const { undo } = applyPlan(
      planImport(
        source([
          ['a', '2'],
          ['b', '"3"'],
        ]),
        target,
        { policy: 'replace' },
      ),
      target,
      at,
    );
    expect(undo.undo).toEqual({
      absent: ['b'],
      after: [
        { key: 'a', value: '2' },
        { key: 'b', value: '"3"' },
      ],
    });
    const plain = await decodeBundle(await encodeBundle(undo));
    const sealed = await decodeBundle(
      await encodeBundle(undo, { passphrase: 'u', params: COMPAT_SCRYPT, scrypt: nodeScrypt }),
      {
        passphrase: 'u',
        scrypt: nodeScrypt,
      },
    );
    expect(sealed).toEqual(plain);
    expect(plain).toEqual(undo);
    target.setItem('b', 'edited later');
    throwsWithCode(() => undoImport(plain, target, at), 'CONFLICT');
    expect(target.getItem('b')).toBe('edited later');
    expect(undoImport(plain, target, { ...at, force: true })).toEqual({ restored: 1, removed: 1 });
    expect(snapshot(target)).toEqual(Object.assign(Object.create(null), { a: '1', z: 'kept' }));
  });

  it('an undo that fails at the k-th write, for every k, leaves the imported state untouched', () => {
    fc.assert(
      fc.property(appsStorage(), appsStorage(), (before, incoming) => {
        const target = new MemoryStorage(Object.entries(before));
        const { undo } = applyPlan(
          planImport(source(Object.entries(incoming)), target, { policy: 'replace' }),
          target,
          at,
        );
        const imported = Object.entries(snapshot(target));
        const writes = undo.entries.length + (undo.undo?.absent.length ?? 0);
        for (let k = 1; k <= writes; k++) {
          const copy = new MemoryStorage(imported, {
            fault: (op, key, n) => (op !== 'getItem' && n === k ? quotaExceeded(key) : undefined),
          });
          const e = caught(() => undoImport(undo, copy, at));
          expect([e.code, e.rolledBack]).toEqual(['WRITE_FAILED', true]);
          expect(JSON.stringify(Object.entries(snapshot(copy)))).toBe(JSON.stringify(imported));
        }
      }),
      fcParams(0.2),
    );
  });

  it('a dump is not an undo bundle', () => {
    const dump = makeBundle([{ key: 'a', value: '1' }], at);
    throwsWithCode(() => undoImport(dump, new MemoryStorage(), at), 'INVALID_INPUT');
  });
});
