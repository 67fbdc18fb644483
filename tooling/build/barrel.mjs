// An esbuild plugin for the CLI bundle: an import from a workspace package's entry file
// (`import { openKeystore } from '@keyport/core'`) becomes imports from the files that define
// those names. esbuild splits code by files reachable through imports (with several entry points
// it also ignores `"sideEffects": false`), so a command importing one name from an entry that
// re-exports everything would load everything: every command would carry the locate search,
// secrets.js and the Web3 crypto. Entry files list named re-exports (docs/architecture.md), which
// is what makes this rewrite exact; a name it cannot place leaves the import as written.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const ENTRY_IMPORT = /import\s+(type\s+)?\{([^}]*)\}\s*from\s*'(@keyport\/[a-z-]+)'\s*;?/g;
const RE_EXPORT = /export\s+(type\s+)?\{([^}]*)\}\s*from\s*'(\.[^']+)'\s*;?/g;

/**
 * The names in a `{ … }` list: `a`, `type B`, `c as d` (`type` marks a type-only name).
 *
 * @param {string} list the text between the braces
 * @returns {{ name: string, as: string, type: boolean }[]} each name and what it is called
 * @example specifiers('a, type B, c as d') // [{name:'a',as:'a',type:false}, …]
 */
export function specifiers(list) {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const type = s.startsWith('type ');
      const [name, as = name] = (type ? s.slice(5) : s).split(/\s+as\s+/).map((x) => x.trim());
      return { name, as, type };
    });
}

/**
 * Where each name an entry file re-exports is defined: exported name → { file, name }.
 *
 * @param {string} entry absolute path of the entry file (say packages/core/src/index.ts)
 * @returns {Map<string, { file: string, name: string }>} names it re-exports from other files
 * @example exportsOf('/repo/packages/core/src/index.ts').get('openKeystore').file // …/keystore/open.ts
 */
export function exportsOf(entry) {
  const out = new Map();
  const text = readFileSync(entry, 'utf8');
  for (const [, , list, from] of text.matchAll(RE_EXPORT)) {
    const file = resolve(dirname(entry), from);
    for (const s of specifiers(list)) out.set(s.as, { file, name: s.name });
  }
  return out;
}

/**
 * `source` with each import from a workspace package's entry replaced by imports from the files
 * defining the names, on as many lines as before (source maps stay right). Type-only names are
 * dropped; an import naming anything `where` cannot place stays as written.
 *
 * @param {string} source a TypeScript file's text
 * @param {(pkg: string) => Map<string, { file: string, name: string }> | undefined} where the
 *   re-exports of a package's entry, or undefined for a package left alone
 * @returns {string} the rewritten text
 * @example direct("import { wipe } from '@keyport/core';", where) // "import { wipe } from '/…/account.ts';"
 */
export function direct(source, where) {
  return source.replace(ENTRY_IMPORT, (whole, typeOnly, list, pkg) => {
    const map = where(pkg);
    if (map === undefined) return whole;
    const lines = '\n'.repeat(whole.split('\n').length - 1);
    if (typeOnly) return lines;
    const byFile = new Map();
    for (const s of specifiers(list)) {
      if (s.type) continue;
      const at = map.get(s.name);
      if (at === undefined) return whole;
      const names = byFile.get(at.file) ?? [];
      names.push(at.name === s.as ? s.as : `${at.name} as ${s.as}`);
      byFile.set(at.file, names);
    }
    const imports = [...byFile].map(
      ([file, names]) => `import { ${names.join(', ')} } from ${JSON.stringify(file)};`,
    );
    return imports.join(' ') + lines;
  });
}

/**
 * The plugin: rewrites imports of `@keyport/<name>` in every TypeScript file it loads, for the
 * workspace packages whose `.` export is a source entry under `root`/packages.
 *
 * @param {string} root the repository root
 * @returns {import('esbuild').Plugin} the plugin
 * @example plugins: [directEntryImports(join(dir, '..', '..'))]
 */
export function directEntryImports(root) {
  const cache = new Map();
  const where = (pkg) => {
    if (!cache.has(pkg)) {
      let map;
      try {
        const dir = join(root, 'packages', pkg.slice('@keyport/'.length));
        const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
        const entry = typeof manifest.exports?.['.'] === 'string' ? manifest.exports['.'] : undefined;
        map = entry === undefined ? undefined : exportsOf(join(dir, entry));
      } catch {
        map = undefined; // not a workspace library with a source entry: its imports stay as written
      }
      cache.set(pkg, map);
    }
    return cache.get(pkg);
  };
  return {
    name: 'keyport-direct-entry-imports',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => ({
        contents: direct(readFileSync(args.path, 'utf8'), where),
        loader: 'ts',
      }));
    },
  };
}
