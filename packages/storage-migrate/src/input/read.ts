// readImportInput: any supported text in, the exact storage items to import out, read by the
// module the import registry (../registry.ts) names; no per-format switch here.
import { KeyportError, type ScryptBackend, stripBom } from '@keyport/core';
import { textChecksumAsync } from '../bundle/checksum.ts';
import { CHECKSUM_LEAD } from '../bundle/text.ts';
import type { BundleEntry } from '../bundle/types.ts';
import { importRegistry } from '../registry.ts';
import type { DetectedValue, InputFormat } from './detect.ts';
import type { SkippedItem } from './dumps.ts';
import { readEntries } from './entries.ts';
import type { KeyringContext } from './keyring.ts';

/** Options of {@link readImportInput}. */
export interface ReadImportOptions extends KeyringContext {
  /** Passphrase of an encrypted keyport bundle. */
  readonly passphrase?: string;
  /** Password of a batch ("export all accounts") file. */
  readonly password?: string;
  /** scrypt backend for decrypting (e.g. nodeScrypt); default core's wasm. */
  readonly scrypt?: ScryptBackend;
}

/** What an input holds, ready for planImport: exact key → string items plus provenance. */
export interface ImportSource {
  /** The detected input format (`console-copy` for wrapped text; see `inner`). */
  readonly format: InputFormat;
  /** For a console copy: what the text inside the wrapping is. */
  readonly inner?: DetectedValue['format'];
  /** The items to import, sorted by key, unique. */
  readonly entries: readonly BundleEntry[];
  /** A bundle's origin and creation time. */
  readonly origin?: string | null;
  readonly createdAt?: string;
  /** Input items not turned into entries, with the reason. */
  readonly skipped: readonly SkippedItem[];
  /** Things the user should know (ambiguous console copy, untyped keystores, …). */
  readonly warnings: readonly string[];
}

/**
 * Reads any input keyport imports and returns its storage items, each key with its exact
 * string: a keyport bundle (plain, or encrypted with `passphrase`); `JSON.stringify(localStorage)`
 * output, raw or as copied from a console ('…', "…", `…`, double-encoded, the wiki's
 * `raw = '…'` line; BOM and CRLF tolerated); an extension storage dump; a keystore; a batch file
 * (with `password`); Apps' export-all and address-book arrays. Nothing is written anywhere.
 *
 * @throws INVALID_INPUT (unrecognised or malformed), UNSUPPORTED_FORMAT (a mnemonic or seed, a
 * bundle of another format), UNSUPPORTED_VERSION, CHECKSUM_MISMATCH, PASSWORD_REQUIRED,
 * WRONG_PASSWORD, CORRUPT_DATA, and core's keystore errors.
 * @example const source = await readImportInput(fileText, { passphrase, now: Date.now })
 */
export async function readImportInput(text: string, options: ReadImportOptions = {}): Promise<ImportSource> {
  try {
    return await readInput(text, options);
  } catch (e) {
    if (e instanceof KeyportError) throw e;
    // A library error (keyring, util-crypto) on input it cannot take: typed, without its message,
    // which may quote the input.
    throw new KeyportError('INVALID_INPUT', 'the input could not be read (a library refused part of it)', {
      reason: 'library-error',
      error: e instanceof Error ? e.name : typeof e,
    });
  }
}

async function readInput(text: string, options: ReadImportOptions): Promise<ImportSource> {
  // A bundle written as is hashes as it is: start that now, so the platform hashes while the
  // text is parsed and checked (the bundle module compares the result).
  const raw = typeof text === 'string' ? stripBom(text) : text;
  const asWritten =
    typeof raw === 'string' && raw.includes(CHECKSUM_LEAD)
      ? textChecksumAsync(raw).catch(() => undefined)
      : undefined;
  const found =
    typeof text === 'string'
      ? importRegistry.detect(text)
      : { detected: { format: 'unknown' as const, reason: 'input is not text' }, value: text };
  const body = await readEntries(found, options, {
    byId: importRegistry.byId,
    detectValue: importRegistry.detectValue,
    ...(asWritten === undefined ? {} : { asWritten }),
  });
  const { detected } = found;
  return detected.format === 'console-copy'
    ? { format: 'console-copy', inner: detected.inner.format as DetectedValue['format'], ...body }
    : { format: detected.format, ...body };
}
