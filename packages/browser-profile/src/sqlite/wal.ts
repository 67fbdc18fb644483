// Folding an SQLite write-ahead log into a copy of its database (docs/browser-profiles.md §4.3),
// so that committed writes still in `<db>-wal` are read too, without SQLite ever touching the
// profile. WAL header: magic 0x377f0682/3 (low bit: checksum byte order), version, page size,
// checkpoint, salts, checksum. Each frame: page number, database size after commit (0 unless
// the frame ends a transaction), salts, cumulative checksum, page. Frames count up to the first
// one whose salts or checksum do not match; only whole transactions are applied.

const WAL_HEADER = 32;
const FRAME_HEADER = 24;

function u32be(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
}

function checksum(b: Uint8Array, start: number, end: number, bigEndian: boolean, s: [number, number]): void {
  let [s0, s1] = s;
  for (let i = start; i < end; i += 8) {
    const x0 = bigEndian
      ? u32be(b, i)
      : (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
    const x1 = bigEndian
      ? u32be(b, i + 4)
      : (b[i + 4]! | (b[i + 5]! << 8) | (b[i + 6]! << 16) | (b[i + 7]! << 24)) >>> 0;
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  s[0] = s0;
  s[1] = s1;
}

/** The result of folding a WAL: the database bytes to open, and how many frames were applied. */
export interface WalApplied {
  readonly bytes: Uint8Array;
  readonly frames: number;
}

/**
 * A new copy of `db` with every committed transaction of `wal` applied, its header switched to
 * rollback-journal mode so that an in-memory SQLite does not look for a WAL. `db` may be null
 * (only the WAL exists yet). A WAL that is empty, stale or damaged adds nothing, as in SQLite.
 *
 * @example const { bytes } = applyWal(dbBytes, walBytes)
 */
export function applyWal(db: Uint8Array | null, wal: Uint8Array | null): WalApplied {
  let out = db === null ? new Uint8Array(0) : db.slice();
  let frames = 0;
  if (wal !== null && wal.length >= WAL_HEADER) {
    const magic = u32be(wal, 0);
    const pageSize = u32be(wal, 8);
    const validPage = pageSize >= 512 && pageSize <= 65536 && (pageSize & (pageSize - 1)) === 0;
    if ((magic === 0x377f0682 || magic === 0x377f0683) && validPage) {
      const bigEndian = magic === 0x377f0683;
      const s: [number, number] = [0, 0];
      checksum(wal, 0, 24, bigEndian, s);
      if (s[0] === u32be(wal, 24) && s[1] === u32be(wal, 28)) {
        const salt1 = u32be(wal, 16);
        const salt2 = u32be(wal, 20);
        const pages: { pgno: number; at: number }[] = [];
        let committed: { count: number; size: number } | null = null;
        for (let at = WAL_HEADER; at + FRAME_HEADER + pageSize <= wal.length; at += FRAME_HEADER + pageSize) {
          if (u32be(wal, at + 8) !== salt1 || u32be(wal, at + 12) !== salt2) break;
          checksum(wal, at, at + 8, bigEndian, s);
          checksum(wal, at + FRAME_HEADER, at + FRAME_HEADER + pageSize, bigEndian, s);
          if (s[0] !== u32be(wal, at + 16) || s[1] !== u32be(wal, at + 20)) break;
          const pgno = u32be(wal, at);
          if (pgno === 0) break;
          pages.push({ pgno, at: at + FRAME_HEADER });
          const size = u32be(wal, at + 4);
          if (size !== 0) committed = { count: pages.length, size };
        }
        if (committed !== null) {
          const size = committed.size * pageSize;
          const next = new Uint8Array(size);
          next.set(out.subarray(0, Math.min(out.length, size)));
          for (const { pgno, at } of pages.slice(0, committed.count)) {
            const offset = (pgno - 1) * pageSize;
            if (offset + pageSize <= size) next.set(wal.subarray(at, at + pageSize), offset);
          }
          out = next;
          frames = committed.count;
        }
      }
    }
  }
  // File format write/read versions: 2 = WAL, 1 = rollback journal.
  if (out.length >= 100 && out[18] === 2 && out[19] === 2) {
    out[18] = 1;
    out[19] = 1;
  }
  return { bytes: out, frames };
}
