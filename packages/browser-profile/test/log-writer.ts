// A LevelDB log WRITER for tests only (the product never writes): physical records with masked
// CRC-32C, split across 32 KiB blocks as google/leveldb `db/log_writer.cc` does, and write batches.
// Used to build inputs whose every byte is known, beside the real files Chromium writes.
import { crc32c, LOG_BLOCK, maskCrc } from '../src/index.ts';

/** Encodes `records` as a log file. */
export function writeLog(records: readonly Uint8Array[]): Uint8Array {
  const out: number[] = [];
  for (const data of records) {
    let left = data.length;
    let at = 0;
    let begin = true;
    for (;;) {
      const room = LOG_BLOCK - (out.length % LOG_BLOCK);
      if (room < 7) {
        for (let i = 0; i < room; i++) out.push(0);
        continue;
      }
      const n = Math.min(left, room - 7);
      const end = n === left;
      const type = begin && end ? 1 : begin ? 2 : end ? 4 : 3;
      const frag = data.subarray(at, at + n);
      const crc = maskCrc(crc32c(frag, crc32c(new Uint8Array([type]))));
      out.push(crc & 0xff, (crc >>> 8) & 0xff, (crc >>> 16) & 0xff, crc >>> 24, n & 0xff, n >>> 8, type);
      for (const b of frag) out.push(b);
      at += n;
      left -= n;
      begin = false;
      if (left === 0) break;
    }
  }
  return new Uint8Array(out);
}

function varint(n: number, out: number[]): void {
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
}

/** A write batch starting at sequence `seq`: puts ([key, value]) and deletes ([key]). */
export function writeBatch(seq: number, ops: readonly (readonly [Uint8Array, Uint8Array?])[]): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < 8; i++) out.push(Math.floor(seq / 2 ** (8 * i)) & 0xff);
  const n = ops.length;
  out.push(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24);
  for (const [key, value] of ops) {
    out.push(value === undefined ? 0 : 1);
    varint(key.length, out);
    for (const b of key) out.push(b);
    if (value !== undefined) {
      varint(value.length, out);
      for (const b of value) out.push(b);
    }
  }
  return new Uint8Array(out);
}

/** A MANIFEST whose one VersionEdit names log `logNumber` and no tables. */
export function writeManifest(logNumber: number): Uint8Array {
  const edit: number[] = [1];
  const name = new TextEncoder().encode('leveldb.BytewiseComparator');
  varint(name.length, edit);
  edit.push(...name, 2);
  varint(logNumber, edit);
  return writeLog([new Uint8Array(edit)]);
}
