// A LevelDB write batch, the payload of each log record (docs/browser-profiles.md §2.1):
// `sequence (8) | count (4)`, then `count` operations: tag 1 (put) + varint-prefixed key and
// value, or tag 0 (delete) + key. Operation i has sequence number `sequence + i`.
import { Cursor } from '../bytes.ts';
import type { Findings } from './findings.ts';
import type { LogRecord } from './log.ts';

/** One put or delete as it lies in a file. */
export interface LdbRecord {
  readonly key: Uint8Array;
  readonly seq: number;
  /** True for a put, false for a delete (a tombstone). */
  readonly put: boolean;
  /** The value of a put; empty for a delete. */
  readonly value: Uint8Array;
  /** The file it was read from, relative to the profile. */
  readonly file: string;
  /** True when it comes from an unfinished write batch, read only when salvaging. */
  readonly salvaged: boolean;
}

/**
 * The operations of one write batch. A complete batch that does not parse is damage (see
 * Findings). A `partial` record (salvage only) yields the operations that are whole.
 *
 * @example readBatch(record, '000003.log', findings)
 */
export function readBatch(record: LogRecord, file: string, findings: Findings): LdbRecord[] {
  const c = new Cursor(record.data, file);
  const out: LdbRecord[] = [];
  try {
    const seq = c.u64();
    const count = c.u32();
    for (let i = 0; i < count; i++) {
      const tag = c.u8();
      if (tag !== 0 && tag !== 1) throw new RangeError(`unknown operation tag ${tag}`);
      const key = c.lengthPrefixed();
      const value = tag === 1 ? c.lengthPrefixed() : new Uint8Array(0);
      out.push({ key, seq: seq + i, put: tag === 1, value, file, salvaged: record.partial });
    }
    if (c.left !== 0 && !record.partial) throw new RangeError('bytes after the last operation');
  } catch (e) {
    if (record.partial) {
      if (out.length > 0) {
        findings.note(
          `${file}: ${out.length} operation(s) salvaged from a write batch that never finished; the rest is lost`,
        );
      }
      return out;
    }
    const what = e instanceof RangeError ? e.message : 'a write batch that does not parse';
    findings.damage({ file, offset: record.offset, what: `write batch: ${what}`, lost: 'record' });
    return [];
  }
  if (record.partial && out.length > 0) {
    findings.note(`${file}: ${out.length} operation(s) salvaged from a write batch that never finished`);
  }
  return out;
}
