// @vitest-environment happy-dom
// Files crafted against a person (a "backup" handed over, a shared address book), imported
// into a storage made by the REAL @polkadot/ui-keyring: under the default policy, after
// ui-keyring loads the result, every account still unlocks with its own password and every
// contact keeps its name and address. Each attack is also what the plan says, entry by entry.
import { DEV_PHRASE } from '@polkadot/keyring/defaults';
import keyring from '@polkadot/ui-keyring';
import { settings } from '@polkadot/ui-settings';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyPlan } from '../src/apply.ts';
import { planImport } from '../src/plan/plan.ts';
import type { PlanOptions } from '../src/plan/types.ts';
import { MemoryStorage, type StorageLike, snapshot } from '../src/storage.ts';
import { verifyWithUiKeyring } from '../src/verify.ts';

const at = { now: () => 1_795_259_606_034 };
const passwords: Record<string, string> = {};
let victim: Record<string, string>;
let savings: { key: string; address: string };
let bob: { key: string; address: string };
let attacker: { address: string; json: Record<string, unknown> };

beforeAll(async () => {
  await cryptoWaitReady();
  keyring.loadAll({ ss58Format: 42, type: 'sr25519' });
  for (const [suri, name, type, pw] of [
    [`${DEV_PHRASE}//victim//savings`, 'Savings', 'sr25519', 'savings pw'],
    [`${DEV_PHRASE}//victim//main`, 'Main', 'ed25519', 'main pw'],
  ] as const) {
    const { pair } = keyring.addUri(suri, pw, { name }, type);
    const key = `account:${u8aToHex(keyring.decodeAddress(pair.address))}`;
    passwords[key] = pw;
    if (name === 'Savings') savings = { key, address: pair.address };
  }
  const bobAddress = keyring.createFromUri(`${DEV_PHRASE}//victim//bob`).address;
  keyring.saveAddress(bobAddress, { name: 'Bob' });
  bob = { key: `address:${u8aToHex(keyring.decodeAddress(bobAddress))}`, address: bobAddress };
  keyring.saveAddress(keyring.createFromUri(`${DEV_PHRASE}//victim//exchange`).address, { name: 'Exchange' });
  settings.set({ storage: 'on', apiUrl: 'wss://rpc.polkadot.io' });
  victim = { ...snapshot(window.localStorage as StorageLike) };
  const thief = keyring.createFromUri(`${DEV_PHRASE}//attacker`, { name: 'Savings' }, 'sr25519');
  attacker = {
    address: thief.address,
    json: thief.toJson('attacker pw') as unknown as Record<string, unknown>,
  };
}, 120_000);

const src = (record: Record<string, string>) => ({
  entries: Object.entries(record).map(([key, value]) => ({ key, value })),
});

/** Plans `file` into a copy of the victim's storage, applies it, and loads the result in ui-keyring. */
async function attack(file: Record<string, string>, options: PlanOptions = {}) {
  const storage = new MemoryStorage(Object.entries(victim));
  const plan = planImport(src(file), storage, { now: at.now, ...options });
  applyPlan(plan, storage, at);
  const seen = await verifyWithUiKeyring(storage, { passwords });
  return { plan, seen, storage };
}

/** The default-policy guarantee: every victim account unlocks, every contact keeps name and address. */
function expectUnharmed(seen: Awaited<ReturnType<typeof verifyWithUiKeyring>>): void {
  const keyed = seen.accounts.filter((a) => Object.hasOwn(passwords, a.key));
  expect(keyed.map((a) => [a.key, a.unlocked])).toEqual(
    Object.keys(passwords)
      .sort()
      .map((k) => [k, true]),
  );
  const book = Object.fromEntries(seen.addresses.map((a) => [a.key, [a.address, a.name]]));
  expect(book[bob.key]).toEqual([bob.address, 'Bob']);
  expect(seen.addresses.filter((a) => a.name === 'Exchange').length).toBe(1);
}

const hijack = () => JSON.stringify({ ...attacker.json, address: savings.address });

