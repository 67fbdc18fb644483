#!/usr/bin/env node
// `npm start`, `npm test` and `npm run pack:release` from a fresh clone: make sure pnpm 10.34.9
// is on PATH (a private copy under tooling/bootstrap/.pnpm when the machine has none), install the
// locked dependencies, then hand over to turbo. Plain JavaScript so it runs before anything is installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PNPM = '10.34.9';
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const privateDir = join(root, 'tooling', 'bootstrap', '.pnpm');
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1' };

const TASKS = {
  start: ['run', 'start', '--filter=@keyport/migrate-web'],
  test: ['run', 'lint', 'typecheck', 'test', 'test:deno', 'test:e2e', '--concurrency=1'],
  fuzz: ['run', 'test', 'test:deno', '--concurrency=1'],
  bench: ['run', 'bench', '--concurrency=1'],
  pack: ['run', 'pack:release'],
};

function pnpmVersion() {
  try {
    return execFileSync('pnpm', ['--version'], {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

function ensurePnpm() {
  if (pnpmVersion() === PNPM) return;
  const bin = join(privateDir, 'node_modules', '.bin');
  env.PATH = `${bin}${delimiter}${env.PATH ?? ''}`;
  if (pnpmVersion() === PNPM) return;
  console.log(`keyport: installing pnpm ${PNPM} into tooling/bootstrap/.pnpm (the machine has none)`);
  run('npm', ['install', '--no-save', '--no-package-lock', '--prefix', privateDir, `pnpm@${PNPM}`]);
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const what = process.argv[2];
const tasks = TASKS[what];
if (!tasks) {
  console.error(`usage: node tooling/bootstrap/run.mjs ${Object.keys(TASKS).join('|')}`);
  process.exit(2);
}
ensurePnpm();
run('pnpm', ['install', '--frozen-lockfile']);
if (what === 'test' && !existsSync(env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
  console.error(
    '\n\u001b[41;97m keyport: Chromium is missing \u001b[0m the end-to-end tests need /usr/bin/chromium.\n' +
      'Install it with: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH).\n' +
      'The browser tests will FAIL until then.\n',
  );
}
if (what === 'test' && !existsSync(env.FIREFOX_PATH ?? '/usr/bin/firefox-esr')) {
  console.error(
    '\n\u001b[41;97m keyport: Firefox ESR is missing \u001b[0m the browser-profile tests need /usr/bin/firefox-esr.\n' +
      'Install it with: apt-get update && apt-get install -y firefox-esr (or set FIREFOX_PATH).\n' +
      'The browser-profile tests will FAIL until then.\n',
  );
}
if (what === 'fuzz') env.FC_NUM_RUNS = env.FC_NUM_RUNS ?? '1000';
// Only this run's tarballs in packed/, so `npm i -g ./packed/keyport-cli-*.tgz` finds one.
if (what === 'pack') rmSync(join(root, 'packed'), { recursive: true, force: true });
run('pnpm', ['exec', 'turbo', ...tasks]);
