// readImportInput: any supported text in, the exact storage items to import out.
import {
  type AppsExternalAccount,
  isPlainObject,
  KeyportError,
  openBatch,
  parseAddressBook,
  parseAppsAccounts,
  parseKeystore,
  type ScryptBackend,
  stripBom,
} from '@keyport/core';
import { textChecksumAsync } from '../bundle/checksum.ts';
import { decodeBundleValue, type TextOrChecksum } from '../bundle/decode.ts';
import { CHECKSUM_LEAD } from '../bundle/text.ts';
import type { BundleEntry } from '../bundle/types.ts';
import { compareKeys } from '../storage.ts';
import { type DetectedValue, type InputFormat, inspectText } from './detect.ts';
import { extensionEntries, localStorageEntries, type SkippedItem } from './dumps.ts';
import { repeatedKeys } from './duplicates.ts';
import {
  addressBookEntries,
  type Converted,
  externalEntry,
  type KeyringContext,
  keystoreEntries,
  keystoreEntry,
} from './keyring.ts';

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

const SECRET_FORMATS = new Set(['mnemonic', 'raw-seed', 'dev-uri']);

function sorted(entries: BundleEntry[]): BundleEntry[] {
  return entries.sort((a, b) => compareKeys(a.key, b.key));
}

/** `text`: what `value` was parsed from (or its textChecksumAsync), when it is the input itself. */
async function fromValue(
  value: unknown,
  detected: DetectedValue,
  options: ReadImportOptions,
  text?: TextOrChecksum,
): Promise<Omit<ImportSource, 'format' | 'inner'>> {
  const none = { skipped: [], warnings: [] };
  switch (detected.format) {
    case 'keyport-bundle':
    case 'keyport-bundle-encrypted': {
      const bundle = await decodeBundleValue(asReparsed(value as Record<string, unknown>), options, text);
      if (bundle.undo !== undefined) {
        throw new KeyportError(
          'INVALID_INPUT',
          'this is an undo bundle: reverse an import with undoImport, not by importing it',
        );
      }
      return { entries: bundle.entries, origin: bundle.origin, createdAt: bundle.createdAt, ...none };
    }
    case 'localstorage-dump':
      return { entries: sorted(localStorageEntries(value as Record<string, unknown>)), ...none };
    case 'extension-storage': {
      const { entries, skipped, warnings } = extensionEntries(value as Record<string, unknown>);
      return { entries: sorted(entries), skipped, warnings };
    }
    case 'keystore': {
      const { entry, warning } = keystoreEntry(parseKeystore(value));
      return { entries: [entry], skipped: [], warnings: warning ? [warning] : [] };
    }
    case 'batch':
    case 'subwallet-batch': {
      if (options.password === undefined) {
        throw new KeyportError(
          'PASSWORD_REQUIRED',
          'a batch file needs its batch password (options.password)',
        );
      }
      const batchValue = Array.isArray(value) ? value[0] : value;
      const opened = await openBatch(
        batchValue,
        options.password,
        options.scrypt ? { scrypt: options.scrypt } : {},
      );
      const left = new Set(opened.skipped.map((s) => s.index));
      const positions = [...Array(opened.keystores.length + left.size).keys()].filter((i) => !left.has(i));
      const converted = keystoreEntries(opened.keystores, positions);
      for (const s of opened.skipped) {
        converted.skipped.push({ index: s.index, reason: s.reason });
        const address = s.address === undefined ? '' : ` (${JSON.stringify(s.address)})`;
        converted.warnings.push(
          `batch entry ${s.index}${address} is not imported: key type ${JSON.stringify(s.keyType ?? '?')} is not one Apps can hold (sr25519, ed25519, ecdsa, ethereum)`,
        );
      }
      if (detected.format === 'subwallet-batch') {
        converted.warnings.push(
          'SubWallet account groups (accountProxies, modifyPairs) are not part of Apps storage and are not imported',
        );
      }
      return withSorted(converted);
    }
    case 'apps-accounts': {
      const items = parseAppsAccounts(value);
      const keystores = items.flatMap((i) => (i.kind === 'keystore' ? [i.keystore] : []));
      const positions = items.flatMap((item, index) => (item.kind === 'keystore' ? [index] : []));
      const converted = keystoreEntries(keystores, positions);
      const byKey = new Map(converted.entries.map((e) => [e.key, e]));
      const skipped = [...converted.skipped];
      items.forEach((item, index) => {
        if (item.kind !== 'external') return;
        if (item.meta.isInjected) {
          skipped.push({
            index,
            reason: 'an extension (injected) account: Apps never stores it; move it with the extension',
          });
          return;
        }
        const { entry, warning } = keylessEntry(item, index, options);
        if (warning) converted.warnings.push(warning);
        if (byKey.has(entry.key))
          skipped.push({
            key: entry.key,
            index,
            reason: 'a keyless copy of an account the file also holds with its key',
          });
        else byKey.set(entry.key, entry);
      });
      return withSorted({ entries: [...byKey.values()], skipped, warnings: converted.warnings });
    }
    case 'address-book':
      return withSorted(addressBookEntries(parseAddressBook(value), options));
    default:
      if (SECRET_FORMATS.has(detected.format)) {
        throw new KeyportError(
          'UNSUPPORTED_FORMAT',
          `this looks like a ${detected.format}, a secret, not a storage export: derive the account from it instead`,
          { format: detected.format },
        );
      }
      throw new KeyportError(
        'INVALID_INPUT',
        `not an input keyport can import: ${'reason' in detected ? detected.reason : detected.format}`,
      );
  }
}

