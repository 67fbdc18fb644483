#!/usr/bin/env node
// Proves that the package entries import nothing Node-only. `deno check` alone cannot (Deno
// understands `node:` imports), so this walks Deno's module graph of each entry (`deno info
// --json`, static and dynamic imports, npm packages not followed) and fails on any `node:`
// module or on a first-party file that exists only for Node (the injected backends, reached
// through their own export such as `@keyport/core/scrypt-node`, never from the entry).
// Run from tooling/roundtrip: `node scripts/runtime-neutral.mjs`.
import { execFileSync } from 'node:child_process';

const ENTRIES = [
  '../../packages/core/src/index.ts',
  '../../packages/storage-migrate/src/index.ts',
  '../../packages/browser-profile/src/index.ts',
];
const NODE_ONLY_FILES = [
  /\/packages\/core\/src\/scrypt\/node\.ts$/,
  /\/packages\/core\/src\/parallel\/node-pool\.ts$/,
  /\/packages\/browser-profile\/src\/node\//,
];

let failed = false;
for (const entry of ENTRIES) {
  const out = execFileSync('deno', ['info', '--json', '--config', 'deno.json', entry], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const { modules } = JSON.parse(out);
  const bad = modules
    .map((m) => m.specifier)
    .filter((s) => s.startsWith('node:') || NODE_ONLY_FILES.some((re) => re.test(s)));
  const firstParty = modules.filter(
    (m) => m.specifier.startsWith('file:') && m.specifier.includes('/packages/'),
  );
  if (bad.length > 0) {
    failed = true;
    console.error(`runtime-neutral: ${entry} reaches Node-only modules:\n  ${bad.join('\n  ')}`);
  } else {
    console.log(`runtime-neutral: ${entry} ok (${firstParty.length} first-party modules, no node: imports)`);
  }
}
process.exit(failed ? 1 : 0);
