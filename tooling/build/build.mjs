#!/usr/bin/env node
// `keyport-build lib` (in packages/*) or `keyport-build app <entry> <name>` (in apps/cli): the
// one build of every publishable package. docs/packaging.md explains the layout.

import { bundleNodeApp } from './cli.mjs';
import { buildLibrary } from './lib.mjs';

const [mode, entry, name] = process.argv.slice(2);
const dir = process.cwd();
try {
  if (mode === 'lib') buildLibrary(dir);
  else if (mode === 'app' && entry && name) {
    const { external } = await bundleNodeApp(dir, { entry, name });
    console.log(`dist/${name}.js: imports ${external.join(', ')}`);
  } else {
    console.error('usage: keyport-build lib | keyport-build app <entry.ts> <name>');
    process.exitCode = 2;
  }
} catch (e) {
  console.error(`keyport-build: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
