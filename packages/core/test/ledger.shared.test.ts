// Ledger ed25519 derivation against util-crypto's spec vectors, Zondax's device-emulator keys
// (test/vectors/ledger.ts) and, for random phrases and paths, @polkadot/util-crypto's hdLedger.
import { fcParams, throwsWithCode } from '@keyport/test-harness';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, hdLedger } from '@polkadot/util-crypto';
import { entropyToMnemonic } from '@polkadot/util-crypto/mnemonic/bip39';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  deriveLedgerAccount,
  ledgerChild,
  ledgerMasterKey,
  ledgerPair,
  ledgerPath,
  parseLedgerPath,
  readLedgerPhrase,
} from '../src/derive/ledger.ts';
import { APP_SEED, LEDGER_DEVICE_VECTORS, LEDGER_SPEC_VECTORS, OPEN_JELLY } from './vectors/ledger.ts';

beforeAll(() => cryptoWaitReady());

describe('Ledger ed25519 derivation (hdLedger)', () => {
  it('gives the util-crypto spec seeds (354 and 434, account/address 0/0 and 5/7, 25th word)', async () => {
    for (const v of LEDGER_SPEC_VECTORS) {
      const account = await deriveLedgerAccount({ secret: v.phrase, path: v.path });
      expect(u8aToHex(account.secretKey.slice(0, 32))).toBe(v.seed);
      expect(account.type).toBe('ed25519');
    }
  });

  it("gives the keys Zondax's device emulator shows for APP_SEED (354, 434, 810)", async () => {
    for (const v of LEDGER_DEVICE_VECTORS) {
      const account = await deriveLedgerAccount({ secret: APP_SEED, path: v.path, ss58: 0 });
      expect(u8aToHex(account.publicKey)).toBe(v.publicKey);
      expect(account.address).toBe(v.address);
    }
  });

  it('the 25th word is the passphrase, with a warning; without it the key differs', async () => {
    const withWord = await deriveLedgerAccount({ secret: `${OPEN_JELLY} testing` });
    const without = await deriveLedgerAccount({ secret: OPEN_JELLY });
    expect(withWord.warnings.join(' ')).toMatch(/25th word/);
    expect(without.warnings).toEqual([]);
    expect(u8aToHex(withWord.publicKey)).not.toBe(u8aToHex(without.publicKey));
  });

  it('master, child steps and pair (what locate caches) equal hdLedger(phrase, path) for random phrases and indexes', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ minLength: 16, maxLength: 16 }),
          fc.uint8Array({ minLength: 32, maxLength: 32 }),
        ),
        fc.constantFrom(354, 434, 810, 60),
        fc.nat({ max: 0x7fffffff }),
        fc.nat({ max: 25 }),
        (entropy, slip, account, address) => {
          const phrase = entropyToMnemonic(entropy);
          const path = ledgerPath(slip, account, address);
          let key = ledgerMasterKey(readLedgerPhrase(phrase));
          for (const index of parseLedgerPath(path)) key = ledgerChild(key, index);
          const pair = ledgerPair(key);
          const expected = hdLedger(phrase, path);
          expect(u8aToHex(pair.publicKey)).toBe(u8aToHex(expected.publicKey));
          expect(u8aToHex(pair.secretKey)).toBe(u8aToHex(expected.secretKey));
        },
      ),
      fcParams(0.1),
    );
  });

  it('refuses wrong word counts, bad words and bad paths with typed errors', () => {
    throwsWithCode(() => readLedgerPhrase('abandon abandon'), 'INVALID_MNEMONIC');
    throwsWithCode(() => readLedgerPhrase(`${OPEN_JELLY} two words`), 'INVALID_MNEMONIC');
    throwsWithCode(() => readLedgerPhrase(OPEN_JELLY.replace('jelly', 'jellz')), 'INVALID_MNEMONIC');
    for (const bad of ['', "44'/354'", 'm', "m/44'/x'", "m/2147483648'", "m/44'//0'", '//polkadot'])
      throwsWithCode(() => parseLedgerPath(bad), 'INVALID_DERIVATION');
    expect(parseLedgerPath('m/44/354/0/0/1')).toEqual(parseLedgerPath("m/44'/354'/0'/0'/1'"));
  });
});
