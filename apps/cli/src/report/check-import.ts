// Before restore writes anything: the plan is carried out on a copy of the snapshot, and the
// real ui-keyring (what Polkadot-JS Apps runs) loads that copy. The import goes ahead only when
// ui-keyring shows exactly what the plan showed.
import { applyPlan, type Bundle, checkAgainstPlan, type ImportPlan } from '@keyport/storage-migrate';
import { type VerifyResult, verifyWithUiKeyring } from '@keyport/storage-migrate/verify';
import { SnapshotStorage } from '../snapshot.ts';

/** What the check on a copy found. */
export interface ImportCheck {
  /** ui-keyring shows what the plan said. */
  readonly ok: boolean;
  /** Secret-free descriptions of every difference. */
  readonly problems: readonly string[];
  /** The storage as the import leaves it (the copy). */
  readonly copy: SnapshotStorage;
  /** The undo bundle of the import. */
  readonly undo: Bundle;
  /** What ui-keyring loaded from the copy (its console output captured and masked). */
  readonly seen: VerifyResult;
}

/**
 * Applies `plan` to a copy of `storage` (which stays untouched) and loads the copy into the real
 * ui-keyring; `ok` when it shows exactly what `plan.apps` predicted.
 *
 * @example const check = await checkOnCopy(plan, storage, io.now); if (check.ok) await flushSnapshot(path, check.copy)
 */
export async function checkOnCopy(
  plan: ImportPlan,
  storage: SnapshotStorage,
  now: () => number,
): Promise<ImportCheck> {
  const copy = new SnapshotStorage(storage.entries());
  const { undo } = applyPlan(plan, copy, { now });
  const seen = await verifyWithUiKeyring(copy);
  const problems = checkAgainstPlan(plan, seen);
  return { ok: problems.length === 0, problems, copy, undo, seen };
}
