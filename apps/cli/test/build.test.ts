// The bundle's import rewrite (tooling/build/barrel.mjs): every name an entry file re-exports is
// placed in the file that defines it, and a command's import from an entry becomes imports from
// those files, on as many lines as before.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: a plain JavaScript module of the build tool, without types
import { direct, exportsOf, specifiers } from '@keyport/build/barrel.mjs';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const ENTRIES = {
  '@keyport/core': join(root, 'packages/core/src/index.ts'),
  '@keyport/storage-migrate': join(root, 'packages/storage-migrate/src/index.ts'),
  '@keyport/browser-profile': join(root, 'packages/browser-profile/src/index.ts'),
};
type Place = { file: string; name: string };

describe('direct imports from workspace entries', () => {
  it('places every runtime export of each entry in a file that exports it under that name', async () => {
    for (const [pkg, entry] of Object.entries(ENTRIES)) {
      const places = exportsOf(entry) as Map<string, Place>;
      const runtime = Object.keys(await import(entry));
      expect(runtime.length, pkg).toBeGreaterThan(0);
      for (const name of runtime) {
        const at = places.get(name);
        expect(at, `${pkg} ${name}`).toBeDefined();
        expect(Object.keys(await import((at as Place).file)), `${pkg} ${name}`).toContain((at as Place).name);
      }
    }
  });

  it('rewrites an entry import into imports of the defining files, keeping its lines', () => {
    const places = exportsOf(ENTRIES['@keyport/core']) as Map<string, Place>;
    const where = (pkg: string) => (pkg === '@keyport/core' ? places : undefined);
    const source = [
      'import {',
      '  openKeystore,',
      '  type KeystoreJson,',
      '  wipe as forget,',
      "} from '@keyport/core';",
      "import type { ScryptBackend } from '@keyport/core';",
      "import { other } from '@keyport/somewhere';",
      'forget(await openKeystore(json, pw));',
    ].join('\n');
    const out = direct(source, where) as string;
    expect(out.split('\n')).toHaveLength(source.split('\n').length);
    expect(out).toContain(
      `import { openKeystore } from ${JSON.stringify(places.get('openKeystore')?.file)};`,
    );
    expect(out).toContain(`import { wipe as forget } from ${JSON.stringify(places.get('wipe')?.file)};`);
    expect(out).not.toContain("from '@keyport/core'");
    expect(out).toContain("import { other } from '@keyport/somewhere';");
    expect(out.endsWith('forget(await openKeystore(json, pw));')).toBe(true);
    // A name the entry does not re-export leaves the import as written.
    const unknown = "import { openKeystore, notExported } from '@keyport/core';";
    expect(direct(unknown, where)).toBe(unknown);
  });

  it('reads names, type markers and renames from a braces list', () => {
    expect(specifiers(' a, type B,\n c as d, ')).toEqual([
      { name: 'a', as: 'a', type: false },
      { name: 'B', as: 'B', type: true },
      { name: 'c', as: 'd', type: false },
    ]);
  });
});
