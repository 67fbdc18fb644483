// @keyport/core: every Polkadot keystore and secret format, read and written like polkadot-js.
// Named re-exports only; test/exports.shared.test.ts pins the list.

export { accountId, formatAddress, type UnlockedAccount, wipe } from './account.ts';
export {
  type AddressBookEntry,
  type AppsAccountEntry,
  type AppsExternalAccount,
  createAddressBook,
  createAppsAccounts,
  MAX_APPS_EXPORT_LENGTH,
  parseAddressBook,
  parseAppsAccounts,
} from './apps-array.ts';
export {
  type BatchAccount,
  type BatchExtras,
  type BatchJson,
  type BatchSkipped,
  createBatch,
  MAX_BATCH_LENGTH,
  type OpenBatchOptions,
  type OpenedBatch,
  openBatch,
  parseBatch,
} from './batch.ts';
export {
  type CryptoOptions,
  MAC_LENGTH,
  NONCE_LENGTH,
  openData,
  openLegacyData,
  passwordBytes,
  readScryptHeader,
  SALT_LENGTH,
  SCRYPT_HEADER_LENGTH,
  sealData,
} from './envelope.ts';
export { ensure, isKeyportError, KeyportError, type KeyportErrorCode } from './errors.ts';
export {
  type CreateKeystoreOptions,
  changeKeystorePassword,
  createKeystore,
  decodePkcs8,
  describeKeystore,
  type EncryptionKind,
  encodePkcs8,
  type JsonInputLimits,
  type JsonObject,
  type JsonValue,
  KEY_TYPES,
  type KeyPair,
  type KeystoreEncoding,
  type KeystoreInfo,
  type KeystoreJson,
  type KeystoreMeta,
  type KeystoreSource,
  type KeystoreV3Json,
  type KeystoreVersion,
  type KeyType,
  MAX_KEYSTORE_LENGTH,
  type OpenKeystoreOptions,
  openKeystore,
  PKCS8_DIVIDER,
  PKCS8_HEADER,
  type Pkcs8Keys,
  pairFromSecret,
  parseKeystore,
  readJsonInput,
} from './keystore/index.ts';
export {
  createScryptPool,
  defaultPoolSize,
  type ScryptPool,
  type ScryptPoolOptions,
  type WorkerPort,
} from './parallel/pool.ts';
export {
  DEFAULT_CONCURRENCY,
  type UnlockManyOptions,
  type UnlockProgress,
  type UnlockResult,
  unlockMany,
} from './parallel/unlock-many.ts';
export { type ScryptBackend, wasmScrypt } from './scrypt/backend.ts';
export {
  ACCEPTED_SCRYPT,
  assertScryptParams,
  COMPAT_SCRYPT,
  DEFAULT_SCRYPT,
  type ScryptParams,
} from './scrypt/params.ts';

// secrets/ and detect.ts (owned by a teammate) append their exports below this line.

// secrets, networks, detection
export { type Detected, detectFormat } from './detect.ts';
export {
  DEV_PHRASE,
  type DerivedAccount,
  type DeriveOptions,
  deriveAccount,
  type SecretKind,
} from './secrets/derive.ts';
export {
  assertMnemonic,
  BIP39_ENGLISH,
  checkMnemonic,
  isMnemonicWord,
  MNEMONIC_WORD_COUNTS,
  type MnemonicCheck,
  normaliseMnemonic,
  suggestMnemonicWord,
} from './secrets/mnemonic.ts';
export {
  isValidSs58Prefix,
  listNetworks,
  MAX_SS58_PREFIX,
  type NetworkInfo,
  resolveNetwork,
} from './secrets/networks.ts';
export { decodeSs58, encodeSs58, isSs58Address, type Ss58Decoded } from './secrets/ss58.ts';
export { VAULT_PRESETS, type VaultPreset } from './secrets/vault.ts';
