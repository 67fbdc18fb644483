// The CLI's view of the outside world, injected so commands stay testable: two text streams,
// whether stderr is a terminal, the working directory and the clock. Every line goes through
// `redact`, a last safety net that masks any password or secret the CLI itself has read, then
// `safeLine`, which shows any control or direction character a file slipped in as `\uXXXX`.
import { resolve } from 'node:path';
import { safeLine } from './terminal.ts';

/** A place to write text: process.stdout, process.stderr, or a buffer in tests. */
export interface TextSink {
  write(text: string): unknown;
}

/** What a command may touch besides files: output, terminal, clock, working directory. */
export interface Io {
  /** Prints one line on stdout (results). */
  out(line: string): void;
  /** Prints one line on stderr (diagnostics, plan warnings, errors). */
  err(line: string): void;
  /** Writes raw text on stderr, for the progress bar's carriage returns. */
  errRaw(text: string): void;
  /** True when stderr is a terminal (a progress bar makes sense). */
  readonly stderrIsTTY: boolean;
  /** Terminal width for the progress bar. */
  readonly columns: number;
  /** Resolves a command-line path against the working directory. */
  path(p: string): string;
  /** The clock, for undo-bundle names and bundle timestamps. */
  now(): number;
  /** Remembers a secret so that it is masked if it ever reaches an output line. */
  registerSecret(secret: string): void;
}

/** Options of createIo: the streams and environment, all optional. */
export interface IoOptions {
  stdout?: TextSink;
  stderr?: TextSink;
  stderrIsTTY?: boolean;
  columns?: number;
  cwd?: string;
  now?: () => number;
}

const MASK = '[redacted]';
/** Secrets shorter than this are not masked: masking "a" would garble every line. */
const MIN_MASKED = 4;

/**
 * Builds the Io of one run. Secrets registered with `registerSecret` are replaced by
 * `[redacted]` in every line written, longest first; control, direction and invisible
 * characters are shown as `\uXXXX` (terminal.ts).
 *
 * @example const io = createIo({ stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() })
 */
export function createIo(opts: IoOptions = {}): Io {
  const stdout = opts.stdout ?? process.stdout;
  const stderr = opts.stderr ?? process.stderr;
  const cwd = opts.cwd ?? process.cwd();
  const secrets: string[] = [];
  const redact = (text: string): string => {
    let out = text;
    for (const s of secrets) if (out.includes(s)) out = out.split(s).join(MASK);
    return out;
  };
  return {
    out: (line) => void stdout.write(`${safeLine(redact(line))}\n`),
    err: (line) => void stderr.write(`${safeLine(redact(line))}\n`),
    errRaw: (text) => void stderr.write(safeLine(redact(text), '\r')),
    stderrIsTTY: opts.stderrIsTTY ?? false,
    columns: opts.columns ?? 80,
    path: (p) => resolve(cwd, p),
    now: opts.now ?? (() => Date.now()),
    registerSecret: (secret) => {
      const candidates = [secret, ...secret.split(/\r?\n/)];
      for (const s of candidates) {
        if (s.length >= MIN_MASKED && !secrets.includes(s)) secrets.push(s);
      }
      secrets.sort((a, b) => b.length - a.length);
    },
  };
}