describe('attacks under the default policy', () => {
  it("a record under a fresh key naming the victim's account is 'overwrites', not written, and the account still unlocks", async () => {
    for (const [key, policy] of [
      ['account:0x0000000000000000000000000000000000000000000000000000000000000000', 'keep'],
      ['account:0x0000000000000000000000000000000000000000000000000000000000000000', 'replace'],
      [savings.key.toUpperCase().replace('ACCOUNT:0X', 'account:0x'), 'keep'],
      [`${savings.key}:x`, 'keep'],
    ] as const) {
      {
        const { plan, seen } = await attack({ [key]: hijack() }, { policy });
        const [e] = plan.entries;
        expect([e!.status, e!.write, e!.keptBecause, e!.lands]).toEqual([
          'overwrites',
          false,
          'overwrites',
          savings.key,
        ]);
        expect(e!.overwrites!.map((r) => [r.key, r.from, r.facts.name, r.facts.address])).toEqual([
          [savings.key, 'storage', 'Savings', savings.address],
        ]);
        expectUnharmed(seen);
        expect(plan.apps.accounts).toEqual(seen.accounts.map(({ unlocked: _, ...a }) => a));
      }
    }
  });

  it('chosen explicitly, the same record does overwrite, as the plan said: the account no longer unlocks', async () => {
    const key = 'account:0x0000000000000000000000000000000000000000000000000000000000000000';
    const { plan, seen } = await attack({ [key]: hijack() }, { choices: { [key]: 'write' } });
    expect([plan.entries[0]!.status, plan.entries[0]!.write]).toEqual(['overwrites', true]);
    expect(seen.accounts.find((a) => a.key === savings.key)).toMatchObject({ source: key, unlocked: false });
    expect(plan.apps.accounts.find((a) => a.key === savings.key)!.source).toBe(key);
  });

  it("a contact renamed through another key is refused; a look-alike 'Bob' with the attacker's address is flagged", async () => {
    const rename = 'address:0x0000000000000000000000000000000000000000000000000000000000000001';
    const lookalike = `address:${u8aToHex(keyring.decodeAddress(attacker.address))}`;
    const { plan, seen } = await attack({
      [rename]: JSON.stringify({ address: bob.address, meta: { name: 'Bob (old)', whenCreated: 1 } }),
      [lookalike]: JSON.stringify({ address: attacker.address, meta: { name: 'Bоb', whenCreated: 1 } }), // Cyrillic о
    });
    const byKey = Object.fromEntries(plan.entries.map((e) => [e.key, e]));
    expect([byKey[rename]!.status, byKey[rename]!.write]).toEqual(['overwrites', false]);
    expect(byKey[rename]!.overwrites!.map((r) => r.facts.name)).toEqual(['Bob']);
    expect([byKey[lookalike]!.status, byKey[lookalike]!.write]).toEqual(['new', true]);
    expect(byKey[lookalike]!.lookalikes!.map((r) => [r.key, r.facts.name, r.facts.address])).toEqual([
      [bob.key, 'Bob', bob.address],
    ]);
    expect(plan.counts.lookalike).toBe(1);
    expectUnharmed(seen);
  });

  it("a contract carrying a contact's address (Apps would name the address after it) is refused", async () => {
    const key = 'contract:0x0000000000000000000000000000000000000000000000000000000000000002';
    const value = JSON.stringify({
      address: bob.address,
      meta: { name: 'Bob (closed)', contract: { abi: '{}' } },
    });
    const { plan, seen } = await attack({ [key]: value });
    expect([plan.entries[0]!.status, plan.entries[0]!.overwrites!.map((r) => r.key)]).toEqual([
      'overwrites',
      [bob.key],
    ]);
    expectUnharmed(seen);
  });

  it("replacing the account's key with another under the same key and address takes an explicit choice", async () => {
    const { plan, seen } = await attack({ [savings.key]: hijack() }, { policy: 'replace' });
    const [e] = plan.entries;
    expect([e!.status, e!.write, e!.keptBecause]).toEqual(['conflict', false, 'keyed-over-keyed']);
    expect(e!.change).toMatchObject({
      keyChanged: true,
      before: { name: 'Savings', address: savings.address, hasKey: true, keyType: 'sr25519' },
      after: { name: 'Savings', address: savings.address, hasKey: true, keyType: 'sr25519' },
    });
    expectUnharmed(seen);
  });

  it('a conflict on settings shows the node it would switch Apps to', async () => {
    const evil = JSON.stringify({ ...JSON.parse(victim.settings!), apiUrl: 'wss://evil.example' });
    const { plan } = await attack({ settings: evil });
    expect(plan.entries[0]!.change).toMatchObject({
      before: { apiUrl: 'wss://rpc.polkadot.io' },
      after: { apiUrl: 'wss://evil.example' },
      fields: ['apiUrl'],
    });
  });
});

describe("ui-keyring's console output", () => {
  it('an unencrypted record ui-keyring cannot load never reaches the console; verify reports it masked', async () => {
    const plain = keyring.createFromUri(`${DEV_PHRASE}//plain`, { name: 'plain' }, 'sr25519').toJson();
    const secret = plain.encoded;
    const record = JSON.stringify({ ...plain, encoding: { ...plain.encoding, content: ['pkcs8', 'rsa'] } });
    const key = 'account:0x0000000000000000000000000000000000000000000000000000000000000003';
    const printed: string[] = [];
    const saved = { log: console.log, warn: console.warn, error: console.error };
    console.log = console.warn = console.error = (...args: unknown[]) => void printed.push(args.join(' '));
    let result: Awaited<ReturnType<typeof verifyWithUiKeyring>>;
    try {
      result = await verifyWithUiKeyring(new MemoryStorage({ [key]: record }));
    } finally {
      Object.assign(console, saved);
    }
    expect(printed).toEqual([]);
    expect(result.unloadable).toEqual([key]);
    expect(result.console).toEqual([`Keyring: Unable to load ${key} (the record is not shown)`]);
    expect(JSON.stringify(result)).not.toContain(secret.slice(0, 40));
    expect(planImport(src({ [key]: record }), new MemoryStorage()).apps.unloadable).toEqual([key]);
  });
});
