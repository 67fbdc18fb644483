// `keyport inspect`: what a file is and which accounts it holds, without a password: format,
// version, scrypt parameters, and per account its key type, address and name: the report of
// the format's registry module.
import { type FormatReport, KeyportError } from '@keyport/core';
import { importFormat, importRegistry } from '@keyport/storage-migrate';
import { describeDetected } from '../accounts.ts';
import { type Command, flag } from '../framework/command.ts';
import { EXIT } from '../framework/errors.ts';
import { readText } from '../framework/files.ts';
import type { Io } from '../framework/io.ts';
import { quoted, shown } from '../framework/terminal.ts';

function printReport(io: Io, r: FormatReport): void {
  io.out(`format      ${r.format}`);
  if (r.version !== undefined) io.out(`version     ${shown(r.version)}`);
  if (r.encrypted !== undefined) io.out(`encrypted   ${r.encrypted ? 'yes' : 'no'}`);
  if (r.scrypt)
    io.out(`scrypt      N=2^${Math.log2(r.scrypt.N)} (${r.scrypt.N}), p=${r.scrypt.p}, r=${r.scrypt.r}`);
  for (const [k, v] of Object.entries(r.details ?? {})) io.out(`${shown(k).padEnd(11)} ${shown(String(v))}`);
  if (r.accounts.length > 0) io.out(`accounts    ${r.accounts.length}`);
  const addresses = r.accounts.map((a) => shown(a.address));
  const width = Math.max(0, ...addresses.map((a) => a.length));
  r.accounts.forEach((a, i) => {
    const type = shown(a.type ?? '?').padEnd(8);
    const name = a.name === null ? '' : `  ${quoted(a.name)}`;
    io.out(`  ${type}  ${addresses[i]!.padEnd(width)}${name}${a.keyless ? '  (no key)' : ''}`);
  });
}

/** `keyport inspect <file> [--json]` */
export const inspect: Command = {
  name: 'inspect',
  usage: 'keyport inspect <file> [--json]',
  help: `Reads keystores (versions 0-3), batch files, Apps' export-all and address-book arrays,
keyport bundles (plain or encrypted: only the counts are in clear), localStorage snapshots and
console copies, and says which format it is. Prints the version, the scrypt parameters and, for
each account, its key type ("?" where only the password would tell), address and name. A
mnemonic or seed file is recognised but never printed. Banana Split shards (one, or several
one per line as combine reads them): how many, each set's title, version and shards needed,
whether the file alone is enough to combine, and the combine command; never a shard's data.

options:
  --json   print the report as one JSON object`,
  options: { json: { type: 'boolean' } },
  positionals: [1, 1],
  async run(io, args) {
    const file = io.path(args.positionals[0] as string);
    const text = await readText(file, 'input');
    const found = importRegistry.detect(text);
    const { detected } = found;
    const report = await importFormat(detected.format)?.report?.(found, importRegistry);
    if (!report) {
      throw new KeyportError('UNSUPPORTED_FORMAT', `${file} is ${describeDetected(detected)}`, {
        format: 'unknown',
      });
    }
    if (flag(args, 'json')) io.out(JSON.stringify(report));
    else printReport(io, report);
    return EXIT.OK;
  },
};