/**
 * The bundle object as JSON.parse(JSON.stringify(value)) would give it, without copying the
 * entries: readImportInput has always read a parsed bundle that way, and the one thing such a
 * round trip changes in a parsed bundle is a -0 count in `summary` (JSON writes it as 0).
 */
function asReparsed(value: Record<string, unknown>): Record<string, unknown> {
  const summary = value.summary;
  if (!isPlainObject(summary) || !Object.values(summary).some((n) => Object.is(n, -0))) return value;
  const counts = Object.fromEntries(Object.entries(summary).map(([k, n]) => [k, Object.is(n, -0) ? 0 : n]));
  return { ...value, summary: counts };
}

/** externalEntry for item `index` of an Apps array; every failure is a KeyportError naming the index. */
function keylessEntry(item: AppsExternalAccount, index: number, ctx: KeyringContext) {
  try {
    return externalEntry(item, ctx);
  } catch (e) {
    if (e instanceof KeyportError) {
      throw new KeyportError(e.code, `Apps accounts export [${index}]: ${e.message}`, {
        ...e.details,
        index,
      });
    }
    // @polkadot/keyring or util-crypto refused the key (e.g. not a curve point): say where, not what.
    throw new KeyportError(
      'INVALID_INPUT',
      `Apps accounts export [${index}]: this keyless entry's address or public key is not a valid key of its type`,
      { index, field: `[${index}].address` },
    );
  }
}

function withSorted(c: Converted): Omit<ImportSource, 'format' | 'inner'> {
  return { entries: sorted(c.entries), skipped: c.skipped, warnings: c.warnings };
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
  // text is parsed and checked (decodeBundleValue compares the result).
  const raw = typeof text === 'string' ? stripBom(text) : text;
  const asWritten =
    typeof raw === 'string' && raw.includes(CHECKSUM_LEAD)
      ? textChecksumAsync(raw).catch(() => undefined)
      : undefined;
  const { detected, value, json } = inspectText(text);
  if (detected.format === 'console-copy') {
    const body = await fromValue(value, detected.inner, options);
    const warnings = [
      ...(detected.ambiguous
        ? [
            'the quoted text reads as JSON both as a JavaScript string (used) and as written; if you added the quotes yourself, remove them and import again',
          ]
        : []),
      ...repeatWarnings(detected.inner.format, json),
      ...body.warnings,
    ];
    return { format: 'console-copy', inner: detected.inner.format, ...body, warnings };
  }
  const body = await fromValue(value, detected, options, asWritten);
  const repeats = repeatWarnings(detected.format, json);
  return { format: detected.format, ...body, warnings: [...repeats, ...body.warnings] };
}

/** A dump that names a key twice: JSON.parse kept the last value; say so. */
function repeatWarnings(format: string, json: string | undefined): string[] {
  if (json === undefined || (format !== 'localstorage-dump' && format !== 'extension-storage')) return [];
  return repeatedKeys(json).map(
    (key) =>
      `the file names the key ${JSON.stringify(key.slice(0, 80))} more than once; only its last value is imported`,
  );
}
