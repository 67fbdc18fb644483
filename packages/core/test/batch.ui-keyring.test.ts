// @vitest-environment happy-dom
// Batch files against the real ui-keyring in a DOM (vitest only): what backupAccounts writes,
// openBatch reads record for record; what createBatch writes, restoreAccounts stores byte for
// byte; without a password both write the same file.
import { Keyring } from '@polkadot/ui-keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, decodeAddress } from '@polkadot/util-crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBatch, openBatch, parseBatch } from '../src/batch.ts';
import { describeKeystore, openKeystore } from '../src/keystore/index.ts';
import { nodeScrypt } from '../src/scrypt/node.ts';
import { COMPAT_SCRYPT } from '../src/scrypt/params.ts';

const opts = { scrypt: nodeScrypt };
let addresses: string[] = [];
let stored: Record<string, string> = {};

function dump(): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i)!;
    if (/^account:0x/.test(key)) out[key] = localStorage.getItem(key)!;
  }
  return out;
}

// ui-keyring allows one loadAll per module (a module-level flag), so one keyring serves all tests.
const keyring = new Keyring();

beforeAll(async () => {
  await cryptoWaitReady();
  localStorage.clear();
  keyring.loadAll({ ss58Format: 42, type: 'sr25519' });
  // Each addUri costs one scrypt at util-crypto's 2^17 default.
  addresses = [
    keyring.addUri('//Alice', 'alice pw', { name: 'Alice "quoted" \\ back\nslash ✨' }, 'sr25519').pair
      .address,
    keyring.addUri('//Bob', 'bob pw', { name: 'Bob', tags: ['a'] }, 'ed25519').pair.address,
    keyring.addUri('//Charlie', 'charlie pw', { name: 'Charlie' }, 'ecdsa').pair.address,
    keyring.addExternal('5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy', { name: 'QR "Dave"' }).pair
      .address,
  ];
  stored = dump();
}, 120_000);

describe('ui-keyring backupAccounts / restoreAccounts', () => {
  it('openBatch reads backupAccounts output: the stored records, in order, byte for byte', async () => {
    const batch = await keyring.backupAccounts(addresses, 'batch pw');
    const { keystores: records } = await openBatch(JSON.stringify(batch), 'batch pw', opts);
    expect(records.map((r) => JSON.stringify(r))).toEqual(addresses.map(storedValue));
    expect(parseBatch(batch).accounts.map((a) => a.address)).toEqual(records.map((r) => r.address));
    const alice = await openKeystore(records[0], 'alice pw', opts);
    expect(alice.address).toBe(addresses[0]);
    expect(describeKeystore(records[3]).hasSecret).toBe(false);
  });

  it('restoreAccounts stores what createBatch writes exactly as the original store held it', async () => {
    const records = Object.values(stored).map((v) => JSON.parse(v) as unknown);
    const batch = await createBatch(records, 'new batch pw', { params: COMPAT_SCRYPT, scrypt: nodeScrypt });
    localStorage.clear();
    keyring.restoreAccounts(batch, 'new batch pw');
    expect(dump()).toEqual(stored);
    expect(() => keyring.restoreAccounts(batch, 'wrong')).toThrow();
  });

  it('without a password, createBatch writes the very file backupAccounts writes', async () => {
    localStorage.clear();
    for (const [k, v] of Object.entries(stored)) localStorage.setItem(k, v);
    const theirs = await keyring.backupAccounts(addresses, '');
    const records = addresses.map((a) => JSON.parse(storedValue(a)) as unknown);
    const ours = await createBatch(records, '');
    expect(JSON.stringify(ours)).toBe(JSON.stringify(theirs));
  });
});

/** The raw value ui-keyring stored for an address (its key is the AccountId in hex). */
function storedValue(address: string): string {
  const value = stored[`account:${u8aToHex(decodeAddress(address))}`];
  if (value === undefined) throw new Error(`nothing stored for ${address}`);
  return value;
}
