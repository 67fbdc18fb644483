// What a storage format module adds to core's FormatModule: the storage items it holds.
import type { FormatFacts, FormatModule, Found, RegistryContext } from '@keyport/core';
import type { TextOrChecksum } from '../bundle/decode.ts';
import type { ImportSource, ReadImportOptions } from '../input/read.ts';

/** What readImportInput reads from an input, before its format is filled in. */
export type ImportBody = Omit<ImportSource, 'format' | 'inner'>;

/** The registry as storage modules see it, plus the input's checksum when hashing started early. */
export interface ImportContext extends RegistryContext {
  /** The input text as written, or its textChecksumAsync started while it was parsed. */
  readonly asWritten?: TextOrChecksum;
}

/**
 * A format readImportInput reads. Storage formats say which items they hold with `entries`;
 * core's account and contact formats need none: their `open` holdings are turned into the
 * items ui-keyring would store (input/holdings.ts).
 */
export interface ImportFormat<D extends FormatFacts = FormatFacts> extends FormatModule<D> {
  /** The exact storage items the input holds. */
  entries?(found: Found<D>, options: ReadImportOptions, context: ImportContext): Promise<ImportBody>;
}
