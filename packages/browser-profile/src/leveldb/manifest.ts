// A LevelDB MANIFEST (docs/browser-profiles.md §2.3): a log file whose records are VersionEdits.
// Replaying them gives the live table files per level, the log number below which logs are
// already in tables, and the last sequence number. Tags: 1 comparator, 2 log number, 3 next
// file number, 4 last sequence, 5 compaction pointer, 6 deleted file, 7 new file, 9 previous
// log number.
import { Cursor, latin1 } from '../bytes.ts';
import type { Findings } from './findings.ts';
import { readLog } from './log.ts';

/** What a MANIFEST says about the current state of the database. */
export interface ManifestState {
  readonly comparator: string | null;
  /** Logs numbered below this are already in tables. */
  readonly logNumber: number;
  readonly prevLogNumber: number;
  readonly lastSequence: number;
  /** Live table file numbers. */
  readonly tables: ReadonlySet<number>;
}

/**
 * Replays the VersionEdits of a MANIFEST. A record that does not parse is damage (Findings).
 *
 * @example readManifest(bytes, 'Local Storage/leveldb/MANIFEST-000001', findings).tables
 */
export function readManifest(bytes: Uint8Array, file: string, findings: Findings): ManifestState {
  let comparator: string | null = null;
  let logNumber = 0;
  let prevLogNumber = 0;
  let lastSequence = 0;
  const live = new Map<number, number>(); // file number → level
  for (const record of readLog(bytes, file, findings)) {
    if (record.partial) continue;
    const c = new Cursor(record.data, file);
    try {
      while (c.left > 0) {
        const tag = c.varint();
        switch (tag) {
          case 1:
            comparator = latin1(c.lengthPrefixed());
            break;
          case 2:
            logNumber = c.varint();
            break;
          case 3:
            c.varint();
            break;
          case 4:
            lastSequence = c.varint();
            break;
          case 5:
            c.varint();
            c.lengthPrefixed();
            break;
          case 6: {
            const level = c.varint();
            const n = c.varint();
            if (live.get(n) === level) live.delete(n);
            break;
          }
          case 7: {
            const level = c.varint();
            const n = c.varint();
            c.varint(); // size
            c.lengthPrefixed(); // smallest
            c.lengthPrefixed(); // largest
            live.set(n, level);
            break;
          }
          case 9:
            prevLogNumber = c.varint();
            break;
          default:
            throw new RangeError(`unknown VersionEdit tag ${tag}`);
        }
      }
    } catch (e) {
      const what = e instanceof RangeError ? e.message : 'a VersionEdit that does not parse';
      findings.damage({ file, offset: record.offset, what, lost: 'record' });
    }
  }
  return { comparator, logNumber, prevLogNumber, lastSequence, tables: new Set(live.keys()) };
}
