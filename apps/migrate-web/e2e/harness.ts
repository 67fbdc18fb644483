// The end-to-end harness: Debian's Chromium through playwright-core (never `playwright install`),
// the built page served by scripts/serve.mjs on a free 127.0.0.1 port, a tiny test runner with an
// "N passed, N failed" line, screenshots under artifacts/, and a monitor of every request and
// console message of every browser context.
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, CHROMIUM_FLAGS } from '@keyport/browser-fixtures';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { createStaticServer } from '../scripts/serve.mjs';

export const APP_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = join(APP_DIR, 'dist');
export const ARTIFACTS = join(APP_DIR, 'artifacts');
export { CHROMIUM };

const CHROMIUM_ARGS = [...CHROMIUM_FLAGS];

/** Exits non-zero, loudly, when Chromium is missing. */
export function requireChromium(): void {
  if (existsSync(CHROMIUM)) return;
  console.error(
    '\n\u001b[41;97m keyport e2e: Chromium is missing \u001b[0m\n' +
      `No browser at ${CHROMIUM}. Install it with: apt-get update && apt-get install -y chromium\n` +
      '(or set CHROMIUM_PATH). The browser tests did NOT run.\n',
  );
  process.exit(1);
}

/** Starts a static server on a free port of 127.0.0.1. */
export async function serve(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createStaticServer(root);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Launches Debian's Chromium headless with the flags from DEVELOPERS.md. */
export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * The same Chromium with its popup blocker on (playwright-core turns it off by default), to see
 * what a person whose browser blocks the keyport window sees.
 */
export function launchWithPopupBlocker(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    ignoreDefaultArgs: ['--disable-popup-blocking'],
  });
}

/** Everything the browser asked for or printed, across all contexts. */
export class Monitor {
  readonly requests: string[] = [];
  readonly console: string[] = [];
  readonly pageErrors: string[] = [];

  watch(context: BrowserContext, label: string): void {
    context.on('request', (req) => this.requests.push(req.url()));
    context.on('console', (msg) => this.console.push(`[${label}] ${msg.type()}: ${msg.text()}`));
    context.on('weberror', (err) => this.pageErrors.push(`[${label}] ${err.error().message}`));
  }

  /** Requests to any origin but `origins` (data: and blob: URLs never leave). */
  outside(origins: ReadonlySet<string>): string[] {
    return this.requests.filter((u) => {
      if (u.startsWith('data:') || u.startsWith('blob:') || u === 'about:blank') return false;
      return !origins.has(new URL(u).origin);
    });
  }
}

/** A "computer": a fresh browser context (its own localStorage) with downloads allowed. */
export async function newComputer(
  browser: Browser,
  monitor: Monitor,
  label: string,
): Promise<BrowserContext> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 900, height: 900 } });
  monitor.watch(context, label);
  return context;
}

let shotCount = 0;
/** Saves a full-page screenshot as artifacts/NN-name.png and returns its path. */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  shotCount++;
  const path = join(ARTIFACTS, `${String(shotCount).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The page's whole localStorage as a plain object (keys sorted). */
export function readStorage(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    const keys: string[] = [];
    for (let i = 0; i < localStorage.length; i++) keys.push(localStorage.key(i) as string);
    for (const k of keys.sort()) out[k] = localStorage.getItem(k) as string;
    return out;
  });
}

/** Replaces the page's localStorage with `items` (test setup only). */
export function writeStorage(page: Page, items: Record<string, string>): Promise<void> {
  return page.evaluate((all) => {
    localStorage.clear();
    for (const [k, v] of Object.entries(all)) localStorage.setItem(k, v);
  }, items);
}

/** A failed expectation. */
export function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

/** Deep equality of two string records, with the first difference in the message. */
export function assertSameStorage(
  actual: Record<string, string>,
  expected: Record<string, string>,
  what: string,
): void {
  const a = Object.keys(actual).sort();
  const e = Object.keys(expected).sort();
  assert(
    JSON.stringify(a) === JSON.stringify(e),
    `${what}: keys differ\n  only in actual: ${a.filter((k) => !(k in expected)).join(', ')}\n  only in expected: ${e.filter((k) => !(k in actual)).join(', ')}`,
  );
  for (const k of e) assert(actual[k] === expected[k], `${what}: value of ${k} differs`);
}

interface TestCase {
  readonly name: string;
  readonly fn: () => Promise<void>;
}
const cases: TestCase[] = [];

/** Registers a test; run() runs them in order. */
export function test(name: string, fn: () => Promise<void>): void {
  cases.push({ name, fn });
}

/**
 * Runs every registered test (only those whose name holds KEYPORT_E2E_ONLY, when set: for
 * iterating on tests that need no earlier one); prints "N passed, N failed", returns the failures.
 */
export async function runAll(): Promise<number> {
  let passed = 0;
  let failed = 0;
  const only = process.env.KEYPORT_E2E_ONLY;
  for (const c of cases) {
    if (only !== undefined && !c.name.includes(only)) continue;
    const start = Date.now();
    try {
      await c.fn();
      passed++;
      console.log(`  \u2714 ${c.name} (${Date.now() - start} ms)`);
    } catch (e) {
      failed++;
      console.log(
        `  \u2718 ${c.name} (${Date.now() - start} ms)\n    ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
      );
    }
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  return failed;
}
