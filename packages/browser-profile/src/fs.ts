// The one seam to the file system: the readers never open a file themselves. The Node adapter
// (`@keyport/browser-profile/node`) implements it with read-only calls; tests can hand in a Map.
// Paths are joined with `/`, which every platform's file APIs accept.
import type { LevelDbFiles } from './leveldb/db.ts';

/** One directory entry. */
export interface DirEntry {
  readonly name: string;
  readonly kind: 'file' | 'dir' | 'link' | 'other';
}

/** Read-only access to a profile's files. */
export interface ProfileFs {
  /** The entries of directory `path`, or null when there is no such directory. */
  list(path: string): Promise<readonly DirEntry[] | null>;
  /** The bytes of file `path`, or null when there is no such file (it may have just been deleted). */
  read(path: string): Promise<Uint8Array | null>;
}

/** Progress of a scan: `done` of `total` stores read, the one being read now. */
export interface ScanProgress {
  readonly done: number;
  readonly total: number;
  readonly what: string;
}

/**
 * `a/b` from `a` and `b`, without doubling separators.
 *
 * @example joinPath('/home/u/.config/chromium/', 'Default') // '/home/u/.config/chromium/Default'
 */
export function joinPath(dir: string, ...parts: readonly string[]): string {
  let out = dir.replace(/[\\/]+$/, '');
  for (const p of parts) out = `${out}/${p}`;
  return out;
}

/** The last path component. */
export function baseName(path: string): string {
  const parts = path.replace(/[\\/]+$/, '').split(/[\\/]/);
  return parts[parts.length - 1] ?? '';
}

const LEVELDB_FILE = /^(CURRENT|MANIFEST-\d+|\d+\.(log|ldb|sst))$/;

/**
 * Reads a LevelDB folder's files into memory (never the LOCK, never LOG). A file that vanishes
 * between listing and reading (the browser compacting) restarts the read once. Null when the
 * folder does not exist.
 *
 * @example const db = await loadLevelDb(fs, '/p/Default/Local Storage/leveldb', 'Local Storage/leveldb')
 */
export async function loadLevelDb(fs: ProfileFs, path: string, label: string): Promise<LevelDbFiles | null> {
  for (let attempt = 0; ; attempt++) {
    const list = await fs.list(path);
    if (list === null) return null;
    const files = new Map<string, Uint8Array>();
    let vanished = false;
    for (const e of list) {
      if (e.kind !== 'file' || !LEVELDB_FILE.test(e.name)) continue;
      const bytes = await fs.read(joinPath(path, e.name));
      if (bytes === null) {
        vanished = true;
        break;
      }
      files.set(e.name, bytes);
    }
    if (!vanished || attempt > 0) return { dir: label, files };
  }
}
