// keyport's model of Apps' load (plan/apps-load.ts) against the real @polkadot/ui-keyring
// (verify.ts): for storages whose records name each other's addresses, land on each other's
// keys, or cannot be loaded at all, the model shows exactly what ui-keyring shows.
import { collidingRecords, collisionPool, fcParams, type HarnessAccount } from '@keyport/test-harness';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLikeApps } from '../src/plan/apps-view.ts';
import { MemoryStorage } from '../src/storage.ts';
import { verifyWithUiKeyring } from '../src/verify.ts';

let pool: HarnessAccount[];
let keystores: { encoded: string; encoding: unknown }[];

beforeAll(async () => {
  await cryptoWaitReady();
  ({ pool, keystores } = collisionPool(11));
});

describe('loadLikeApps', () => {
  it('what the model says Apps shows equals what ui-keyring shows, for any storage of colliding records', async () => {
    await fc.assert(
      fc.asyncProperty(collidingRecords({ pool, keystores }), async (s) => {
        const entries = Object.entries(s);
        const model = loadLikeApps(entries, { now: () => Date.now() });
        const { console: _, ...real } = await verifyWithUiKeyring(new MemoryStorage(entries));
        expect(model).toEqual(real);
      }),
      fcParams(1),
    );
  }, 300_000);
});
