// The CLI's side of reading browser profiles: which profiles a --profile folder (or the default
// places) holds, reading them with a progress bar, and printing what was noted or skipped.
import {
  type Damage,
  findProfiles,
  type ProfileData,
  type ProfileRef,
  type ReadProfileOptions,
  readProfile,
} from '@keyport/browser-profile';
import { findDefaultProfiles, nodeProfileFs } from '@keyport/browser-profile/node';
import { KeyportError } from '@keyport/core';
import type { Io } from '../framework/io.ts';
import { progressBar } from '../framework/progress.ts';
import { showKey } from '../report/plan-report.ts';

/**
 * The profiles in or at `dir` (a Chromium user-data-dir or profile folder, a Firefox root or
 * profile folder), or in the default places when `dir` is undefined.
 *
 * @throws KeyportError INVALID_INPUT when `dir` holds no profile.
 */
export async function profilesAt(dir: string | undefined): Promise<ProfileRef[]> {
  if (dir === undefined) return findDefaultProfiles();
  const found = await findProfiles(nodeProfileFs, dir);
  if (found.length === 0) {
    throw new KeyportError(
      'INVALID_INPUT',
      `${dir} is not a browser profile folder: expected a Chromium user-data-dir or profile (Local State, Preferences, Local Storage) or a Firefox profile or its root (profiles.ini, prefs.js)`,
      { field: '--profile' },
    );
  }
  return found;
}

/** Reads one profile with a progress bar on a terminal, then prints its notes and skipped damage on stderr. */
export async function readWithProgress(
  io: Io,
  profile: ProfileRef,
  opts: Omit<ReadProfileOptions, 'onProgress'>,
): Promise<ProfileData> {
  let bar: ReturnType<typeof progressBar> | undefined;
  const data = await readProfile(nodeProfileFs, profile, {
    ...opts,
    onProgress: ({ done, total }) => {
      bar ??= progressBar(io, `reading ${profile.browser} profile`, total);
      bar.update(done);
    },
  });
  bar?.done();
  for (const note of data.notes) io.err(`note: ${profile.path}: ${note}`);
  for (const d of data.damaged) io.err(`skipped: ${describeDamage(d)}`);
  if (data.damaged.length > 0) {
    io.err(
      `warning: ${data.damaged.length} damaged part(s) skipped (--salvage): what was read passed its checksums, but newer values or deletions in the skipped parts are missing`,
    );
  }
  return data;
}

/** One line for one piece of skipped damage. */
export function describeDamage(d: Damage): string {
  const at = d.offset === undefined ? '' : ` at byte ${d.offset}`;
  const lost = {
    record: 'one record',
    block: 'the rest of a block',
    file: 'the whole file',
    value: 'one value',
  }[d.lost];
  return `${showKey(d.file)}${at}: ${d.what} (lost: ${lost})`;
}
