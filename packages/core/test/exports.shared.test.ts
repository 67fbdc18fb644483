// Pins the runtime names @keyport/core exports, so any change to the public API shows in
// review. Whoever adds or removes an export updates this list in the same commit.
import { describe, expect, it } from 'vitest';
import * as core from '../src/index.ts';

const EXPORTED = [
  'ACCEPTED_SCRYPT',
  'BIP39_ENGLISH',
  'COMPAT_SCRYPT',
  'CORE_FORMATS',
  'DEFAULT_CONCURRENCY',
  'DEFAULT_SCRYPT',
  'DEV_PHRASE',
  'KEY_TYPES',
  'KeyportError',
  'MAX_APPS_EXPORT_LENGTH',
  'MAX_BATCH_LENGTH',
  'MAX_KEYSTORE_LENGTH',
  'MAX_SS58_PREFIX',
  'MNEMONIC_WORD_COUNTS',
  'VAULT_PRESETS',
  'accountId',
  'addressBookFormat',
  'appsAccountsFormat',
  'assertMnemonic',
  'assertScryptParams',
  'batchFormat',
  'changeKeystorePassword',
  'checkMnemonic',
  'coreFallback',
  'coreRegistry',
  'createAddressBook',
  'createAppsAccounts',
  'createBatch',
  'createKeystore',
  'createRegistry',
  'createScryptPool',
  'decodePkcs8',
  'decodeSs58',
  'defaultPoolSize',
  'deriveAccount',
  'describeKeystore',
  'detectFormat',
  'devUriFormat',
  'encodePkcs8',
  'encodeSs58',
  'formatAddress',
  'isKeyportError',
  'isMnemonicWord',
  'isPlainObject',
  'isSs58Address',
  'isValidSs58Prefix',
  'keystoreFormat',
  'listNetworks',
  'mnemonicFormat',
  'normaliseMnemonic',
  'openBatch',
  'openData',
  'openKeystore',
  'openLegacyData',
  'pairFromSecret',
  'parseAddressBook',
  'parseAppsAccounts',
  'parseBatch',
  'parseKeystore',
  'rawSeedFormat',
  'readJsonInput',
  'readScryptHeader',
  'reportedAccount',
  'resolveNetwork',
  'sealData',
  'stripBom',
  'subwalletBatchFormat',
  'suggestMnemonicWord',
  'unlockMany',
  'wasmScrypt',
  'wipe',
];

describe('@keyport/core entry', () => {
  it('exports exactly the pinned names (a changed API must change this list)', () => {
    expect(Object.keys(core).sort()).toEqual(EXPORTED);
  });

  it('exports no default and nothing undefined', () => {
    expect('default' in core).toBe(false);
    for (const [name, value] of Object.entries(core))
      expect([name, value === undefined]).toEqual([name, false]);
  });
});
