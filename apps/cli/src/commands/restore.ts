// `keyport restore`: imports any supported input into a localStorage snapshot file without
// loss: plan, write (in memory), save the undo bundle, then replace the snapshot atomically.
import { applyPlan, encodeBundle, planImport, readImportInput } from '@keyport/storage-migrate';
import { type Command, choice, flag, needString } from '../framework/command.ts';
import { EXIT } from '../framework/errors.ts';
import { optionalSecretFile, readText, writeFileAtomic } from '../framework/files.ts';
import { cliScrypt } from '../framework/scrypt.ts';
import { planJson, printPlan, printSource } from '../report/plan-report.ts';
import { verifySnapshot } from '../report/verify-snapshot.ts';
import { flushSnapshot, loadSnapshot } from '../snapshot.ts';

/** `<snapshot>.undo-<UTC time>.json`, e.g. `snap.json.undo-20261121T114500123Z.json`. */
export function undoPath(snapshot: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[-:.]/g, '');
  return `${snapshot}.undo-${stamp}.json`;
}

/** `keyport restore <input> --storage <snapshot.json> …` */
export const restore: Command = {
  name: 'restore',
  usage:
    'keyport restore <input> --storage <snapshot.json> [--policy keep|replace] [--dry-run] ' +
    '[--passphrase-file <f>] [--password-file <f>] [--force-keyless] [--json]',
  help: `<input> is a keyport bundle (plain or encrypted), JSON.stringify(localStorage) output (raw
or as copied from a browser console), an extension storage dump, a keystore, a batch file or an
Apps export-all / address-book array. The snapshot file is a JSON object of key → string (what
JSON.stringify(localStorage) gives); a missing file is an empty storage.

keyport first prints the plan: every item is new, identical or conflicting. Then it writes
the undo bundle beside the snapshot (<snapshot>.undo-<UTC time>.json), and only then replaces
the snapshot atomically (temporary file + rename). Finally it reads the file back and lists
what Polkadot-JS Apps would show through the real ui-keyring.

options:
  --storage <snapshot.json>  the snapshot file to import into
  --policy keep|replace      for conflicting items: keep the stored value (default) or replace it
  --force-keyless            allow replacing an account that holds a key with a keyless record
  --dry-run                  print the plan only; write nothing
  --passphrase-file <f>      passphrase of an encrypted bundle
  --password-file <f>        batch password of a batch file
  --json                     print {"input","plan","result","verify"} as one JSON object

Exit 0 when the import completed and the written snapshot verified; undo it with
keyport undo <undo-bundle> --storage <snapshot.json>.`,
  options: {
    storage: { type: 'string' },
    policy: { type: 'string' },
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
    const plan = planImport(source, storage, { policy, force: flag(args, 'force-keyless'), now: io.now });
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
    if (flag(args, 'dry-run')) {
      if (json) io.out(JSON.stringify({ ...report, dryRun: true }));
      else io.out('dry run: nothing written');
      return EXIT.OK;
    }

    let undoFile: string | null = null;
    let result = { written: 0, kept: plan.counts.keep, skipped: plan.counts.identical };
    if (plan.counts.write > 0) {
      const applied = applyPlan(plan, storage, { now: io.now });
      undoFile = undoPath(storagePath, io.now());
      await writeFileAtomic(undoFile, await encodeBundle(applied.undo), { overwrite: false });
      await flushSnapshot(storagePath, storage);
      result = { written: applied.written, kept: applied.kept, skipped: applied.skipped };
    }
    const verify = await verifySnapshot(storagePath, storage, plan);
    report.result = { ...result, undo: undoFile };
    const { lines, ...verifyJson } = verify;
    report.verify = verifyJson;
    if (json) io.out(JSON.stringify(report));
    else {
      io.out(
        undoFile === null
          ? 'nothing to write: the snapshot already holds everything (no undo bundle needed)'
          : `wrote ${result.written} item(s) to ${storagePath}; undo bundle: ${undoFile}`,
      );
      for (const line of lines) io.out(line);
    }
    if (!verify.ok) io.err(`error: VERIFY_FAILED: ${verify.problems.join('; ')}`);
    return verify.ok ? EXIT.OK : EXIT.FAILED;
  },
};
