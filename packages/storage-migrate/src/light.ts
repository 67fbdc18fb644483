// @keyport/storage-migrate/light: the part of the library that depends on nothing (no
// @keyport/core, no @polkadot/*), for code that must stay small: the migrate page's first load
// (classifyKey for its inventory) and the bookmarklet (applyChanges on the Apps tab). Named
// re-exports only; test/exports.shared.test.ts pins the list and checks the import graph.

export {
  applyChanges,
  type ChangeOutcome,
  type ChangesApplied,
  type ChangesFailed,
  type ChangesInvalid,
  type ChangesRefused,
  type ChangeTarget,
  type Progress,
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
