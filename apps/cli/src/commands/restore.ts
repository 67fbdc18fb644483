// `keyport restore`: imports any supported input into a localStorage snapshot file without
// loss: plan, carry the plan out on a copy and check it with the real ui-keyring, save the undo
// bundle, replace the snapshot atomically, read it back. Nothing is written when the check fails.
import { rm } from 'node:fs/promises';
import { type EntryChoice, encodeBundle, planImport, readImportInput } from '@keyport/storage-migrate';
import { type Command, choice, flag, needString, optStrings } from '../framework/command.ts';
import { EXIT } from '../framework/errors.ts';
import { optionalSecretFile, readText, writeFileAtomic } from '../framework/files.ts';
import { cliScrypt } from '../framework/scrypt.ts';
import { checkOnCopy } from '../report/check-import.ts';
import { planJson } from '../report/plan-json.ts';
import { printApps, printPlan, printSource } from '../report/plan-report.ts';
import { flushSnapshot, loadSnapshot } from '../snapshot.ts';

/** `<snapshot>.undo-<UTC time>.json`, e.g. `snap.json.undo-20261121T114500123Z.json`. */
export function undoPath(snapshot: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[-:.]/g, '');
  return `${snapshot}.undo-${stamp}.json`;
}

const ENCRYPTED = new Set(['keyport-bundle-encrypted']);

