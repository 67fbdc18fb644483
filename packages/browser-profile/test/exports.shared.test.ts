// The public surface of @keyport/browser-profile, pinned: a change to the API shows in review.
import { describe, expect, it } from 'vitest';
import * as entry from '../src/index.ts';

describe('@keyport/browser-profile exports', () => {
  it('exports exactly the documented runtime names', () => {
    expect(Object.keys(entry).sort()).toEqual([
      'CHROMIUM_LOCAL_STORAGE_VERSION',
      'Findings',
      'LOG_BLOCK',
      'RUNNING_NOTE',
      'STORAGE_LOCAL_STORE',
      'WALLET_IDS',
      'applyWal',
      'browserRunning',
      'chromiumExtensionStore',
      'chromiumLocalStorage',
      'chromiumProfilesFromLocalState',
      'crc32c',
      'decodeBlinkString',
      'decodeIdbStringKey',
      'decodeStructuredClone',
      'defaultProfileRoots',
      'encodeBlinkString',
      'exportTalismanAccounts',
      'extensionMatcher',
      'extensionUuids',
      'findProfiles',
      'firefoxExtensionStore',
      'firefoxLegacyStorage',
      'firefoxLocalStorage',
      'firefoxProfilesFromIni',
      'isAccountRecord',
      'joinPath',
      'loadLevelDb',
      'maskCrc',
      'originFromFolder',
      'originFromOriginKey',
      'readChromiumProfile',
      'readFirefoxProfile',
      'readLevelDb',
      'readProfile',
      'talismanKeyringPassword',
      'unmaskCrc',
      'walletAccounts',
      'walletOf',
    ]);
  });
});
