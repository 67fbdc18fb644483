// @keyport/browser-profile: read-only readers for browser profiles on disk. Bytes in (through an
// injected ProfileFs), entries out; runtime-neutral. Named re-exports only;
// test/exports.shared.test.ts pins the list. The Node file adapter is `@keyport/browser-profile/node`.

export { decodeBlinkString, encodeBlinkString } from './chromium/blink-string.ts';
export { chromiumExtensionStore } from './chromium/extension-settings.ts';
export { CHROMIUM_LOCAL_STORAGE_VERSION, chromiumLocalStorage } from './chromium/local-storage.ts';
export { readChromiumProfile } from './chromium/profile.ts';
export { extensionUuids, firefoxExtensionStore, STORAGE_LOCAL_STORE } from './firefox/extension-storage.ts';
export { decodeIdbStringKey } from './firefox/idb-key.ts';
export { firefoxLegacyStorage, originFromOriginKey } from './firefox/legacy-storage.ts';
export { firefoxLocalStorage, originFromFolder } from './firefox/local-storage.ts';
export { readFirefoxProfile } from './firefox/profile.ts';
export { decodeStructuredClone } from './firefox/structured-clone.ts';
export { type DirEntry, joinPath, loadLevelDb, type ProfileFs, type ScanProgress } from './fs.ts';
export type { LdbRecord } from './leveldb/batch.ts';
export { crc32c, maskCrc, unmaskCrc } from './leveldb/crc32c.ts';
export { type LevelDbFiles, type LevelDbView, type Recoverable, readLevelDb } from './leveldb/db.ts';
export { type Damage, Findings } from './leveldb/findings.ts';
export { LOG_BLOCK } from './leveldb/log.ts';
export {
  type BrowserName,
  chromiumProfilesFromLocalState,
  defaultProfileRoots,
  findProfiles,
  firefoxProfilesFromIni,
  type MachineContext,
  type ProfileRef,
  type ProfileRoot,
} from './locate.ts';
export {
  browserRunning,
  type ProfileData,
  type ReadProfileOptions,
  RUNNING_NOTE,
  readProfile,
} from './profile.ts';
export { applyWal, type WalApplied } from './sqlite/wal.ts';
export type {
  ExtensionStore,
  LegacyStoreKind,
  LocalStorageStore,
  ProfileStore,
  ProfileStores,
  RecoveredEntry,
  StoreEntry,
  StoreFilter,
} from './store.ts';
export {
  exportTalismanAccounts,
  type TalismanExport,
  talismanKeyringPassword,
} from './talisman.ts';
export {
  extensionMatcher,
  isAccountRecord,
  WALLET_IDS,
  type WalletAccount,
  type WalletName,
  walletAccounts,
  walletOf,
} from './wallets.ts';
