// applyPlan and undoImport on a storage in this process: the plan (or undo bundle) becomes a
// change list whose undo bundle is made first, then one compare-and-set transaction writes it,
// reads it back and puts everything back on any failure (changes/transaction.ts).
import type { BundleOrigin } from './bundle/dump.ts';
import type { Bundle } from './bundle/types.ts';
import { planChanges, undoChanges } from './changes/change-set.ts';
import { changeError } from './changes/error.ts';
import { applyChanges, type Progress } from './changes/transaction.ts';
import type { ImportPlan } from './plan/types.ts';
import type { StorageLike } from './storage.ts';

export { StorageWriteError } from './changes/error.ts';
export type { Progress } from './changes/transaction.ts';

/** Options of applyPlan and undoImport. */
export interface WriteOptions extends BundleOrigin {
  /** Called after each item of each phase. */
  readonly onProgress?: (progress: Progress) => void;
}

/** What applyPlan did. */
export interface ApplyResult {
  /** Items written (new + replaced). */
  readonly written: number;
  /** Conflicts where the existing value stayed (policy or guard). */
  readonly kept: number;
  /** Items already identical in the target. */
  readonly skipped: number;
  /** Reverses this import with undoImport; save it before anything else. */
  readonly undo: Bundle;
}

/**
 * Carries out a plan on `storage`, exactly as planned: checks the storage still holds what the
 * plan saw for every key it writes, saves those values (or absences) into an undo bundle, writes,
 * reads every item back. Any failure restores the saved keys, so the storage ends exactly as it
 * began.
 *
 * @throws CONFLICT (the storage changed since planning; nothing written; `details.keys` names
 * them), StorageWriteError with WRITE_FAILED (e.g. QuotaExceededError) or VERIFY_FAILED
 * (read-back differs), carrying `rolledBack` and the undo bundle.
 * @example const { undo } = applyPlan(plan, localStorage, { now: Date.now }); save(await encodeBundle(undo))
 */
export function applyPlan(plan: ImportPlan, storage: StorageLike, options: WriteOptions): ApplyResult {
  const set = planChanges(plan, options);
  const outcome = applyChanges(storage, set.changes, options.onProgress);
  if (!outcome.ok) {
    throw changeError(
      outcome,
      set.undo,
      set.changes.length,
      'changed in the storage since the plan was made; plan again',
    );
  }
  return { written: set.written, kept: set.kept, skipped: set.skipped, undo: set.undo };
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
  const set = undoChanges(undo, storage, options);
  const outcome = applyChanges(storage, set.changes, options.onProgress);
  if (!outcome.ok) throw changeError(outcome, set.undo, set.changes.length, 'changed while undoing');
  return { restored: set.restored, removed: set.removed };
}
