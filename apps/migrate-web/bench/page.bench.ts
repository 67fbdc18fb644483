// `pnpm bench` for the page: wall-clock time of each user step in Debian's Chromium (scrypt at
// the polkadot-js default N = 2^17, in the page's Web Workers), plus the first-load JS size.
// One run per step (each step is ~1 s of scrypt); prints a table. Needs Chromium.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import {
  APP_DIR,
  DIST,
  launch,
  Monitor,
  newComputer,
  readStorage,
  requireChromium,
  serve,
} from '../e2e/harness.ts';
import { DEMO_ACCOUNTS, downloadBundle, loadFile, openPage, unlock } from '../e2e/pages.ts';

requireChromium();
await build({ root: APP_DIR, logLevel: 'warn' });
const server = await serve(DIST);
const browser = await launch();
const monitor = new Monitor();
const tmp = mkdtempSync(join(tmpdir(), 'keyport-bench-'));
const rows: [string, string][] = [];
const timed = async <T>(label: string, step: () => Promise<T>): Promise<T> => {
  const start = performance.now();
  const out = await step();
  rows.push([label, `${Math.round(performance.now() - start)} ms`]);
  return out;
};

try {
  const a = await newComputer(browser, monitor, 'A');
  const scripts: Buffer[] = [];
  a.on('response', async (res) => {
    if (res.request().resourceType() === 'script' && !res.url().includes('demo'))
      scripts.push(await res.body());
  });
  const pageA = await openPage(a, server.url);
  rows.push(['first-load JS (gzip)', `${scripts.reduce((n, b) => n + gzipSync(b).length, 0)} B`]);
  await timed(`?demo: ${DEMO_ACCOUNTS.length} accounts via ui-keyring`, async () => {
    await pageA.goto(`${server.url}?demo`);
    await pageA.waitForURL(/demo=created/, { timeout: 120_000 });
  });
  const entries = Object.keys(await readStorage(pageA)).length;
  await timed('download plain bundle', () => downloadBundle(pageA, tmp));
  await pageA.getByLabel('Passphrase (optional)').fill('bench passphrase');
  const encrypted = await timed('download encrypted bundle (1 scrypt, worker)', () =>
    downloadBundle(pageA, tmp),
  );
  await a.close();

  const b = await newComputer(browser, monitor, 'B');
  const pageB = await openPage(b, server.url);
  await loadFile(pageB, encrypted.path);
  await timed('unlock + plan (1 scrypt, worker; loads the restore chunk)', () =>
    unlock(pageB, 'bench passphrase'),
  );
  await timed(`import ${entries} entries + ui-keyring listing`, async () => {
    await pageB.getByRole('button', { name: 'Import', exact: true }).click();
    await pageB.locator('#verify-accounts').waitFor({ timeout: 60_000 });
  });
  for (const [i, acc] of DEMO_ACCOUNTS.entries()) await pageB.locator(`#check-pw-${i}`).fill(acc.password);
  await timed(`check ${DEMO_ACCOUNTS.length} passwords (workers)`, async () => {
    await pageB.getByRole('button', { name: 'Check passwords' }).click();
    await pageB.locator('#check-status', { hasText: 'passwords unlock' }).waitFor({ timeout: 120_000 });
  });
  rows.push(['encrypted bundle size', `${readFileSync(encrypted.path).length} B for ${entries} entries`]);
  await b.close();
} finally {
  await browser.close();
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
}
const width = Math.max(...rows.map(([l]) => l.length));
console.log(`\nmigrate page in Chromium ${browser.version()} (one run each)`);
for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
