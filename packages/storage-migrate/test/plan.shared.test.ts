// planImport: new / identical / conflict by kind, the conflict policies, the keyed-versus-keyless
// guard, and what Apps would hide after the import (with the fix).
import { COMPAT_SCRYPT, createKeystore, type KeystoreJson } from '@keyport/core';
import { nodeScrypt } from '@keyport/core/scrypt-node';
import { account, fcParams, type HarnessAccount, keylessJson, throwsWithCode } from '@keyport/test-harness';
import { cryptoWaitReady, encodeAddress } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { nameSkeleton } from '../src/plan/lookalike.ts';
import { planImport } from '../src/plan/plan.ts';
import { MemoryStorage, snapshot } from '../src/storage.ts';

let alice: HarnessAccount;
let keyed: KeystoreJson;
let keyedAgain: KeystoreJson;

beforeAll(async () => {
  await cryptoWaitReady();
  [alice] = fc.sample(account({ types: ['sr25519'], meta: {} }), { numRuns: 1, seed: 7 }) as [HarnessAccount];
  keyed = await createKeystore(alice, 'one', { params: COMPAT_SCRYPT, scrypt: nodeScrypt });
  keyedAgain = await createKeystore(alice, 'two', { params: COMPAT_SCRYPT, scrypt: nodeScrypt });
});

const src = (record: Record<string, string>) => ({
  entries: Object.entries(record).map(([key, value]) => ({ key, value })),
});
const KEYS = { account: 'account:0x01', address: 'address:0x02', contract: 'contract:0x03' };
// Distinct contract addresses: contracts sharing one would overwrite each other when Apps loads.
const CONTRACTS = [1, 2, 3, 4].map((n) => encodeAddress(new Uint8Array(32).fill(n)));

