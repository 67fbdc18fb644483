// `keyport profiles`: finds browser profiles (or reads the one given) and lists the Apps origins
// and wallet extensions in each, with account counts and recoverable older values. Read only.
import { KeyportError } from '@keyport/core';
import { type Command, flag, optString } from '../framework/command.ts';
import { describeError, EXIT } from '../framework/errors.ts';
import { profilesAt, readWithProgress } from '../profile/read.ts';
import { type StoreSummary, summarize } from '../profile/summary.ts';
import { showKey } from '../report/plan-report.ts';

const LEGACY_FILE = { webappsstore: 'webappsstore.sqlite', 'ls-archive': 'storage/ls-archive.sqlite' };

function legacyNote(legacy: string, same: boolean | null): string {
  if (same === true) return 'the same items as the current localStorage';
  const pick = `dump it with --firefox-store ${legacy}`;
  return same === null
    ? `not in the current localStorage; ${pick}`
    : `differs from the current localStorage; ${pick}`;
}

function line(s: StoreSummary): string {
  const what =
    s.origin !== undefined
      ? `origin ${showKey(s.origin)}${s.legacy === undefined ? '' : ` in Firefox's legacy store ${LEGACY_FILE[s.legacy]} (${legacyNote(s.legacy, s.sameAsCurrent ?? null)})`}`
      : `extension ${s.extension} (${s.wallet})`;
  const counts =
    s.origin !== undefined
      ? `${s.accounts} account(s), ${s.addresses} address-book entr(ies), ${s.contracts} contract(s), ${s.entries} item(s) in all`
      : `${s.accounts} account(s), ${s.entries} item(s) in all`;
  const older =
    s.recoverable > 0
      ? `; ${s.recoverable} deleted or overwritten value(s) recoverable (--recover-deleted)`
      : '';
  return `  ${what}: ${counts}${older}`;
}

/** `keyport profiles [--profile <dir>] [--json] [--salvage]` */
export const profiles: Command = {
  name: 'profiles',
  usage: 'keyport profiles [--profile <dir>] [--json] [--salvage]',
  help: `Without --profile, looks in the default places of Chrome, Chromium, Brave, Edge (Linux,
macOS, Windows) and Firefox. --profile takes a Chromium user-data-dir or one profile folder in
it, or a Firefox profile folder or its root. For each profile it lists the origins holding
Polkadot-JS Apps data and the wallet extensions (polkadot{.js}, SubWallet, Talisman, and any
extension storing account:0x… keystores), with counts and how many deleted or overwritten values
older files still hold. For Firefox it also lists origins found in its legacy localStorage files
(webappsstore.sqlite, storage/ls-archive.sqlite: where an old profile, from before Firefox 92,
kept them), saying which file and whether they match the current localStorage.

Nothing is written and no lock is taken; a running browser is fine, but its newest few seconds
of writes may not be on disk yet. Read a profile BEFORE starting that browser again: Chromium
compacts old files away and may drop long-unused origins at start-up.

options:
  --profile <dir>  the folder to read (default: every profile in the default places)
  --json           print {"profiles":[{"browser","path","stores":[{"origin" or "extension",
                   "wallet","accounts","addresses","contracts","entries","recoverable"}]}]};
                   a Firefox legacy store adds "legacy" ("webappsstore" or "ls-archive") and
                   "sameAsCurrent" (true, false, or null: no current localStorage for it)
  --salvage        read what passes its checksums in damaged files and list what was skipped,
                   instead of failing on the first damaged file`,
  options: {
    profile: { type: 'string' },
    json: { type: 'boolean' },
    salvage: { type: 'boolean' },
  },
  positionals: [0, 0],
  async run(io, args) {
    const dir = optString(args, 'profile');
    const json = flag(args, 'json');
    const found = await profilesAt(dir === undefined ? undefined : io.path(dir));
    if (found.length === 0 && !json)
      io.out('no browser profiles found in the default places; point at one with --profile <dir>');
    const out: { browser: string; path: string; stores: StoreSummary[] }[] = [];
    let failed = 0;
    for (const profile of found) {
      try {
        const data = await readWithProgress(io, profile, { salvage: flag(args, 'salvage') });
        const { stores, otherOrigins } = summarize(data);
        out.push({ browser: profile.browser, path: profile.path, stores });
        if (json) continue;
        io.out(
          `${profile.browser} ${showKey(profile.path)}${profile.name ? ` (${showKey(profile.name)})` : ''}`,
        );
        if (stores.length === 0) io.out('  no Apps data and no wallet extension');
        for (const s of stores) io.out(line(s));
        if (otherOrigins > 0) io.out(`  ${otherOrigins} other origin(s) without Apps data`);
      } catch (e) {
        if (!(e instanceof KeyportError)) throw e;
        failed++;
        io.err(`error: ${profile.path}: ${describeError(e)}`);
      }
    }
    if (json) io.out(JSON.stringify({ profiles: out }));
    return failed > 0 ? EXIT.FAILED : EXIT.OK;
  },
};
