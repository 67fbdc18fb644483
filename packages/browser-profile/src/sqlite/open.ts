// SQLite through sql.js (SQLite compiled to WebAssembly; no native module), always on an
// in-memory copy of the bytes: the profile's own files are never opened by SQLite.

import { KeyportError } from '@keyport/core';
import initSqlJs, { type Database, type SqlJsStatic, type SqlValue } from 'sql.js';
import { corrupt } from '../bytes.ts';

let loading: Promise<SqlJsStatic> | undefined;

/** A row: column name → value (number, string, bytes or null). */
export type Row = Readonly<Record<string, SqlValue>>;

const MAGIC = 'SQLite format 3\u0000';

/**
 * Opens `bytes` as an SQLite database in memory, runs `use`, and closes it.
 *
 * @throws CORRUPT_DATA naming `file` when the bytes are not an SQLite database or SQLite finds
 * them damaged.
 * @example await withDatabase(bytes, 'storage/default/x/ls/data.sqlite', (db) => rows(db, 'SELECT 1'))
 */
export async function withDatabase<T>(bytes: Uint8Array, file: string, use: (db: Database) => T): Promise<T> {
  if (bytes.length < 100 || new TextDecoder('latin1').decode(bytes.subarray(0, 16)) !== MAGIC) {
    throw corrupt(file, 'not an SQLite database (no SQLite header)');
  }
  const truncated = missingPages(bytes);
  if (truncated !== null) throw corrupt(file, truncated);
  loading ??= initSqlJs();
  const SQL = await loading;
  let db: Database | undefined;
  try {
    db = new SQL.Database(bytes);
    return use(db);
  } catch (e) {
    if (e instanceof KeyportError) throw e;
    const why = e instanceof Error ? e.message.replace(/[^\x20-\x7e]/g, '?').slice(0, 120) : 'unknown error';
    throw corrupt(file, `SQLite cannot read it (${why})`);
  } finally {
    db?.close();
  }
}

/**
 * Why the file is shorter than its header says, or null. The header's page count (offset 28)
 * is trusted only when its "version valid for" (offset 92) matches the change counter (offset
 * 24), as SQLite does; a truncated copy would otherwise read as missing rows, not as damage.
 */
function missingPages(bytes: Uint8Array): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const raw = view.getUint16(16);
  const pageSize = raw === 1 ? 65536 : raw;
  const pages = view.getUint32(28);
  if (view.getUint32(92) !== view.getUint32(24) || pages === 0 || pageSize < 512) return null;
  const want = pages * pageSize;
  return bytes.length < want
    ? `truncated: its header counts ${pages} pages of ${pageSize} bytes (${want} bytes), the file has ${bytes.length}`
    : null;
}

/**
 * Every row of `sql` (with `params`) as objects.
 *
 * @example rows(db, 'SELECT key, value FROM data')
 */
export function rows(db: Database, sql: string, params: SqlValue[] = []): Row[] {
  const stmt = db.prepare(sql, params);
  try {
    const out: Row[] = [];
    while (stmt.step()) out.push(stmt.getAsObject());
    return out;
  } finally {
    stmt.free();
  }
}
