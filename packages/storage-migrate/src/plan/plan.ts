// planImport: compares every incoming item with the target storage and with what Apps will do
// once it loads the result, before anything is written.
import { KeyportError } from '@keyport/core';
import type { BundleEntry } from '../bundle/types.ts';
import { classifyKey, ENTRY_KINDS, type EntryKind } from '../classify.ts';
import type { StorageLike } from '../storage.ts';
import { appsLoader } from './apps-load.ts';
import { loadLikeApps } from './apps-view.ts';
import { Outcomes, PostImport } from './collide.ts';
import { compareFacts, entryFacts } from './facts.ts';
import { type HiddenNotice, hiddenNotices, storageNotice } from './hidden.ts';
import { lookalikeIndex, lookalikesOf } from './lookalike.ts';
import { holdsKey, readRecord, recordOf } from './records.ts';
import type {
  EntryChoice,
  EntryRef,
  ImportPlan,
  KeptBecause,
  PlanCounts,
  PlanEntry,
  PlanOptions,
} from './types.ts';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

function checkOptions(options: PlanOptions, entries: readonly BundleEntry[]): void {
  const choices = options.choices ?? {};
  // The keys as a set only when a choice must be found among them.
  const keys = sourceKeys(
    entries,
    typeof choices === 'object' && choices !== null && Object.keys(choices).length > 0,
  );
  const policy = options.policy ?? 'keep';
  if (policy !== 'keep' && policy !== 'replace') {
    throw new KeyportError('INVALID_INPUT', "policy must be 'keep' or 'replace'");
  }
  if (typeof choices !== 'object' || choices === null || Array.isArray(choices)) {
    throw new KeyportError('INVALID_INPUT', 'choices must be a map of key to "write" or "skip"');
  }
  for (const [key, choice] of Object.entries(choices)) {
    const shown = JSON.stringify(key.slice(0, 80));
    if (choice !== 'write' && choice !== 'skip') {
      throw new KeyportError('INVALID_INPUT', `the choice for ${shown} must be "write" or "skip"`);
    }
    if (!keys?.has(key))
      throw new KeyportError('INVALID_INPUT', `a choice names ${shown}, which the input does not hold`);
  }
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

/** Checks every source entry; returns its keys when `wanted` (or when they must be proved unique). */
function sourceKeys(entries: readonly BundleEntry[], wanted: boolean): Set<string> | undefined {
  const sorted = isSortedUnique(entries); // every bundle's entries: no set needed to prove them unique
  const keys = sorted && !wanted ? undefined : new Set<string>();
  entries.forEach(({ key, value }, i) => {
    if (typeof key !== 'string' || typeof value !== 'string') {
      throw new KeyportError('INVALID_INPUT', `source entry ${i} needs a string key and value`, { index: i });
    }
    if (keys === undefined) return;
    if (!sorted && keys.has(key)) {
      throw new KeyportError(
        'INVALID_INPUT',
        `source has the key ${JSON.stringify(key.slice(0, 80))} twice`,
        {
          index: i,
        },
      );
    }
    keys.add(key);
  });
  return keys;
}

/** The guard a replacing account record runs into, if any. */
function accountGuard(existing: string, value: string, force: boolean): KeptBecause | undefined {
  if (!holdsKey(existing)) return undefined;
  if (!holdsKey(value)) return force ? undefined : 'keyless-over-keyed';
  const a = readRecord(existing).json;
  const b = readRecord(value).json;
  return a?.encoded !== b?.encoded || a?.address !== b?.address ? 'keyed-over-keyed' : undefined;
}

function count(entries: readonly PlanEntry[]): PlanCounts {
  const c = {
    new: 0,
    identical: 0,
    conflict: 0,
    overwrites: 0,
    write: 0,
    keep: 0,
    guarded: 0,
    skip: 0,
    lookalike: 0,
  };
  for (const e of entries) {
    c[e.status]++;
    if (e.write) c.write++;
    else if (e.status === 'new') c.skip++;
    else if (e.status !== 'identical') c.keep++;
    if (!e.write && e.keptBecause !== undefined && e.keptBecause !== 'policy' && e.keptBecause !== 'choice')
      c.guarded++;
    if (e.lookalikes !== undefined) c.lookalike++;
  }
  return c;
}

/**
 * Plans an import of `source` into `target` as Apps will see it. Each item is new, identical,
 * conflicting (the key holds other content) or `overwrites`: once Apps loads the storage the
 * record would replace another entry, because ui-keyring files each record under a key made from
 * its own `address` field. New items are written; conflicts follow the policy (default keep),
 * except that an account holding a key is never replaced by a keyless record (unless `force`) or
 * by another key; overwriting items are never written. An explicit per-entry choice overrides
 * all of that. Each item carries what Apps will show of it, old against new for conflicts,
 * what it would overwrite, and look-alike names; `apps` is what Apps will show after the import.
 * Reads `target`, never writes it.
 *
 * @throws INVALID_INPUT for repeated keys, a malformed policy, or a choice for a key the source lacks.
 * @example const plan = planImport(source, localStorage, { now: Date.now }); plan.apps.accounts
 */
export function planImport(
  source: { readonly entries: readonly BundleEntry[] },
  target: StorageLike,
  options: PlanOptions = {},
): ImportPlan {
  checkOptions(options, source.entries);
  const policy = options.policy ?? 'keep';
  const choices = options.choices ?? {};
  // Looking a storage key up in an object turns it into a property name: skip that when no
  // entry has a choice (thousands of keys).
  const anyChoice = Object.keys(choices).length > 0;
  const load = { ss58Format: options.ss58Format, type: options.type, now: options.now };
  const outcomes = new Outcomes(appsLoader(load));

  // First pass: the target, the policy, the guards and the choices. One entry object per item,
  // finished in place by the second pass (a storage of ten thousand items makes ten thousand).
  const choiceOf: (EntryChoice | undefined)[] = [];
  const keptOf: (KeptBecause | undefined)[] = [];
  const planned = source.entries.map(({ key, value }, i): Writable<PlanEntry> => {
    const kind = classifyKey(key);
    const existing = target.getItem(key);
    const choice = anyChoice && Object.hasOwn(choices, key) ? choices[key] : undefined;
    const p = { key, kind, status: 'new', write: false, value, existing } as Writable<PlanEntry>;
    if (existing === value) {
      p.status = 'identical';
      return p;
    }
    let keptBecause: KeptBecause | undefined;
    if (choice === 'skip') keptBecause = 'choice';
    else if (existing !== null && choice === undefined) {
      if (policy === 'keep') keptBecause = 'policy';
      else if (kind === 'account') keptBecause = accountGuard(existing, value, options.force === true);
    }
    if (existing !== null) p.status = 'conflict';
    choiceOf[i] = choice;
    keptOf[i] = keptBecause;
    return p;
  });
  const tentative = planned.filter((e, i) => e.status !== 'identical' && !keptOf[i]);
  const post = new PostImport(
    target,
    tentative.map((e) => [e.key, e.value] as const),
    outcomes,
  );
  const ref = (key: string, value: string): EntryRef => ({
    key,
    kind: classifyKey(key),
    from: target.getItem(key) === value ? 'storage' : 'file',
    facts: entryFacts(key, value, outcomes.of(key, value)),
  });

  // Second pass: what each record would overwrite once Apps loads the storage.
  planned.forEach((p, i) => {
    const outcome = outcomes.of(p.key, p.value);
    p.facts = entryFacts(p.key, p.value, outcome);
    if (outcome.op === 'add' && outcome.stores !== null && outcome.stores !== p.key) p.lands = outcome.stores;
    if (p.status === 'identical') return;
    const choice = choiceOf[i];
    const keptBecause = keptOf[i];
    if (choice) p.choice = choice;
    if (p.existing !== null) {
      p.change = compareFacts(p.key, p.existing, p.value, outcomes.of(p.key, p.existing), outcome);
    }
    const victims = post.victims(p.key, p.value);
    if (victims.length > 0) {
      p.status = 'overwrites';
      p.overwrites = victims.map((v) => ref(v.key, v.value));
      p.write = choice === 'write';
      if (!p.write) p.keptBecause = keptBecause === 'choice' ? 'choice' : 'overwrites';
      return;
    }
    p.write = keptBecause === undefined;
    if (keptBecause) p.keptBecause = keptBecause;
  });

  // What Apps shows once it loads the storage as this plan leaves it: the storage PostImport
  // indexed, when the plan writes every item it tried there (nothing turned out to overwrite).
  const written = planned.filter((e) => e.write);
  let after = post.values;
  if (written.length !== tentative.length) {
    const copy = new Map<string, string>();
    for (let i = 0; i < target.length; i++) {
      const key = target.key(i);
      const value = key === null ? null : target.getItem(key);
      if (key !== null && value !== null) copy.set(key, value);
    }
    for (const e of written) copy.set(e.key, e.value);
    after = copy;
  }
  const apps = loadLikeApps(after, load, outcomes);
  const names = lookalikeIndex(apps);
  for (const e of planned) {
    if (e.status === 'identical') continue;
    const similar = lookalikesOf(e, names, (key) => ref(key, after.get(key) ?? ''));
    if (similar.length > 0) e.lookalikes = similar;
  }
  const entries: readonly PlanEntry[] = planned;

  const hidden: HiddenNotice[] = [];
  let keyedAccounts = false;
  for (const e of entries) {
    const value = e.write ? e.value : e.existing;
    if (value === null) continue; // not written, and nothing there
    // One keyed account is enough: holdsKey decodes the address, so stop asking once it is known.
    if (!keyedAccounts && e.kind === 'account' && holdsKey(value)) keyedAccounts = true;
    const known = outcomes.known(e.key, value);
    const parsed = known?.op === 'add' && known.parsed !== undefined ? recordOf(known.parsed) : undefined;
    const notices = hiddenNotices(e.key, value, options, e.kind, parsed);
    if (notices.length > 0) hidden.push(...notices);
  }
  if (keyedAccounts) {
    const notice = storageNotice(after.get('settings') ?? null);
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
  return { entries, counts: count(entries), byKind, hidden, apps, load };
}
