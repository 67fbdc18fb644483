// applyPlan and undoImport: every write is preceded by a saved copy of what it overwrites,
// followed by a read-back, and undone completely when anything fails.
import { KeyportError, type KeyportErrorCode } from '@keyport/core';
import { valueDigest } from './bundle/checksum-v1.ts';
import { type BundleOrigin, bundleOf } from './bundle/dump.ts';
import type { AfterDigest, AfterValue, Bundle, BundleEntry } from './bundle/types.ts';
import { assertBundle } from './bundle/validate.ts';
import type { ImportPlan, PlanEntry } from './plan/types.ts';
import { compareKeys, type StorageLike } from './storage.ts';

/** Where a long operation is. `done` of `total` items in this phase. */
export interface Progress {
  readonly phase: 'write' | 'verify' | 'rollback';
  readonly done: number;
  readonly total: number;
}

/** Options of applyPlan and undoImport. */
export interface WriteOptions extends BundleOrigin {
  /** Called after each item of each phase. */
  readonly onProgress?: (progress: Progress) => void;
}

/** What applyPlan did. */
export interface ApplyResult {
  /** Items written (new + replaced). */
  readonly written: number;
  /** Conflicts and overwriting items where the storage stayed as it was (policy, guard or choice). */
  readonly kept: number;
  /** Items already identical in the target. */
  readonly skipped: number;
  /** Reverses this import with undoImport; save it before anything else. */
  readonly undo: Bundle;
}

/**
 * A write or read-back failed. `rolledBack` says whether the storage was restored to exactly
 * its state before the operation; when it is false, `undo` (the saved state) restores it once
 * the storage works again: `undoImport(e.undo, storage, { force: true, now })`.
 */
export class StorageWriteError extends KeyportError {
  readonly rolledBack: boolean;
  readonly undo: Bundle;

  constructor(
    code: KeyportErrorCode,
    message: string,
    details: Record<string, unknown>,
    rolledBack: boolean,
    undo: Bundle,
  ) {
    super(code, message, { ...details, rolledBack });
    this.rolledBack = rolledBack;
    this.undo = undo;
  }
}

interface Change {
  readonly key: string;
  /** null removes the key. */
  readonly value: string | null;
}

function errorName(e: unknown): string {
  return e instanceof Error ? e.name : typeof e;
}

// Puts every key of `saved` back; removals first, so a full storage has room for the rest.
// Returns the keys that could not be restored (empty: the storage is as it was).
function restore(
  storage: StorageLike,
  saved: ReadonlyMap<string, string | null>,
  options: WriteOptions,
): string[] {
  const order = [...saved].sort(([, a], [, b]) => (a === null ? 0 : 1) - (b === null ? 0 : 1));
  const failed = new Set<string>();
  order.forEach(([key, value], i) => {
    try {
      if (value === null) storage.removeItem(key);
      else storage.setItem(key, value);
    } catch {
      failed.add(key); // reported by the caller; the remaining keys are still restored
    }
    options.onProgress?.({ phase: 'rollback', done: i + 1, total: order.length });
  });
  for (const [key, value] of saved) {
    try {
      if (storage.getItem(key) !== value) failed.add(key);
    } catch {
      failed.add(key); // a read that fails is a key not known to be restored
    }
  }
  return [...failed];
}

// Saves, writes, reads back; on any failure restores and throws StorageWriteError. `saved`: what
// each changed key holds now, when the caller read it already.
function transact(
  storage: StorageLike,
  changes: readonly Change[],
  options: WriteOptions,
  saved = new Map(changes.map((c) => [c.key, storage.getItem(c.key)])),
): Bundle {
  const entries: BundleEntry[] = [];
  const absent: string[] = [];
  for (const [key, value] of saved) {
    if (value === null) absent.push(key);
    else entries.push({ key, value });
  }
  absent.sort(compareKeys);
  const after = changes
    .map((c) => ({ key: c.key, value: c.value }))
    .sort((a, b) => compareKeys(a.key, b.key));
  const undo = bundleOf(entries, options, { absent, after }, false);

  const fail = (
    code: KeyportErrorCode,
    message: string,
    details: Record<string, unknown>,
    attempted: number,
  ): never => {
    const attemptedKeys = new Set(changes.slice(0, attempted).map((c) => c.key));
    const failed = restore(storage, new Map([...saved].filter(([key]) => attemptedKeys.has(key))), options);
    const rolledBack = failed.length === 0;
    throw new StorageWriteError(
      code,
      `${message}; ${rolledBack ? 'the storage was restored to its state before' : `restoring ${failed.length} item(s) FAILED: keep the undo bundle of this error`}`,
      rolledBack ? details : { ...details, notRestored: failed.slice(0, 5).map((k) => k.slice(0, 80)) },
      rolledBack,
      undo,
    );
  };

  changes.forEach((c, i) => {
    try {
      if (c.value === null) storage.removeItem(c.key);
      else storage.setItem(c.key, c.value);
    } catch (e) {
      fail(
        'WRITE_FAILED',
        `writing item ${i + 1} of ${changes.length} failed (${errorName(e)})`,
        { index: i, cause: errorName(e) },
        i + 1,
      );
    }
    options.onProgress?.({ phase: 'write', done: i + 1, total: changes.length });
  });
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!;
    let back: string | null = null;
    try {
      back = storage.getItem(c.key);
    } catch (e) {
      fail(
        'VERIFY_FAILED',
        `reading item ${i + 1} back failed (${errorName(e)})`,
        { index: i, cause: errorName(e) },
        changes.length,
      );
    }
    if (back !== c.value) {
      fail(
        'VERIFY_FAILED',
        `item ${i + 1} of ${changes.length} reads back different from what was written`,
        { index: i },
        changes.length,
      );
    }
    options.onProgress?.({ phase: 'verify', done: i + 1, total: changes.length });
  }
  return undo;
}

