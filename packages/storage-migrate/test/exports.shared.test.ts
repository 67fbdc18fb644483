// The public surface of @keyport/storage-migrate, pinned: a change to the API shows in review.
import { describe, expect, it } from 'vitest';
import * as entry from '../src/index.ts';
import * as light from '../src/light.ts';

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
      'applyChanges',
      'applyPlan',
      'bundleChecksum',
      'canonicalText',
      'changeError',
      'checkAgainstPlan',
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
      'planChanges',
      'planImport',
      'quotaExceeded',
      'readAll',
      'readBundleHeader',
      'readImportInput',
      'snapshot',
      'undoAfterFailure',
      'undoChanges',
      'undoImport',
      'undoOf',
      'unwrapConsoleText',
    ]);
  });

  it('the light entry exports exactly its dependency-free names, the same functions as the root', () => {
    expect(Object.keys(light).sort()).toEqual([
      'ENTRY_KINDS',
      'KEYRING_KEY',
      'applyChanges',
      'classifyKey',
      'countKinds',
    ]);
    expect(light.applyChanges).toBe(entry.applyChanges);
    expect(light.classifyKey).toBe(entry.classifyKey);
  });
});
