// `keyport <command> …`: picks the command, parses its arguments, runs it, and turns every
// failure into one line on stderr and an exit code (0 ok, 1 input problem, 2 bad usage).

import { COMMANDS, type CommandEntry } from './commands/index.ts';
import { commandHelp, parseCommand } from './framework/command.ts';
import { describeError, EXIT, UsageError } from './framework/errors.ts';
import type { Io } from './framework/io.ts';

const TOP_HELP = `keyport: back up, move and restore Polkadot-family accounts.

usage: keyport <command> [options]      keyport <command> --help

commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(9)} ${c.summary}`).join('\n')}

Password, passphrase and secret files hold the value with ONE trailing newline removed (\\n or
\\r\\n); nothing else is trimmed. Nothing keyport prints contains a password, mnemonic, seed or
secret key. Output files are never overwritten unless --force is given.

exit codes: 0 success, 1 a problem with the input (stderr names it), 2 bad usage.
`;

/**
 * Runs `keyport` with `argv` (the words after `keyport`) and returns the exit code. Never
 * throws: errors are printed on stderr as `error: CODE: message`.
 *
 * @example process.exitCode = await main(process.argv.slice(2), createIo())
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    const entry = topic === undefined ? undefined : COMMANDS.find((c) => c.name === topic);
    if (entry) io.out(commandHelp(await entry.load(), entry.summary).trimEnd());
    else io[name === undefined ? 'err' : 'out'](TOP_HELP.trimEnd());
    return name === undefined ? EXIT.USAGE : EXIT.OK;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.err(`usage error: unknown command '${name}'; run keyport --help for the list`);
    return EXIT.USAGE;
  }
  return runCommand(entry, rest, io);
}

async function runCommand(entry: CommandEntry, argv: readonly string[], io: Io): Promise<number> {
  const cmd = await entry.load();
  try {
    const args = parseCommand(cmd, argv);
    if (args.values.help === true) {
      io.out(commandHelp(cmd, entry.summary).trimEnd());
      return EXIT.OK;
    }
    return await cmd.run(io, args);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`usage error: ${e.message}`);
      io.err(`usage: ${cmd.usage}`);
      io.err(`run keyport ${cmd.name} --help for details`);
      return EXIT.USAGE;
    }
    io.err(`error: ${describeError(e)}`);
    return EXIT.FAILED;
  }
}