/**
 * Carries out a plan on `storage`: checks the storage still holds what the plan saw, saves every
 * key it will touch (value or absence) into an undo bundle, writes, reads every item back.
 * Any failure restores the saved keys, so the storage ends exactly as it began.
 *
 * @throws CONFLICT (the storage changed since planning; nothing written), StorageWriteError
 * with WRITE_FAILED (e.g. QuotaExceededError) or VERIFY_FAILED (read-back differs), carrying
 * `rolledBack` and the undo bundle.
 * @example const { undo } = applyPlan(plan, localStorage, { now: Date.now }); save(await encodeBundle(undo))
 */
export function applyPlan(plan: ImportPlan, storage: StorageLike, options: WriteOptions): ApplyResult {
  const writes = plan.entries.filter((e) => e.write);
  const saved = new Map<string, string | null>();
  const changed: PlanEntry[] = [];
  for (const e of writes) {
    const now = storage.getItem(e.key);
    if (now !== e.existing) changed.push(e);
    saved.set(e.key, now);
  }
  if (changed.length > 0) {
    throw new KeyportError(
      'CONFLICT',
      `${changed.length} item(s) changed in the storage since the plan was made; plan again`,
      {
        keys: changed.slice(0, 5).map((e) => e.key.slice(0, 80)),
      },
    );
  }
  const undo = transact(storage, writes, options, saved);
  return {
    written: writes.length,
    kept: plan.entries.filter((e) => (e.status === 'conflict' || e.status === 'overwrites') && !e.write)
      .length,
    skipped: plan.entries.filter((e) => e.status === 'identical').length,
    undo,
  };
}

/** What undoImport did. */
export interface UndoResult {
  /** Keys put back to their earlier value. */
  readonly restored: number;
  /** Keys removed because the import created them. */
  readonly removed: number;
}

/**
 * Reverses an import with the undo bundle applyPlan returned: puts back every saved value and
 * removes every key the import created, then reads back. Refuses (CONFLICT) when a touched key
 * changed after the import, unless `force`. Transactional like applyPlan.
 *
 * @throws INVALID_INPUT (not an undo bundle), CONFLICT, StorageWriteError (WRITE_FAILED /
 * VERIFY_FAILED with `rolledBack`).
 * @example undoImport(await decodeBundle(undoText), localStorage, { now: Date.now })
 */
export function undoImport(
  undo: Bundle,
  storage: StorageLike,
  options: WriteOptions & { readonly force?: boolean },
): UndoResult {
  assertBundle(undo);
  if (undo.undo === undefined)
    throw new KeyportError('INVALID_INPUT', 'this bundle is a dump, not an undo bundle');
  if (!options.force) {
    const changed = (undo.undo.after as readonly (AfterValue | AfterDigest)[]).filter((a) => {
      const now = storage.getItem(a.key);
      // A version 1 undo bundle recorded digests; later ones the value itself.
      return 'sha256' in a ? (now === null ? null : valueDigest(now)) !== a.sha256 : now !== a.value;
    });
    if (changed.length > 0) {
      throw new KeyportError(
        'CONFLICT',
        `${changed.length} item(s) changed since the import; undoing would lose those changes (use force to undo anyway)`,
        { keys: changed.slice(0, 5).map((a) => a.key.slice(0, 80)) },
      );
    }
  }
  const changes: Change[] = [
    ...undo.undo.absent.map((key) => ({ key, value: null })),
    ...undo.entries.map((e) => ({ key: e.key, value: e.value })),
  ];
  transact(storage, changes, options);
  return { restored: undo.entries.length, removed: undo.undo.absent.length };
}
