/** What the page and its file-reading worker (read-worker.ts) say to each other. */
import type { Bundle, ImportSource } from '@keyport/storage-migrate';

/** One file to read: its text, the passphrase or password typed for it, and the page's clock. */
export interface ReadRequest {
  readonly text: string;
  readonly secret?: string;
  readonly now: number;
}

/** What the file holds, or why it cannot be read yet. */
export type ReadReply =
  /** Storage items to plan; `encrypted`: the file was an encrypted bundle (its undo is encrypted too). */
  | { readonly kind: 'source'; readonly source: ImportSource; readonly encrypted: boolean }
  /** An undo bundle: the page offers "Undo import". */
  | { readonly kind: 'undo'; readonly undo: Bundle; readonly encrypted: boolean }
  /** Encrypted: ask for this (the seal's label, e.g. "Bundle passphrase"). */
  | { readonly kind: 'locked'; readonly label: string }
  /** A typed failure (KeyportError's code, message and secret-free details). */
  | {
      readonly kind: 'error';
      readonly code?: string;
      readonly message: string;
      readonly details?: Record<string, unknown>;
    };
