// @keyport/browser-profile/node: the file-system side, for Node (and Deno's Node layer). Every
// call is read-only: files are read whole with fs.readFile (never opened for writing, never
// locked), directories listed without following anything.
import { promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import type { DirEntry, ProfileFs } from '../fs.ts';
import { defaultProfileRoots, findProfiles, type ProfileRef } from '../locate.ts';

function isMissing(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * A ProfileFs over the real file system.
 *
 * @example const data = await readProfile(nodeProfileFs, profile)
 */
export const nodeProfileFs: ProfileFs = {
  async list(path) {
    try {
      const entries = await fs.readdir(path, { withFileTypes: true });
      return entries.map(
        (e): DirEntry => ({
          name: e.name,
          kind: e.isFile() ? 'file' : e.isDirectory() ? 'dir' : e.isSymbolicLink() ? 'link' : 'other',
        }),
      );
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
  },
  async read(path) {
    try {
      const b = await fs.readFile(path, { flag: 'r' });
      return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    } catch (e) {
      if (isMissing(e) || (e as NodeJS.ErrnoException).code === 'EISDIR') return null;
      throw e;
    }
  },
};

/**
 * Every profile in the default places of Chrome, Chromium, Brave, Edge and Firefox on this
 * machine (process.platform, process.env, the home folder).
 *
 * @example for (const p of await findDefaultProfiles()) console.log(p.browser, p.path)
 */
export async function findDefaultProfiles(): Promise<ProfileRef[]> {
  const roots = defaultProfileRoots({ platform: process.platform, env: process.env, home: homedir() });
  const seen = new Set<string>();
  const out: ProfileRef[] = [];
  for (const root of roots) {
    for (const p of await findProfiles(nodeProfileFs, root.path, root.browser)) {
      if (seen.has(p.path)) continue;
      seen.add(p.path);
      out.push(p);
    }
  }
  return out;
}
