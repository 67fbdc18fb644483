// LevelDB's log format, read only (docs/browser-profiles.md §2.1): 32 KiB blocks of physical
// records `masked crc32c (4) | length (2) | type (1) | data`, types FULL 1, FIRST 2, MIDDLE 3,
// LAST 4. Logical records (write batches, or VersionEdits in a MANIFEST) are the FULL records and
// the FIRST…LAST runs. Every fragment's checksum is verified.
import { readU32 } from '../bytes.ts';
import { crc32c, unmaskCrc } from './crc32c.ts';
import type { Damage, Findings } from './findings.ts';

/** The log block size. */
export const LOG_BLOCK = 32768;
const HEADER = 7;
const FULL = 1;
const FIRST = 2;
const MIDDLE = 3;
const LAST = 4;
const CUT_OFF = 'the file ends inside a record (a write that never finished, or a cut-off copy)';

/** One logical record of a log file. */
export interface LogRecord {
  /** Offset of its first fragment in the file. */
  readonly offset: number;
  readonly data: Uint8Array;
  /**
   * True for the fragments of a record whose end is missing (a torn write or damage): only read
   * with `salvage`, and then only as far as the data goes.
   */
  readonly partial: boolean;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * The logical records of one log file. Damage (a checksum mismatch, a fragment out of order, a
 * record cut off by the end of the file) goes to `findings`, which throws CORRUPT_DATA naming
 * `file` unless it salvages; salvaging skips the rest of a damaged block, as LevelDB does, and
 * hands back the fragments of an unfinished record marked `partial`. Zero padding is skipped.
 *
 * @example readLog(bytes, 'Local Storage/leveldb/000003.log', new Findings(false))
 */
export function readLog(bytes: Uint8Array, file: string, findings: Findings): LogRecord[] {
  const out: LogRecord[] = [];
  let pending: Uint8Array[] | null = null;
  let pendingAt = 0;
  const damage = (what: string, offset: number, lost: Damage['lost']) =>
    findings.damage({ file, offset, what, lost });
  const flushPartial = () => {
    if (pending !== null) out.push({ offset: pendingAt, data: concat(pending), partial: true });
    pending = null;
  };

  let pos = 0;
  while (pos < bytes.length) {
    const blockLeft = LOG_BLOCK - (pos % LOG_BLOCK);
    if (blockLeft < HEADER) {
      pos += blockLeft;
      continue;
    }
    if (bytes.length - pos < HEADER) {
      if (bytes.subarray(pos).some((b) => b !== 0)) {
        damage('the file ends inside a record header', pos, 'record');
      }
      break;
    }
    const stored = readU32(bytes, pos);
    const length = bytes[pos + 4]! | (bytes[pos + 5]! << 8);
    const type = bytes[pos + 6]!;
    if (type === 0 && length === 0) {
      // Zero padding (preallocated space): the rest of the block holds nothing.
      pos += blockLeft;
      continue;
    }
    if (HEADER + length > blockLeft) {
      damage('a record is longer than the rest of its block', pos, 'block');
      flushPartial();
      pos += blockLeft;
      continue;
    }
    if (pos + HEADER + length > bytes.length) {
      // Reported once, below, when fragments of the record were already read.
      if (pending === null) damage(CUT_OFF, pos, 'record');
      break;
    }
    const data = bytes.subarray(pos + HEADER, pos + HEADER + length);
    if (unmaskCrc(stored) !== crc32c(data, crc32c(bytes.subarray(pos + 6, pos + 7)))) {
      damage('checksum mismatch', pos, 'block');
      flushPartial();
      pos += blockLeft;
      continue;
    }
    const at = pos;
    pos += HEADER + length;
    if (type === FULL || type === FIRST) {
      if (pending !== null) {
        damage('a record started but never finished', pendingAt, 'record');
        flushPartial();
      }
      if (type === FULL) out.push({ offset: at, data, partial: false });
      else {
        pending = [data];
        pendingAt = at;
      }
    } else if (type === MIDDLE || type === LAST) {
      if (pending === null) {
        damage('a record continues without its beginning', at, 'record');
        continue;
      }
      (pending as Uint8Array[]).push(data);
      if (type === LAST) {
        out.push({ offset: pendingAt, data: concat(pending), partial: false });
        pending = null;
      }
    } else {
      damage(`unknown record type ${type}`, at, 'record');
    }
  }
  if (pending !== null) {
    damage(CUT_OFF, pendingAt, 'record');
    flushPartial();
  }
  return out;
}
