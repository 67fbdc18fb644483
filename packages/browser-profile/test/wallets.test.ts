// Which wallet a store is, and Talisman's derived keyring password: keystores made by the real
// @polkadot/keyring under bcrypt(password, salt) (bcryptjs, as Talisman's store.password.ts
// does) come out as standard keystores that open with the user's own password.

import { openKeystore } from '@keyport/core';
import { nodeScrypt } from '@keyport/core/scrypt-node';
import { DEV_PHRASE, Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { genSaltSync, hashSync } from 'bcryptjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionStore, exportTalismanAccounts, walletAccounts, walletOf } from '../src/index.ts';

const store = (name: string, entries: Record<string, unknown>): ExtensionStore => ({
  kind: 'extension',
  name,
  area: 'local',
  entries: Object.entries(entries).map(([key, value]) => ({ key, value })),
  recoverable: [],
  source: 'x',
});

const TYPED = '  talisman pw "1" ';
let talisman: ExtensionStore;
let publicKeys: string[];

beforeAll(async () => {
  await cryptoWaitReady();
  const salt = genSaltSync(8);
  const derived = hashSync(TYPED.trim(), salt);
  const kr = new Keyring({ type: 'sr25519' });
  const pairs = [0, 1].map((i) => kr.addFromUri(`${DEV_PHRASE}//talisman//${i}`, { name: `t${i}` }));
  publicKeys = pairs.map((p) => u8aToHex(p.publicKey));
  const entries: Record<string, unknown> = {
    password: { salt, isTrimmed: true, isHashed: true, secret: 'x', check: 'y' },
  };
  for (const p of pairs) entries[`account:${u8aToHex(p.publicKey)}`] = p.toJson(derived);
  entries.keyring = {
    passwordCheck: 'z',
    mnemonics: [],
    accounts: [{ type: 'keypair', address: '5NewScheme', name: 'new', secretKey: 'sealed' }],
  };
  talisman = store('fijngjgcjhjmmpcmkeiomlglpeiijkld', entries);
}, 60_000);

describe('wallet stores', () => {
  it('tells wallets by id, and unknown ids by what they store', () => {
    expect(walletOf(talisman)).toBe('talisman');
    expect(walletOf(store('other', { keyring: { accounts: [] } }))).toBe('talisman');
    expect(walletOf(store('other', { 'keyring:subwallet': { passwordHash: 'x' } }))).toBe('subwallet');
    expect(walletOf(store('other', { 'account:0x01': { address: '5x', encoded: '' } }))).toBe('polkadot-js');
    expect(walletOf(store('other', { theme: 'dark' }))).toBeNull();
    expect(walletAccounts(talisman).map((a) => a.storage)).toEqual([
      'keystore-record',
      'keystore-record',
      'talisman-keyring',
    ]);
  });

  it("re-encrypts Talisman's keystores under the user's own password, lists the newer keyring's accounts", async () => {
    const { keystores, notExported } = await exportTalismanAccounts(talisman, TYPED, { scrypt: nodeScrypt });
    expect(keystores.map(([k]) => k).sort()).toEqual(publicKeys.map((p) => `account:${p}`).sort());
    for (const [, json] of keystores) {
      const opened = await openKeystore(json, TYPED, { scrypt: nodeScrypt });
      expect(publicKeys).toContain(u8aToHex(opened.publicKey));
    }
    expect(notExported.map((a) => a.address)).toEqual(['5NewScheme']);
  });

  it('a wrong password is WRONG_PASSWORD, a store without its salt UNSUPPORTED_FORMAT', async () => {
    await expect(exportTalismanAccounts(talisman, 'nope', { scrypt: nodeScrypt })).rejects.toMatchObject({
      code: 'WRONG_PASSWORD',
    });
    const noSalt = store(
      't',
      Object.fromEntries(talisman.entries.filter((e) => e.key !== 'password').map((e) => [e.key, e.value])),
    );
    await expect(exportTalismanAccounts(noSalt, TYPED)).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT' });
  });
});
