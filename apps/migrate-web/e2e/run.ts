// `pnpm test:e2e`: builds the page, serves dist/ on a free 127.0.0.1 port, runs every e2e test
// in Debian's Chromium and prints "N passed, N failed" (exit 1 on any failure).
import { rmSync } from 'node:fs';
import { build } from 'vite';
import { registerAttackTests } from './attacks.e2e.ts';
import { registerBridgeTests } from './bridge.e2e.ts';
import { makeEnv } from './env.ts';
import { registerExtraTests } from './extras.e2e.ts';
import { APP_DIR, ARTIFACTS, DIST, launch, requireChromium, runAll, serve } from './harness.ts';
import { registerMoveTests } from './move.e2e.ts';
import { registerRollbackTests } from './rollback.e2e.ts';

requireChromium();
rmSync(ARTIFACTS, { recursive: true, force: true });
const started = Date.now();
if (process.env.KEYPORT_E2E_NO_BUILD !== '1') await build({ root: APP_DIR, logLevel: 'warn' });
const server = await serve(DIST);
const browser = await launch();
console.log(`keyport e2e: ${browser.version()} on ${server.url}`);
let failed = 1;
try {
  const env = makeEnv(server.url, browser);
  registerMoveTests(env);
  registerBridgeTests(env);
  registerAttackTests(env);
  registerExtraTests(env);
  registerRollbackTests(env);
  failed = await runAll();
} finally {
  await browser.close();
  await server.close();
}
console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in artifacts/)`);
process.exit(failed === 0 ? 0 : 1);
