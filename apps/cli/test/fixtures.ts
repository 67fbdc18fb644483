// Files made by the real upstream libraries, generated once per test run by global-setup.ts
// (scrypt at polkadot-js's 2^17 default: about 0.5 s each, so few of them):
// - keyring-sr25519.json: @polkadot/keyring `pair.toJson(password)`;
// - uik-batch.json / uik-batch-same.json: @polkadot/ui-keyring `backupAccounts` (one account per
//   key type) with a batch password different from / equal to the accounts' password;
// - uik-apps-array.json: Apps' export-all array built from ui-keyring's stored records plus a
//   keyless external entry (what Apps' ExportAll writes, docs/batch-and-arrays.md §4);
// - uik-storage.json: the localStorage ui-keyring wrote (accounts, address book, a contract)
//   plus settings and a raw non-JSON item, as JSON.stringify(localStorage) would give it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { keyring as uiKeyring } from '@polkadot/ui-keyring';
import type { KeyringJson, KeyringStore } from '@polkadot/ui-keyring/types';
import { cryptoWaitReady } from '@polkadot/util-crypto';

/** Secrets used to make the fixtures: none of them may ever appear in the CLI's output. */
export const SECRETS = {
  keyringPassword: 'kr-pass "quoted" \\ ünïcode',
  accountPassword: 'acct-pw-Zq9!x',
  batchPassword: 'batch-pw-Wm3#k',
  mnemonic: 'seed sock milk update focus rotate barely fade car face mechanic mercy',
} as const;

/** The accounts inside the ui-keyring fixtures: derivation from SECRETS.mnemonic, type, name. */
export const UIK_ACCOUNTS = [
  { path: '//one', type: 'sr25519', name: 'One' },
  { path: '//two', type: 'ed25519', name: 'Two "quoted"' },
  { path: '//three', type: 'ecdsa', name: 'Three' },
  { path: "/m/44'/60'/0'/0/0", type: 'ethereum', name: 'Four' },
] as const;

/** A keyless (external) account in every ui-keyring fixture: the dev phrase's //Charlie. */
export const EXTERNAL_ADDRESS = '5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y';
/** An address-book entry and a contract in uik-storage.json (//Bob and //Alice of the dev phrase). */
export const BOOK_ADDRESS = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
export const CONTRACT_ADDRESS = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';

/** File names inside the fixture directory. */
export const FIXTURE = {
  keyringSr25519: 'keyring-sr25519.json',
  batch: 'uik-batch.json',
  batchSame: 'uik-batch-same.json',
  appsArray: 'uik-apps-array.json',
  storage: 'uik-storage.json',
} as const;

/** What the generator learnt, for assertions: addresses and public keys as the libraries gave them. */
export interface FixtureFacts {
  keyringSr25519: { address: string; publicKey: string };
  uik: { address: string; publicKey: string; type: string; key: string }[];
  externalAddress: string;
}

function mapStore(items: Map<string, string>): KeyringStore {
  return {
    all: (cb) => {
      for (const [k, v] of items) cb(k, JSON.parse(v) as KeyringJson);
    },
    get: (key, cb) =>
      cb(items.has(key) ? (JSON.parse(items.get(key) as string) as KeyringJson) : (undefined as never)),
    remove: (key, cb) => {
      items.delete(key);
      cb?.();
    },
    set: (key, value, cb) => {
      items.set(key, JSON.stringify(value));
      cb?.();
    },
  };
}

/** Writes every fixture into `dir` and returns the facts. Uses ui-keyring's global keyring once. */
export async function makeFixtures(dir: string): Promise<FixtureFacts> {
  await cryptoWaitReady();
  const kr = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const pair = kr.addFromUri(`${SECRETS.mnemonic}//keyring`, { name: 'from keyring' });
  writeFileSync(join(dir, FIXTURE.keyringSr25519), JSON.stringify(pair.toJson(SECRETS.keyringPassword)));

  const items = new Map<string, string>();
  uiKeyring.loadAll({ ss58Format: 42, type: 'sr25519', store: mapStore(items) });
  const uik = UIK_ACCOUNTS.map(({ path, type, name }) => {
    const { json, pair: p } = uiKeyring.addUri(
      `${SECRETS.mnemonic}${path}`,
      SECRETS.accountPassword,
      { name },
      type,
    );
    const key = [...items.keys()].find(
      (k) => JSON.parse(items.get(k) as string).address === json.address,
    ) as string;
    const publicKey = `0x${Buffer.from(p.publicKey).toString('hex')}`;
    return { address: json.address, keyringAddress: p.address, publicKey, type, key };
  });
  // backupAccounts looks accounts up by the pair's address (SS58 of the AccountId, H160 for ethereum).
  const addresses = uik.map((a) => a.keyringAddress);
  const batch = await uiKeyring.backupAccounts(addresses, SECRETS.batchPassword);
  writeFileSync(join(dir, FIXTURE.batch), JSON.stringify(batch));
  const same = await uiKeyring.backupAccounts(addresses.slice(0, 2), SECRETS.accountPassword);
  writeFileSync(join(dir, FIXTURE.batchSame), JSON.stringify(same));

  const external = uiKeyring.addExternal(EXTERNAL_ADDRESS, { name: 'Watched' });
  const externalAddress = external.json.address;
  const records = [...items.entries()]
    .filter(([k]) => k.startsWith('account:'))
    .map(([, v]) => JSON.parse(v) as Record<string, unknown>);
  writeFileSync(join(dir, FIXTURE.appsArray), JSON.stringify(records, null, 2));

  uiKeyring.saveAddress(BOOK_ADDRESS, { name: 'Bob (book)' });
  uiKeyring.saveContract(CONTRACT_ADDRESS, {
    name: 'flipper',
    // Apps stamps a contract with the connected chain's genesis (here Polkadot's).
    contract: {
      abi: '{"spec":{"messages":[]}}',
      genesisHash: '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3',
    },
  } as never);
  const storage: Record<string, string> = Object.fromEntries(items);
  storage.settings = JSON.stringify({
    apiUrl: 'wss://rpc.polkadot.io',
    prefix: -1,
    storage: 'on',
    uiMode: 'full',
  });
  storage.raw_not_json = 'plain text, not JSON: "quotes" \\ and 🦀';
  writeFileSync(join(dir, FIXTURE.storage), JSON.stringify(storage));
  return {
    keyringSr25519: { address: pair.address, publicKey: `0x${Buffer.from(pair.publicKey).toString('hex')}` },
    uik: uik.map(({ address, publicKey, type, key }) => ({ address, publicKey, type, key })),
    externalAddress,
  };
}
