// @vitest-environment happy-dom
// A storage built by the REAL @polkadot/ui-keyring and ui-settings (accounts of every key type,
// keyless accounts, an address book, a contract with its ABI, settings, raw non-JSON keys) goes
// through dump → bundle → restore and is re-read by ui-keyring: everything shows, every account
// unlocks. The wiki's console loop, run on the same storage, loses entries; keyport does not.
import { COMPAT_SCRYPT, createAppsAccounts } from '@keyport/core';
import { nodeScrypt } from '@keyport/core/scrypt-node';
import { DEV_PHRASE } from '@polkadot/keyring/defaults';
import keyring from '@polkadot/ui-keyring';
import { settings } from '@polkadot/ui-settings';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyPlan } from '../src/apply.ts';
import { decodeBundle } from '../src/bundle/decode.ts';
import { dumpStorage } from '../src/bundle/dump.ts';
import { encodeBundle } from '../src/bundle/encode.ts';
import { encodeJsStringLiteral } from '../src/input/js-literal.ts';
import { readImportInput } from '../src/input/read.ts';
import { planImport } from '../src/plan/plan.ts';
import { MemoryStorage, type StorageLike, snapshot } from '../src/storage.ts';
import { verifyWithUiKeyring } from '../src/verify.ts';

const POLKADOT = '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3';
const at = { origin: 'https://polkadot.js.org', now: () => 1_795_259_606_034 };
const passwords: Record<string, string> = {};
let original: Record<string, string>;

const ABI = {
  source: { hash: '0x01', language: 'ink! 4.3.0' },
  contract: { name: 'flipper "v2"', version: '0.1.0', authors: ['A <a@example.com>'] },
  spec: {
    messages: [{ label: 'flip', docs: ['Flips "the" value\\n', 'tab\there'], selector: '0x633aa551' }],
  },
};

beforeAll(async () => {
  await cryptoWaitReady();
  keyring.loadAll({ ss58Format: 42, type: 'sr25519' });
  const accounts: [string, 'sr25519' | 'ed25519' | 'ecdsa' | 'ethereum', string][] = [
    [`${DEV_PHRASE}//keyport//sr`, 'sr25519', 'main "hot" wallet'],
    [`${DEV_PHRASE}//keyport//ed`, 'ed25519', 'back\\slash'],
    [`${DEV_PHRASE}//keyport//ecdsa`, 'ecdsa', "it's\nmulti-line"],
    [`${DEV_PHRASE}/m/44'/60'/0'/0/7`, 'ethereum', 'eth 🦄'],
  ];
  accounts.forEach(([suri, type, name], i) => {
    const { pair } = keyring.addUri(suri, `pw-${i} "q"`, { name }, type);
    passwords[`account:${u8aToHex(keyring.decodeAddress(pair.address))}`] = `pw-${i} "q"`;
  });
  const qr = keyring.createFromUri(`${DEV_PHRASE}//qr`).address;
  keyring.addExternal(qr, { name: 'QR "signer"', genesisHash: POLKADOT });
  keyring.addHardware(keyring.createFromUri(`${DEV_PHRASE}//ledger`).address, 'ledger', {
    name: 'ledger',
    accountOffset: 0,
    addressOffset: 0,
  });
  const names = ['Bob "the" builder', 'C:\\path', 'tab\tname', 'plain', 'emoji 👩‍👩‍👧'];
  names.forEach((name, i) => {
    keyring.saveAddress(keyring.createFromUri(`${DEV_PHRASE}//book//${i}`).address, { name });
  });
  keyring.saveContract(keyring.createFromUri(`${DEV_PHRASE}//contract`).address, {
    contract: { abi: JSON.stringify(ABI), genesisHash: POLKADOT },
    genesisHash: POLKADOT,
    name: 'flipper',
    tags: [],
  });
  settings.set({ storage: 'on', apiUrl: 'wss://rpc.polkadot.io' });
  window.localStorage.setItem('lcUrl', 'light://substrate-connect/polkadot');
  window.localStorage.setItem('polkadot-app-custom-endpoints', JSON.stringify(['wss://a.example']));
  original = { ...snapshot(window.localStorage as StorageLike) };
}, 120_000);

function restore(source: { entries: readonly { key: string; value: string }[] }): MemoryStorage {
  const target = new MemoryStorage();
  applyPlan(planImport(source, target), target, at);
  return target;
}

