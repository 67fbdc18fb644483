// A LevelDB table file (`NNNNNN.ldb`, older `.sst`), read only (docs/browser-profiles.md §2.2):
// a 48-byte footer (metaindex and index block handles, magic 0xdb4775248b80fb57) points at the
// index block, whose entries point at the data blocks. Each block is followed by a compression
// byte (0 none, 1 snappy) and a masked CRC-32C over the stored block and that byte. Entries are
// prefix-compressed; keys are internal keys: user key + 8 bytes `(sequence << 8) | type`.
import { Cursor, readU32, unsnappy } from '../bytes.ts';
import type { LdbRecord } from './batch.ts';
import { crc32c, unmaskCrc } from './crc32c.ts';
import type { Findings } from './findings.ts';

const FOOTER = 48;
const MAGIC_LO = 0x8b80fb57;
const MAGIC_HI = 0xdb477524;
const TRAILER = 5;

interface Handle {
  readonly offset: number;
  readonly size: number;
}

function readHandle(c: Cursor): Handle {
  return { offset: c.varint(), size: c.varint() };
}

/** The contents of the block at `h`, checksum verified and inflated. Throws CORRUPT_DATA. */
function readBlock(bytes: Uint8Array, file: string, h: Handle): Uint8Array {
  const end = h.offset + h.size;
  if (end + TRAILER > bytes.length) throw new BlockError('a block handle points past the end of the file');
  const stored = bytes.subarray(h.offset, end);
  const type = bytes[end]!;
  if (unmaskCrc(readU32(bytes, end + 1)) !== crc32c(bytes.subarray(h.offset, end + 1))) {
    throw new BlockError('checksum mismatch');
  }
  if (type === 0) return stored;
  if (type === 1) return unsnappy(stored, file);
  throw new BlockError(`compression type ${type} is not supported (only none and snappy)`);
}

class BlockError extends Error {}

/** The [key, value] entries of a block (restart points ignored: a full scan needs none). */
function blockEntries(block: Uint8Array, file: string): [Uint8Array, Uint8Array][] {
  if (block.length < 4) throw new BlockError('a block too short for its restart count');
  const restarts = readU32(block, block.length - 4);
  const limit = block.length - 4 - 4 * restarts;
  if (restarts === 0 || limit < 0) throw new BlockError('a block with a bad restart count');
  const c = new Cursor(block, file, 0, limit);
  const out: [Uint8Array, Uint8Array][] = [];
  let prev = new Uint8Array(0);
  while (c.left > 0) {
    const shared = c.varint();
    const unshared = c.varint();
    const valueLength = c.varint();
    if (shared > prev.length)
      throw new BlockError('an entry shares more key bytes than the previous key has');
    const key = new Uint8Array(shared + unshared);
    key.set(prev.subarray(0, shared));
    key.set(c.take(unshared), shared);
    out.push([key, c.take(valueLength)]);
    prev = key;
  }
  return out;
}

/**
 * Every record of a table file, in file order. A damaged data block is damage for that block
 * only (see Findings); a damaged footer or index block is damage for the whole file.
 *
 * @example readTable(bytes, 'Local Storage/leveldb/000005.ldb', new Findings(false))
 */
export function readTable(bytes: Uint8Array, file: string, findings: Findings): LdbRecord[] {
  let index: [Uint8Array, Uint8Array][];
  try {
    if (bytes.length < FOOTER) throw new BlockError('too short for a table footer');
    const f = bytes.length - FOOTER;
    if (readU32(bytes, f + 40) !== MAGIC_LO || readU32(bytes, f + 44) !== MAGIC_HI) {
      throw new BlockError('no table magic number at the end (not a LevelDB table, or cut off)');
    }
    const c = new Cursor(bytes, file, f, f + 40);
    readHandle(c); // metaindex: filters only
    index = blockEntries(readBlock(bytes, file, readHandle(c)), file);
  } catch (e) {
    findings.damage({ file, what: `table index: ${reason(e)}`, lost: 'file' });
    return [];
  }
  const out: LdbRecord[] = [];
  for (const [, handleBytes] of index) {
    let h: Handle | undefined;
    try {
      h = readHandle(new Cursor(handleBytes, file));
      for (const [ikey, value] of blockEntries(readBlock(bytes, file, h), file)) {
        out.push(internalRecord(ikey, value, file));
      }
    } catch (e) {
      findings.damage({
        file,
        ...(h === undefined ? {} : { offset: h.offset }),
        what: `data block: ${reason(e)}`,
        lost: 'block',
      });
    }
  }
  return out;
}

function reason(e: unknown): string {
  if (e instanceof BlockError) return e.message;
  if (e instanceof Error && (e as { code?: string }).code === 'CORRUPT_DATA')
    return 'a length runs past the end';
  throw e;
}

/**
 * Splits an internal key into user key, sequence number and type (1 put, 0 delete).
 *
 * @throws BlockError for a key shorter than 8 bytes or an unknown type.
 */
function internalRecord(ikey: Uint8Array, value: Uint8Array, file: string): LdbRecord {
  if (ikey.length < 8) throw new BlockError('an internal key shorter than 8 bytes');
  const n = ikey.length - 8;
  const lo = readU32(ikey, n);
  const hi = readU32(ikey, n + 4);
  const type = lo & 0xff;
  if (type > 1) throw new BlockError(`unknown value type ${type}`);
  const seq = (lo >>> 8) + hi * 2 ** 24;
  return {
    key: ikey.subarray(0, n),
    seq,
    put: type === 1,
    value: type === 1 ? value : new Uint8Array(0),
    file,
    salvaged: false,
  };
}