describe('planImport', () => {
  it('classifies each item as new, identical or conflict, by kind, and reads without writing', () => {
    const target = new MemoryStorage({ [KEYS.address]: 'same', settings: '{"a":1}', lcUrl: 'x' });
    const before = JSON.stringify(snapshot(target));
    const plan = planImport(
      src({ [KEYS.account]: 'n', [KEYS.address]: 'same', settings: '{"a":2}', other: 'o' }),
      target,
    );
    expect(plan.entries.map((e) => [e.key, e.kind, e.status, e.write])).toEqual([
      [KEYS.account, 'account', 'new', true],
      [KEYS.address, 'address', 'identical', false],
      ['settings', 'settings', 'conflict', false],
      ['other', 'other', 'new', true],
    ]);
    expect(plan.counts).toEqual({
      new: 2,
      identical: 1,
      conflict: 1,
      overwrites: 0,
      write: 2,
      keep: 1,
      guarded: 0,
      skip: 0,
      lookalike: 0,
    });
    expect(plan.byKind.settings.conflict).toBe(1);
    expect(JSON.stringify(snapshot(target))).toBe(before);
  });

  it("policies: 'keep' (default) keeps, 'replace' writes; an explicit choice per key overrides both", () => {
    const target = new MemoryStorage({ a: '1', b: '1', c: '1' });
    const incoming = src({ a: '2', b: '2', c: '2', d: '2' });
    expect(planImport(incoming, target).counts.write).toBe(1);
    expect(planImport(incoming, target, { policy: 'replace' }).counts.write).toBe(4);
    const chosen = planImport(incoming, target, { choices: { a: 'write', d: 'skip' } });
    expect(chosen.entries.map((e) => [e.write, e.keptBecause, e.choice])).toEqual([
      [true, undefined, 'write'],
      [false, 'policy', undefined],
      [false, 'policy', undefined],
      [false, 'choice', 'skip'],
    ]);
    expect(chosen.counts.skip).toBe(1);
    const replaced = planImport(incoming, target, { policy: 'replace', choices: { b: 'skip' } });
    expect(replaced.entries.map((e) => e.write)).toEqual([true, false, true, true]);
    throwsWithCode(
      () => planImport(incoming, target, { choices: { a: 'overwrite' } as never }),
      'INVALID_INPUT',
    );
    throwsWithCode(() => planImport(incoming, target, { choices: { zz: 'write' } }), 'INVALID_INPUT');
    throwsWithCode(() => planImport(incoming, target, { policy: 'merge' as never }), 'INVALID_INPUT');
    throwsWithCode(
      () => planImport({ entries: [...incoming.entries, { key: 'a', value: '3' }] }, target),
      'INVALID_INPUT',
    );
  });

  it('never replaces an account holding a key with a keyless or unreadable record unless forced', () => {
    const key = alice.storageKey;
    const target = new MemoryStorage({ [key]: JSON.stringify(keyed) });
    for (const incoming of [
      JSON.stringify(keylessJson(alice)),
      JSON.stringify({ ...keyed, encoded: undefined }),
      'not json',
    ]) {
      const plan = planImport(src({ [key]: incoming }), target, { policy: 'replace' });
      expect([plan.entries[0]!.write, plan.entries[0]!.keptBecause, plan.counts.guarded]).toEqual([
        false,
        'keyless-over-keyed',
        1,
      ]);
      expect(
        planImport(src({ [key]: incoming }), target, { policy: 'replace', force: true }).entries[0]!.write,
      ).toBe(true);
    }
    // keyed over keyed (another password: another `encoded`) takes an explicit choice; keyed
    // over keyless follows the policy
    const again = planImport(src({ [key]: JSON.stringify(keyedAgain) }), target, { policy: 'replace' });
    expect([
      again.entries[0]!.write,
      again.entries[0]!.keptBecause,
      again.entries[0]!.change?.keyChanged,
    ]).toEqual([false, 'keyed-over-keyed', true]);
    expect(
      planImport(src({ [key]: JSON.stringify(keyedAgain) }), target, { choices: { [key]: 'write' } })
        .entries[0]!.write,
    ).toBe(true);
    const keyless = new MemoryStorage({ [key]: JSON.stringify(keylessJson(alice)) });
    expect(
      planImport(src({ [key]: JSON.stringify(keyed) }), keyless, { policy: 'replace' }).entries[0]!.write,
    ).toBe(true);
  });

  it('reports what Apps would hide, with a fix for each', () => {
    const polkadot = '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3';
    const rec = (meta: Record<string, unknown>, extra: Record<string, unknown> = { encoded: 'x' }) =>
      JSON.stringify({ address: '5F', ...extra, meta });
    const plan = planImport(
      src({
        [alice.storageKey]: JSON.stringify({ ...keyed, meta: { ...keyed.meta, genesisHash: polkadot } }),
        'account:0x04': rec({ isTesting: true }),
        'account:0x05': rec({ name: 'no key' }, {}),
        'account:0x06': '{"name":"a \\"b" c"}',
        'account:5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY': rec({}),
        'account:0xABCD': rec({}),
        'address:0x07': rec({ isRecent: true, whenCreated: 1000 }),
        'address:0x08': rec({ isRecent: true, whenCreated: 1_700_000_000_000 - 10_000 }),
        'contract:0x09': rec({ contract: { abi: '{}', genesisHash: polkadot } }, { address: CONTRACTS[0] }),
        'contract:0x0a': rec(
          { contract: { abi: '{}', genesisHash: null }, genesisHash: null },
          { address: CONTRACTS[1] },
        ),
        'contract:0x0b': rec({ contract: { abi: '{}' }, genesisHash: polkadot }, { address: CONTRACTS[2] }),
        'contract:0x0c': rec({ name: 'no ABI', genesisHash: polkadot }, { address: CONTRACTS[3] }),
        'contract:0x0d': rec({ contract: { abi: '{}', genesisHash: polkadot } }, { address: '5F' }),
        settings: '{"storage":"off"}',
      }),
      new MemoryStorage(),
      { now: () => 1_700_000_000_000 },
    );
    const reasons = plan.hidden.map((h) => `${h.key} ${h.reason}`).sort();
    expect(reasons).toEqual(
      [
        `${alice.storageKey} genesis`,
        'account:0x04 testing',
        'account:0x05 no-key-record',
        'account:0x06 unreadable',
        'account:5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY legacy-key',
        'account:0xABCD uppercase-key',
        'address:0x07 recent-expired',
        'contract:0x09 genesis',
        'contract:0x0a contract-no-genesis',
        'contract:0x0b contract-no-genesis',
        'contract:0x0c contract-no-abi',
        'contract:0x0d unreadable',
        'settings storage-off',
      ].sort(),
    );
    expect(plan.hidden.find((h) => h.reason === 'genesis')!.detail).toContain('Polkadot');
    for (const h of plan.hidden) expect(h.fix.length).toBeGreaterThan(10);
  });

  it('settings: the storage-off notice follows the settings Apps will have after the import', () => {
    const withKey = { [alice.storageKey]: JSON.stringify(keyed) };
    const on = '{"storage":"on"}';
    const reason = (
      record: Record<string, string>,
      target: Record<string, string>,
      policy: 'keep' | 'replace' = 'keep',
    ) =>
      planImport(src(record), new MemoryStorage(target), { policy })
        .hidden.filter((h) => h.kind === 'settings')
        .map((h) => h.reason);
    expect(reason(withKey, {})).toEqual(['storage-off']);
    expect(reason(withKey, { settings: on })).toEqual([]);
    expect(reason({ ...withKey, settings: on }, {})).toEqual([]);
    expect(reason({ ...withKey, settings: '{"storage":"off"}' }, { settings: on })).toEqual([]);
    expect(reason({ ...withKey, settings: '{"storage":"off"}' }, { settings: on }, 'replace')).toEqual([
      'storage-off',
    ]);
    expect(reason({ 'address:0x01': '{"address":"5F","meta":{}}' }, {})).toEqual([]);
  });

  it('the skeleton of a printable ASCII name is what the full Unicode folding makes of it', () => {
    // A zero-width space is folded away, and sends the name through the Unicode path.
    const ascii = fc.string({ unit: fc.constantFrom(...'    aAbBoO01lL|I~-.'), maxLength: 12 });
    fc.assert(
      fc.property(fc.oneof(ascii, fc.string()), (name) => {
        expect(nameSkeleton(name)).toBe(nameSkeleton(`${name}\u200b`));
      }),
      fcParams(1),
    );
    expect(nameSkeleton('  B0b  |1 ')).toBe('bob ll');
    expect(nameSkeleton('Bоb')).toBe(nameSkeleton('bob')); // Cyrillic о
  });
});
