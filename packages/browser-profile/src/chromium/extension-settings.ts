// An extension's chrome.storage in Chromium (docs/browser-profiles.md §3.3):
// `<profile>/Local Extension Settings/<id>/` (storage.local) and `Sync Extension Settings/<id>/`
// (storage.sync), each a LevelDB whose keys are the storage keys in UTF-8 and whose values are
// the JSON text of each value.
import { KeyportError } from '@keyport/core';
import { utf8 } from '../bytes.ts';
import type { LdbRecord } from '../leveldb/batch.ts';
import type { LevelDbView } from '../leveldb/db.ts';
import type { Findings } from '../leveldb/findings.ts';
import { byKey, type ExtensionStore, type RecoveredEntry, type StoreEntry } from '../store.ts';

function decode(r: LdbRecord, findings: Findings): StoreEntry<unknown> | null {
  try {
    const key = utf8(r.key, r.file);
    const text = utf8(r.value, r.file);
    try {
      return { key, value: JSON.parse(text) as unknown };
    } catch {
      findings.damage({
        file: r.file,
        what: `the value of ${JSON.stringify(key.slice(0, 80))} is not JSON`,
        lost: 'value',
      });
      return null;
    }
  } catch (e) {
    if (!(e instanceof KeyportError)) throw e;
    findings.damage({ file: r.file, what: 'a key or value that is not UTF-8', lost: 'value' });
    return null;
  }
}

/**
 * One extension's storage area from its LevelDB: current items (values parsed from JSON) and
 * older values of deleted or overwritten keys.
 *
 * @example chromiumExtensionStore(view, 'mopnmbcafieddcagagdcbnhejhlodfdd', 'local', dir, findings)
 */
export function chromiumExtensionStore(
  view: LevelDbView,
  id: string,
  area: 'local' | 'sync',
  dir: string,
  findings: Findings,
): ExtensionStore {
  const entries: StoreEntry<unknown>[] = [];
  for (const r of view.live.values()) {
    const e = decode(r, findings);
    if (e) entries.push(e);
  }
  const recoverable: RecoveredEntry<unknown>[] = [];
  for (const { record, supersededBy } of view.recoverable) {
    const e = decode(record, findings);
    if (!e) continue;
    recoverable.push({
      ...e,
      status: supersededBy?.put ? 'overwritten' : 'deleted',
      seq: record.seq,
      replacedAt: supersededBy?.seq ?? null,
      file: record.file,
    });
  }
  return { kind: 'extension', name: id, area, entries: entries.sort(byKey), recoverable, source: dir };
}
