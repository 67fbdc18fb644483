// One Chromium-family profile folder (`Default`, `Profile 1`, …): its localStorage LevelDB and
// its extensions' storage LevelDBs (docs/browser-profiles.md §3). Chromium's newer SQLite
// localStorage file (`<profile>/LocalStorage`) is detected and reported, not read.

import { joinPath, loadLevelDb, type ProfileFs, type ScanProgress } from '../fs.ts';
import { type LevelDbView, readLevelDb } from '../leveldb/db.ts';
import type { Findings } from '../leveldb/findings.ts';
import type { ExtensionStore, LocalStorageStore, ProfileStores, StoreFilter } from '../store.ts';
import { chromiumExtensionStore } from './extension-settings.ts';
import { chromiumLocalStorage } from './local-storage.ts';

const AREAS = [
  ['Local Extension Settings', 'local'],
  ['Sync Extension Settings', 'sync'],
] as const;

async function view(
  fs: ProfileFs,
  path: string,
  label: string,
  findings: Findings,
): Promise<LevelDbView | null> {
  const files = await loadLevelDb(fs, path, label);
  return files === null ? null : readLevelDb(files, findings);
}

/**
 * Reads a Chromium profile's localStorage (all origins) and extension storage.
 *
 * @example const { localStorage, extensions } = await readChromiumProfile(fs, '/home/u/.config/chromium/Default', findings)
 */
export async function readChromiumProfile(
  fs: ProfileFs,
  dir: string,
  findings: Findings,
  filter: StoreFilter = {},
  onProgress?: (p: ScanProgress) => void,
): Promise<ProfileStores> {
  const extensionDirs: [string, 'local' | 'sync', string][] = [];
  const wantExtension = filter.extension ?? (() => true);
  if (wantExtension !== false) {
    for (const [folder, area] of AREAS) {
      for (const e of (await fs.list(joinPath(dir, folder))) ?? []) {
        if (e.kind === 'dir' && wantExtension(e.name)) extensionDirs.push([folder, area, e.name]);
      }
    }
  }
  const wantOrigin = filter.origin ?? (() => true);
  const wantLocal = wantOrigin !== false;
  const total = extensionDirs.length + (wantLocal ? 1 : 0);
  let done = 0;
  let localStorage: LocalStorageStore[] = [];
  if (wantOrigin !== false) {
    onProgress?.({ done, total, what: 'Local Storage' });
    const label = 'Local Storage/leveldb';
    const v = await view(fs, joinPath(dir, 'Local Storage', 'leveldb'), label, findings);
    if (v) localStorage = chromiumLocalStorage(v, label, findings).filter((s) => wantOrigin(s.name));
    const top = (await fs.list(dir)) ?? [];
    if (top.some((e) => e.name === 'LocalStorage' && e.kind === 'file')) {
      findings.note(
        `this profile also has Chromium's newer SQLite localStorage file (LocalStorage), which keyport does not read yet: origins stored only there are not listed`,
      );
    }
    done++;
  }
  const extensions: ExtensionStore[] = [];
  for (const [folder, area, id] of extensionDirs) {
    onProgress?.({ done, total, what: `${folder}/${id}` });
    const label = `${folder}/${id}`;
    const v = await view(fs, joinPath(dir, folder, id), label, findings);
    if (v) extensions.push(chromiumExtensionStore(v, id, area, label, findings));
    done++;
  }
  onProgress?.({ done, total, what: '' });
  return { localStorage, legacyLocalStorage: [], extensions };
}
