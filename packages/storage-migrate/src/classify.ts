// What a localStorage key on a Polkadot-JS Apps origin holds (docs/apps-storage.md §2 and §4).

/** The kinds of entry a bundle counts and a plan groups by. */
export type EntryKind = 'account' | 'address' | 'contract' | 'settings' | 'other';

/** Every kind, in the order summaries list them. */
export const ENTRY_KINDS: readonly EntryKind[] = Object.freeze([
  'account',
  'address',
  'contract',
  'settings',
  'other',
]);

// Apps' preference keys besides ui-settings' `settings` (docs/apps-storage.md §4). `code:` (contract
// code) is left as `other`: it is data, not a preference.
const SETTINGS_KEYS = new Set([
  'settings',
  'polkadot-app-custom-endpoints',
  'network:affinities',
  'lcUrl',
  'localFork',
  'polkadot-app-favorite-chains',
  'types',
  'options:InputAddress',
]);
const SETTINGS_PREFIXES = ['accounts:favorites:', 'staking:favorites:'];

/** ui-keyring's own key pattern: the prefix, `0x`, lowercase hex, nothing else. */
export const KEYRING_KEY = /^(account|address|contract):0x[0-9a-f]*$/;

/**
 * The kind of a storage key: `account:`, `address:` (address book) and `contract:` by prefix
 * (legacy `account:<ss58>` keys included: they are accounts Apps no longer reads), ui-settings'
 * `settings` and Apps' other preference keys as `settings`, anything else `other`.
 *
 * @example classifyKey('account:0xd435…') // 'account'; classifyKey('lcUrl') // 'settings'
 */
export function classifyKey(key: string): EntryKind {
  if (key.startsWith('account:')) return 'account';
  if (key.startsWith('address:')) return 'address';
  if (key.startsWith('contract:')) return 'contract';
  if (SETTINGS_KEYS.has(key) || SETTINGS_PREFIXES.some((p) => key.startsWith(p))) return 'settings';
  return 'other';
}

/** Counts of entries per kind. */
export type KindCounts = Record<EntryKind, number>;

/**
 * Counts keys per kind.
 *
 * @example countKinds(['account:0x01', 'settings']) // { account: 1, address: 0, contract: 0, settings: 1, other: 0 }
 */
export function countKinds(keys: Iterable<string>): KindCounts {
  const counts: KindCounts = { account: 0, address: 0, contract: 0, settings: 0, other: 0 };
  for (const k of keys) counts[classifyKey(k)]++;
  return counts;
}
