// The `./light` entry must stay dependency-free: the migrate page's first load and the
// bookmarklet import it. Follows every relative import from src/light.ts and fails on any import
// of a package (bare specifier), so a later `import { KeyportError } from '@keyport/core'` there
// shows up here instead of as 250 kB in the page's first load.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

function importsOf(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  return [...code.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]/gm)].map(
    (m) => m[1] as string,
  );
}

describe('@keyport/storage-migrate/light', () => {
  it('reaches no package, only its own dependency-free modules', () => {
    const start = resolve(import.meta.dirname, '../src/light.ts');
    const seen = new Set<string>();
    const bare: string[] = [];
    const queue = [start];
    while (queue.length > 0) {
      const file = queue.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const spec of importsOf(file)) {
        if (spec.startsWith('.')) queue.push(join(dirname(file), spec));
        else bare.push(`${file}: ${spec}`);
      }
    }
    expect(bare).toEqual([]);
    expect(seen.size).toBe(3); // light.ts, changes/transaction.ts, classify.ts
  });
});
