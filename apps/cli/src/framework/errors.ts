// What the CLI can say went wrong, and the exit code each maps to. Library failures arrive as
// KeyportError (exit 1, `error: CODE: message`); file problems the CLI finds itself are CliError
// (exit 1); a command line that does not parse is UsageError (exit 2, followed by the usage).

/** A KeyportError seen from outside: duck-typed on `name` and `code`, so it also matches when the
 * library is loaded twice, and this module does not load the library at all. */
interface CodedError {
  name: string;
  code: string;
  message: string;
}

function isCoded(e: unknown): e is CodedError {
  const x = e as Partial<CodedError> | null;
  return (
    typeof x === 'object' &&
    x !== null &&
    (x.name === 'KeyportError' || x.name === 'CliError') &&
    typeof x.code === 'string' &&
    typeof x.message === 'string'
  );
}

/** Exit codes of `keyport`: 0 success, 1 a problem with the input, 2 bad usage. */
export const EXIT = Object.freeze({ OK: 0, FAILED: 1, USAGE: 2 });

/** Codes for problems the CLI finds itself (files), beside the library's KeyportErrorCode. */
export type CliErrorCode =
  | 'FILE_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | 'FILE_EXISTS'
  | 'FILE_WRITE_FAILED'
  | 'EMPTY_PASSWORD';

/**
 * A user-facing failure found by the CLI itself, such as a missing input file or an output
 * file that already exists. Printed as `error: CODE: message`, exit 1.
 *
 * @example throw new CliError('FILE_EXISTS', 'out.json already exists; pass --force to overwrite it')
 */
export class CliError extends Error {
  override readonly name: string = 'CliError';
  readonly code: CliErrorCode;

  constructor(code: CliErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/**
 * The command line does not fit the command: unknown option, missing argument, bad choice.
 * Printed as `usage error: message` followed by the command's usage line, exit 2.
 *
 * @example throw new UsageError('--to must be one of keystore, batch, apps-array')
 */
export class UsageError extends Error {
  override readonly name: string = 'UsageError';
}

/**
 * One line naming what went wrong, without a stack: `CODE: message` for KeyportError and
 * CliError, the message for anything else. Library messages never hold secrets, so the line
 * is safe to print.
 *
 * @example describeError(new CliError('FILE_NOT_FOUND', 'a.json does not exist')) // 'FILE_NOT_FOUND: a.json does not exist'
 */
export function describeError(e: unknown): string {
  if (isCoded(e)) return `${e.code}: ${e.message}`;
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

/**
 * The stable code of a failure for `--json` output: the KeyportError or CliError code, or
 * `INTERNAL` for an unexpected error.
 *
 * @example errorCode(new KeyportError('WRONG_PASSWORD', '…')) // 'WRONG_PASSWORD'
 */
export function errorCode(e: unknown): string {
  if (isCoded(e)) return e.code;
  return 'INTERNAL';
}
