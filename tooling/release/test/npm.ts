// What the release tests share: where the tarballs are, plain npm run as a stranger would run it
// (none of pnpm's or turbo's variables), and scratch folders.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** Where `pnpm pack:release` writes the tarballs. */
export const PACKED = join(ROOT, 'packed');

/** What one command printed and returned. */
export interface Ran {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment minus what pnpm, npm scripts and turbo add (npm_package_*, INIT_CWD, …). */
export function strangerEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (
      /^(npm_(lifecycle|package|command|execpath|node_execpath)|npm_config_(user_agent|verify_deps)|pnpm_|PNPM_|INIT_CWD$|TURBO_)/i.test(
        k,
      )
    )
      continue;
    env[k] = v;
  }
  return {
    ...env,
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
    ...extra,
  };
}

/** Runs `cmd args` in `cwd` with the stranger's environment; never throws on a non-zero exit. */
export function run(cmd: string, args: readonly string[], cwd: string, env = strangerEnv()): Ran {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Like run, but throws with the command's output when it fails. */
export function mustRun(cmd: string, args: readonly string[], cwd: string, env = strangerEnv()): Ran {
  const r = run(cmd, args, cwd, env);
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}\n${r.stdout}\n${r.stderr}`.slice(0, 4000));
  }
  return r;
}

/**
 * The tarball `pnpm pack` wrote for the workspace package in `dir` (relative to the root), e.g.
 * packed/keyport-core-0.1.0.tgz for packages/core.
 *
 * @throws when it is missing (run `pnpm pack:release`)
 */
export function tarball(dir: string): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  const file = join(PACKED, `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}.tgz`);
  if (!existsSync(file)) throw new Error(`${file} is missing: run pnpm pack:release`);
  return file;
}

/** A fresh empty folder; `cleanup()` removes it. */
export function scratch(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
