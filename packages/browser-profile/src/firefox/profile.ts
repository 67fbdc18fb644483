// One Firefox profile folder (docs/browser-profiles.md §4): localStorage of every origin under
// `storage/default/*/ls/data.sqlite`, the legacy localStorage files (`webappsstore.sqlite`,
// `storage/ls-archive.sqlite`) and extensions' storage.local in their IndexedDB. Each SQLite file
// is read with its `-wal` folded into a copy.
import { KeyportError } from '@keyport/core';
import { utf8 } from '../bytes.ts';
import { joinPath, type ProfileFs, type ScanProgress } from '../fs.ts';
import type { Findings } from '../leveldb/findings.ts';
import { applyWal } from '../sqlite/wal.ts';
import {
  byName,
  type ExtensionStore,
  type LegacyStoreKind,
  type LocalStorageStore,
  type ProfileStores,
  type StoreFilter,
} from '../store.ts';
import { extensionUuids, firefoxExtensionStore } from './extension-storage.ts';
import { firefoxLegacyStorage } from './legacy-storage.ts';
import { firefoxLocalStorage, originFromFolder } from './local-storage.ts';

/** The container Firefox keeps extension storage in, out of the extension's own reach. */
const EXTENSION_CONTAINER = '^userContextId=4294967295';

/** The legacy localStorage files, relative to the profile (docs/browser-profiles.md §4.5). */
const LEGACY_FILES: readonly [LegacyStoreKind, readonly string[]][] = [
  ['webappsstore', ['webappsstore.sqlite']],
  ['ls-archive', ['storage', 'ls-archive.sqlite']],
];

async function readSqlite(
  fs: ProfileFs,
  path: string,
  label: string,
  findings: Findings,
): Promise<Uint8Array | null> {
  const main = await fs.read(path);
  const wal = await fs.read(`${path}-wal`);
  if (main === null && (wal === null || wal.length === 0)) return null;
  const journal = await fs.read(`${path}-journal`);
  if (journal !== null && journal.length > 0) {
    findings.note(
      `${label}: a rollback journal is present: the browser was writing; the newest write may be incomplete or missing`,
    );
  }
  const { bytes, frames } = applyWal(main, wal);
  if (frames > 0) findings.note(`${label}: ${frames} page(s) of committed writes read from its -wal file`);
  return bytes;
}

/**
 * The legacy localStorage file `parts` of profile `dir`, one store per origin; none when the
 * file is absent. A file SQLite cannot read is damage that costs the whole file (CORRUPT_DATA
 * naming it, unless salvaging).
 */
async function readLegacy(
  fs: ProfileFs,
  dir: string,
  [legacy, parts]: (typeof LEGACY_FILES)[number],
  findings: Findings,
): Promise<LocalStorageStore[]> {
  const label = parts.join('/');
  const bytes = await readSqlite(fs, joinPath(dir, ...parts), label, findings);
  if (bytes === null) return [];
  try {
    return await firefoxLegacyStorage(bytes, label, legacy, findings);
  } catch (e) {
    if (!(e instanceof KeyportError) || e.code !== 'CORRUPT_DATA' || !findings.salvage) throw e;
    findings.damage({ file: label, what: e.message.replace(`${label}: `, ''), lost: 'file' });
    return [];
  }
}

/**
 * Reads a Firefox profile's localStorage (current and legacy) and extension storage.local.
 *
 * @example const { localStorage, extensions } = await readFirefoxProfile(fs, '/home/u/.mozilla/firefox/ab.default', findings)
 */
export async function readFirefoxProfile(
  fs: ProfileFs,
  dir: string,
  findings: Findings,
  filter: StoreFilter = {},
  onProgress?: (p: ScanProgress) => void,
): Promise<ProfileStores> {
  const prefs = await fs.read(joinPath(dir, 'prefs.js'));
  const uuids = prefs === null ? {} : extensionUuids(safeText(prefs));
  const idByUuid = new Map(Object.entries(uuids).map(([id, uuid]) => [uuid, id]));
  const wantOrigin = filter.origin ?? (() => true);
  const wantExtension = filter.extension ?? (() => true);
  const base = joinPath(dir, 'storage', 'default');
  const folders = ((await fs.list(base)) ?? [])
    .filter((e) => e.kind === 'dir')
    .map((e) => e.name)
    .sort();
  const jobs: (() => Promise<void>)[] = [];
  const localStorage: LocalStorageStore[] = [];
  const extensions: ExtensionStore[] = [];
  for (const folder of folders) {
    const isExtension = folder.startsWith('moz-extension+++') && folder.endsWith(EXTENSION_CONTAINER);
    if (isExtension) {
      const uuid = folder.slice('moz-extension+++'.length, -EXTENSION_CONTAINER.length);
      const id = idByUuid.get(uuid) ?? uuid;
      if (wantExtension === false || !wantExtension(id)) continue;
      for (const f of (await fs.list(joinPath(base, folder, 'idb'))) ?? []) {
        if (f.kind !== 'file' || !f.name.endsWith('.sqlite')) continue;
        const label = `storage/default/${folder}/idb/${f.name}`;
        jobs.push(async () => {
          const bytes = await readSqlite(fs, joinPath(base, folder, 'idb', f.name), label, findings);
          const store = bytes && (await firefoxExtensionStore(bytes, label, id, findings));
          if (store) extensions.push(store);
        });
      }
    } else {
      const origin = originFromFolder(folder);
      if (wantOrigin === false) continue;
      const label = `storage/default/${folder}/ls/data.sqlite`;
      jobs.push(async () => {
        const bytes = await readSqlite(fs, joinPath(base, folder, 'ls', 'data.sqlite'), label, findings);
        if (bytes === null) return;
        const store = await firefoxLocalStorage(bytes, label, origin, findings);
        if (wantOrigin(store.name)) localStorage.push(store);
      });
    }
  }
  const legacyLocalStorage: LocalStorageStore[] = [];
  if (wantOrigin !== false) {
    for (const file of LEGACY_FILES) {
      jobs.push(async () => {
        for (const store of await readLegacy(fs, dir, file, findings)) {
          if (wantOrigin(store.name)) legacyLocalStorage.push(store);
        }
      });
    }
  }
  for (const [i, job] of jobs.entries()) {
    onProgress?.({ done: i, total: jobs.length, what: 'storage' });
    await job();
  }
  onProgress?.({ done: jobs.length, total: jobs.length, what: '' });
  return {
    localStorage: localStorage.sort(byName),
    legacyLocalStorage: legacyLocalStorage.sort(byName),
    extensions: extensions.sort(byName),
  };
}

function safeText(bytes: Uint8Array): string {
  try {
    return utf8(bytes, 'prefs.js');
  } catch {
    return '';
  }
}
