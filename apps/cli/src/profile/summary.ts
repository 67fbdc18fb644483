// What `keyport profiles` reports per store: counts by kind for Apps origins (Firefox's legacy
// files apart, marked with their store), accounts for wallet extensions, and how many older
// values are still recoverable.
import {
  type ExtensionStore,
  type LegacyStoreKind,
  type LocalStorageStore,
  type ProfileData,
  walletAccounts,
  walletOf,
} from '@keyport/browser-profile';
import { countKinds, KEYRING_KEY } from '@keyport/storage-migrate';
import { sameItems } from './firefox-store.ts';

/** One line of `profiles --json` `stores`. */
export interface StoreSummary {
  readonly origin?: string;
  /** Firefox: the origin was found in this legacy file, not in the current localStorage. */
  readonly legacy?: LegacyStoreKind;
  /** With `legacy`: whether it holds the same items as the current localStorage of the origin, if any. */
  readonly sameAsCurrent?: boolean | null;
  readonly extension?: string;
  readonly wallet: string | null;
  readonly accounts: number;
  readonly addresses: number;
  readonly contracts: number;
  readonly entries: number;
  readonly recoverable: number;
}

/** True when an origin holds Apps keyring data (`account:`/`address:`/`contract:0x…`). */
export function holdsAppsData(store: LocalStorageStore): boolean {
  return (
    store.entries.some((e) => KEYRING_KEY.test(e.key)) ||
    store.recoverable.some((e) => KEYRING_KEY.test(e.key))
  );
}

function originSummary(store: LocalStorageStore, current?: readonly LocalStorageStore[]): StoreSummary {
  const counts = countKinds(store.entries.map((e) => e.key));
  const now = current?.find((s) => s.name === store.name);
  return {
    origin: store.name,
    ...(store.legacy === undefined
      ? {}
      : { legacy: store.legacy, sameAsCurrent: now === undefined ? null : sameItems(now, store) }),
    wallet: null,
    accounts: counts.account,
    addresses: counts.address,
    contracts: counts.contract,
    entries: store.entries.length,
    recoverable: store.recoverable.length,
  };
}

function extensionSummary(store: ExtensionStore): StoreSummary {
  return {
    extension: store.name,
    wallet: walletOf(store),
    accounts: walletAccounts(store).length,
    addresses: 0,
    contracts: 0,
    entries: store.entries.length,
    recoverable: store.recoverable.length,
  };
}

/**
 * The stores worth listing: origins holding Apps data, and wallet extensions (known ids, or
 * storage holding keystore-shaped `account:0x…` records). Also how many origins were left out.
 */
export function summarize(data: ProfileData): { stores: StoreSummary[]; otherOrigins: number } {
  const apps = data.localStorage.filter(holdsAppsData);
  const legacy = data.legacyLocalStorage.filter(holdsAppsData);
  const wallets = data.extensions.filter((s) => s.area === 'local' && walletOf(s) !== null);
  return {
    stores: [
      ...apps.map((s) => originSummary(s)),
      ...legacy.map((s) => originSummary(s, data.localStorage)),
      ...wallets.map(extensionSummary),
    ],
    otherOrigins: data.localStorage.length - apps.length,
  };
}