/** `keyport restore <input> --storage <snapshot.json> …` */
export const restore: Command = {
  name: 'restore',
  usage:
    'keyport restore <input> --storage <snapshot.json> [--policy keep|replace] [--write <key>]… ' +
    '[--skip <key>]… [--dry-run] [--passphrase-file <f>] [--password-file <f>] [--force-keyless] [--json]',
  help: `<input> is a keyport bundle (plain or encrypted), JSON.stringify(localStorage) output (raw
or as copied from a browser console), an extension storage dump, a keystore, a batch file or an
Apps export-all / address-book array. The snapshot file is a JSON object of key → string (what
JSON.stringify(localStorage) gives); a missing file is an empty storage.

keyport first prints the plan: every entry is new, identical, conflicting, or OVERWRITES: once
Apps loads the storage, that record would replace another entry (Apps files each record under a
key made from its own address field, whatever key it came under). Such records are never written
unless you name them with --write. Conflicts show old against new (address, name, key type,
whether a key is held, node, endpoints), and a second entry whose name looks like an existing
one is flagged LOOK-ALIKE.

Then keyport carries the plan out on a copy and loads the copy with the real ui-keyring (what
Apps runs): only when Apps would show exactly what the plan showed does it write the undo bundle
beside the snapshot (<snapshot>.undo-<UTC time>.json; encrypted with the same passphrase when the
input was an encrypted bundle) and replace the snapshot atomically (temporary file + rename).
Otherwise nothing is written.

options:
  --storage <snapshot.json>  the snapshot file to import into
  --policy keep|replace      for conflicting entries: keep the stored value (default) or replace it
  --write <key>              write this entry whatever the policy and guards say (repeatable)
  --skip <key>               leave this entry out (repeatable)
  --force-keyless            with --policy replace: also replace an account holding a key with a keyless record
  --dry-run                  print the plan only; write nothing
  --passphrase-file <f>      passphrase of an encrypted bundle
  --password-file <f>        batch password of a batch file
  --json                     print {"input","plan","check","result"} as one JSON object

Exit 0 when the import completed and the written snapshot reads back; undo it with
keyport undo <undo-bundle> --storage <snapshot.json> [--passphrase-file <f>].`,
  options: {
    storage: { type: 'string' },
    policy: { type: 'string' },
    write: { type: 'string', multiple: true },
    skip: { type: 'string', multiple: true },
    'force-keyless': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    'passphrase-file': { type: 'string' },
    'password-file': { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: [1, 1],
  async run(io, args) {
    const input = io.path(args.positionals[0] as string);
    const storagePath = io.path(needString(args, 'storage'));
    const policy = choice(args, 'policy', ['keep', 'replace'] as const, 'keep');
    const json = flag(args, 'json');
    const choices: Record<string, EntryChoice> = Object.create(null); // a key may be __proto__
    for (const key of optStrings(args, 'write')) choices[key] = 'write';
    for (const key of optStrings(args, 'skip')) choices[key] = 'skip';
    const passphrase = await optionalSecretFile(io, args, 'passphrase-file', 'passphrase file');
    const password = await optionalSecretFile(io, args, 'password-file', 'password file');

    const text = await readText(input, 'input');
    const storage = await loadSnapshot(storagePath);
    const source = await readImportInput(text, {
      scrypt: cliScrypt,
      now: io.now,
      ...(passphrase === undefined ? {} : { passphrase }),
      ...(password === undefined ? {} : { password }),
    });
    const plan = planImport(source, storage, {
      policy,
      choices,
      force: flag(args, 'force-keyless'),
      now: io.now,
    });
    const report: Record<string, unknown> = {
      input: {
        format: source.format,
        ...(source.inner ? { inner: source.inner } : {}),
        items: source.entries.length,
        skipped: source.skipped,
        warnings: source.warnings,
      },
      plan: planJson(plan),
    };
    if (!json) {
      printSource(io, source);
      printPlan(io, plan);
    }
    if (flag(args, 'dry-run') || plan.counts.write === 0) {
      if (json)
        io.out(
          JSON.stringify({ ...report, dryRun: flag(args, 'dry-run'), result: { written: 0, undo: null } }),
        );
      else {
        printApps(io, plan.apps, 'Apps will show');
        io.out(
          flag(args, 'dry-run')
            ? 'dry run: nothing written'
            : 'nothing to write: the snapshot already holds everything the plan would write (no undo bundle needed)',
        );
      }
      return EXIT.OK;
    }

    // Carry the plan out on a copy and let the real ui-keyring load it before touching any file.
    const check = await checkOnCopy(plan, storage, io.now);
    report.check = { ok: check.ok, problems: check.problems, console: check.seen.console };
    if (!check.ok) {
      if (json) io.out(JSON.stringify({ ...report, result: { written: 0, undo: null } }));
      io.err(`error: VERIFY_FAILED: ${check.problems.slice(0, 5).join('; ')}; nothing was written`);
      return EXIT.FAILED;
    }

    const undoFile = undoPath(storagePath, io.now());
    const encryptUndo = passphrase !== undefined && ENCRYPTED.has(source.inner ?? source.format);
    const undoText = await encodeBundle(check.undo, encryptUndo ? { passphrase, scrypt: cliScrypt } : {});
    await writeFileAtomic(undoFile, undoText, { overwrite: false });
    try {
      await flushSnapshot(storagePath, check.copy);
    } catch (e) {
      await rm(undoFile, { force: true }); // the snapshot is unchanged: its undo bundle undoes nothing
      throw e;
    }
    const back = await loadSnapshot(storagePath);
    const want = check.copy.entries();
    const fileMatches = back.length === want.length && want.every(([k, v]) => back.getItem(k) === v);
    if (!fileMatches) {
      await flushSnapshot(storagePath, storage); // put the snapshot back as it was
      await rm(undoFile, { force: true });
      io.err(`error: VERIFY_FAILED: ${storagePath} did not read back as written; it was put back as it was`);
      return EXIT.FAILED;
    }
    const written = plan.entries.filter((e) => e.write).length;
    report.result = {
      written,
      kept: plan.counts.keep,
      skipped: plan.counts.identical,
      undo: undoFile,
      encryptedUndo: encryptUndo,
    };
    if (json) io.out(JSON.stringify(report));
    else {
      io.out(
        `wrote ${written} item(s) to ${storagePath}; undo bundle: ${undoFile}${encryptUndo ? ' (encrypted with the bundle passphrase)' : ''}`,
      );
      io.out(`verify: ${storagePath} reads back identical (${want.length} item(s))`);
      printApps(io, check.seen, 'Apps (ui-keyring) shows, as planned');
    }
    return EXIT.OK;
  },
};
