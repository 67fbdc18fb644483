// The plan's prediction of Apps against the real @polkadot/ui-keyring: for any target and any
// input of colliding records, under any policy and per-entry choices, what the plan says Apps
// will show after the import is what ui-keyring shows after applyPlan; and under the default
// policy nothing Apps showed before the import changes.
import { collidingRecords, collisionPool, fcParams, type HarnessAccount } from '@keyport/test-harness';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyPlan } from '../src/apply.ts';
import { loadLikeApps } from '../src/plan/apps-view.ts';
import { checkAgainstPlan } from '../src/plan/check.ts';
import { hiddenNotices } from '../src/plan/hidden.ts';
import { planImport } from '../src/plan/plan.ts';
import type { EntryChoice } from '../src/plan/types.ts';
import { MemoryStorage } from '../src/storage.ts';
import { verifyWithUiKeyring } from '../src/verify.ts';

let pool: HarnessAccount[];
let keystores: { encoded: string; encoding: unknown }[];
const at = { now: () => 1_795_259_606_034 };

beforeAll(async () => {
  await cryptoWaitReady();
  ({ pool, keystores } = collisionPool(21));
});

const storages = () =>
  fc.record({
    target: collidingRecords({ pool, keystores, maxRecords: 6 }),
    input: collidingRecords({ pool, keystores, maxRecords: 6 }),
    policy: fc.constantFrom('keep' as const, 'replace' as const),
    force: fc.boolean(),
    picks: fc.array(fc.tuple(fc.nat(), fc.constantFrom<EntryChoice>('write', 'skip')), { maxLength: 4 }),
  });

describe('planImport against ui-keyring', () => {
  it('checkAgainstPlan names each difference between the plan and ui-keyring', async () => {
    const storage = new MemoryStorage();
    const key = `account:${pool[0]!.storageKey.slice(8)}`;
    const value = JSON.stringify({ ...keystores[0], address: pool[0]!.jsonAddress, meta: { name: 'a' } });
    const plan = planImport({ entries: [{ key, value }] }, storage, { now: at.now });
    expect(plan.apps.accounts.map((a) => a.name)).toEqual(['a']);
    // Something changes the storage between planning and checking: the check says so.
    storage.setItem(key, value.replace('"a"', '"b"'));
    const problems = checkAgainstPlan(plan, await verifyWithUiKeyring(storage));
    expect(problems).toEqual([`accounts: ui-keyring shows ${JSON.stringify(key)} otherwise than planned`]);
    storage.removeItem(key);
    expect(checkAgainstPlan(plan, await verifyWithUiKeyring(storage))).toEqual([
      `accounts: ${JSON.stringify(key)} is missing from ui-keyring's list`,
    ]);
  });

  it('what the plan says Apps will show after the import equals what ui-keyring shows after applyPlan', async () => {
    await fc.assert(
      fc.asyncProperty(storages(), async ({ target, input, policy, force, picks }) => {
        const keys = Object.keys(input);
        const choices = Object.fromEntries(
          keys.length === 0 ? [] : picks.map(([i, c]) => [keys[i % keys.length]!, c]),
        );
        const storage = new MemoryStorage(Object.entries(target));
        const source = { entries: Object.entries(input).map(([key, value]) => ({ key, value })) };
        const plan = planImport(source, storage, { policy, force, choices, now: () => Date.now() });
        applyPlan(plan, storage, at);
        const seen = await verifyWithUiKeyring(storage);
        const { console: _, ...real } = seen;
        expect(plan.apps).toEqual(real);
        expect(checkAgainstPlan(plan, seen)).toEqual([]);
      }),
      fcParams(1),
    );
  }, 300_000);

  it("the plan's notices of what Apps hides are hiddenNotices of each value read afresh", () => {
    fc.assert(
      fc.property(storages(), ({ target, input, policy, force }) => {
        const now = () => at.now();
        const plan = planImport(
          { entries: Object.entries(input).map(([key, value]) => ({ key, value })) },
          new MemoryStorage(Object.entries(target)),
          { policy, force, now },
        );
        const afresh = plan.entries.flatMap((e) => {
          const value = e.write ? e.value : e.existing;
          return value === null ? [] : hiddenNotices(e.key, value, { now });
        });
        expect(plan.hidden.filter((n) => n.reason !== 'storage-off')).toEqual(afresh);
      }),
      fcParams(1),
    );
  });

  it('under the default policy, every entry Apps showed before the import shows the same after it', () => {
    fc.assert(
      fc.property(storages(), ({ target, input }) => {
        const now = () => Date.now();
        const before = loadLikeApps(Object.entries(target), { now });
        const plan = planImport(
          { entries: Object.entries(input).map(([key, value]) => ({ key, value })) },
          new MemoryStorage(Object.entries(target)),
          { now },
        );
        // The record a slot shows may come from another key holding the very same text.
        const shown = <T extends { source: string }>(items: readonly T[]) =>
          items.map(({ source: _, ...rest }) => rest);
        for (const list of ['accounts', 'addresses', 'contracts'] as const) {
          const after = shown(plan.apps[list]);
          for (const item of shown(before[list])) {
            if (before.contested.includes(item.key)) continue; // the storage was ambiguous already
            expect(after).toContainEqual(item);
          }
        }
        for (const e of plan.entries) if (e.status === 'overwrites') expect(e.write).toBe(false);
      }),
      fcParams(1),
    );
  }, 300_000);
});
