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
export { type BananaShard, isBananaShard, parseBananaShard, readBananaShards } from './banana-shard.ts';
export { bananaPassphrase, type CombinedBanana, combineBananaShards } from './banana-split.ts';
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
  DEV_PHRASE,
  type DerivedAccount,
  type DeriveOptions,
  deriveAccount,
  type SecretKind,
} from './derive/derive.ts';
export {
  deriveLedgerAccount,
  LEDGER_DEFAULT_PATH,
  type LedgerDeriveOptions,
  type LedgerPhrase,
  ledgerChild,
  ledgerMasterKey,
  ledgerPair,
  ledgerPath,
  parseLedgerPath,
  readLedgerPhrase,
} from './derive/ledger.ts';
export {
  assertMnemonic,
  BIP39_ENGLISH,
  checkMnemonic,
  isMnemonicWord,
  MNEMONIC_WORD_COUNTS,
  type MnemonicCheck,
  normaliseMnemonic,
  suggestMnemonicWord,
} from './derive/mnemonic.ts';
export {
  openRawSecret,
  type RawKeyCandidate,
  type RawSecretEncoding,
  rawSecretCandidates,
} from './derive/raw-secret.ts';
export { deriveSlip10Account, SLIP10_POLKADOT_PATH, type Slip10DeriveOptions } from './derive/slip10.ts';
export { VAULT_PRESETS, type VaultPreset } from './derive/vault.ts';
// derivation, networks, detection
export { detectFormat } from './detect.ts';
export {
  assertEnvelopeParams,
  type CryptoOptions,
  openData,
  openLegacyData,
  readScryptHeader,
  sealData,
} from './envelope.ts';
export { isKeyportError, KeyportError, type KeyportErrorCode } from './errors.ts';
export { type AddressBookFacts, addressBookFormat } from './formats/address-book.ts';
export { type AppsAccountsFacts, appsAccountsFormat } from './formats/apps-accounts.ts';
export type { BananaShardFacts } from './formats/banana-split.ts';
export { type BatchFacts, batchFormat } from './formats/batch.ts';
export { type DevUriFacts, devUriFormat } from './formats/dev-uri.ts';
export { type KeystoreFacts, keystoreFormat, reportedAccount } from './formats/keystore.ts';
export { type MnemonicFacts, mnemonicFormat } from './formats/mnemonic.ts';
export type { QrAddressFacts, QrSecretFacts } from './formats/qr-text.ts';
export { type RawSeedFacts, rawSeedFormat } from './formats/raw-seed.ts';
export type { SubkeyFacts } from './formats/subkey-output.ts';
export { subwalletBatchFormat } from './formats/subwallet-batch.ts';
export type { Web3Facts } from './formats/web3.ts';
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
  type Pkcs8Keys,
  pairFromSecret,
  parseKeystore,
  readJsonInput,
} from './keystore/index.ts';
export { locateAdvice } from './locate/advice.ts';
export {
  type LocateHit,
  type LocateOptions,
  type LocateProgress,
  type LocateResult,
  type LocateType,
  locate,
} from './locate/locate.ts';
export { type LocateSecret, readLocateSecret, wipeLocateSecret } from './locate/secret.ts';
export { type LocateTarget, parseTarget } from './locate/target.ts';
export {
  isValidSs58Prefix,
  listNetworks,
  MAX_SS58_PREFIX,
  type NetworkInfo,
  resolveNetwork,
} from './networks/networks.ts';
export {
  decodeSs58,
  encodeSs58,
  encodeSs58Bytes,
  isSs58Address,
  isSs58Of,
  type Ss58Decoded,
} from './networks/ss58.ts';
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
export { isPlainObject, stripBom, textFromBytes } from './plain.ts';
export { CORE_FORMATS, coreFallback, coreRegistry, type Detected } from './registry/core.ts';
export {
  createRegistry,
  type DetectedOf,
  type FallbackKind,
  type Registry,
  type RegistryOptions,
} from './registry/registry.ts';
export type {
  CheckedAccount,
  CheckedFile,
  FormatFacts,
  FormatModule,
  FormatReport,
  FormatWriter,
  Found,
  HeldAccount,
  Holdings,
  Holds,
  Miss,
  OpenOptions,
  RegistryContext,
  ReportedAccount,
  Seal,
  TextMatch,
  UnknownFormat,
  WriteOptions,
} from './registry/types.ts';
export { type ScryptBackend, wasmScrypt } from './scrypt/backend.ts';
export {
  ACCEPTED_SCRYPT,
  assertScryptParams,
  COMPAT_SCRYPT,
  DEFAULT_SCRYPT,
  type ScryptParams,
} from './scrypt/params.ts';
export { readSecretInput, type SecretInput } from './secret-input.ts';
export {
  isSubkeyOutput,
  parseSubkeyOutput,
  type SubkeyOutput,
  subkeyKeyType,
} from './subkey-output.ts';
export { type CreateWeb3Options, createWeb3, type OpenedWeb3, openWeb3 } from './web3-crypto.ts';
export {
  isWeb3Keystore,
  parseWeb3,
  type Web3Kdf,
  type Web3Keystore,
  web3KdfCost,
} from './web3-keystore.ts';
