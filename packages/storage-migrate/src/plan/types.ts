// The plan's types: what planImport decides for every incoming item and what the page and the
// CLI render. applyPlan carries out exactly the `write` flags of a plan.
import type { EntryKind } from '../classify.ts';
import type { AppsLoadOptions } from './apps-load.ts';
import type { AppsView } from './apps-view.ts';
import type { EntryFacts, FactsChange } from './facts.ts';
import type { HiddenNotice } from './hidden.ts';

/** What to do with an item the target already holds with other content. */
export type ConflictPolicy = 'keep' | 'replace';

/** A person's explicit decision for one entry, after seeing what it does: it overrides the policy and every guard. */
export type EntryChoice = 'write' | 'skip';

/** Options of planImport. */
export interface PlanOptions extends AppsLoadOptions {
  /** 'keep' (default) keeps the target's value on a conflict, 'replace' writes the incoming one (guards still apply). */
  readonly policy?: ConflictPolicy;
  /** Storage key → explicit choice. Every key must be one of the source's. */
  readonly choices?: Readonly<Record<string, EntryChoice>>;
  /** Under 'replace': also replace an account that holds a key with a keyless or unreadable record. */
  readonly force?: boolean;
}

/**
 * How an incoming item compares with the target: `overwrites` when, once Apps loads the
 * storage, the record would replace another entry (it lands on that entry's key or its place
 * in Apps' list, whatever key it is filed under).
 */
export type EntryStatus = 'new' | 'identical' | 'conflict' | 'overwrites';

/** Why an incoming item is not written. */
export type KeptBecause =
  | 'policy' // a conflict under 'keep'
  | 'keyless-over-keyed' // would replace an account holding a key with one that has none
  | 'keyed-over-keyed' // would replace an account's key with another key: only an explicit choice does
  | 'overwrites' // would overwrite another entry when Apps loads: only an explicit choice does
  | 'choice'; // the person chose to skip it

/** Another entry an incoming one affects or resembles. */
export interface EntryRef {
  readonly key: string;
  readonly kind: EntryKind;
  /** Whether it is in the storage now, or comes with the import. */
  readonly from: 'storage' | 'file';
  readonly facts: EntryFacts;
}

/** One planned item. `existing` is what the target held when planned (null: absent). */
export interface PlanEntry {
  readonly key: string;
  readonly kind: EntryKind;
  readonly status: EntryStatus;
  /** Whether applyPlan writes `value` under `key`. */
  readonly write: boolean;
  readonly value: string;
  readonly existing: string | null;
  /** Why it is not written (absent for identical items). */
  readonly keptBecause?: KeptBecause;
  /** The explicit choice made for it, if any. */
  readonly choice?: EntryChoice;
  /** What Apps would show of it once loaded. */
  readonly facts: EntryFacts;
  /** The key Apps keeps it under, when that is not `key`. */
  readonly lands?: string;
  /** Conflicts: the stored value against this one. */
  readonly change?: FactsChange;
  /** Status `overwrites`: the entries it would replace when Apps loads. */
  readonly overwrites?: readonly EntryRef[];
  /** Entries Apps would list with a name that looks the same and another address. */
  readonly lookalikes?: readonly EntryRef[];
}

/** Counts of a plan. */
export interface PlanCounts {
  readonly new: number;
  readonly identical: number;
  readonly conflict: number;
  readonly overwrites: number;
  /** Items applyPlan will write. */
  readonly write: number;
  /** Conflicts and overwriting items where the storage stays as it is. */
  readonly keep: number;
  /** Items held back by a guard (keyless-over-keyed, keyed-over-keyed, overwrites). */
  readonly guarded: number;
  /** New items the person chose to skip. */
  readonly skip: number;
  /** Items with a look-alike name. */
  readonly lookalike: number;
}

/** The reviewed plan applyPlan carries out. */
export interface ImportPlan {
  readonly entries: readonly PlanEntry[];
  readonly counts: PlanCounts;
  readonly byKind: Readonly<Record<EntryKind, PlanCounts>>;
  /** What Apps would not show after the import, and the fixes. */
  readonly hidden: readonly HiddenNotice[];
  /** What Apps shows once it loads the storage after this import (no chain filter). */
  readonly apps: AppsView;
  /** The options the plan was made with (applyPlan's check compares against the same). */
  readonly load: AppsLoadOptions;
}
