// applyChanges: the one compare-and-set write of keyport. Every import and undo goes through it,
// on a storage in this process (applyPlan, undoImport) and across the bookmarklet bridge (the
// Apps tab runs it on its own localStorage, docs/architecture.md "The bookmarklet bridge").
// It depends on nothing (no @keyport/core, no bundle code), so the bookmarklet can carry it, and
// its outcome is plain data that survives postMessage.

/** One key of a transactional write: what the storage must hold now, and what it will hold. */
export interface StorageChange {
  readonly key: string;
  /** The value the plan saw, or null when it saw the key absent. */
  readonly expect: string | null;
  /** The new value, or null to remove the key. */
  readonly value: string | null;
}

/** The part of the Web Storage API a transaction needs. */
export interface ChangeTarget {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Where a transaction is: `done` of `total` items in this phase. */
export interface Progress {
  readonly phase: 'write' | 'verify' | 'rollback';
  readonly done: number;
  readonly total: number;
}

/** Everything went in and read back. */
export interface ChangesApplied {
  readonly ok: true;
  readonly written: number;
}

/** Nothing was written: these keys no longer hold what the change list expects (all of them). */
export interface ChangesRefused {
  readonly ok: false;
  readonly code: 'CONFLICT';
  readonly keys: readonly string[];
}

/** Nothing was written: the change list names a key twice. */
export interface ChangesInvalid {
  readonly ok: false;
  readonly code: 'INVALID_INPUT';
  readonly index: number;
}

/** A write or a read-back failed; every touched key was put back unless `notRestored` lists it. */
export interface ChangesFailed {
  readonly ok: false;
  readonly code: 'WRITE_FAILED' | 'VERIFY_FAILED';
  /** The failing item, counted from 0 in the change list. */
  readonly index: number;
  /** The thrown error's name (QuotaExceededError, …), when something threw. */
  readonly cause?: string;
  /** True when the storage holds exactly what it held before. */
  readonly rolledBack: boolean;
  /** Keys that could not be put back (empty when rolledBack). */
  readonly notRestored: readonly string[];
}

/** What applyChanges did: plain data (no Error objects), so it can cross postMessage. */
export type ChangeOutcome = ChangesApplied | ChangesRefused | ChangesInvalid | ChangesFailed;

function nameOf(e: unknown): string {
  return e instanceof Error ? e.name : typeof e;
}

function put(storage: ChangeTarget, key: string, value: string | null): void {
  if (value === null) storage.removeItem(key);
  else storage.setItem(key, value);
}

// Puts the first `count` changes back to what they expected (removals first, so a full storage
// has room for the rest) and returns the keys that do not read back as before.
function restore(
  storage: ChangeTarget,
  changes: readonly StorageChange[],
  count: number,
  onProgress?: (p: Progress) => void,
): string[] {
  const touched = changes.slice(0, count);
  const order = [...touched].sort((a, b) => (a.expect === null ? 0 : 1) - (b.expect === null ? 0 : 1));
  const failed = new Set<string>();
  order.forEach((c, i) => {
    try {
      put(storage, c.key, c.expect);
    } catch {
      failed.add(c.key); // reported below; the remaining keys are still restored
    }
    onProgress?.({ phase: 'rollback', done: i + 1, total: order.length });
  });
  for (const c of touched) {
    try {
      if (storage.getItem(c.key) !== c.expect) failed.add(c.key);
    } catch {
      failed.add(c.key); // a read that fails is a key not known to be restored
    }
  }
  return [...failed];
}

/**
 * In one synchronous step: checks that every key still holds its `expect` (if any differs,
 * writes nothing and names every such key), writes every change in order, reads every key back,
 * and on any failure (quota, a read-back that differs) puts every touched key back.
 * Never throws for a storage fault: the outcome says what happened.
 *
 * @example
 * const outcome = applyChanges(localStorage, [{ key: 'lcUrl', expect: null, value: 'wss://x' }]);
 * if (!outcome.ok && outcome.code === 'CONFLICT') console.log('changed meanwhile:', outcome.keys);
 */
export function applyChanges(
  storage: ChangeTarget,
  changes: readonly StorageChange[],
  onProgress?: (progress: Progress) => void,
): ChangeOutcome {
  const seen = new Set<string>();
  const changed: string[] = [];
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i] as StorageChange;
    if (seen.has(c.key)) return { ok: false, code: 'INVALID_INPUT', index: i };
    seen.add(c.key);
    let now: string | null;
    try {
      now = storage.getItem(c.key);
    } catch (e) {
      return {
        ok: false,
        code: 'VERIFY_FAILED',
        index: i,
        cause: nameOf(e),
        rolledBack: true,
        notRestored: [],
      };
    }
    if (now !== c.expect) changed.push(c.key);
  }
  if (changed.length > 0) return { ok: false, code: 'CONFLICT', keys: changed };

  const fail = (
    code: 'WRITE_FAILED' | 'VERIFY_FAILED',
    index: number,
    attempted: number,
    cause?: string,
  ): ChangesFailed => {
    const notRestored = restore(storage, changes, attempted, onProgress);
    return {
      ok: false,
      code,
      index,
      ...(cause === undefined ? {} : { cause }),
      rolledBack: notRestored.length === 0,
      notRestored,
    };
  };
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i] as StorageChange;
    try {
      put(storage, c.key, c.value);
    } catch (e) {
      return fail('WRITE_FAILED', i, i + 1, nameOf(e));
    }
    onProgress?.({ phase: 'write', done: i + 1, total: changes.length });
  }
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i] as StorageChange;
    let back: string | null;
    try {
      back = storage.getItem(c.key);
    } catch (e) {
      return fail('VERIFY_FAILED', i, changes.length, nameOf(e));
    }
    if (back !== c.value) return fail('VERIFY_FAILED', i, changes.length);
    onProgress?.({ phase: 'verify', done: i + 1, total: changes.length });
  }
  return { ok: true, written: changes.length };
}
