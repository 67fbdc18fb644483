// Builds a library package (packages/*) into dist/: ESM JavaScript, .d.ts and source maps (the
// sources inlined), from the package's tsconfig.build.json (which extends tsconfig.lib.json here).
// The repo itself keeps importing src/*.ts; only what `pnpm pack` writes points at dist/, through
// the package's publishConfig (docs/packaging.md).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * tsc rewrites `./x.ts` to `./x.js` in the JavaScript it emits, but not in .d.ts files and not in
 * `new URL('./x.ts', import.meta.url)` (how web-pool.ts names its worker for bundlers). This
 * rewrites both, in place. Same length, so the source maps stay exact.
 *
 * @param {string} text an emitted .js or .d.ts file
 * @returns {string} the text with every relative `.ts'` specifier ending in `.js'`
 * @example rewriteSpecifiers(`import { a } from './a.ts';`) // `import { a } from './a.js';`
 */
export function rewriteSpecifiers(text) {
  return text
    .replace(/(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*?)\.ts\2/g, '$1$2$3.js$2')
    .replace(/(new\s+URL\(\s*)(['"])(\.{1,2}\/[^'"]*?)\.ts\2/g, '$1$2$3.js$2');
}

/**
 * Lists every file under `dir`, recursively.
 *
 * @param {string} dir
 * @returns {string[]} absolute paths
 */
export function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/**
 * The files the packed `exports` map names (every `types` and `default` target).
 *
 * @param {Record<string, unknown>} pkg a package.json
 * @returns {string[]} paths relative to the package, as written (`./dist/index.js`)
 */
export function packedTargets(pkg) {
  const exports = /** @type {Record<string, unknown>} */ (pkg.publishConfig?.exports ?? {});
  const out = [];
  const visit = (v) => {
    if (typeof v === 'string') out.push(v);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) visit(x);
  };
  visit(exports);
  if (typeof pkg.publishConfig?.types === 'string') out.push(pkg.publishConfig.types);
  return out;
}

/**
 * Builds the library in `dir`: empties dist/, runs tsc, rewrites the `.ts` specifiers tsc leaves,
 * then checks that no relative `.ts` specifier is left and that every packed export exists.
 *
 * @param {string} dir the package directory
 * @throws when tsc fails or a check does not hold (the message names the file)
 * @example buildLibrary(process.cwd())
 */
export function buildLibrary(dir) {
  const dist = join(dir, 'dist');
  rmSync(dist, { recursive: true, force: true });
  const tsc = spawnSync('tsc', ['-p', 'tsconfig.build.json'], { cwd: dir, stdio: 'inherit' });
  if (tsc.status !== 0) throw new Error(`tsc -p tsconfig.build.json failed in ${dir}`);
  for (const file of walk(dist)) {
    if (!/\.(js|d\.ts)$/.test(file)) continue;
    const text = readFileSync(file, 'utf8');
    const next = rewriteSpecifiers(text);
    if (next !== text) writeFileSync(file, next);
    const left = next.match(/(?:from\s+|import\s*\(\s*|new\s+URL\(\s*)['"]\.{1,2}\/[^'"]*\.ts['"]/);
    if (left) throw new Error(`${relative(dir, file)} still imports a .ts file: ${left[0]}`);
  }
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  for (const target of packedTargets(pkg)) {
    if (!existsSync(join(dir, target)))
      throw new Error(`${pkg.name}: publishConfig names ${target}, not built`);
  }
}
