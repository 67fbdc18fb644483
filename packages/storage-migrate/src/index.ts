// @keyport/storage-migrate: dump, bundle, plan, import, undo and verify over any Storage-like
// object. Named re-exports only; test/exports.shared.test.ts pins the list.
// verifyWithUiKeyring lives in the `./verify` entry (it pulls in @polkadot/ui-keyring); the
// `./light` entry (light.ts) holds the dependency-free part: classifyKey and applyChanges.

export {
  type ApplyResult,
  applyPlan,
  type Progress,
  StorageWriteError,
  type UndoResult,
  undoImport,
  type WriteOptions,
} from './apply.ts';
export { bundleChecksum, canonicalText } from './bundle/checksum.ts';
export {
  type BundleHeader,
  type DecodeBundleOptions,
  decodeBundle,
  readBundleHeader,
} from './bundle/decode.ts';
export { type BundleOrigin, dumpStorage, makeBundle } from './bundle/dump.ts';
export { type EncodeBundleOptions, encodeBundle } from './bundle/encode.ts';
export {
  type AfterDigest,
  type AfterValue,
  BUNDLE_ENCRYPTION,
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  type Bundle,
  type BundleEntry,
  type BundleSummary,
  type BundleVersion,
  READABLE_VERSIONS,
  type UndoInfo,
} from './bundle/types.ts';
export {
  type ChangeSet,
  type ImportChangeSet,
  planChanges,
  undoAfterFailure,
  undoChanges,
  undoOf,
  type ValueSource,
} from './changes/change-set.ts';
export { changeError } from './changes/error.ts';
export {
  applyChanges,
  type ChangeOutcome,
  type ChangesApplied,
  type ChangesFailed,
  type ChangesInvalid,
  type ChangesRefused,
  type ChangeTarget,
  type StorageChange,
} from './changes/transaction.ts';
export {
  classifyKey,
  countKinds,
  ENTRY_KINDS,
  type EntryKind,
  KEYRING_KEY,
  type KindCounts,
} from './classify.ts';
export type { ConsoleCopyFacts } from './formats/console-copy.ts';
export type { ExtensionStorageFacts } from './formats/extension-storage.ts';
export type { BundleFacts } from './formats/keyport-bundle.ts';
export type { EncryptedBundleFacts } from './formats/keyport-bundle-encrypted.ts';
export type { LocalStorageDumpFacts } from './formats/localstorage-dump.ts';
export type { ImportBody, ImportContext, ImportFormat } from './formats/types.ts';
export { type ConsoleLayer, type Unwrapped, unwrapConsoleText } from './input/console.ts';
export { type DetectedInput, type DetectedValue, detectInput, type InputFormat } from './input/detect.ts';
export type { SkippedItem } from './input/dumps.ts';
export { decodeJsStringLiteral, encodeJsStringLiteral } from './input/js-literal.ts';
export type { KeyringContext } from './input/keyring.ts';
export { type ImportSource, type ReadImportOptions, readImportInput } from './input/read.ts';
export type { AppsLoadOptions } from './plan/apps-load.ts';
export type { AppsAccount, AppsItem, AppsListKind, AppsView } from './plan/apps-view.ts';
export { checkAgainstPlan } from './plan/check.ts';
export type { EntryFacts, FactsChange } from './plan/facts.ts';
export type { HiddenNotice, HiddenReason } from './plan/hidden.ts';
export { planImport } from './plan/plan.ts';
export { holdsKey } from './plan/records.ts';
export type {
  ConflictPolicy,
  EntryChoice,
  EntryRef,
  EntryStatus,
  ImportPlan,
  KeptBecause,
  PlanCounts,
  PlanEntry,
  PlanOptions,
} from './plan/types.ts';
export { IMPORT_FORMATS, importFormat, importRegistry, innermostFormat } from './registry.ts';
export {
  compareKeys,
  MemoryStorage,
  type MemoryStorageOptions,
  quotaExceeded,
  readAll,
  type StorageFault,
  type StorageLike,
  type StorageOp,
  snapshot,
} from './storage.ts';
