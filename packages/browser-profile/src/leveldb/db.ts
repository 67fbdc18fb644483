// One LevelDB folder, read only, from its files' bytes (docs/browser-profiles.md §2.4). The
// current state is what LevelDB itself would return: CURRENT names the MANIFEST, the MANIFEST
// names the live tables and the oldest live log, and the newest record of each key among those
// files wins (a delete hides the key). Every file on disk, live or left over, is also searched
// for older values of keys that were deleted or overwritten since: those are "recoverable",
// reported apart and never mixed into the current state.
import { latin1 } from '../bytes.ts';
import { type LdbRecord, readBatch } from './batch.ts';
import type { Findings } from './findings.ts';
import { readLog } from './log.ts';
import { type ManifestState, readManifest } from './manifest.ts';
import { readTable } from './table.ts';

/** A LevelDB folder in memory: its path (relative to the profile, for messages) and files. */
export interface LevelDbFiles {
  readonly dir: string;
  /** File name → bytes; only CURRENT, MANIFEST-*, *.log, *.ldb and *.sst are read. */
  readonly files: ReadonlyMap<string, Uint8Array>;
}

/** An older value of a key, still in some file. */
export interface Recoverable {
  /** The older put. */
  readonly record: LdbRecord;
  /** What replaced it in the current state: a newer put, a delete, or null when the key is simply gone. */
  readonly supersededBy: { readonly seq: number; readonly put: boolean } | null;
}

/** The current state of a LevelDB and what older files still hold. */
export interface LevelDbView {
  /** Binary key (one char per byte) → the newest put; deleted keys are absent. */
  readonly live: ReadonlyMap<string, LdbRecord>;
  /** The newest older value per key, for keys deleted or overwritten since. */
  readonly recoverable: readonly Recoverable[];
  /** False when no MANIFEST could be used (salvage only): `live` is then a best guess. */
  readonly currentKnown: boolean;
  readonly comparator: string | null;
}

const LOG = /^(\d+)\.log$/;
const TABLE = /^(\d+)\.(ldb|sst)$/;
const MANIFEST = /^MANIFEST-(\d+)$/;

function manifestFor(db: LevelDbFiles, findings: Findings): ManifestState | null {
  const current = db.files.get('CURRENT');
  let name: string | undefined;
  if (current === undefined) {
    findings.damage({
      file: `${db.dir}/CURRENT`,
      what: 'missing: it names the MANIFEST that lists the live files',
      lost: 'file',
    });
  } else {
    const m = /^(MANIFEST-\d+)\n?$/.exec(latin1(current));
    if (m) name = m[1];
    else findings.damage({ file: `${db.dir}/CURRENT`, what: 'does not name a MANIFEST', lost: 'file' });
  }
  if (name !== undefined && !db.files.has(name)) {
    findings.damage({ file: `${db.dir}/${name}`, what: 'named by CURRENT but missing', lost: 'file' });
    name = undefined;
  }
  if (name === undefined) {
    const newest = [...db.files.keys()]
      .filter((n) => MANIFEST.test(n))
      .sort((a, b) => Number(MANIFEST.exec(b)![1]) - Number(MANIFEST.exec(a)![1]))[0];
    if (newest === undefined) return null;
    findings.note(`${db.dir}: CURRENT unusable; read the newest MANIFEST instead (${newest})`);
    name = newest;
  }
  return readManifest(db.files.get(name)!, `${db.dir}/${name}`, findings);
}

/**
 * Reads a LevelDB folder's current state and its recoverable older values. Damage follows the
 * Findings rule (CORRUPT_DATA naming the file, or recorded when salvaging). Without a usable
 * MANIFEST (salvage only) every record of every file counts and the newest wins: a key whose
 * delete was compacted away could come back, and a note says so.
 *
 * @example const view = readLevelDb({ dir: 'Local Storage/leveldb', files }, new Findings(false))
 */
export function readLevelDb(db: LevelDbFiles, findings: Findings): LevelDbView {
  const manifest = manifestFor(db, findings);
  if (manifest === null) {
    findings.note(
      `${db.dir}: no MANIFEST: the current state is a best guess (every file read, newest record wins; a deleted key could reappear)`,
    );
  } else {
    for (const n of manifest.tables) {
      const name = String(n).padStart(6, '0');
      if (!db.files.has(`${name}.ldb`) && !db.files.has(`${name}.sst`)) {
        findings.damage({
          file: `${db.dir}/${name}.ldb`,
          what: 'listed in the MANIFEST but missing',
          lost: 'file',
        });
      }
    }
  }
  const isLive = (name: string): boolean => {
    if (manifest === null) return true;
    const log = LOG.exec(name);
    if (log) {
      const n = Number(log[1]);
      return n >= manifest.logNumber || n === manifest.prevLogNumber;
    }
    const table = TABLE.exec(name);
    return table !== null && manifest.tables.has(Number(table[1]));
  };

  const newest = new Map<string, LdbRecord>();
  const all: LdbRecord[] = [];
  const allKeys: string[] = [];
  const names = [...db.files.keys()].filter((n) => LOG.test(n) || TABLE.test(n)).sort();
  for (const name of names) {
    const bytes = db.files.get(name)!;
    const file = `${db.dir}/${name}`;
    const records = LOG.test(name)
      ? readLog(bytes, file, findings).flatMap((r) => readBatch(r, file, findings))
      : readTable(bytes, file, findings);
    const live = isLive(name);
    for (const r of records) {
      const k = latin1(r.key);
      all.push(r);
      allKeys.push(k);
      if (!live) continue;
      const seen = newest.get(k);
      if (seen === undefined || r.seq >= seen.seq) newest.set(k, r);
    }
  }

  const liveView = new Map<string, LdbRecord>();
  for (const [k, r] of newest) if (r.put) liveView.set(k, r);

  const older = new Map<string, Recoverable>();
  for (let i = 0; i < all.length; i++) {
    const r = all[i]!;
    if (!r.put) continue;
    const k = allKeys[i]!;
    const cur = newest.get(k);
    if (cur !== undefined && (r.seq >= cur.seq || (cur.put && sameBytes(r.value, cur.value)))) continue;
    const seen = older.get(k);
    if (seen !== undefined && seen.record.seq >= r.seq) continue;
    older.set(k, { record: r, supersededBy: cur === undefined ? null : { seq: cur.seq, put: cur.put } });
  }
  return {
    live: liveView,
    recoverable: [...older.values()].sort((a, b) => a.record.seq - b.record.seq),
    currentKnown: manifest !== null,
    comparator: manifest?.comparator ?? null,
  };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