describe('a storage made by the real ui-keyring', () => {
  it('holds what the test meant to build (4 keyed, 2 keyless accounts, 5 contacts, 1 contract, settings, raw keys)', () => {
    const keys = Object.keys(original);
    expect(keys.filter((k) => k.startsWith('account:0x')).length).toBe(6);
    expect(keys.filter((k) => k.startsWith('address:0x')).length).toBe(5);
    expect(keys.filter((k) => k.startsWith('contract:0x')).length).toBe(1);
    expect(JSON.parse(original.settings!).storage).toBe('on');
    expect(original.lcUrl).toBe('light://substrate-connect/polkadot');
  });

  it('dump → encrypted bundle → restore gives the same storage; ui-keyring shows everything and every account unlocks', async () => {
    const text = await encodeBundle(dumpStorage(window.localStorage, at), {
      passphrase: 'bundle',
      params: COMPAT_SCRYPT,
      scrypt: nodeScrypt,
    });
    const target = restore(await decodeBundle(text, { passphrase: 'bundle', scrypt: nodeScrypt }));
    expect({ ...snapshot(target) }).toEqual(original);
    const seen = await verifyWithUiKeyring(target, { genesisHash: POLKADOT, passwords });
    expect(seen.accounts.length).toBe(6);
    expect(seen.accounts.filter((a) => a.hasKey).map((a) => a.unlocked)).toEqual([true, true, true, true]);
    expect(seen.accounts.filter((a) => !a.hasKey).length).toBe(2);
    expect(seen.accounts.map((a) => a.type).sort()).toEqual([
      'ecdsa',
      'ed25519',
      'ethereum',
      'sr25519',
      'sr25519',
      'sr25519',
    ]);
    expect(seen.addresses.map((a) => a.name).sort()).toEqual([
      'Bob "the" builder',
      'C:\\path',
      'emoji 👩‍👩‍👧',
      'plain',
      'tab\tname',
    ]);
    expect(seen.contracts.map((c) => c.name)).toEqual(['flipper']);
    expect(seen.notShown).toEqual([]);
    expect(seen.rewritten).toEqual([]);
  });

  it("ui-keyring's own exports import to exactly its stored items: backupAccount, backupAccounts, addExternal", async () => {
    const keyed = keyring.getPairs().filter((p) => !p.meta.isExternal);
    for (const pair of keyed) {
      const key = `account:${u8aToHex(keyring.decodeAddress(pair.address))}`;
      const json = keyring.backupAccount(pair, passwords[key]!);
      const source = await readImportInput(JSON.stringify(json));
      expect(source.entries.map((e) => e.key)).toEqual([key]);
    }
    const batch = await keyring.backupAccounts(
      keyring.getPairs().map((p) => p.address),
      'batch "pw"',
    );
    const fromBatch = await readImportInput(JSON.stringify(batch), {
      password: 'batch "pw"',
      scrypt: nodeScrypt,
    });
    expect(Object.fromEntries(fromBatch.entries.map((e) => [e.key, e.value]))).toEqual(
      Object.fromEntries(Object.entries(original).filter(([k]) => k.startsWith('account:'))),
    );
    const qr = keyring.getPairs().find((p) => p.meta.name === 'QR "signer"')!;
    const qrKey = `account:${u8aToHex(qr.publicKey)}`;
    const stored = JSON.parse(original[qrKey]!);
    const items = createAppsAccounts([
      { kind: 'external', address: qr.address, meta: { name: 'QR "signer"', genesisHash: POLKADOT } },
    ]);
    const apps = await readImportInput(JSON.stringify(items), { now: () => stored.meta.whenCreated });
    const mine = JSON.parse(apps.entries[0]!.value);
    expect(apps.entries[0]!.key).toBe(qrKey);
    // Apps' keyring is ed25519-typed, this test's is sr25519: only the recorded type differs.
    expect({ ...mine, encoding: { ...mine.encoding, content: ['pkcs8', 'sr25519'] } }).toEqual(stored);
  });

  it('a wrong password is reported as not unlocking', async () => {
    const key = Object.keys(passwords)[0]!;
    const seen = await verifyWithUiKeyring(new MemoryStorage(original), { passwords: { [key]: 'wrong' } });
    expect(seen.accounts.find((a) => a.key === key)!.unlocked).toBe(false);
  });

  it("the wiki's console loop corrupts this storage; keyport's import of the same console copy does not", async () => {
    // w3f/polkadot-wiki docs/learn/learn-account-restore.md @ d1794946 (docs/apps-storage.md §7), step 10:
    const raw = JSON.stringify(original);
    const wiki = new MemoryStorage();
    const accounts = JSON.parse(raw);
    for (const key in accounts) {
      if (Object.hasOwn(accounts, key)) {
        const val = JSON.stringify(accounts[key]).replace(/\\/g, '').slice(1, -1);
        wiki.setItem(key, val);
      }
    }
    const afterWiki = await verifyWithUiKeyring(wiki, { genesisHash: POLKADOT });
    expect(afterWiki.contracts.length).toBe(0); // the ABI is JSON inside JSON: it breaks
    expect(afterWiki.addresses.length).toBeLessThan(5);
    expect(afterWiki.accounts.length).toBeLessThan(6);
    expect(afterWiki.notShown.length).toBeGreaterThan(0);
    const wikiNames = afterWiki.accounts.map((a) => a.name);
    expect(wikiNames).toContain('backslash'); // silently corrupted, from back\slash
    expect(wikiNames).toContain("it'snmulti-line"); // the newline became an n
    expect(wiki.getItem('settings')).toBe(original.settings); // no quotes inside: survives

    // The same text as the console showed it, pasted into keyport.
    const source = await readImportInput(`raw = ${encodeJsStringLiteral(raw)};\r\n`);
    const target = restore(source);
    expect({ ...snapshot(target) }).toEqual(original);
    const afterKeyport = await verifyWithUiKeyring(target, { genesisHash: POLKADOT });
    expect([
      afterKeyport.accounts.length,
      afterKeyport.addresses.length,
      afterKeyport.contracts.length,
    ]).toEqual([6, 5, 1]);
  });

  it('the ./verify entry exports verifyWithUiKeyring only', async () => {
    expect(Object.keys(await import('../src/verify.ts'))).toEqual(['verifyWithUiKeyring']);
  });

  it('verify reads any StorageLike without touching it or the global localStorage', async () => {
    const copy = new MemoryStorage(original);
    const before = JSON.stringify(snapshot(copy));
    const globalBefore = JSON.stringify(snapshot(window.localStorage));
    const first = await verifyWithUiKeyring(copy);
    const second = await verifyWithUiKeyring(copy);
    expect(second).toEqual(first);
    expect(JSON.stringify(snapshot(copy))).toBe(before);
    expect(JSON.stringify(snapshot(window.localStorage))).toBe(globalBefore);
    expect((await verifyWithUiKeyring(new MemoryStorage())).accounts).toEqual([]);
  });
});

