// The change list: Import applies exactly the plan that was shown (compare-and-set), on a
// storage here or across the bookmarklet bridge; applyChanges checks all, writes all, reads
// back and puts everything back, and says what happened as plain data.
import { fcParams, hostileString, throwsWithCode } from '@keyport/test-harness';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dumpStorage } from '../src/bundle/dump.ts';
import { planChanges, undoAfterFailure, undoChanges } from '../src/changes/change-set.ts';
import { changeError, StorageWriteError } from '../src/changes/error.ts';
import { applyChanges, type StorageChange } from '../src/changes/transaction.ts';
import { planImport } from '../src/plan/plan.ts';
import { MemoryStorage, quotaExceeded, snapshot } from '../src/storage.ts';

const at = { origin: 'https://apps.example', now: () => 1_700_000_000_000 };
const state = (s: MemoryStorage) => JSON.stringify(Object.entries(snapshot(s)));
const pairs = fc.array(fc.tuple(hostileString({ maxPieces: 3 }), hostileString({ maxPieces: 4 })), {
  maxLength: 8,
});
const source = (ps: readonly (readonly [string, string])[]) => ({
  entries: [...new Map(ps)].map(([key, value]) => ({ key, value })),
});

describe('applyChanges', () => {
  it('any planned key changed after planning: nothing is written and every such key is named', () => {
    fc.assert(
      fc.property(pairs, pairs, fc.nat(), hostileString({ maxPieces: 2 }), (before, incoming, pick, edit) => {
        const target = new MemoryStorage(before);
        const set = planChanges(planImport(source(incoming), target, { policy: 'replace' }), at);
        fc.pre(set.changes.length > 0);
        const victim = set.changes[pick % set.changes.length] as StorageChange;
        fc.pre(edit !== victim.expect);
        target.setItem(victim.key, edit); // another tab (Apps) writes after the plan was shown
        const start = state(target);
        const outcome = applyChanges(target, set.changes);
        expect(outcome).toEqual({ ok: false, code: 'CONFLICT', keys: [victim.key] });
        expect(state(target)).toBe(start);
      }),
      fcParams(0.5),
    );
  });

  it('names every changed key, not the first only', () => {
    const target = new MemoryStorage({ a: '1', b: '2', c: '3' });
    const changes: StorageChange[] = [
      { key: 'a', expect: '1', value: 'x' },
      { key: 'b', expect: 'old', value: 'y' },
      { key: 'c', expect: '3', value: null },
      { key: 'd', expect: null, value: 'z' },
      { key: 'e', expect: 'gone', value: 'w' },
    ];
    expect(applyChanges(target, changes)).toEqual({ ok: false, code: 'CONFLICT', keys: ['b', 'e'] });
    expect(snapshot(target)).toEqual(Object.assign(Object.create(null), { a: '1', b: '2', c: '3' }));
  });

  it('a key listed twice is INVALID_INPUT and nothing is written', () => {
    const target = new MemoryStorage({ a: '1' });
    const outcome = applyChanges(target, [
      { key: 'a', expect: '1', value: 'x' },
      { key: 'a', expect: '1', value: 'y' },
    ]);
    expect(outcome).toEqual({ ok: false, code: 'INVALID_INPUT', index: 1 });
    expect(target.getItem('a')).toBe('1');
  });

  it('a quota hit at the k-th write, for every k, is WRITE_FAILED, rolled back, and plain data', () => {
    const before = { settings: '{"storage":"on"}', a: 'old' };
    const changes: StorageChange[] = [
      { key: 'a', expect: 'old', value: 'new' },
      { key: 'b', expect: null, value: 'created' },
      { key: 'settings', expect: '{"storage":"on"}', value: null },
    ];
    for (let k = 1; k <= changes.length; k++) {
      const target = new MemoryStorage(before, {
        fault: (op, key, n) => (op !== 'getItem' && n === k ? quotaExceeded(key) : undefined),
      });
      const outcome = applyChanges(target, changes);
      expect(outcome).toEqual({
        ok: false,
        code: 'WRITE_FAILED',
        index: k - 1,
        cause: 'QuotaExceededError',
        rolledBack: true,
        notRestored: [],
      });
      expect(JSON.parse(JSON.stringify(outcome))).toEqual(outcome); // survives postMessage
      expect(snapshot(target)).toEqual(Object.assign(Object.create(null), before));
    }
  });
});

describe('planChanges', () => {
  it('writes exactly the shown plan, expecting what it saw; its undo bundle restores the start', () => {
    fc.assert(
      fc.property(
        pairs,
        pairs,
        fc.constantFrom('keep' as const, 'replace' as const),
        (before, incoming, policy) => {
          const target = new MemoryStorage(before);
          const start = state(target);
          const plan = planImport(source(incoming), target, { policy });
          const set = planChanges(plan, at);
          expect(set.changes).toEqual(
            plan.entries
              .filter((e) => e.write)
              .map((e) => ({ key: e.key, expect: e.existing, value: e.value })),
          );
          expect(set.written + set.kept + set.skipped).toBe(plan.entries.length);
          expect(applyChanges(target, set.changes)).toEqual({ ok: true, written: set.written });
          const back = undoChanges(set.undo, target, at);
          expect(applyChanges(target, back.changes).ok).toBe(true);
          expect(state(target)).toBe(start);
        },
      ),
      fcParams(0.5),
    );
  });
});

