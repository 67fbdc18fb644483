// Which wallet an extension's storage belongs to, and what accounts it holds
// (docs/browser-profiles.md §5): polkadot{.js}, SubWallet and Talisman by their store and add-on
// ids, any other extension by the shape of what it stores (`account:0x…` keystore records, as
// every polkadot{.js} fork keeps them).
import { isPlainObject } from '@keyport/core';
import type { ExtensionStore, StoreEntry } from './store.ts';

/** The wallet extensions keyport knows by name. */
export type WalletName = 'polkadot-js' | 'subwallet' | 'talisman';

/** Known ids: Chrome Web Store ids and Firefox add-on ids. */
export const WALLET_IDS: Readonly<Record<WalletName, readonly string[]>> = Object.freeze({
  'polkadot-js': ['mopnmbcafieddcagagdcbnhejhlodfdd', '{7e3ce1f0-15fb-4fb1-99c6-25774749ec6d}'],
  subwallet: ['onhogfjeacnfoofkfgppdlbmlmnplgbn'],
  talisman: ['fijngjgcjhjmmpcmkeiomlglpeiijkld', '{f5727e03-b26c-41e0-95dd-7e315ff16410}'],
});

const ACCOUNT_KEY = /^account:0x[0-9a-f]+$/;

/** True for a polkadot-js keyring record: `account:0x…` holding an object with an address. */
export function isAccountRecord(e: StoreEntry<unknown>): boolean {
  return ACCOUNT_KEY.test(e.key) && isPlainObject(e.value) && typeof e.value.address === 'string';
}

function talismanKeyring(store: ExtensionStore): { accounts: unknown[] } | null {
  const keyring = store.entries.find((e) => e.key === 'keyring')?.value;
  if (!isPlainObject(keyring) || !Array.isArray(keyring.accounts)) return null;
  return { accounts: keyring.accounts };
}

/**
 * The wallet a store belongs to: by id, else by what it holds (SubWallet's `keyring:subwallet`,
 * Talisman's `keyring` object, polkadot-js-style account records); null for anything else.
 *
 * @example walletOf(store) // 'polkadot-js'
 */
export function walletOf(store: ExtensionStore): WalletName | null {
  for (const [name, ids] of Object.entries(WALLET_IDS) as [WalletName, readonly string[]][]) {
    if (ids.includes(store.name)) return name;
  }
  if (store.entries.some((e) => e.key === 'keyring:subwallet')) return 'subwallet';
  if (talismanKeyring(store) !== null) return 'talisman';
  if (store.entries.some(isAccountRecord)) return 'polkadot-js';
  return null;
}

/**
 * The id predicate for a `--extension` argument: a wallet name matches its known ids; anything
 * else is an extension id (Chromium) or add-on id / internal uuid (Firefox) as given.
 *
 * @example extensionMatcher('talisman')('fijngjgcjhjmmpcmkeiomlglpeiijkld') // true
 */
export function extensionMatcher(arg: string): (id: string) => boolean {
  const ids = (WALLET_IDS as Record<string, readonly string[]>)[arg];
  return ids === undefined ? (id) => id === arg : (id) => ids.includes(id);
}

/** An account a wallet holds, as far as it can be told without a password. */
export interface WalletAccount {
  readonly address: string;
  readonly name?: string;
  /** polkadot-js keyring record (`account:0x…`), or Talisman's own keyring entry. */
  readonly storage: 'keystore-record' | 'talisman-keyring';
}

/**
 * The accounts of a wallet store: its `account:0x…` keystore records, plus Talisman's own
 * keyring entries (whose keys are encrypted under a password derived from the user's).
 *
 * @example walletAccounts(store).map((a) => a.address)
 */
export function walletAccounts(store: ExtensionStore): WalletAccount[] {
  const out: WalletAccount[] = [];
  for (const e of store.entries) {
    if (!isAccountRecord(e)) continue;
    const v = e.value as { address: string; meta?: { name?: unknown } };
    const name = isPlainObject(v.meta) && typeof v.meta.name === 'string' ? v.meta.name : undefined;
    out.push({ address: v.address, ...(name === undefined ? {} : { name }), storage: 'keystore-record' });
  }
  for (const a of talismanKeyring(store)?.accounts ?? []) {
    if (!isPlainObject(a) || typeof a.address !== 'string') continue;
    out.push({
      address: a.address,
      ...(typeof a.name === 'string' ? { name: a.name } : {}),
      storage: 'talisman-keyring',
    });
  }
  return out;
}
