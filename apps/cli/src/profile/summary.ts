// What `keyport profiles` reports per store: counts by kind for Apps origins, accounts for
// wallet extensions, and how many older values are still recoverable.
import {
  type ExtensionStore,
  type LocalStorageStore,
  type ProfileData,
  walletAccounts,
  walletOf,
} from '@keyport/browser-profile';
import { countKinds, KEYRING_KEY } from '@keyport/storage-migrate';

/** One line of `profiles --json` `stores`. */
export interface StoreSummary {
  readonly origin?: string;
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

function originSummary(store: LocalStorageStore): StoreSummary {
  const counts = countKinds(store.entries.map((e) => e.key));
  return {
    origin: store.name,
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
  const wallets = data.extensions.filter((s) => s.area === 'local' && walletOf(s) !== null);
  return {
    stores: [...apps.map(originSummary), ...wallets.map(extensionSummary)],
    otherOrigins: data.localStorage.length - apps.length,
  };
}
