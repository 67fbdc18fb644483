// Registry module of a dump of the extension's chrome.storage.local, where keyring records are
// objects (docs/apps-storage.md §5).
import { isPlainObject } from '@keyport/core';
import { KEYRING_KEY } from '../classify.ts';
import { extensionEntries, isExtensionStorage } from '../input/dumps.ts';
import { repeatWarnings } from '../input/duplicates.ts';
import { compareKeys } from '../storage.ts';
import { localStorageDumpFormat } from './localstorage-dump.ts';
import type { ImportFormat } from './types.ts';
import { objectOf } from './value.ts';

/** What detection reports for an extension storage dump. */
export interface ExtensionStorageFacts {
  readonly format: 'extension-storage';
  readonly count: number;
  /** Keyring records (`account:`, `address:`, `contract:` keys) among them. */
  readonly records: number;
}

/**
 * A polkadot{.js} extension storage dump: its keyring records as Apps would store them.
 *
 * @example extensionStorageFormat.label // 'a polkadot{.js} extension storage dump'
 */
export const extensionStorageFormat: ImportFormat<ExtensionStorageFacts> = {
  id: 'extension-storage',
  label: 'a polkadot{.js} extension storage dump',
  holds: 'storage',
  matchValue(value) {
    if (!isPlainObject(value)) return undefined;
    if (!isExtensionStorage(value)) {
      return {
        miss: 'a JSON object that is neither a localStorage dump (every value a string) nor an extension storage dump',
      };
    }
    const keys = Object.keys(value);
    return {
      format: 'extension-storage',
      count: keys.length,
      records: keys.filter((k) => KEYRING_KEY.test(k)).length,
    };
  },
  describe: (d) => `an extension storage dump of ${d.count} item(s)`,
  report: localStorageDumpFormat.report as ImportFormat<ExtensionStorageFacts>['report'],
  async entries({ value, json }) {
    const { entries, skipped, warnings } = extensionEntries(objectOf(value, 'an extension storage dump'));
    return {
      entries: entries.sort((a, b) => compareKeys(a.key, b.key)),
      skipped,
      warnings: [...repeatWarnings(json), ...warnings],
    };
  },
};
