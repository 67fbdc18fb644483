// Firefox's localStorage (LSNG, docs/browser-profiles.md §4.2): one SQLite file per origin,
// `storage/default/<origin dir>/ls/data.sqlite`, table `data(key, utf16_length,
// conversion_type, compression_type, last_access_time, value)`. conversion_type 1: the value is
// UTF-8, 0: raw UTF-16LE (strings UTF-8 cannot hold, such as lone surrogates); compression_type
// 1: raw snappy. The origin itself is in table `database`.
import { KeyportError } from '@keyport/core';
import { corrupt, unsnappy, utf8, utf16le } from '../bytes.ts';
import type { Findings } from '../leveldb/findings.ts';
import { type Row, rows, withDatabase } from '../sqlite/open.ts';
import { byKey, type LocalStorageStore, type StoreEntry } from '../store.ts';

function decodeValue(row: Row, file: string): string {
  const { value, conversion_type: conversion, compression_type: compression, utf16_length: length } = row;
  let text: string;
  if (typeof value === 'string') {
    // An empty value is stored as TEXT ''.
    if (compression !== 0 || conversion !== 1) throw corrupt(file, 'a text value with binary flags');
    text = value;
  } else if (value instanceof Uint8Array) {
    const raw = compression === 1 ? unsnappy(value, file) : compression === 0 ? value : null;
    if (raw === null) throw corrupt(file, `unknown compression_type ${String(compression)}`);
    if (conversion === 1) text = utf8(raw, file);
    else if (conversion === 0) text = utf16le(raw, file);
    else throw corrupt(file, `unknown conversion_type ${String(conversion)}`);
  } else {
    throw corrupt(file, 'a value that is neither text nor a blob');
  }
  if (text.length !== length)
    throw corrupt(file, `a value of ${text.length} UTF-16 units where ${String(length)} were recorded`);
  return text;
}

/**
 * One origin's localStorage from the bytes of its `data.sqlite` (with its WAL already folded in).
 * The origin comes from the file; `fallbackOrigin` (from the folder name) when it has none.
 *
 * @example await firefoxLocalStorage(bytes, 'storage/default/https+++polkadot.js.org/ls/data.sqlite', 'https://polkadot.js.org', findings)
 */
export async function firefoxLocalStorage(
  bytes: Uint8Array,
  file: string,
  fallbackOrigin: string,
  findings: Findings,
): Promise<LocalStorageStore> {
  return withDatabase(bytes, file, (db) => {
    const origin = rows(db, 'SELECT origin FROM database LIMIT 1')[0]?.origin;
    const entries: StoreEntry<string>[] = [];
    for (const row of rows(
      db,
      'SELECT key, utf16_length, conversion_type, compression_type, value FROM data',
    )) {
      const key = row.key;
      if (typeof key !== 'string') {
        findings.damage({ file, what: 'a key that is not text', lost: 'value' });
        continue;
      }
      try {
        entries.push({ key, value: decodeValue(row, file) });
      } catch (e) {
        if (!(e instanceof KeyportError)) throw e;
        findings.damage({
          file,
          what: `the value of ${JSON.stringify(key.slice(0, 80))}: ${e.message.replace(`${file}: `, '')}`,
          lost: 'value',
        });
      }
    }
    return {
      kind: 'local-storage' as const,
      name: typeof origin === 'string' && origin !== '' ? origin : fallbackOrigin,
      entries: entries.sort(byKey),
      recoverable: [],
      source: file,
    };
  });
}

/**
 * The origin a Firefox storage folder name stands for: `https+++polkadot.js.org` →
 * `https://polkadot.js.org`, `http+++127.0.0.1+8080` → `http://127.0.0.1:8080`; origin
 * attributes after `^` are kept as they are.
 *
 * @example originFromFolder('http+++localhost+3000') // 'http://localhost:3000'
 */
export function originFromFolder(name: string): string {
  const hat = name.indexOf('^');
  const base = hat < 0 ? name : name.slice(0, hat);
  const suffix = hat < 0 ? '' : name.slice(hat);
  const m = /^([a-z][a-z0-9.+-]*?)\+\+\+(.*?)(?:\+(\d+))?$/.exec(base);
  if (!m) return name;
  return `${m[1]}://${m[2]}${m[3] === undefined ? '' : `:${m[3]}`}${suffix}`;
}
