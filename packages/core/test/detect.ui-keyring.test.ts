// detectFormat on a batch file written by the real @polkadot/ui-keyring 3.16.7 (what the
// extension calls for "Export all accounts"; the keystore samples are upstream fixtures).
// Vitest only: ui-keyring is a process-wide singleton and not part of the Deno run.
import { keyring } from '@polkadot/ui-keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectFormat } from '../src/detect.ts';

const DEV = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';

beforeAll(async () => {
  await cryptoWaitReady();
  keyring.loadAll({ ss58Format: 42, type: 'sr25519' });
});

describe('detectFormat on ui-keyring output', () => {
  it('backupAccounts (the extension\'s "Export all accounts") is a batch, as written', async () => {
    // Two scrypts at 2^17 (addUri stores the encrypted account, backupAccounts seals the batch).
    const { pair } = keyring.addUri(`${DEV}//detect`, 'pw', { name: 'ed' }, 'ed25519');
    const batch = await keyring.backupAccounts([pair.address], 'batch pw');
    expect(detectFormat(JSON.stringify(batch))).toEqual({
      format: 'batch',
      count: 1,
      encrypted: true,
      wrapped: false,
    });
    expect(detectFormat(batch)).toEqual({ format: 'batch', count: 1, encrypted: true, wrapped: false });
  });
});
