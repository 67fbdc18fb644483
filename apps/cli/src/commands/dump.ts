// `keyport dump`: a localStorage snapshot file, or an origin or wallet extension read from a browser
// profile on disk (profile/dump.ts), → a keyport bundle (plain or passphrase-encrypted).

import { dumpStorage, encodeBundle } from '@keyport/storage-migrate';
import { type Command, flag, needString, optString } from '../framework/command.ts';
import { EXIT, UsageError } from '../framework/errors.ts';
import {
  exists,
  optionalSecretFile,
  readNewPasswordFile,
  refuseExisting,
  writeFileAtomic,
} from '../framework/files.ts';
import { cliScrypt } from '../framework/scrypt.ts';
import { summaryLine } from '../report/plan-report.ts';
import { loadSnapshot } from '../snapshot.ts';

/** `keyport dump --storage <snapshot.json> --out <bundle> …` */
export const dump: Command = {
  name: 'dump',
  usage:
    'keyport dump --storage <snapshot.json> --out <bundle> [--origin <url>] [--passphrase-file <f>] [--force]\n' +
    '       keyport dump --profile <dir> --origin <origin> --out <bundle> [--firefox-store <current|webappsstore|ls-archive>] [--passphrase-file <f>] [--recover-deleted] [--salvage] [--force]\n' +
    '       keyport dump --profile <dir> --extension <id|polkadot-js|subwallet|talisman> --out <bundle> [--password-file <f>] [--passphrase-file <f>] [--recover-deleted] [--salvage] [--force]',
  help: `A snapshot file is a JSON object of key → string, exactly what JSON.stringify(localStorage)
gives; a missing file is an empty storage. The bundle keeps every value byte for byte, with a
checksum.

With --profile, the storage is read straight from a browser profile folder on disk (Chromium,
Chrome, Brave, Edge: a user-data-dir or one profile in it; Firefox: a profile folder or its
root; keyport profiles lists what each holds). Nothing in the profile is written or locked; a
running browser may not have written its newest few seconds yet.
  --origin   that origin's localStorage, byte for byte what the migrate page would have dumped
             in that browser (e.g. https://polkadot.js.org; the port is part of the origin).
             Firefox also keeps localStorage in legacy files (webappsstore.sqlite, and
             storage/ls-archive.sqlite): before Firefox 92 it lived only there, so an old
             profile's accounts may be only there. They are read when the current store has
             nothing for the origin; when the stores hold different items, keyport lists them
             and --firefox-store picks one (never a merge).
  --extension  a wallet extension's accounts (its account:0x… records) as a bundle that
             keyport restore and the page import into Apps, and that keyport convert turns into
             the extension's "Export all accounts" batch. Talisman keeps its keys under a password
             derived from yours: with --password-file (your Talisman password) keyport exports
             its keystore records re-encrypted under that password; otherwise, and for accounts
             of Talisman's newer keyring, it lists the accounts and says why.

options:
  --storage <snapshot.json>  the localStorage snapshot to dump
  --profile <dir>            read from this browser profile folder instead
  --out <bundle>             where to write the bundle
  --origin <url>             the origin the storage belongs to (e.g. https://polkadot.js.org)
  --extension <id|name>      with --profile: a wallet extension (id, add-on id, or polkadot-js,
                             subwallet, talisman)
  --firefox-store <store>    with --profile and --origin, Firefox: current (its localStorage
                             now), webappsstore (webappsstore.sqlite) or ls-archive
                             (storage/ls-archive.sqlite)
  --recover-deleted          with --profile: write only the OLDER values still found in older
                             files (entries deleted or overwritten since; the newest such value
                             per key), each listed with its write order
  --password-file <f>        with --extension talisman: your Talisman password
  --salvage                  with --profile: read what passes its checksums in damaged files
                             and list what was skipped, instead of failing
  --passphrase-file <f>      encrypt the whole bundle with this passphrase (scrypt +
                             xsalsa20-poly1305); only the counts stay readable
  --force                    replace --out if it exists (otherwise keyport refuses)`,
  options: {
    storage: { type: 'string' },
    profile: { type: 'string' },
    out: { type: 'string' },
    origin: { type: 'string' },
    extension: { type: 'string' },
    'recover-deleted': { type: 'boolean' },
    'firefox-store': { type: 'string' },
    salvage: { type: 'boolean' },
    'password-file': { type: 'string' },
    'passphrase-file': { type: 'string' },
    force: { type: 'boolean' },
  },
  positionals: [0, 0],
  async run(io, args) {
    const profile = optString(args, 'profile');
    if ((profile === undefined) === (optString(args, 'storage') === undefined)) {
      throw new UsageError('give either --storage <snapshot.json> or --profile <dir>');
    }
    for (const only of ['extension', 'recover-deleted', 'salvage', 'password-file', 'firefox-store']) {
      if (profile === undefined && args.values[only] !== undefined)
        throw new UsageError(`--${only} needs --profile`);
    }
    const out = io.path(needString(args, 'out'));
    const force = flag(args, 'force');
    await refuseExisting(out, force);
    const passphrase = await optionalSecretFile(
      io,
      args,
      'passphrase-file',
      'passphrase file',
      readNewPasswordFile,
    );
    if (profile !== undefined) {
      const { dumpProfile } = await import('../profile/dump.ts');
      const { parseFirefoxStore } = await import('../profile/firefox-store.ts');
      const origin = optString(args, 'origin')?.replace(/\/+$/, '');
      const extension = optString(args, 'extension');
      const firefoxStore = parseFirefoxStore(optString(args, 'firefox-store'));
      if (firefoxStore !== undefined && origin === undefined)
        throw new UsageError('--firefox-store needs --origin');
      const password = await optionalSecretFile(io, args, 'password-file', 'password file');
      return dumpProfile(
        io,
        {
          dir: io.path(profile),
          out,
          force,
          ...(origin === undefined ? {} : { origin }),
          ...(extension === undefined ? {} : { extension }),
          ...(firefoxStore === undefined ? {} : { firefoxStore }),
          ...(passphrase === undefined ? {} : { passphrase }),
          ...(password === undefined ? {} : { password }),
        },
        args,
      );
    }
    const storagePath = io.path(needString(args, 'storage'));

    if (!(await exists(storagePath))) io.err(`note: ${storagePath} does not exist: dumping an empty storage`);
    const storage = await loadSnapshot(storagePath);
    const origin = optString(args, 'origin');
    const bundle = dumpStorage(storage, { origin: origin ?? null, now: io.now });
    const text = await encodeBundle(bundle, {
      scrypt: cliScrypt,
      ...(passphrase === undefined ? {} : { passphrase }),
    });
    await writeFileAtomic(out, text, { overwrite: force });
    io.out(`wrote ${out}: ${summaryLine(bundle.summary)}${passphrase === undefined ? '' : ', encrypted'}`);
    return EXIT.OK;
  },
};
