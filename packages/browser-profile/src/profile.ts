// Reading one profile, whichever browser wrote it: its stores, whether the browser seems to be
// running (its lock is there), and what was damaged or noted on the way.
import { readChromiumProfile } from './chromium/profile.ts';
import { readFirefoxProfile } from './firefox/profile.ts';
import type { ProfileFs, ScanProgress } from './fs.ts';
import { type Damage, Findings } from './leveldb/findings.ts';
import type { ProfileRef } from './locate.ts';
import type { ProfileStores, StoreFilter } from './store.ts';

/** Everything read from one profile. */
export interface ProfileData extends ProfileStores {
  readonly profile: ProfileRef;
  /**
   * True when the browser's lock is present: it is running (or crashed), so the newest few
   * seconds of writes may not be on disk yet.
   */
  readonly running: boolean;
  /** With salvage: what was skipped because it failed its checksum or did not parse. */
  readonly damaged: readonly Damage[];
  /** Fallbacks taken and other things the user should know. */
  readonly notes: readonly string[];
}

/** Options of readProfile. */
export interface ReadProfileOptions {
  /** Keep what passes its checksums and report the rest, instead of failing on the first damage. */
  readonly salvage?: boolean;
  /** Which stores to read (default: all). */
  readonly filter?: StoreFilter;
  readonly onProgress?: (p: ScanProgress) => void;
}

/** The note a running browser earns. */
export const RUNNING_NOTE =
  'the browser appears to be running, or did not shut down cleanly (its lock is present): the newest few seconds of writes may not be on disk yet';

/**
 * True when the profile's browser holds its lock: Chromium's `SingletonLock` (Linux, macOS) or
 * `lockfile` (Windows) in the user-data-dir, Firefox's `lock` or `parent.lock` in the profile.
 * After a crash the lock stays behind, so this is a warning, never a refusal.
 */
export async function browserRunning(fs: ProfileFs, profile: ProfileRef): Promise<boolean> {
  const dir = profile.engine === 'chromium' ? (profile.userDataDir ?? profile.path) : profile.path;
  const names = new Set(((await fs.list(dir)) ?? []).map((e) => e.name));
  return profile.engine === 'chromium'
    ? names.has('SingletonLock') || names.has('lockfile')
    : names.has('lock') || names.has('parent.lock');
}

/**
 * Reads a profile's localStorage and extension storage, never writing anything and never taking
 * a lock. Without `salvage` the first damaged file fails with CORRUPT_DATA naming it.
 *
 * @throws CORRUPT_DATA (naming the file), UNSUPPORTED_VERSION.
 * @example const data = await readProfile(fs, (await findProfiles(fs, dir))[0], { salvage: false })
 */
export async function readProfile(
  fs: ProfileFs,
  profile: ProfileRef,
  opts: ReadProfileOptions = {},
): Promise<ProfileData> {
  const findings = new Findings(opts.salvage ?? false);
  const running = await browserRunning(fs, profile);
  if (running) findings.note(RUNNING_NOTE);
  const read = profile.engine === 'chromium' ? readChromiumProfile : readFirefoxProfile;
  const stores = await read(fs, profile.path, findings, opts.filter, opts.onProgress);
  return { profile, running, ...stores, damaged: findings.damaged, notes: findings.notes };
}
