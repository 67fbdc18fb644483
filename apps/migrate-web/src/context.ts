import type { PageStore } from './store/store.ts';

/** What main.ts hands to each step: the storage seam, the document, and a refresh hook. */
export interface PageContext {
  /** The storage the page works on: this origin's, or an Apps tab's through the bookmarklet. */
  readonly store: PageStore;
  readonly doc: Document;
  /** Called after the storage changed (import, undo, another tab), to re-read the inventory. */
  readonly onChange: () => void;
  /** The clock for file names and bundle dates; default `() => new Date()`. */
  readonly now?: () => Date;
}
