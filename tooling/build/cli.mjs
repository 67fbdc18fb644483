// Bundles an app's Node entry (apps/cli's src/bin.ts) with esbuild into dist/: the entry file
// plus one chunk per lazily loaded command, carrying every @keyport/* module, while registry
// packages (@polkadot/*, …) stay imports that npm installs from the package's dependencies.
// Afterwards the bundle's imports are checked against those dependencies, both ways.
import { readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import { directEntryImports } from './barrel.mjs';

const WORKSPACE = /^@keyport\//;

/**
 * The registry package a bare import specifier names (`@polkadot/util/x` → `@polkadot/util`).
 *
 * @param {string} spec an import specifier
 * @returns {string} the package name
 * @example packageOf('@polkadot/util-crypto/scrypt') // '@polkadot/util-crypto'
 */
export function packageOf(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec);
}

/** @type {import('esbuild').Plugin} Bundles @keyport/* and relative files; every other bare import stays external. */
const externalRegistryPackages = {
  name: 'keyport-external-registry-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (WORKSPACE.test(args.path)) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/**
 * Bundles `entry` of the app in `dir` into `dir/dist/<name>.js` (+ `dist/chunks/`), a Node ESM
 * executable with a `#!/usr/bin/env node` line.
 *
 * @param {string} dir the app directory (holds package.json)
 * @param {{ entry: string, name: string }} opts entry relative to dir; output file name
 * @returns {Promise<{ external: string[] }>} the registry packages the bundle imports
 * @throws when the bundle imports a package the app does not list in `dependencies`, or a
 *   dependency is never imported (it would be installed for nothing)
 * @example await bundleNodeApp('apps/cli', { entry: 'src/bin.ts', name: 'keyport' })
 */
export async function bundleNodeApp(dir, { entry, name }) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const outdir = join(dir, 'dist');
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: dir,
    entryPoints: { [name]: entry },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: true,
    sourcesContent: true,
    legalComments: 'none',
    banner: { js: '#!/usr/bin/env node' },
    // Imports from a workspace library's entry go to the defining files, so each command's
    // chunks hold the code it uses rather than the whole library (barrel.mjs).
    plugins: [directEntryImports(join(dir, '..', '..')), externalRegistryPackages],
    metafile: true,
    logLevel: 'warning',
  });
  const builtins = new Set(builtinModules);
  const imported = new Set();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const i of output.imports) {
      if (!i.external || i.path.startsWith('node:') || builtins.has(i.path)) continue;
      imported.add(packageOf(i.path));
    }
  }
  const declared = new Set(Object.keys(pkg.dependencies ?? {}));
  const missing = [...imported].filter((p) => !declared.has(p));
  const unused = [...declared].filter((p) => !imported.has(p));
  if (missing.length > 0) throw new Error(`${pkg.name} imports ${missing.join(', ')}: add to dependencies`);
  if (unused.length > 0) throw new Error(`${pkg.name} never imports its dependencies ${unused.join(', ')}`);
  return { external: [...imported].sort() };
}
