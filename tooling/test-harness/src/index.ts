// @keyport/test-harness: what every keyport suite shares. Run counts and replay (runs.ts),
// typed-error assertions (errors.ts), and fast-check arbitraries built on the real
// @polkadot/keyring (strings, meta, accounts, Apps storages, extension storages). No @keyport
// dependency: the packages depend on this one. See README.md.
export {
  type AccountOptions,
  account,
  type HarnessAccount,
  KEY_TYPES,
  type KeyType,
  keylessJson,
  makeAccount,
  ss58Prefix,
} from './accounts.ts';
export { type CollidingOptions, collidingRecords, collisionPool } from './collisions.ts';
export { type CodedError, rejectsWithCode, throwsWithCode } from './errors.ts';
export { type ExtensionStorage, type ExtensionStorageOptions, extensionStorage } from './extension.ts';
export {
  accountMeta,
  genesisHash,
  hexBytes,
  KNOWN_GENESIS,
  type MetaOptions,
  PROTOTYPE_KEYS,
  timestamp,
} from './meta.ts';
export {
  type FoundLike,
  type RegistryHostileOptions,
  type RegistryLike,
  type RegistryModuleLike,
  registryHostileFailures,
} from './registry.ts';
export { baseRuns, fcParams, readEnv } from './runs.ts';
export {
  type AppsStorageOptions,
  addressBookEntry,
  anyAddress,
  appsStorage,
  contractEntry,
  keylessAccount,
  keyringKey,
  otherEntry,
  type StorageRecord,
  type StoredRecord,
  settingsValue,
  ss58Address,
  storedAccount,
} from './storage.ts';
export {
  accountName,
  HOSTILE_PIECES,
  type HostileStringOptions,
  hasLoneSurrogate,
  hostileString,
  password,
} from './strings.ts';
