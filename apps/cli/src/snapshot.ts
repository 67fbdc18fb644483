// A localStorage snapshot file as a Storage-like object. The file is exactly what
// `JSON.stringify(localStorage)` produces: one JSON object of key → string. The whole file is
// read into memory, changed there, and written back atomically by `flush()`; a missing file is
// an empty storage.
import { KeyportError, stripBom } from '@keyport/core';
import { MemoryStorage } from '@keyport/storage-migrate';
import { CliError } from './framework/errors.ts';
import { readText, writeFileAtomic } from './framework/files.ts';

/**
 * The in-memory storage behind a snapshot file: storage-migrate's MemoryStorage (the Web
 * Storage surface, keys in file order, new keys last) that also serializes itself.
 */
export class SnapshotStorage extends MemoryStorage {
  /** The snapshot text: the same JSON object text `JSON.stringify(localStorage)` gives. */
  serialize(): string {
    return serializeSnapshot(this.entries());
  }
}

/**
 * Serializes entries as one JSON object of key → string, in order, with JSON.stringify's
 * escaping (lone surrogates become `\udxxx`, so the file is valid UTF-8). Keys like
 * `__proto__` are ordinary keys.
 *
 * @example serializeSnapshot([['a', '1']]) // '{"a":"1"}'
 */
export function serializeSnapshot(entries: readonly (readonly [string, string])[]): string {
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`;
}

/**
 * Parses snapshot text: a JSON object whose values are all strings. Throws KeyportError
 * INVALID_INPUT naming the problem (never echoing the content).
 *
 * @example parseSnapshot('{"a":"1"}', 'snapshot.json').getItem('a') // '1'
 */
export function parseSnapshot(text: string, name: string): SnapshotStorage {
  let data: unknown;
  try {
    data = JSON.parse(stripBom(text));
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
    // The parser's message quotes the text, which may hold keys: say where, not what.
    throw new KeyportError('INVALID_INPUT', `snapshot ${name} is not valid JSON`, { file: name });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new KeyportError('INVALID_INPUT', `snapshot ${name} must be a JSON object of key → string`, {
      file: name,
    });
  }
  const entries: [string, string][] = [];
  for (const [k, v] of Object.entries(data)) {
    if (typeof v !== 'string') {
      throw new KeyportError(
        'INVALID_INPUT',
        `snapshot ${name}: the value of key ${JSON.stringify(k.slice(0, 80))} is a ${v === null ? 'null' : typeof v}, expected a string`,
        { file: name },
      );
    }
    entries.push([k, v]);
  }
  return new SnapshotStorage(entries);
}

/**
 * Loads the snapshot at `path`; a missing file is an empty storage. Throws CliError
 * FILE_UNREADABLE or KeyportError INVALID_INPUT.
 *
 * @example const storage = await loadSnapshot('/tmp/snapshot.json')
 */
export async function loadSnapshot(path: string): Promise<SnapshotStorage> {
  let text: string;
  try {
    text = await readText(path, 'snapshot');
  } catch (e) {
    if (e instanceof CliError && e.code === 'FILE_NOT_FOUND') return new SnapshotStorage();
    throw e;
  }
  return parseSnapshot(text, path);
}

/**
 * Writes `storage` to `path` atomically (temporary file in the same directory, then rename):
 * a reader sees either the old file or the new one, never a mix.
 *
 * @example await flushSnapshot('/tmp/snapshot.json', storage)
 */
export async function flushSnapshot(path: string, storage: SnapshotStorage): Promise<void> {
  await writeFileAtomic(path, storage.serialize(), { overwrite: true });
}
