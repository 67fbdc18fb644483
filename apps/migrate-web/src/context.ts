/** What main.ts hands to each step: the storage, the origin and document, and a refresh hook. */
export interface PageContext {
  /** window.localStorage in the page; any Storage in tests. */
  readonly storage: Storage;
  /** location.origin, shown on the page and used in file names. */
  readonly origin: string;
  readonly doc: Document;
  /** Called after the storage changed (import, undo), to re-read the inventory. */
  readonly onChange: () => void;
  /** The clock for file names and bundle dates; default `() => new Date()`. */
  readonly now?: () => Date;
}
