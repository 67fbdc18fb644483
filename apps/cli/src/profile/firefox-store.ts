// Which Firefox store an origin is dumped from (docs/browser-profiles.md §4.5): the current
// localStorage (LSNG) or one of the legacy files, webappsstore.sqlite and
// storage/ls-archive.sqlite. Stores holding the same items are one; when they differ keyport
// never merges them and never picks one silently: the person picks with --firefox-store.
import type { LegacyStoreKind, LocalStorageStore, ProfileData } from '@keyport/browser-profile';
import { KeyportError } from '@keyport/core';
import { countKinds } from '@keyport/storage-migrate';
import { UsageError } from '../framework/errors.ts';
import { showKey } from '../report/plan-report.ts';

/** A value of --firefox-store. */
export type FirefoxStoreChoice = 'current' | LegacyStoreKind;

const CHOICES: readonly FirefoxStoreChoice[] = ['current', 'webappsstore', 'ls-archive'];

/**
 * The --firefox-store value, checked.
 *
 * @throws UsageError for a value that is not current, webappsstore or ls-archive.
 * @example parseFirefoxStore('webappsstore') // 'webappsstore'
 */
export function parseFirefoxStore(arg: string | undefined): FirefoxStoreChoice | undefined {
  if (arg === undefined) return undefined;
  if ((CHOICES as readonly string[]).includes(arg)) return arg as FirefoxStoreChoice;
  throw new UsageError(`--firefox-store takes ${CHOICES.join(', ')}`);
}

/** How a store is named to the person. */
export function storeLabel(store: LocalStorageStore): string {
  return store.legacy === undefined
    ? `the current localStorage (${store.source})`
    : `Firefox's legacy store ${store.source}`;
}

/** True when two stores hold the same keys with the same values (entries are sorted by key). */
export function sameItems(a: LocalStorageStore, b: LocalStorageStore): boolean {
  return (
    a.entries.length === b.entries.length &&
    a.entries.every((e, i) => e.key === b.entries[i]!.key && e.value === b.entries[i]!.value)
  );
}

/** "14 item(s), 3 account(s); 1 key only here, 2 with other values than <first>". */
function describe(store: LocalStorageStore, first: LocalStorageStore): string {
  const counts = countKinds(store.entries.map((e) => e.key));
  const own = `${store.entries.length} item(s), ${counts.account} account(s)`;
  if (store === first) return own;
  const theirs = new Map(first.entries.map((e) => [e.key, e.value]));
  const only = store.entries.filter((e) => !theirs.has(e.key)).length;
  const other = store.entries.filter((e) => theirs.has(e.key) && theirs.get(e.key) !== e.value).length;
  const missing = first.entries.length - (store.entries.length - only);
  return `${own}; against the first: ${only} key(s) only here, ${missing} missing, ${other} with another value`;
}

/**
 * The store of `origin` in one profile, or null when none holds it. With `choice`, that store;
 * without, the one store holding its items (the current one first when several agree).
 *
 * @throws KeyportError INVALID_INPUT (field --firefox-store) when stores hold different items
 * and no choice was made, listing each store and how to pick.
 * @example pickOriginStore(data, 'https://polkadot.js.org', undefined)
 */
export function pickOriginStore(
  data: ProfileData,
  origin: string,
  choice: FirefoxStoreChoice | undefined,
): LocalStorageStore | null {
  const current = data.localStorage.find((s) => s.name === origin);
  const legacy = data.legacyLocalStorage.filter((s) => s.name === origin);
  if (choice !== undefined) {
    return (choice === 'current' ? current : legacy.find((s) => s.legacy === choice)) ?? null;
  }
  const all = current === undefined ? legacy : [current, ...legacy];
  const [first] = all;
  if (first === undefined) return null;
  if (all.every((s) => sameItems(s, first))) return first;
  const lines = all.map((s) => `  ${s.legacy ?? 'current'}: ${storeLabel(s)}: ${describe(s, first)}`);
  throw new KeyportError(
    'INVALID_INPUT',
    `origin ${showKey(origin)} is in ${all.length} Firefox stores that hold different items:\n${lines.join('\n')}\nkeyport does not merge them: pass --firefox-store ${all.map((s) => s.legacy ?? 'current').join(' or ')} to dump one (each can be dumped in turn; keyport restore shows the conflicts of the second before it writes)`,
    { field: '--firefox-store' },
  );
}
