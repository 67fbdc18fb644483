// Reading inputs and writing outputs. Outputs are written atomically (a temporary file in the
// same directory, then rename or link), so a crash never leaves a half-written keystore, bundle
// or snapshot; new files are readable by their owner only (they hold encrypted keys).
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { textFromBytes } from '@keyport/core';
import { optString, type ParsedArgs } from './command.ts';
import { CliError } from './errors.ts';
import type { Io } from './io.ts';

function isErrno(e: unknown, ...codes: string[]): boolean {
  return e instanceof Error && codes.includes((e as NodeJS.ErrnoException).code ?? '');
}

/**
 * Reads a text file: UTF-8, or UTF-16 when it starts with that byte-order mark (core's
 * textFromBytes, as the page reads files). `what` names the file in errors ("input", "password
 * file"). Throws CliError FILE_NOT_FOUND or FILE_UNREADABLE (a directory, no permission).
 *
 * @example const text = await readText('/tmp/a.json', 'input')
 */
export async function readText(path: string, what: string): Promise<string> {
  try {
    return textFromBytes(await fs.readFile(path));
  } catch (e) {
    if (isErrno(e, 'ENOENT')) throw new CliError('FILE_NOT_FOUND', `${what} ${path} does not exist`);
    const code = (e as NodeJS.ErrnoException).code ?? 'unknown';
    throw new CliError('FILE_UNREADABLE', `${what} ${path} cannot be read (${code})`);
  }
}

/**
 * The content of a password (or passphrase, or secret) file: the file with ONE trailing newline
 * removed (`\n` or `\r\n`); nothing else is trimmed, so spaces and further newlines count.
 *
 * @example stripOneNewline('pw\n\n') // 'pw\n'
 */
export function stripOneNewline(text: string): string {
  if (text.endsWith('\r\n')) return text.slice(0, -2);
  if (text.endsWith('\n')) return text.slice(0, -1);
  return text;
}

/**
 * Reads a password file: its content with one trailing newline removed. `what` names the file
 * in errors. Throws CliError FILE_NOT_FOUND or FILE_UNREADABLE.
 *
 * @example const password = await readPasswordFile('pw.txt', 'password file')
 */
export async function readPasswordFile(path: string, what: string): Promise<string> {
  return stripOneNewline(await readText(path, what));
}

/**
 * Like readPasswordFile, for a password that will encrypt something new: an empty one fails
 * with CliError EMPTY_PASSWORD (polkadot-js would write the keys unencrypted).
 *
 * @example const next = await readNewPasswordFile('new.txt', 'new password file')
 */
export async function readNewPasswordFile(path: string, what: string): Promise<string> {
  const password = await readPasswordFile(path, what);
  if (password === '') {
    throw new CliError('EMPTY_PASSWORD', `${what} ${path} is empty; keyport does not write unencrypted keys`);
  }
  return password;
}

/** Options of writeFileAtomic. */
export interface WriteOptions {
  /** Replace an existing file; without it an existing `path` fails with FILE_EXISTS. */
  overwrite: boolean;
  /** Mode of a new file (default 0o600); an overwritten file keeps its mode. */
  mode?: number;
}

/**
 * Writes `text` to `path` atomically: a temporary file in the same directory is written and
 * synced, then renamed over `path` (overwrite) or hard-linked to it (no overwrite, so an
 * existing file is never replaced, even in a race). Throws CliError FILE_EXISTS when `path`
 * exists and `overwrite` is false, FILE_WRITE_FAILED for any other failure; the temporary file
 * is removed either way.
 *
 * @example await writeFileAtomic('out.json', text, { overwrite: false })
 */
export async function writeFileAtomic(path: string, text: string, opts: WriteOptions): Promise<void> {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let mode = opts.mode ?? 0o600;
  if (opts.overwrite) {
    try {
      mode = (await fs.stat(path)).mode & 0o777;
    } catch (e) {
      if (!isErrno(e, 'ENOENT')) throw writeFailed(path, e);
    }
  } else if (await exists(path)) {
    throw exists_(path);
  }
  try {
    const handle = await fs.open(tmp, 'wx', mode);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (opts.overwrite) await fs.rename(tmp, path);
    else await linkNoClobber(tmp, path);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    if (e instanceof CliError) throw e;
    throw writeFailed(path, e);
  }
  await fs.rm(tmp, { force: true });
}

async function linkNoClobber(tmp: string, path: string): Promise<void> {
  try {
    await fs.link(tmp, path);
  } catch (e) {
    if (isErrno(e, 'EEXIST')) throw exists_(path);
    // Filesystems without hard links: the exists check above is the guard.
    if (isErrno(e, 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV')) await fs.rename(tmp, path);
    else throw e;
  }
}

/**
 * Fails early, before any slow work, when `path` exists and `force` is false: CliError
 * FILE_EXISTS. writeFileAtomic checks again when it writes.
 *
 * @example await refuseExisting(out, flag(args, 'force'))
 */
export async function refuseExisting(path: string, force: boolean): Promise<void> {
  if (!force && (await exists(path))) throw exists_(path);
}

/** True when something exists at `path`. */
export async function exists(path: string): Promise<boolean> {
  try {
    await fs.lstat(path);
    return true;
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return false;
    throw e;
  }
}

function exists_(path: string): CliError {
  return new CliError('FILE_EXISTS', `${path} already exists; pass --force to overwrite it`);
}

function writeFailed(path: string, e: unknown): CliError {
  const code = (e as NodeJS.ErrnoException).code ?? 'unknown';
  return new CliError('FILE_WRITE_FAILED', `cannot write ${path} (${code})`);
}

/**
 * The secret in the file named by option `option`, read by `read` (readPasswordFile, or
 * readNewPasswordFile for a password about to be set) and registered with `io`, so that no
 * output shows it; undefined when the option is absent. `what` names the file in errors.
 *
 * @example const passphrase = await optionalSecretFile(io, args, 'passphrase-file', 'passphrase file')
 */
export async function optionalSecretFile(
  io: Io,
  args: ParsedArgs,
  option: string,
  what: string,
  read: (path: string, what: string) => Promise<string> = readPasswordFile,
): Promise<string | undefined> {
  const file = optString(args, option);
  if (file === undefined) return undefined;
  const secret = await read(io.path(file), what);
  io.registerSecret(secret);
  return secret;
}
