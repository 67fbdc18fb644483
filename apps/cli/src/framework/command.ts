// A command is a name, its help text, its options (node:util parseArgs) and a run function.
// parseCommand turns argv into typed values or a UsageError (exit 2).
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './errors.ts';
import type { Io } from './io.ts';

/** Option table in node:util parseArgs' shape. */
export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Parsed command line: positionals and option values (string, boolean or undefined). */
export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | string[] | undefined>>;
}

/** One `keyport <name>` command. */
export interface Command {
  readonly name: string;
  /** The usage line(s), e.g. `keyport inspect <file> [--json]`. */
  readonly usage: string;
  /** Longer help: options and notes. */
  readonly help: string;
  readonly options: OptionSpec;
  /** Positional arguments: [min, max]. */
  readonly positionals: readonly [number, number];
  /** Runs the command; returns the exit code, throws KeyportError/CliError (1) or UsageError (2). */
  run(io: Io, args: ParsedArgs): Promise<number>;
}

const HELP: OptionSpec = { help: { type: 'boolean', short: 'h' } };

/**
 * Parses `argv` (the words after the command name) for `cmd`. Throws UsageError for unknown
 * options, missing option values and a wrong number of positionals. `--help` is always allowed.
 *
 * @example parseCommand(inspect, ['a.json', '--json']) // { positionals: ['a.json'], values: { json: true } }
 */
export function parseCommand(cmd: Command, argv: readonly string[]): ParsedArgs {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { ...cmd.options, ...HELP },
      strict: true,
      allowPositionals: true,
    });
  } catch (e) {
    if (e instanceof TypeError && String((e as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS')) {
      throw new UsageError(e.message);
    }
    throw e;
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  if (values.help === true) return { positionals: parsed.positionals, values };
  const [min, max] = cmd.positionals;
  const n = parsed.positionals.length;
  if (n < min) throw new UsageError(`missing argument${min - n > 1 ? 's' : ''} (expected ${min})`);
  if (n > max) throw new UsageError(`unexpected argument '${parsed.positionals[max]}'`);
  return { positionals: parsed.positionals, values };
}

/** The string value of option `name`, or undefined. */
export function optString(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}

/** Every value of a `multiple: true` string option `name` (empty when absent). */
export function optStrings(args: ParsedArgs, name: string): string[] {
  const v = args.values[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

/** The string value of option `name`; throws UsageError naming `--name` when it is missing. */
export function needString(args: ParsedArgs, name: string, why = ''): string {
  const v = optString(args, name);
  if (v === undefined) throw new UsageError(`--${name} is required${why ? ` ${why}` : ''}`);
  return v;
}

/** True when boolean option `name` was given. */
export function flag(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

/** The value of option `name` if it is one of `choices` (or `fallback` when absent); else UsageError. */
export function choice<T extends string>(
  args: ParsedArgs,
  name: string,
  choices: readonly T[],
  fallback?: T,
): T | undefined {
  const v = optString(args, name);
  if (v === undefined) return fallback;
  if (!(choices as readonly string[]).includes(v)) {
    throw new UsageError(`--${name} must be one of ${choices.join(', ')} (got '${v}')`);
  }
  return v as T;
}

/** The help text of one command: usage, its one-line summary, then details. */
export function commandHelp(cmd: Command, summary: string): string {
  return `usage: ${cmd.usage}\n\n${summary}\n\n${cmd.help.trimEnd()}\n`;
}
