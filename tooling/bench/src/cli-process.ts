// Rows `cli-help` and `cli-unlock`: the packed `keyport` command, installed with npm into a
// scratch prefix as a user would (`npm i -g`), timed as whole processes from outside, side by
// side with its yardstick (A B A B …): `keyport --help` against a bare `node -e 0`, and
// `keyport unlock` of 8 accounts at scrypt 2^17 against a polkadot-js script that decodes the
// same file serially in one process.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KeystoreCase } from './fixtures.ts';
import { figure, type Row, round } from './stats.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');

/** Runs a command to its end and returns its wall time in ms; throws when it fails. */
function wall(cmd: string, args: readonly string[], cwd: string): number {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 300)}`);
  return ms;
}

/** A then B, `runs` times after one warm-up pair; the medians and the pairwise ratio A/B. */
function sideBySide(a: () => number, b: () => number, runs: number) {
  a();
  b();
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < runs; i++) {
    as.push(a());
    bs.push(b());
  }
  return { a: figure(as), b: figure(bs), ratios: as.map((x, i) => x / bs[i]!) };
}

/** Installs packed/keyport-cli-*.tgz into a scratch prefix; returns the `keyport` path. */
function installCli(prefix: string): string {
  const packed = join(root, 'packed');
  const tgz = existsSync(packed)
    ? readdirSync(packed).find((f) => /^keyport-cli-.*\.tgz$/.test(f))
    : undefined;
  if (!tgz) throw new Error('packed/keyport-cli-*.tgz is missing: run pnpm pack:release');
  const env: NodeJS.ProcessEnv = { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false' };
  for (const k of Object.keys(env)) if (/^(npm_(lifecycle|package)|INIT_CWD$)/.test(k)) delete env[k];
  const r = spawnSync('npm', ['install', '--global', '--prefix', prefix, join(packed, tgz)], {
    env,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`npm install of ${tgz} failed: ${r.stderr.slice(0, 300)}`);
  return join(prefix, 'bin', 'keyport');
}

/**
 * Installs the CLI, writes `cases` (one password) as an Apps array, and measures both rows.
 *
 * @param cases keystores made by polkadot-js at its default scrypt, all with `password`
 */
export function benchCliProcess(cases: readonly KeystoreCase[], password: string, runs: number): Row[] {
  const dir = mkdtempSync(join(tmpdir(), 'keyport-bench-cli-'));
  try {
    const keyport = installCli(join(dir, 'prefix'));
    const file = join(dir, 'accounts.json');
    const pw = join(dir, 'password.txt');
    writeFileSync(file, JSON.stringify(cases.map((c) => c.json)));
    writeFileSync(pw, `${password}\n`, { mode: 0o600 });

    const loadBefore = round(loadavg()[0]!, 2);
    const help = sideBySide(
      () => wall(keyport, ['--help'], dir),
      () => wall(process.execPath, ['-e', '0'], dir),
      Math.max(runs, 9),
    );
    const helpRatio = round(help.a.median / help.b.median, 2);
    const unlock = sideBySide(
      () => wall(keyport, ['unlock', file, '--password-file', pw], dir),
      () => wall(process.execPath, [join(here, 'keyring-unlock.mjs'), file, pw], here),
      runs,
    );
    const unlockRatio = round(unlock.b.median / unlock.a.median, 2);
    // Both are whole processes on shared cores: others' load shrinks the parallel ratio.
    const load = { loadBefore, loadAfter: round(loadavg()[0]!, 2) };
    return [
      {
        id: 'cli-help',
        title: 'installed `keyport --help`, whole process',
        status: 'measured',
        keyport: help.a,
        keyportLabel: 'npm i -g of the packed CLI',
        baseline: help.b,
        baselineLabel: '`node -e 0`',
        ratio: helpRatio,
        ratioMeaning: "node's time",
        goal: 'within 2×',
        met: helpRatio <= 2,
        extra: load,
      },
      {
        id: 'cli-unlock',
        title: `\`keyport unlock\` of ${cases.length} accounts at 2^17, whole process`,
        status: 'measured',
        keyport: unlock.a,
        keyportLabel: 'native scrypt on the libuv pool',
        baseline: unlock.b,
        baselineLabel: 'a polkadot-js script: decodePkcs8, serial',
        ratio: unlockRatio,
        ratioMeaning: 'faster',
        goal: '≥ 2.8× faster',
        met: unlockRatio >= 2.8,
        extra: { accounts: cases.length, scryptN: 2 ** 17, ...load },
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