describe("contracts ui-keyring's getContracts leaves out", () => {
  it('planImport predicts exactly which restored contracts ui-keyring does not list', async () => {
    const KUSAMA = '0xb0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe';
    const abi = JSON.stringify(ABI);
    // Apps' contracts page saves { contract: { abi, genesisHash }, name, tags }; the others are
    // what older or hand-edited storages hold.
    const made: [string, Record<string, unknown>][] = [
      ['polkadot', { contract: { abi, genesisHash: POLKADOT }, genesisHash: POLKADOT }],
      ['kusama', { contract: { abi, genesisHash: KUSAMA } }],
      ['null', { contract: { abi, genesisHash: null }, genesisHash: null }],
      ['absent', { contract: { abi } }],
      ['no abi', { genesisHash: POLKADOT }],
    ];
    const keys: Record<string, string> = {};
    const stored: Record<string, string> = {};
    for (const [i, [name, meta]] of made.entries()) {
      const address = keyring.createFromUri(`${DEV_PHRASE}//contracts//${i}`).address;
      keyring.saveContract(address, { name, tags: [], ...meta });
      const key = `contract:${u8aToHex(keyring.decodeAddress(address))}`;
      keys[name] = key;
      stored[key] = window.localStorage.getItem(key)!;
      keyring.forgetContract(address);
    }
    const target = new MemoryStorage();
    const plan = planImport(await readImportInput(JSON.stringify(stored)), target);
    applyPlan(plan, target, at);
    expect({ ...snapshot(target) }).toEqual(stored);
    const reason = Object.fromEntries(plan.hidden.map((h) => [h.key, h.reason]));
    expect(Object.fromEntries(made.map(([name]) => [name, reason[keys[name]!]]))).toEqual({
      polkadot: 'genesis',
      kusama: 'genesis',
      null: 'contract-no-genesis',
      absent: 'contract-no-genesis',
      'no abi': 'contract-no-abi',
    });
    const sorted = (names: string[]) => names.map((n) => keys[n]!).sort();
    // Connected to Polkadot, as Apps is: all but the Polkadot-bound one are left out.
    const onPolkadot = await verifyWithUiKeyring(target, { genesisHash: POLKADOT });
    expect(onPolkadot.contracts.map((c) => c.name)).toEqual(['polkadot']);
    expect([...onPolkadot.notShown].sort()).toEqual(sorted(['kusama', 'null', 'absent', 'no abi']));
    // Without a chain (the CLI's read-back): every contract left out was predicted hidden.
    const noChain = await verifyWithUiKeyring(target);
    expect([...noChain.notShown].sort()).toEqual(sorted(['polkadot', 'kusama', 'null', 'no abi']));
    expect(noChain.notShown.filter((k) => reason[k] === undefined)).toEqual([]);
  });
});
