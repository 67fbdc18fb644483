// Chromium's localStorage LevelDB (`<profile>/Local Storage/leveldb`), one database for every
// origin of the profile (docs/browser-profiles.md §3.1): `VERSION` → "1", `META:<origin>` and
// `METAACCESS:<origin>` → bookkeeping, and `_<origin>\x00<key>` → value, key and value each in
// Chromium's string format (blink-string.ts).
import { KeyportError } from '@keyport/core';
import { latin1 } from '../bytes.ts';
import type { LdbRecord } from '../leveldb/batch.ts';
import type { LevelDbView } from '../leveldb/db.ts';
import type { Findings } from '../leveldb/findings.ts';
import { byKey, type LocalStorageStore, type RecoveredEntry, type StoreEntry } from '../store.ts';
import { decodeBlinkString } from './blink-string.ts';

/** The only schema version Chromium has written. */
export const CHROMIUM_LOCAL_STORAGE_VERSION = '1';

interface Decoded {
  readonly origin: string;
  readonly key: string;
  readonly value: string;
}

function decodeRecord(binaryKey: string, r: LdbRecord, findings: Findings): Decoded | null {
  if (!binaryKey.startsWith('_')) return null;
  const nul = binaryKey.indexOf('\x00');
  if (nul < 0) return null;
  try {
    // Origins are ASCII (hosts in punycode), so the binary string is the origin.
    const origin = binaryKey.slice(1, nul);
    const key = decodeBlinkString(r.key.subarray(nul + 1), r.file);
    return { origin, key, value: decodeBlinkString(r.value, r.file) };
  } catch (e) {
    if (!(e instanceof KeyportError)) throw e;
    findings.damage({ file: r.file, what: e.message.replace(`${r.file}: `, ''), lost: 'value' });
    return null;
  }
}

/**
 * The localStorage of every origin in a Chromium localStorage LevelDB, plus older values of
 * deleted or overwritten keys. Stores come sorted by origin, entries by key.
 *
 * @throws UNSUPPORTED_VERSION when `VERSION` is not "1"; damage per Findings.
 * @example chromiumLocalStorage(readLevelDb(files, findings), 'Local Storage/leveldb', findings)
 */
export function chromiumLocalStorage(
  view: LevelDbView,
  dir: string,
  findings: Findings,
): LocalStorageStore[] {
  const version = view.live.get('VERSION');
  if (version !== undefined && latin1(version.value) !== CHROMIUM_LOCAL_STORAGE_VERSION) {
    throw new KeyportError(
      'UNSUPPORTED_VERSION',
      `${dir}: localStorage schema version ${JSON.stringify(latin1(version.value).slice(0, 20))} is not supported (only "1")`,
      { file: dir },
    );
  }
  const stores = new Map<string, { entries: StoreEntry<string>[]; recoverable: RecoveredEntry<string>[] }>();
  const storeOf = (origin: string) => {
    let s = stores.get(origin);
    if (!s) {
      s = { entries: [], recoverable: [] };
      stores.set(origin, s);
    }
    return s;
  };
  for (const [k, r] of view.live) {
    const d = decodeRecord(k, r, findings);
    if (d) storeOf(d.origin).entries.push({ key: d.key, value: d.value });
  }
  for (const { record, supersededBy } of view.recoverable) {
    const d = decodeRecord(latin1(record.key), record, findings);
    if (!d) continue;
    storeOf(d.origin).recoverable.push({
      key: d.key,
      value: d.value,
      status: supersededBy?.put ? 'overwritten' : 'deleted',
      seq: record.seq,
      replacedAt: supersededBy?.seq ?? null,
      file: record.file,
    });
  }
  return [...stores.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([origin, s]) => ({
      kind: 'local-storage',
      name: origin,
      entries: s.entries.sort(byKey),
      recoverable: s.recoverable,
      source: dir,
    }));
}
