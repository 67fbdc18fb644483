// The repository explains itself: no file cites notes that live outside it (the team's shared
// reference folder), and every `docs/….md` a file names exists. Comments cite the repo's docs/.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mustRun, ROOT } from './npm.ts';

const SHARED = ['shared', ''].join('/'); // written in two parts so this file does not match itself
const OUTSIDE = [
  new RegExp(`${SHARED}(reference|seeds|STYLE)`),
  /(?<![\w/-])(formats-2|profile-recovery|peers|stack-probe)\.md/,
  /(?<![\w/-])formats\.md §/,
];
const TEXT = /\.(ts|mts|mjs|cjs|js|json|md|html|yaml|yml|sh)$/;

function tracked(): string[] {
  return mustRun('git', ['ls-files'], ROOT)
    .stdout.split('\n')
    .filter((f) => TEXT.test(f) && f !== 'pnpm-lock.yaml' && existsSync(join(ROOT, f)));
}

describe('citations', () => {
  it('no tracked file cites notes from outside the repository', () => {
    const found: string[] = [];
    for (const file of tracked()) {
      const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (OUTSIDE.some((re) => re.test(line))) found.push(`${file}:${i + 1}: ${line.trim().slice(0, 120)}`);
      });
    }
    expect(found).toEqual([]);
  });

  it('every docs/….md that a source file names exists', () => {
    // Code only: the docs themselves also name upstream projects' docs/ paths.
    const missing = new Set<string>();
    for (const file of tracked().filter((f) => /\.(ts|mts|mjs|cjs|js)$/.test(f))) {
      for (const m of readFileSync(join(ROOT, file), 'utf8').matchAll(/(?<![\w/.-])docs\/([\w-]+\.md)/g)) {
        if (!existsSync(join(ROOT, 'docs', m[1]!))) missing.add(`${file} → docs/${m[1]}`);
      }
    }
    expect([...missing]).toEqual([]);
  });
});
