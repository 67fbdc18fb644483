// A Firefox extension's storage.local (docs/browser-profiles.md §4.4): an IndexedDB database in
// `storage/default/moz-extension+++<uuid>^userContextId=4294967295/idb/*.sqlite`, object store
// `storage-local-data`, one row per key: the key in IndexedDB's key encoding, the value a
// snappy-compressed structured clone. prefs.js maps add-on ids to those uuids.
import { KeyportError } from '@keyport/core';
import { unsnappy } from '../bytes.ts';
import type { Findings } from '../leveldb/findings.ts';
import { rows, withDatabase } from '../sqlite/open.ts';
import { byKey, type ExtensionStore, type StoreEntry } from '../store.ts';
import { decodeIdbStringKey } from './idb-key.ts';
import { decodeStructuredClone } from './structured-clone.ts';

/** The object store WebExtensions keep storage.local in. */
export const STORAGE_LOCAL_STORE = 'storage-local-data';

/**
 * One extension's storage.local from the bytes of its IndexedDB SQLite file (WAL folded in), or
 * null when that database holds no storage.local object store.
 *
 * @example await firefoxExtensionStore(bytes, file, '{7e3ce1f0-15fb-4fb1-99c6-25774749ec6d}', findings)
 */
export async function firefoxExtensionStore(
  bytes: Uint8Array,
  file: string,
  id: string,
  findings: Findings,
): Promise<ExtensionStore | null> {
  return withDatabase(bytes, file, (db) => {
    const store = rows(db, 'SELECT id FROM object_store WHERE name = ?', [STORAGE_LOCAL_STORE])[0];
    if (store === undefined) return null;
    const entries: StoreEntry<unknown>[] = [];
    for (const row of rows(db, 'SELECT key, data, file_ids FROM object_data WHERE object_store_id = ?', [
      store.id ?? null,
    ])) {
      try {
        if (!(row.key instanceof Uint8Array) || !(row.data instanceof Uint8Array)) {
          throw new KeyportError('CORRUPT_DATA', 'a row whose key or data is not a blob');
        }
        const key = decodeIdbStringKey(row.key, file);
        if (row.file_ids !== null) {
          findings.damage({
            file,
            what: `the value of ${JSON.stringify(key.slice(0, 80))} is stored in a separate file (a large value), which keyport does not read`,
            lost: 'value',
          });
          continue;
        }
        entries.push({ key, value: decodeStructuredClone(unsnappy(row.data, file), file) });
      } catch (e) {
        if (!(e instanceof KeyportError)) throw e;
        findings.damage({ file, what: e.message.replace(`${file}: `, ''), lost: 'value' });
      }
    }
    return {
      kind: 'extension' as const,
      name: id,
      area: 'local' as const,
      entries: entries.sort(byKey),
      recoverable: [],
      source: file,
    };
  });
}

/**
 * The add-on id → internal uuid map from prefs.js (`extensions.webextensions.uuids`), empty
 * when absent or unreadable.
 *
 * @example extensionUuids('user_pref("extensions.webextensions.uuids", "{\\"a@b\\":\\"1234\\"}");') // { 'a@b': '1234' }
 */
export function extensionUuids(prefsJs: string): Record<string, string> {
  const m = /user_pref\("extensions\.webextensions\.uuids",\s*("(?:[^"\\]|\\.)*")\);/.exec(prefsJs);
  if (!m) return {};
  try {
    const inner: unknown = JSON.parse(JSON.parse(m[1]!) as string);
    if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) return {};
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(inner)) if (typeof v === 'string') out[k] = v;
    return out;
  } catch {
    return {};
  }
}
