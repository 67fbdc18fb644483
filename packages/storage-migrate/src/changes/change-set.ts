// Turns a reviewed plan, or an undo bundle, into the change list applyChanges carries out, plus
// the undo bundle of that change list. The plan's own `existing` values are what each key must
// still hold: Import applies exactly the plan the person saw, or nothing.
import { KeyportError } from '@keyport/core';
import { valueDigest } from '../bundle/checksum-v1.ts';
import { type BundleOrigin, bundleOf } from '../bundle/dump.ts';
import type { AfterDigest, AfterValue, Bundle, BundleEntry } from '../bundle/types.ts';
import { assertBundle } from '../bundle/validate.ts';
import type { ImportPlan } from '../plan/types.ts';
import { compareKeys } from '../storage.ts';
import { someKeys } from './error.ts';
import type { StorageChange } from './transaction.ts';

/** A change list and the undo bundle that reverses it. */
export interface ChangeSet {
  readonly changes: readonly StorageChange[];
  /** Puts back every `expect` (removes the keys that were absent); save it before writing. */
  readonly undo: Bundle;
}

/** What an import will do, counted from its plan. */
export interface ImportChangeSet extends ChangeSet {
  /** Items written (new + replaced). */
  readonly written: number;
  /** Conflicts where the existing value stays (policy or guard). */
  readonly kept: number;
  /** Items already identical in the target. */
  readonly skipped: number;
}

/**
 * The undo bundle of a change list: every expected value (absent keys listed in `undo.absent`)
 * and, in `undo.after`, what the list writes.
 *
 * @throws INVALID_INPUT for a key listed twice or a clock that gives no valid time.
 * @example undoOf([{ key: 'a', expect: null, value: '1' }], { now: Date.now }).undo?.absent // ['a']
 */
export function undoOf(changes: readonly StorageChange[], at: BundleOrigin): Bundle {
  const entries: BundleEntry[] = [];
  const absent: string[] = [];
  for (const c of changes) {
    if (c.expect === null) absent.push(c.key);
    else entries.push({ key: c.key, value: c.expect });
  }
  absent.sort(compareKeys);
  const after: AfterValue[] = changes
    .map((c) => ({ key: c.key, value: c.value }))
    .sort((a, b) => compareKeys(a.key, b.key));
  return bundleOf(entries, at, { absent, after }, false);
}

/**
 * The changes of a reviewed plan: each written entry with the value the plan saw (`existing`)
 * as its expectation. Nothing is re-planned: what the person saw is what is written.
 *
 * @throws INVALID_INPUT (a malformed plan or clock).
 * @example const set = planChanges(plan, { origin, now: Date.now }); applyChanges(localStorage, set.changes)
 */
export function planChanges(plan: ImportPlan, at: BundleOrigin): ImportChangeSet {
  const changes: StorageChange[] = [];
  let kept = 0;
  let skipped = 0;
  for (const e of plan.entries) {
    if (e.write) changes.push({ key: e.key, expect: e.existing, value: e.value });
    else if (e.status === 'conflict' || e.status === 'overwrites') kept++;
    else if (e.status === 'identical') skipped++;
  }
  return { changes, undo: undoOf(changes, at), written: changes.length, kept, skipped };
}

/** What undoChanges reads the current values from. */
export interface ValueSource {
  getItem(key: string): string | null;
}

/**
 * The changes that reverse an import, from its undo bundle and the storage as it is now: put
 * back every saved value, remove every key the import created. Each change expects the value
 * read from `current`, so a key that changes before the write stops it (CONFLICT).
 *
 * @throws INVALID_INPUT (not an undo bundle), CONFLICT when a touched key changed after the
 * import (its `details.keys` names them), unless `force`.
 * @example const set = undoChanges(undo, snapshotStorage, { now: Date.now }); bridge.write(set.changes)
 */
export function undoChanges(
  undo: Bundle,
  current: ValueSource,
  options: BundleOrigin & { readonly force?: boolean },
): ChangeSet & { readonly restored: number; readonly removed: number } {
  assertBundle(undo);
  if (undo.undo === undefined)
    throw new KeyportError('INVALID_INPUT', 'this bundle is a dump, not an undo bundle');
  const now = new Map<string, string | null>();
  const read = (key: string): string | null => {
    if (!now.has(key)) now.set(key, current.getItem(key));
    return now.get(key) as string | null;
  };
  if (!options.force) {
    const changed = (undo.undo.after as readonly (AfterValue | AfterDigest)[]).filter((a) => {
      const value = read(a.key);
      // A version 1 undo bundle recorded digests; later ones the value itself.
      return 'sha256' in a ? (value === null ? null : valueDigest(value)) !== a.sha256 : value !== a.value;
    });
    if (changed.length > 0) {
      throw new KeyportError(
        'CONFLICT',
        `${changed.length} item(s) changed since the import; undoing would lose those changes (use force to undo anyway)`,
        { keys: someKeys(changed.map((a) => a.key)) },
      );
    }
  }
  const changes: StorageChange[] = [
    ...undo.undo.absent.map((key) => ({ key, expect: read(key), value: null })),
    ...undo.entries.map((e) => ({ key: e.key, expect: read(e.key), value: e.value })),
  ];
  return {
    changes,
    undo: undoOf(changes, options),
    restored: undo.entries.length,
    removed: undo.undo.absent.length,
  };
}

/**
 * The undo bundle of a write that failed and could not put everything back (StorageWriteError
 * with `rolledBack` false): it puts back what `undo` saved, and its `after` is what `current`
 * holds now (what the failure left), so undoChanges refuses only when a key changed after the
 * failure, not because the failed write never landed.
 *
 * @throws INVALID_INPUT (not an undo bundle, or a clock that gives no valid time).
 * @example const undo = undoAfterFailure(e.undo, localStorage, { now: Date.now }); undoChanges(undo, localStorage, { now: Date.now })
 */
export function undoAfterFailure(undo: Bundle, current: ValueSource, at: BundleOrigin): Bundle {
  assertBundle(undo);
  if (undo.undo === undefined)
    throw new KeyportError('INVALID_INPUT', 'this bundle is a dump, not an undo bundle');
  return undoOf(
    [
      ...undo.undo.absent.map((key) => ({ key, expect: null, value: current.getItem(key) })),
      ...undo.entries.map((e) => ({ key: e.key, expect: e.value, value: current.getItem(e.key) })),
    ],
    at,
  );
}
