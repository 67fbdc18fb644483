// The in-memory form of a keyport localStorage bundle (docs/bundle-format.md): version 2, and
// version 1 files as they are read.
import type { KindCounts } from '../classify.ts';

/** The `format` tag of every keyport bundle, plain or encrypted. */
export const BUNDLE_FORMAT = 'keyport-localstorage-bundle';

/** The bundle version this code writes. */
export const BUNDLE_VERSION = 2;

/** Every version this code reads: the current one and version 1 (docs/bundle-format.md §8, appendix A). */
export const READABLE_VERSIONS: readonly BundleVersion[] = Object.freeze([1, 2]);

/** A bundle version this code knows. */
export type BundleVersion = 1 | 2;

/** The `encryption` tag of an encrypted bundle: core's scrypt + xsalsa20-poly1305 envelope. */
export const BUNDLE_ENCRYPTION = 'scrypt-xsalsa20-poly1305';

/** One storage item: its key and its exact stored string, never re-serialised. */
export interface BundleEntry {
  readonly key: string;
  readonly value: string;
}

/** Counts per kind, as the bundle's `summary` spells them. */
export interface BundleSummary {
  readonly accounts: number;
  readonly addresses: number;
  readonly contracts: number;
  readonly settings: number;
  readonly other: number;
}

/** What a touched key held right after an operation: its value, or null where it was removed. */
export interface AfterValue {
  readonly key: string;
  readonly value: string | null;
}

/**
 * The same, as version 1 recorded it: the valueDigest of the value (null: removed). Only undo
 * bundles read from version 1 files hold these; nothing writes them any more.
 */
export interface AfterDigest {
  readonly key: string;
  readonly sha256: string | null;
}

/** What an undo bundle adds: which keys did not exist before, and what the operation wrote. */
export interface UndoInfo {
  /** Keys the import created: undo removes them. Sorted, unique, disjoint from `entries`. */
  readonly absent: readonly string[];
  /**
   * What each touched key held right after the operation, sorted by key (AfterDigest items in a
   * version 1 bundle). undoImport refuses to run over later changes.
   */
  readonly after: readonly AfterValue[] | readonly AfterDigest[];
}

/**
 * A decoded (or freshly dumped) bundle. `entries` are sorted by key in code-unit order and
 * unique. A dump has no `undo`; an undo bundle (written by applyPlan) has one. `version` is the
 * version it was read as (what dumpStorage and applyPlan make is BUNDLE_VERSION).
 */
export interface Bundle {
  readonly format: typeof BUNDLE_FORMAT;
  readonly version: BundleVersion;
  /** Where the storage came from (e.g. `https://polkadot.js.org`), or null when unknown. */
  readonly origin: string | null;
  /** ISO 8601 UTC time with milliseconds, from the injected clock. */
  readonly createdAt: string;
  readonly summary: BundleSummary;
  readonly entries: readonly BundleEntry[];
  readonly undo?: UndoInfo;
}

/** The summary of kind counts. */
export function toSummary(counts: KindCounts): BundleSummary {
  return {
    accounts: counts.account,
    addresses: counts.address,
    contracts: counts.contract,
    settings: counts.settings,
    other: counts.other,
  };
}

/** Summary field names in their canonical order. */
export const SUMMARY_FIELDS: readonly (keyof BundleSummary)[] = Object.freeze([
  'accounts',
  'addresses',
  'contracts',
  'settings',
  'other',
]);
