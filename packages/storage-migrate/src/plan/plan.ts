// planImport: compares every incoming item with the target storage before anything is written.
import { KeyportError } from '@keyport/core';
import type { BundleEntry } from '../bundle/types.ts';
import { classifyKey, ENTRY_KINDS, type EntryKind } from '../classify.ts';
import type { StorageLike } from '../storage.ts';
import { type HiddenNotice, hiddenNotices, storageNotice } from './hidden.ts';
import { holdsKey } from './records.ts';

/** What to do when the target already holds a different value for a key. */
export type ConflictPolicy = 'keep' | 'replace' | Readonly<Record<string, 'keep' | 'replace'>>;

/** Options of {@link planImport}. */
export interface PlanOptions {
  /** 'keep' (default) keeps the target's value, 'replace' writes the incoming one; a map decides per key (unlisted keys: keep). */
  readonly policy?: ConflictPolicy;
  /** Allows replacing an account that holds a key with a keyless or unreadable record. */
  readonly force?: boolean;
  /** Clock for the "recent address expires" check; without it that check is skipped. */
  readonly now?: () => number;
}

/** How an incoming item compares with the target. */
export type EntryStatus = 'new' | 'identical' | 'conflict';

/** One planned item. `existing` is what the target held when planned (null: absent). */
export interface PlanEntry {
  readonly key: string;
  readonly kind: EntryKind;
  readonly status: EntryStatus;
  /** Whether applyPlan writes `value` under `key`. */
  readonly write: boolean;
  readonly value: string;
  readonly existing: string | null;
  /** Why a conflict is not written: the policy, or the keyed-account guard. */
  readonly keptBecause?: 'policy' | 'keyless-over-keyed';
}

/** Counts of a plan. */
export interface PlanCounts {
  readonly new: number;
  readonly identical: number;
  readonly conflict: number;
  /** Items applyPlan will write (new + replaced conflicts). */
  readonly write: number;
  /** Conflicts where the target's value stays. */
  readonly keep: number;
  /** Conflicts kept by the keyed-account guard. */
  readonly guarded: number;
}

/** The reviewed plan applyPlan carries out. */
export interface ImportPlan {
  readonly entries: readonly PlanEntry[];
  readonly counts: PlanCounts;
  readonly byKind: Readonly<Record<EntryKind, PlanCounts>>;
  /** What Apps would not show after the import, and the fixes. */
  readonly hidden: readonly HiddenNotice[];
}

function checkPolicy(policy: ConflictPolicy): void {
  if (policy === 'keep' || policy === 'replace') return;
  if (typeof policy !== 'object' || policy === null || Array.isArray(policy)) {
    throw new KeyportError(
      'INVALID_INPUT',
      "policy must be 'keep', 'replace' or a map of key to 'keep'/'replace'",
    );
  }
  for (const [key, choice] of Object.entries(policy)) {
    if (choice !== 'keep' && choice !== 'replace') {
      throw new KeyportError(
        'INVALID_INPUT',
        `policy for ${JSON.stringify(key.slice(0, 80))} must be 'keep' or 'replace'`,
      );
    }
  }
}

function decide(key: string, policy: ConflictPolicy): 'keep' | 'replace' {
  if (policy === 'keep' || policy === 'replace') return policy;
  return Object.hasOwn(policy, key) ? (policy[key] as 'keep' | 'replace') : 'keep';
}

/** Whether every key is a string greater than the one before it (so the keys are unique). */
function isSortedUnique(entries: readonly BundleEntry[]): boolean {
  for (let i = 1; i < entries.length; i++) {
    const a = entries[i - 1]?.key;
    const b = entries[i]?.key;
    if (typeof a !== 'string' || typeof b !== 'string' || !(a < b)) return false;
  }
  return true;
}

function count(entries: readonly PlanEntry[]): PlanCounts {
  const c = { new: 0, identical: 0, conflict: 0, write: 0, keep: 0, guarded: 0 };
  for (const e of entries) {
    c[e.status]++;
    if (e.write) c.write++;
    else if (e.status === 'conflict') c.keep++;
    if (e.keptBecause === 'keyless-over-keyed') c.guarded++;
  }
  return c;
}

/**
 * Classifies every incoming item against `target` as new, identical or conflict (by kind) and
 * decides what to write: new items always, conflicts by policy (default keep). An account that
 * holds a key is never replaced by a record without one (external, QR, hardware, multisig,
 * unreadable) unless `force`. Reads `target`, never writes it.
 *
 * @throws INVALID_INPUT for repeated keys or a malformed policy.
 * @example const plan = planImport(source, localStorage, { policy: 'keep' }); plan.counts.write
 */
export function planImport(
  source: { readonly entries: readonly BundleEntry[] },
  target: StorageLike,
  options: PlanOptions = {},
): ImportPlan {
  const policy = options.policy ?? 'keep';
  checkPolicy(policy);
  // Sorted, unique entries (every bundle's) need no set to prove the keys unique.
  const seen = isSortedUnique(source.entries) ? undefined : new Set<string>();
  const entries: PlanEntry[] = source.entries.map(({ key, value }, i) => {
    if (typeof key !== 'string' || typeof value !== 'string') {
      throw new KeyportError('INVALID_INPUT', `source entry ${i} needs a string key and value`, { index: i });
    }
    if (seen?.has(key))
      throw new KeyportError(
        'INVALID_INPUT',
        `source has the key ${JSON.stringify(key.slice(0, 80))} twice`,
        { index: i },
      );
    seen?.add(key);
    const kind = classifyKey(key);
    const existing = target.getItem(key);
    if (existing === null) return { key, kind, status: 'new', write: true, value, existing };
    if (existing === value) return { key, kind, status: 'identical', write: false, value, existing };
    if (decide(key, policy) === 'keep')
      return { key, kind, status: 'conflict', write: false, value, existing, keptBecause: 'policy' };
    if (kind === 'account' && !options.force && holdsKey(existing) && !holdsKey(value)) {
      return {
        key,
        kind,
        status: 'conflict',
        write: false,
        value,
        existing,
        keptBecause: 'keyless-over-keyed',
      };
    }
    return { key, kind, status: 'conflict', write: true, value, existing };
  });

  const hidden: HiddenNotice[] = [];
  let keyedAccounts = false;
  for (const e of entries) {
    const after = e.write ? e.value : (e.existing ?? e.value);
    // One keyed account is enough: holdsKey decodes the address, so stop asking once it is known.
    if (!keyedAccounts && e.kind === 'account' && holdsKey(after)) keyedAccounts = true;
    const notices = hiddenNotices(e.key, after, options, e.kind);
    if (notices.length > 0) hidden.push(...notices);
  }
  if (keyedAccounts) {
    const incoming = entries.find((e) => e.key === 'settings');
    const settings = incoming?.write ? incoming.value : target.getItem('settings');
    const notice = storageNotice(settings);
    if (notice) hidden.push(notice);
  }
  const ofKind = Object.fromEntries(ENTRY_KINDS.map((k) => [k, [] as PlanEntry[]])) as Record<
    EntryKind,
    PlanEntry[]
  >;
  for (const e of entries) ofKind[e.kind].push(e);
  const byKind = Object.fromEntries(ENTRY_KINDS.map((k) => [k, count(ofKind[k])])) as Record<
    EntryKind,
    PlanCounts
  >;
  return { entries, counts: count(entries), byKind, hidden };
}
