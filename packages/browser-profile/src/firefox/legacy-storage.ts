// Firefox's legacy localStorage (docs/browser-profiles.md §4.5): every origin of the profile in
// one SQLite table, `webappsstore2(originAttributes, originKey, scope, key, value)`, in
// `webappsstore.sqlite` (the store before LSNG, and LSNG's "shadow" copy when
// dom.storage.shadow_writes is on) and in `storage/ls-archive.sqlite` (the copy of it Firefox
// makes as LSNG's migration archive). originKey is the reversed host, then `.:scheme`, then `:port`
// when the scheme has one: `gro.sj.todaklop.:https:443`. Keys and values are TEXT in the
// database's encoding (UTF-8 in every file seen); they are read as bytes and decoded strictly,
// because sql.js would hand invalid UTF-8 over with U+FFFD in its place, silently.
import { KeyportError } from '@keyport/core';
import { corrupt, utf8, utf16le } from '../bytes.ts';
import type { Findings } from '../leveldb/findings.ts';
import { rows, withDatabase } from '../sqlite/open.ts';
import { byKey, byName, type LegacyStoreKind, type LocalStorageStore, type StoreEntry } from '../store.ts';

/** The ports an origin leaves out when serialized (the scheme's default). */
const DEFAULT_PORTS: Readonly<Record<string, string>> = { http: '80', https: '443', ws: '80', wss: '443' };

/**
 * The origin a legacy row belongs to, serialized as LSNG and Chromium do (default port left
 * out), with its origin attributes appended as in the storage folder names:
 * `('', 'gro.sj.todaklop.:https:443')` → `https://polkadot.js.org`, `('^userContextId=2',
 * '1.0.0.721.:http:8080')` → `http://127.0.0.1:8080^userContextId=2`.
 *
 * @throws CORRUPT_DATA naming `file` when the key is not of that shape.
 * @example originFromOriginKey('', 'gro.sj.todaklop.:https:443', 'webappsstore.sqlite') // 'https://polkadot.js.org'
 */
export function originFromOriginKey(attributes: string, originKey: string, file: string): string {
  const m = /^(.*)\.:([a-z][a-z0-9+.-]*)(?::(\d+))?$/.exec(originKey);
  if (!m) throw corrupt(file, `an originKey that is not "<reversed host>.:<scheme>[:<port>]"`);
  const [, reversed, scheme, port] = m as unknown as [string, string, string, string | undefined];
  const host = [...reversed].reverse().join('');
  const shown = port === undefined || DEFAULT_PORTS[scheme] === port ? '' : `:${port}`;
  return `${scheme}://${host}${shown}${attributes}`;
}

type Encoding = 'UTF-8' | 'UTF-16le' | 'UTF-16be';

function decodeText(bytes: Uint8Array, encoding: Encoding, file: string): string {
  if (encoding === 'UTF-8') return utf8(bytes, file);
  if (encoding === 'UTF-16le') return utf16le(bytes, file);
  const swapped = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1]!;
    swapped[i + 1] = bytes[i]!;
  }
  if (bytes.length % 2 !== 0) swapped[bytes.length - 1] = bytes[bytes.length - 1]!;
  return utf16le(swapped, file);
}

/**
 * Every origin of a legacy localStorage database (`webappsstore.sqlite` or
 * `storage/ls-archive.sqlite`, WAL already folded in), one store per origin, marked with `legacy`.
 * A database without the `webappsstore2` table holds no origins.
 *
 * @throws CORRUPT_DATA naming `file` for a file SQLite cannot read; with salvage (through
 * `findings`) a damaged row costs that value only.
 * @example await firefoxLegacyStorage(bytes, 'webappsstore.sqlite', 'webappsstore', findings)
 */
export async function firefoxLegacyStorage(
  bytes: Uint8Array,
  file: string,
  legacy: LegacyStoreKind,
  findings: Findings,
): Promise<LocalStorageStore[]> {
  return withDatabase(bytes, file, (db) => {
    const table = rows(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'webappsstore2'");
    if (table.length === 0) return [];
    const encoding = rows(db, 'PRAGMA encoding')[0]?.encoding as Encoding;
    const byOrigin = new Map<string, StoreEntry<string>[]>();
    for (const row of rows(
      db,
      'SELECT originAttributes AS a, originKey AS o, typeof(key) AS kt, CAST(key AS BLOB) AS k, typeof(value) AS vt, CAST(value AS BLOB) AS v FROM webappsstore2',
    )) {
      try {
        if (typeof row.a !== 'string' || typeof row.o !== 'string') {
          throw corrupt(file, 'a row without originAttributes or originKey');
        }
        const origin = originFromOriginKey(row.a, row.o, file);
        const asBytes = (type: unknown, v: unknown, what: string): Uint8Array => {
          if (type !== 'text' && type !== 'blob')
            throw corrupt(file, `a ${what} of SQLite type ${String(type)}`);
          // An empty text is an empty blob, which sql.js may hand back as null.
          return v instanceof Uint8Array ? v : new Uint8Array(0);
        };
        const key = decodeText(asBytes(row.kt, row.k, 'key'), encoding, file);
        const value = decodeText(asBytes(row.vt, row.v, 'value'), encoding, file);
        const list = byOrigin.get(origin) ?? [];
        list.push({ key, value });
        byOrigin.set(origin, list);
      } catch (e) {
        if (!(e instanceof KeyportError)) throw e;
        findings.damage({
          file,
          what: `a row of webappsstore2: ${e.message.replace(`${file}: `, '')}`,
          lost: 'value',
        });
      }
    }
    return [...byOrigin]
      .map(([name, entries]) => ({
        kind: 'local-storage' as const,
        name,
        legacy,
        entries: entries.sort(byKey),
        recoverable: [],
        source: file,
      }))
      .sort(byName);
  });
}
