// Every format keyport imports, in the order detection asks them: console copies first (they
// are text around JSON), keyport's bundles, core's formats, then the storage dumps, which claim
// any JSON object the formats before them did not. Adding a storage format is one module under
// formats/ and one line here (docs/architecture.md, "How to add a format").
import { CORE_FORMATS, coreFallback, createRegistry, type DetectedOf, type Registry } from '@keyport/core';
import { consoleCopyFormat } from './formats/console-copy.ts';
import { extensionStorageFormat } from './formats/extension-storage.ts';
import { keyportBundleFormat } from './formats/keyport-bundle.ts';
import { keyportBundleEncryptedFormat } from './formats/keyport-bundle-encrypted.ts';
import { localStorageDumpFormat } from './formats/localstorage-dump.ts';
import type { ImportFormat } from './formats/types.ts';

/**
 * Every format readImportInput, inspect and the page read, in detection order.
 *
 * @example IMPORT_FORMATS.map((f) => f.id) // ['console-copy', 'keyport-bundle', …, 'extension-storage']
 */
export const IMPORT_FORMATS = [
  consoleCopyFormat,
  keyportBundleFormat,
  keyportBundleEncryptedFormat,
  ...CORE_FORMATS,
  localStorageDumpFormat,
  extensionStorageFormat,
] as const;

/** What storage-migrate's detection found; a console copy says what is inside. Nothing in it is secret. */
export type DetectedInput = DetectedOf<typeof IMPORT_FORMATS>;

/**
 * The registry of every format keyport imports.
 *
 * @example importRegistry.byId('batch')?.seal?.label // 'Batch file password'
 */
export const importRegistry: Registry<DetectedInput> = createRegistry<DetectedInput>(IMPORT_FORMATS, {
  fallback: coreFallback,
});

/**
 * The module of a format id (`console-copy` included), for its label, seal and readers.
 *
 * @example importFormat('subwallet-batch')?.label // 'a SubWallet batch file'
 */
export function importFormat(id: string): ImportFormat | undefined {
  return importRegistry.byId(id) as ImportFormat | undefined;
}

/**
 * The module of what an input really is: for a console copy, the format inside the quotes.
 *
 * @example innermostFormat(detectInput(text))?.seal?.label // 'Batch file password'
 */
export function innermostFormat(detected: DetectedInput): ImportFormat | undefined {
  return importFormat(detected.format === 'console-copy' ? detected.inner.format : detected.format);
}
