// Round-trip matrix, localStorage rows: the raw `JSON.stringify(localStorage)` dump and every
// form of it copied out of a browser console, restored with storage-migrate into an empty
// storage and into a storage that already holds other data.
import { nodeScrypt } from '@keyport/core/scrypt-node';
import {
  applyPlan,
  MemoryStorage,
  planImport,
  readImportInput,
  snapshot,
  undoImport,
} from '@keyport/storage-migrate';
import { appsStorage, fcParams, type StorageRecord } from '@keyport/test-harness';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_FORMS, dumpText, entriesRecord, expectSameStorage, now, restoreText } from './support.ts';

beforeAll(async () => {
  await cryptoWaitReady();
});

describe('raw localStorage dump (JSON.stringify(localStorage))', () => {
  it('readImportInput reads it as a localStorage dump whose entries are exactly the storage', async () => {
    await fc.assert(
      fc.asyncProperty(appsStorage(), async (s) => {
        const source = await readImportInput(dumpText(s), { now });
        expect(source.format).toBe('localstorage-dump');
        expectSameStorage(entriesRecord(source), s);
      }),
      fcParams(0.3),
    );
  });

  it('planImport + applyPlan into an empty storage gives the identical storage', async () => {
    await fc.assert(
      fc.asyncProperty(appsStorage(), async (s) => {
        expectSameStorage((await restoreText(dumpText(s))).after, s);
      }),
      fcParams(0.3),
    );
  });

  it('into a storage with data (keep): nothing there changes, every new key arrives, undo restores it exactly', async () => {
    await fc.assert(
      fc.asyncProperty(appsStorage(), appsStorage(), async (s, target) => {
        const source = await readImportInput(dumpText(s), { now, scrypt: nodeScrypt });
        const storage = new MemoryStorage(Object.entries(target));
        const { undo } = applyPlan(planImport(source, storage, { policy: 'keep' }), storage, { now });
        const after = { ...snapshot(storage) };
        const expected: StorageRecord = Object.fromEntries([...Object.entries(s), ...Object.entries(target)]);
        expectSameStorage(after, expected);
        undoImport(undo, storage, { now });
        expectSameStorage({ ...snapshot(storage) }, target);
      }),
      fcParams(0.2),
    );
  });
});

describe('console-copied dump', () => {
  for (const [form, wrap] of CONSOLE_FORMS) {
    it(`${form}: readImportInput peels it to the dump and restores the identical storage`, async () => {
      await fc.assert(
        fc.asyncProperty(appsStorage(), async (s) => {
          const { source, after } = await restoreText(wrap(dumpText(s)));
          expect([source.format, source.inner]).toEqual(['console-copy', 'localstorage-dump']);
          expectSameStorage(after, s);
        }),
        fcParams(0.1),
      );
    });
  }

  it("quotes added by hand around the raw text (the wiki's step 5): identical storage, or a warning that says the reading was ambiguous", async () => {
    await fc.assert(
      fc.asyncProperty(appsStorage(), async (s) => {
        const { source, after } = await restoreText(`'${dumpText(s)}'`);
        expect(source.format).toBe('console-copy');
        const warned = source.warnings.some((w) => /both as a JavaScript string/.test(w));
        if (!warned) expectSameStorage(after, s);
      }),
      fcParams(0.1),
    );
  });
});
