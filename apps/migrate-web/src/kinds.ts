/**
 * The kind of a storage key, by @keyport/storage-migrate's classifyKey rules (docs/apps-storage.md §2,
 * §3.4), without loading the library: the first load and the bookmarklet use it.
 * test/bookmarklet.test.ts checks it against classifyKey.
 */

/** Storage kinds, as the library's EntryKind. */
export type Kind = 'account' | 'address' | 'contract' | 'settings' | 'other';

// Apps' preference keys besides ui-settings' `settings`.
const SETTINGS_KEYS = [
  'settings',
  'polkadot-app-custom-endpoints',
  'network:affinities',
  'lcUrl',
  'localFork',
  'polkadot-app-favorite-chains',
  'types',
  'options:InputAddress',
];
const SETTINGS_PREFIXES = ['accounts:favorites:', 'staking:favorites:'];

/**
 * `account:`, `address:`, `contract:` by prefix; Apps' preference keys as `settings`; else `other`.
 *
 * @example kindOf('lcUrl') // 'settings'
 */
export function kindOf(key: string): Kind {
  if (key.startsWith('account:')) return 'account';
  if (key.startsWith('address:')) return 'address';
  if (key.startsWith('contract:')) return 'contract';
  if (SETTINGS_KEYS.includes(key) || SETTINGS_PREFIXES.some((p) => key.startsWith(p))) return 'settings';
  return 'other';
}
