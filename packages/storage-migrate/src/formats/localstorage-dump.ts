// Registry module of `JSON.stringify(localStorage)` output: a JSON object whose every value is
// a string (docs/apps-storage.md). Console copies of it are console-copy.ts.
import { isPlainObject } from '@keyport/core';
import { isStringRecord, localStorageEntries } from '../input/dumps.ts';
import { repeatWarnings } from '../input/duplicates.ts';
import { readEntries } from '../input/entries.ts';
import { entryCounts, keyringItems } from '../report.ts';
import { compareKeys } from '../storage.ts';
import type { ImportFormat } from './types.ts';
import { objectOf } from './value.ts';

/** What detection reports for a localStorage dump. */
export interface LocalStorageDumpFacts {
  readonly format: 'localstorage-dump';
  readonly count: number;
}

/**
 * A localStorage dump: every item as stored.
 *
 * @example localStorageDumpFormat.describe({ format: 'localstorage-dump', count: 3 }) // 'a localStorage dump of 3 item(s)'
 */
export const localStorageDumpFormat: ImportFormat<LocalStorageDumpFacts> = {
  id: 'localstorage-dump',
  label: 'a JSON.stringify(localStorage) dump',
  holds: 'storage',
  matchValue(value) {
    if (!isPlainObject(value) || !isStringRecord(value)) return undefined;
    return { format: 'localstorage-dump', count: Object.keys(value).length };
  },
  describe: (d) => `a localStorage dump of ${d.count} item(s)`,
  async report(found, registry) {
    const { entries, skipped } = await readEntries(found, { now: () => 0 }, registry);
    return {
      format: found.detected.format,
      accounts: keyringItems(entries),
      details: { ...entryCounts(entries), ...(skipped.length > 0 ? { skipped: skipped.length } : {}) },
    };
  },
  async entries({ value, json }) {
    const entries = localStorageEntries(objectOf(value, 'a localStorage dump')).sort((a, b) =>
      compareKeys(a.key, b.key),
    );
    return { entries, skipped: [], warnings: repeatWarnings(json) };
  },
};
