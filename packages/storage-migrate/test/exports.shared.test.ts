// The public surface of @keyport/storage-migrate, pinned: a change to the API shows in review.
import { describe, expect, it } from 'vitest';
import * as entry from '../src/index.ts';

describe('@keyport/storage-migrate exports', () => {
  it('exports exactly the documented runtime names', () => {
    expect(Object.keys(entry).sort()).toEqual([
      'BUNDLE_ENCRYPTION',
      'BUNDLE_FORMAT',
      'BUNDLE_VERSION',
      'ENTRY_KINDS',
      'IMPORT_FORMATS',
      'KEYRING_KEY',
      'MemoryStorage',
      'READABLE_VERSIONS',
      'StorageWriteError',
      'applyPlan',
      'bundleChecksum',
      'canonicalText',
      'classifyKey',
      'compareKeys',
      'countKinds',
      'decodeBundle',
      'decodeJsStringLiteral',
      'detectInput',
      'dumpStorage',
      'encodeBundle',
      'encodeJsStringLiteral',
      'holdsKey',
      'importFormat',
      'importRegistry',
      'innermostFormat',
      'makeBundle',
      'planImport',
      'quotaExceeded',
      'readAll',
      'readBundleHeader',
      'readImportInput',
      'snapshot',
      'undoImport',
      'unwrapConsoleText',
    ]);
  });
});
