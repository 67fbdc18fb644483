import { makeStorageData } from './src/storage-move.ts';
import { MemoryStorage, dumpStorage, planImport } from '../../packages/storage-migrate/src/index.ts';
import { cryptoWaitReady } from '@polkadot/util-crypto';
await cryptoWaitReady();
const bundle = dumpStorage(new MemoryStorage(Object.entries(makeStorageData())), { now: () => 0 });
for (let r = 0; r < 6; r++) {
  const t = performance.now();
  planImport(bundle, new MemoryStorage(), { now: () => 1 });
  console.log('plan', (performance.now() - t).toFixed(1));
}
