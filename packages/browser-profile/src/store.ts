// What every reader hands back: the stores of a profile (one origin's localStorage, or one
// extension's storage), their current entries, and the older values still on disk.

/** One current item. localStorage values are strings; extension values are JSON-like data. */
export interface StoreEntry<V> {
  readonly key: string;
  readonly value: V;
}

/** An older value of a key found in an older file: deleted or overwritten since. */
export interface RecoveredEntry<V> extends StoreEntry<V> {
  /** `deleted`: the key is absent now; `overwritten`: it holds another value now. */
  readonly status: 'deleted' | 'overwritten';
  /** LevelDB sequence number of this value (a larger one was written later). */
  readonly seq: number;
  /** Sequence number of the write that replaced it (a newer put or a delete), when still on disk. */
  readonly replacedAt: number | null;
  /** The file it was found in, relative to the profile. */
  readonly file: string;
}

/** One origin's localStorage (`kind: 'local-storage'`) or one extension's storage area. */
export interface ProfileStore<V> {
  readonly kind: 'local-storage' | 'extension';
  /** localStorage: the origin (`https://polkadot.js.org`). Extension: its id. */
  readonly name: string;
  /** Extension storage area: `local` (chrome.storage.local) or `sync`. */
  readonly area?: 'local' | 'sync';
  /** Current entries, sorted by key in code-unit order. */
  readonly entries: readonly StoreEntry<V>[];
  /** Older values of deleted or overwritten keys, oldest write first. */
  readonly recoverable: readonly RecoveredEntry<V>[];
  /** Where it was read from, relative to the profile. */
  readonly source: string;
  /** Firefox's legacy localStorage only: which of its two files the origin was found in. */
  readonly legacy?: LegacyStoreKind;
}

/**
 * Firefox's legacy localStorage files (docs/browser-profiles.md §4.5): `webappsstore` is
 * `webappsstore.sqlite` (before LSNG, and LSNG's shadow copy), `ls-archive` is
 * `storage/ls-archive.sqlite` (what LSNG has not imported yet).
 */
export type LegacyStoreKind = 'webappsstore' | 'ls-archive';

/** A localStorage store: string values, byte for byte what the page reads. */
export type LocalStorageStore = ProfileStore<string>;
/** An extension's storage: values as the extension's `storage.local.get` returns them. */
export type ExtensionStore = ProfileStore<unknown>;

/** Code-unit order, the order storage-migrate sorts bundle entries in. */
export function byKey<T extends { readonly key: string }>(a: T, b: T): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Stores ordered by name (origin or extension id). */
export function byName<T extends { readonly name: string }>(a: T, b: T): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** The stores of one profile. */
export interface ProfileStores {
  readonly localStorage: readonly LocalStorageStore[];
  /**
   * Firefox only: origins in the legacy localStorage files, apart from the current ones (an
   * origin may be in both, with other values). Empty for Chromium.
   */
  readonly legacyLocalStorage: readonly LocalStorageStore[];
  readonly extensions: readonly ExtensionStore[];
}

/** Which stores to read (default: all). `false` skips that kind entirely. */
export interface StoreFilter {
  readonly origin?: ((origin: string) => boolean) | false;
  readonly extension?: ((id: string) => boolean) | false;
}
