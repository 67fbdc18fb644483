// Runs the real `keyport` as a child process (node --import tsx src/bin.ts …) and captures its
// output, plus a scratch directory per test file and the no-secrets-in-output check.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** apps/cli: the child runs here so that `--import tsx` resolves. */
export const CLI_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');

/** What one run printed and returned. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `keyport …args` and resolves with its exit code and output; `input` is piped to stdin. */
export function runCli(
  args: readonly string[],
  opts: { entry?: string; input?: string } = {},
): Promise<CliRun> {
  const entry = opts.entry ?? 'src/bin.ts';
  const env = { ...process.env };
  delete env.npm_lifecycle_event;
  delete env.INIT_CWD;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { cwd: CLI_DIR, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

/** A fresh scratch directory with `file(name, text)` and `path(name)`; `cleanup()` removes it. */
export function scratch(prefix = 'keyport-cli-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    path: (name: string) => join(dir, name),
    file: (name: string, text: string) => {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Asserts that none of `secrets` (passwords, mnemonics, seeds, secret keys in hex) appears in
 * the run's stdout or stderr, also not with its 0x prefix removed.
 */
export function expectNoSecrets(run: CliRun, secrets: readonly string[]): void {
  const all = `${run.stdout}\n${run.stderr}`;
  for (const s of secrets) {
    const forms = [s, s.replace(/^0x/, '')].filter((f) => f.length >= 4);
    for (const f of forms)
      expect(all.includes(f), `output contains a secret (${f.length} chars)`).toBe(false);
  }
}