describe('undoChanges', () => {
  it('refuses (CONFLICT, naming the key) when an imported key changed, unless forced', () => {
    const target = new MemoryStorage({ a: '1' });
    const set = planChanges(
      planImport(
        source([
          ['a', '2'],
          ['b', '3'],
        ]),
        target,
        { policy: 'replace' },
      ),
      at,
    );
    expect(applyChanges(target, set.changes).ok).toBe(true);
    target.setItem('b', 'newer');
    const e = throwsWithCode(() => undoChanges(set.undo, target, at), 'CONFLICT');
    expect(e.details?.keys).toEqual(['b']);
    const forced = undoChanges(set.undo, target, { ...at, force: true });
    expect(forced.changes).toContainEqual({ key: 'b', expect: 'newer', value: null });
    expect(applyChanges(target, forced.changes).ok).toBe(true);
    expect(snapshot(target)).toEqual(Object.assign(Object.create(null), { a: '1' }));
  });
});

describe('undoAfterFailure', () => {
  it('after a write whose put-back failed, undoes without refusing once the storage works again', () => {
    fc.assert(
      fc.property(pairs, pairs, fc.nat(), (before, extra, pick) => {
        const good = new MemoryStorage(before);
        const start = state(good);
        const incoming = [...before.map(([k, v]) => [k, `${v}\u00b2`] as const), ...extra];
        const set = planChanges(planImport(source(incoming), good, { policy: 'replace' }), at);
        const replaced = set.changes.filter((c) => c.expect !== null);
        fc.pre(replaced.length > 0);
        // A storage that keeps one replaced key cut short, whatever is written (the put-back too).
        const broken = (replaced[pick % replaced.length] as StorageChange).key;
        let faulty = true;
        const target = {
          getItem: (k: string) => good.getItem(k),
          removeItem: (k: string) => good.removeItem(k),
          setItem: (k: string, v: string) => good.setItem(k, faulty && k === broken ? `${v}!` : v),
        };
        const outcome = applyChanges(target, set.changes);
        if (outcome.ok || outcome.code !== 'VERIFY_FAILED') throw new Error('the write did not fail');
        expect(outcome.notRestored).toEqual([broken]);
        const e = changeError(outcome, set.undo, set.changes.length, '') as StorageWriteError;
        // The undo bundle of the import expects the import's values: it refuses.
        throwsWithCode(() => undoChanges(e.undo, good, at), 'CONFLICT');
        faulty = false; // the storage works again
        const back = undoChanges(undoAfterFailure(e.undo, good, at), good, at);
        expect(applyChanges(good, back.changes).ok).toBe(true);
        expect(state(good)).toBe(start);
      }),
      fcParams(0.5),
    );
  });

  it('refuses (CONFLICT) when a key changed after the failure; a dump is no undo bundle', () => {
    const target = new MemoryStorage({ a: 'left by the failure' });
    const old = new MemoryStorage({ a: 'old' });
    const set = planChanges(planImport(source([['a', 'new']]), old, { policy: 'replace' }), at);
    const rebased = undoAfterFailure(set.undo, target, at);
    expect(rebased.entries).toEqual([{ key: 'a', value: 'old' }]);
    target.setItem('a', 'written later');
    throwsWithCode(() => undoChanges(rebased, target, at), 'CONFLICT');
    throwsWithCode(() => undoAfterFailure(dumpStorage(target, at), target, at), 'INVALID_INPUT');
  });
});

describe('changeError', () => {
  it('turns each failed outcome into the error applyPlan throws', () => {
    const undo = planChanges(planImport(source([['a', '1']]), new MemoryStorage()), at).undo;
    const conflict = changeError({ ok: false, code: 'CONFLICT', keys: ['k'] }, undo, 1, 'changed meanwhile');
    expect([conflict.code, conflict.message, conflict.details?.keys]).toEqual([
      'CONFLICT',
      '1 item(s) changed meanwhile',
      ['k'],
    ]);
    const failed = changeError(
      {
        ok: false,
        code: 'WRITE_FAILED',
        index: 2,
        cause: 'QuotaExceededError',
        rolledBack: false,
        notRestored: ['x'],
      },
      undo,
      4,
      '',
    );
    expect(failed).toBeInstanceOf(StorageWriteError);
    expect([failed.code, (failed as StorageWriteError).rolledBack, failed.details?.notRestored]).toEqual([
      'WRITE_FAILED',
      false,
      ['x'],
    ]);
    expect(failed.message).toContain('writing item 3 of 4 failed (QuotaExceededError)');
  });
});
