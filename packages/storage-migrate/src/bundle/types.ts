// The in-memory form of a keyport localStorage bundle, version 1 (docs/bundle-format.md).
import type { KindCounts } from '../classify.ts';

/** The `format` tag of every keyport bundle, plain or encrypted. */
export const BUNDLE_FORMAT = 'keyport-localstorage-bundle';

/** The only bundle version this code reads and writes. */
export const BUNDLE_VERSION = 1;

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

/** What an undo bundle adds: which keys did not exist before, and what the import wrote. */
export interface UndoInfo {
  /** Keys the import created: undo removes them. Sorted, unique, disjoint from `entries`. */
  readonly absent: readonly string[];
  /**
   * What each touched key held right after the operation, sorted by key: the valueDigest of its
   * value, or null when the operation removed it. undoImport refuses to run over later changes.
   */
  readonly after: readonly { readonly key: string; readonly sha256: string | null }[];
}

/**
 * A decoded (or freshly dumped) bundle. `entries` are sorted by key in code-unit order and
 * unique. A dump has no `undo`; an undo bundle (written by applyPlan) has one.
 */
export interface BundleV1 {
  readonly format: typeof BUNDLE_FORMAT;
  readonly version: typeof BUNDLE_VERSION;
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
