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
