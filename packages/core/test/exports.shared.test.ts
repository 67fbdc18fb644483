// Pins the runtime names @keyport/core exports, so any change to the public API shows in
// review. Whoever adds or removes an export updates this list in the same commit.
import { describe, expect, it } from 'vitest';
import * as core from '../src/index.ts';

const EXPORTED = [
  'ACCEPTED_SCRYPT',
  'BIP39_ENGLISH',
  'COMPAT_SCRYPT',
  'DEFAULT_CONCURRENCY',
  'DEFAULT_SCRYPT',
  'DEV_PHRASE',
  'KEY_TYPES',
  'KeyportError',
  'LEDGER_DEFAULT_PATH',
  'MAX_APPS_EXPORT_LENGTH',
  'MAX_BATCH_LENGTH',
  'MAX_KEYSTORE_LENGTH',
  'MAX_SS58_PREFIX',
  'MNEMONIC_WORD_COUNTS',
  'SLIP10_POLKADOT_PATH',
  'VAULT_PRESETS',
  'accountId',
  'assertMnemonic',
  'assertScryptParams',
  'changeKeystorePassword',
  'checkMnemonic',
  'createAddressBook',
  'createAppsAccounts',
  'createBatch',
  'createKeystore',
  'createScryptPool',
  'createWeb3',
  'decodePkcs8',
  'decodeSs58',
  'defaultPoolSize',
  'deriveAccount',
  'deriveLedgerAccount',
  'deriveSlip10Account',
  'describeKeystore',
  'detectFormat',
  'encodePkcs8',
  'encodeSs58',
  'formatAddress',
  'isKeyportError',
  'isMnemonicWord',
  'isPlainObject',
  'isSs58Address',
  'isValidSs58Prefix',
  'isWeb3Keystore',
  'ledgerChild',
  'ledgerMasterKey',
  'ledgerPair',
  'ledgerPath',
  'listNetworks',
  'locate',
  'locateAdvice',
  'normaliseMnemonic',
  'openBatch',
  'openData',
  'openKeystore',
  'openLegacyData',
  'openRawSecret',
  'openWeb3',
  'pairFromSecret',
  'parseAddressBook',
  'parseAppsAccounts',
  'parseBatch',
  'parseKeystore',
  'parseLedgerPath',
  'parseTarget',
  'parseWeb3',
  'rawSecretCandidates',
  'readJsonInput',
  'readLedgerPhrase',
  'readLocateSecret',
  'readScryptHeader',
  'resolveNetwork',
  'sealData',
  'stripBom',
  'suggestMnemonicWord',
  'unlockMany',
  'wasmScrypt',
  'web3KdfCost',
  'wipe',
  'wipeLocateSecret',
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
