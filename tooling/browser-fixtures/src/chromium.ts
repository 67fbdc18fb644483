// Chromium sessions on a profile folder: Debian's Chromium through playwright-core's
// launchPersistentContext (never a downloaded browser), optionally with an unpacked MV3 extension.
// A session ends with a graceful close, which flushes localStorage's delayed commit.
import { existsSync } from 'node:fs';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import { setAndReadScript } from './page-storage.ts';

/** Debian's Chromium, or CHROMIUM_PATH. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * The flags every headless Chromium of the tests and the bench starts with (playwright-core adds
 * `--headless` for `headless: true`): no sandbox (root), no GPU, and none of the background
 * connections this machine's closed network would refuse.
 */
export const CHROMIUM_FLAGS: readonly string[] = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]);

/** Options of a Chromium session. */
export interface ChromiumSessionOptions {
  /** An unpacked extension folder to load. */
  readonly extension?: string;
  /** `--profile-directory` (default `Default`). */
  readonly profileDirectory?: string;
}

/** True when Chromium is installed. */
export function haveChromium(): boolean {
  return existsSync(CHROMIUM);
}

/**
 * Runs `use` in a headless Chromium on user-data-dir `dir`, then closes it gracefully.
 *
 * @example await chromiumSession(dir, {}, async (ctx) => { const page = await ctx.newPage(); … })
 */
export async function chromiumSession<T>(
  dir: string,
  opts: ChromiumSessionOptions,
  use: (ctx: BrowserContext) => Promise<T>,
): Promise<T> {
  const args = [...CHROMIUM_FLAGS];
  if (opts.profileDirectory) args.push(`--profile-directory=${opts.profileDirectory}`);
  if (opts.extension)
    args.push(`--disable-extensions-except=${opts.extension}`, `--load-extension=${opts.extension}`);
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args,
    ...(opts.extension ? { ignoreDefaultArgs: ['--disable-extensions'] } : {}),
  });
  try {
    return await use(ctx);
  } finally {
    await ctx.close();
  }
}

/** The service worker of the loaded extension (waits for it to start). */
export async function extensionWorker(ctx: BrowserContext): Promise<Worker> {
  return ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
}

/**
 * Writes `entries` into `origin`'s localStorage through a real page and returns what the page
 * then reads back: every key and value (the oracle a reader is held to). `remove` keys are
 * removed first.
 *
 * @example const oracle = await writeLocalStorage(ctx, server.origin, { a: '1' })
 */
export async function writeLocalStorage(
  ctx: BrowserContext,
  origin: string,
  entries: Readonly<Record<string, string>>,
  remove: readonly string[] = [],
): Promise<Record<string, string>> {
  const page = await ctx.newPage();
  await page.goto(origin);
  const result = (await page.evaluate(setAndReadScript(entries, remove))) as Record<string, string>;
  await page.close();
  return result;
}
