/**
 * The storage the page works on, whichever origin it belongs to: this page's own localStorage
 * (own.ts) or a hosted Apps tab's, lent through the bookmarklet (bridge.ts). Every step reads
 * `view()` and writes only through `write()`, one compare-and-set change list at a time.
 */
import type { StorageLike } from '@keyport/storage-migrate';
import type { ChangeOutcome, StorageChange } from '@keyport/storage-migrate/light';

/**
 * What steps read: storage-migrate's StorageLike. In bridge mode its writes throw (the snapshot is
 * read-only); the page writes only through PageStore.write.
 */
export type StorageView = StorageLike;

/** The storage seam of the page. */
export interface PageStore {
  /** The origin whose storage this is, as the browser reported it. */
  readonly origin: string;
  /** True when the storage is an Apps tab's, through the bookmarklet. */
  readonly bridged: boolean;
  /** The storage as last read (own origin: live; bridge: the latest snapshot). */
  view(): StorageView;
  /** Reads the storage again (bridge: asks the Apps tab for a fresh snapshot). */
  refresh(): Promise<void>;
  /** One compare-and-set write (storage-migrate's applyChanges); view() is fresh afterwards. */
  write(changes: readonly StorageChange[]): Promise<ChangeOutcome>;
  /**
   * Calls `listener` after another tab changed the storage (view() is fresh by then), with the
   * keys when known (null: cleared or unknown).
   */
  onChange(listener: (keys: readonly string[] | null) => void): void;
}
