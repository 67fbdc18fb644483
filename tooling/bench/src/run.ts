// `pnpm bench`: one run, the same inputs side by side, a table on stdout and results.json beside
// this package. Every time is the median of several runs (KEYPORT_BENCH_RUNS, default 5; the
// Chromium row uses at most 3). KEYPORT_BENCH_ONLY=node-unlock,page-size picks rows
// (node-unlock, chromium-unlock, cli-help, cli-unlock (or cli for both), storage-move, locate,
// profile-scan, page-size).
// No figure here is asserted by a test: the table reports, it does not gate.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, platform, release, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchBrowserUnlock } from './browser-unlock.ts';
import { benchCliProcess } from './cli-process.ts';
import { makeKeystores } from './fixtures.ts';
import { benchLocate } from './locate.ts';
import { benchNodeUnlock } from './node-unlock.ts';
import { benchPageSize } from './page-size.ts';
import { benchProfileScan } from './profile-scan.ts';
import { type Row, round, table } from './stats.ts';
import { benchStorageMoveChromium, benchStorageMoveNode } from './storage-move.ts';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, '..');
const root = join(pkg, '..', '..');
const runs = Math.max(1, Number(process.env.KEYPORT_BENCH_RUNS ?? 5) || 5);
const only = process.env.KEYPORT_BENCH_ONLY?.split(',').filter(Boolean);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const wanted = (id: string): boolean => !only || only.includes(id);

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** Runs a package's `vite build` (its own vite.config.ts), optionally into another directory. */
function viteBuild(cwd: string, outDir?: string): string | undefined {
  const args = ['build', ...(outDir ? ['--outDir', outDir, '--emptyOutDir'] : [])];
  const r = spawnSync(join(cwd, 'node_modules', '.bin', 'vite'), args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  if (r.status === 0) return undefined;
  const lines = `${r.stderr}\n${r.stdout}`
    .replace(ANSI, '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const at = Math.max(
    0,
    lines.findIndex((l) => /error/i.test(l)),
  );
  const why = lines.slice(at, at + 3).join(' ');
  return `vite build failed (exit ${r.status ?? r.signal}): ${why}`;
}

function failed(id: string, title: string, goal: string, error: unknown): Row {
  return { id, title, goal, status: 'failed', note: error instanceof Error ? error.message : String(error) };
}

const rows: Row[] = [];
const started = performance.now();
const load = loadavg()[0]!;
const cases = wanted('node-unlock') || wanted('chromium-unlock') ? await makeKeystores(8) : [];
console.log(
  `keyport bench: ${runs} runs per figure, ${availableParallelism()} cores, load ${round(load, 2)}`,
);

if (wanted('node-unlock')) {
  console.log('· unlock 8 accounts in Node…');
  try {
    rows.push(...(await benchNodeUnlock(cases, runs)));
  } catch (e) {
    rows.push(failed('node-unlock', 'unlock 8 accounts, Node', '≥ 3× faster', e));
  }
}
if (wanted('cli') || wanted('cli-help') || wanted('cli-unlock')) {
  console.log('· install the packed keyport CLI; --help and unlock as whole processes…');
  try {
    const shared = 'bench shared password';
    rows.push(...benchCliProcess(await makeKeystores(8, shared), shared, runs));
  } catch (e) {
    rows.push(failed('cli-help', 'installed keyport --help / unlock, whole process', 'see README', e));
  }
}
/** The bench page and the browser, or why the Chromium rows cannot run (built once, on first use). */
let pageReady: { distDir: string; chromiumPath: string } | string | undefined;
function benchPage(): { distDir: string; chromiumPath: string } {
  if (pageReady === undefined) {
    const distDir = join(pkg, 'dist');
    const note = existsSync(chromiumPath)
      ? existsSync(join(distDir, 'index.html'))
        ? undefined
        : viteBuild(pkg)
      : `no Chromium at ${chromiumPath}`;
    pageReady = note === undefined ? { distDir, chromiumPath } : `the bench page: ${note}`;
  }
  if (typeof pageReady === 'string') throw new Error(pageReady);
  return pageReady;
}

if (wanted('chromium-unlock')) {
  console.log('· unlock 8 accounts in Chromium…');
  try {
    rows.push(await benchBrowserUnlock(cases, Math.min(runs, 3), benchPage()));
  } catch (e) {
    rows.push(
      failed('chromium-unlock', 'unlock 8 accounts, Chromium', '≥ 1.8× faster, longest task < 50 ms', e),
    );
  }
}
if (wanted('storage-move')) {
  console.log('· move a 10,000-entry storage in Chromium, then in Node…');
  try {
    rows.push(await benchStorageMoveChromium(runs, benchPage()));
  } catch (e) {
    rows.push(
      failed('storage-move', 'move a 10,000-entry storage, Chromium', 'within 3× of the console loop', e),
    );
  }
  try {
    rows.push(await benchStorageMoveNode(runs));
  } catch (e) {
    rows.push(failed('storage-move-node', 'move a 10,000-entry storage, Node', 'for reference', e));
  }
}
if (wanted('locate')) {
  console.log('· locate: the default search for an address it does not hold…');
  try {
    rows.push(await benchLocate(runs));
  } catch (e) {
    rows.push(failed('locate', 'locate, default search, Node', '< 1 s', e));
  }
}
if (wanted('profile-scan')) {
  console.log('· scan a Chromium profile with 10,000 localStorage entries…');
  try {
    if (!existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath}`);
    rows.push(await benchProfileScan(runs));
  } catch (e) {
    rows.push(failed('profile-scan', 'scan a Chromium profile with 10,000 entries', 'for reference', e));
  }
}
if (wanted('page-size')) {
  console.log('· build the migrate page and weigh its initial JS…');
  // A fresh build into a temporary directory, so a teammate's apps/migrate-web/dist is untouched.
  const app = join(root, 'apps', 'migrate-web');
  const outDir = mkdtempSync(join(tmpdir(), 'keyport-page-'));
  try {
    const note = viteBuild(app, outDir);
    rows.push(benchPageSize(outDir, note));
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

const results = {
  generatedAt: new Date().toISOString(),
  runsPerFigure: runs,
  machine: {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    loadAverage1m: round(load, 2),
    platform: `${platform()} ${release()}`,
    node: process.version,
  },
  durationS: round((performance.now() - started) / 1000),
  rows,
};
const out = join(pkg, 'results.json');
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\n${table(rows)}\n`);
for (const r of rows) if (r.note) console.log(`${r.id}: ${r.note}`);
for (const r of rows) if (r.extra) console.log(`${r.id}: ${JSON.stringify(r.extra)}`);
console.log(`\nwrote ${out} in ${results.durationS} s`);
