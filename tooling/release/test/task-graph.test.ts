// turbo can't replay a stale pass: an edit in packages/core must change the cache key of every
// task (lint, typecheck, test, test:deno) of every package that depends on core, directly or
// not, and of none that doesn't. Proven on a copy of the repository (tracked files only), with
// turbo's dry run: nothing is executed, only the task hashes are compared before and after.
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mustRun, ROOT, scratch, strangerEnv } from './npm.ts';

const TASKS = ['lint', 'typecheck', 'test', 'test:deno'];
const TURBO = join(ROOT, 'node_modules', '.bin', 'turbo');

interface DryTask {
  taskId: string;
  package: string;
  hash: string;
  command: string;
}

/** The workspace packages and the @keyport packages each one lists in any dependency field. */
function workspaceGraph(root: string): Map<string, { dir: string; deps: string[] }> {
  const dirs = mustRun('git', ['ls-files', '*/package.json'], root)
    .stdout.split('\n')
    .filter((f) => /^(packages|apps|tooling)\/[^/]+\/package\.json$/.test(f));
  const graph = new Map<string, { dir: string; deps: string[] }>();
  for (const file of dirs) {
    const pkg = JSON.parse(readFileSync(join(root, file), 'utf8'));
    const all = { ...pkg.dependencies, ...pkg.devDependencies, ...pkg.peerDependencies };
    graph.set(pkg.name, {
      dir: dirname(file),
      deps: Object.keys(all).filter((d) => d.startsWith('@keyport/')),
    });
  }
  return graph;
}

/** Whether `name` depends on `target`, directly or through other workspace packages. */
function dependsOn(graph: ReturnType<typeof workspaceGraph>, name: string, target: string): boolean {
  const seen = new Set<string>();
  const visit = (n: string): boolean => {
    for (const d of graph.get(n)?.deps ?? []) {
      if (d === target) return true;
      if (seen.has(d)) continue;
      seen.add(d);
      if (visit(d)) return true;
    }
    return false;
  };
  return visit(name);
}

describe('the turbo task graph', () => {
  const tmp = scratch('keyport-task-graph-');
  const repo = join(tmp.dir, 'repo');
  const env = strangerEnv({
    TURBO_TELEMETRY_DISABLED: '1',
    GIT_AUTHOR_NAME: 'k',
    GIT_AUTHOR_EMAIL: 'k@k',
    GIT_COMMITTER_NAME: 'k',
    GIT_COMMITTER_EMAIL: 'k@k',
  });
  const dry = (): Map<string, DryTask> => {
    const out = execFileSync(TURBO, ['run', ...TASKS, '--dry=json'], {
      cwd: repo,
      env,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    const tasks = (JSON.parse(out) as { tasks: DryTask[] }).tasks;
    return new Map(tasks.map((t) => [t.taskId, t]));
  };

  beforeAll(() => {
    mkdirSync(repo);
    const files = mustRun('git', ['ls-files', '-co', '--exclude-standard'], ROOT)
      .stdout.split('\n')
      .filter(Boolean);
    for (const f of files) cpSync(join(ROOT, f), join(repo, f), { recursive: true });
    // The installed tools (turbo itself); git-ignored, so outside every hash.
    symlinkSync(join(ROOT, 'node_modules'), join(repo, 'node_modules'));
    mustRun('git', ['init', '-q'], repo, env);
    mustRun('git', ['add', '-A'], repo, env);
    mustRun('git', ['commit', '-qm', 'copy'], repo, env);
  });
  afterAll(() => tmp.cleanup());

  it('an edit in packages/core changes the key of every dependent task, and of no other', () => {
    const graph = workspaceGraph(repo);
    const before = dry();
    appendFileSync(join(repo, 'packages', 'core', 'src', 'errors.ts'), '\n// an edit\n');
    const after = dry();
    const changed: string[] = [];
    const same: string[] = [];
    for (const [id, task] of before) {
      if (task.command === '<NONEXISTENT>') continue;
      (after.get(id)?.hash === task.hash ? same : changed).push(id);
    }
    const expected = [...before.values()]
      .filter((t) => t.command !== '<NONEXISTENT>')
      .filter((t) => t.package === '@keyport/core' || dependsOn(graph, t.package, '@keyport/core'))
      .map((t) => t.taskId);
    // What depends on core here: storage-migrate, the CLI, the page, the matrix, the bench, …
    for (const name of ['@keyport/storage-migrate', '@keyport/cli', '@keyport/roundtrip'])
      expect(expected).toContain(`${name}#test`);
    expect(changed.sort()).toEqual(expected.sort());
    // …and the packages below core keep their cached passes.
    expect(same).toContain('@keyport/test-harness#test');
  });
});
