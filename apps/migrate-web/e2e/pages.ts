// Page actions shared by the e2e tests: download the bundle, load a file, unlock, import.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { assert } from './harness.ts';

/** The passwords the demo gives its accounts (must equal src/demo-data.ts, checked there). */
export { DEMO_ACCOUNTS } from '../src/demo-data.ts';

/** Opens the page in `context` (optionally with a query such as `?demo`). */
export async function openPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.getElementById('origin')?.textContent?.startsWith('http'));
  return page;
}

/** Clicks "Download localStorage bundle" and saves the file under `dir`; returns its path and name. */
export async function downloadBundle(page: Page, dir: string): Promise<{ path: string; name: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByRole('button', { name: 'Download localStorage bundle' }).click(),
  ]);
  assert((await download.failure()) === null, 'the download failed');
  const name = download.suggestedFilename();
  const path = join(dir, `${Date.now()}-${name}`);
  await download.saveAs(path);
  return { path, name };
}

/** Saves `text` as a file to load. */
export function writeTemp(dir: string, name: string, text: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Loads a file through "Load bundle" and waits until the page answered (plan, unlock or error). */
export async function loadFile(page: Page, path: string): Promise<void> {
  await page.evaluate(() => {
    const status = document.getElementById('restore-status');
    if (status) status.hidden = true;
  });
  await page.getByLabel('Load bundle').setInputFiles(path);
  await page.waitForFunction(() => {
    const status = document.getElementById('restore-status');
    return status !== null && !status.hidden && !status.classList.contains('status-busy');
  });
}

/** Types into the unlock field and presses Unlock; waits for the answer. */
export async function unlock(page: Page, secret: string): Promise<void> {
  await page.locator('#unlock-password').fill(secret);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.waitForFunction(() => {
    const status = document.getElementById('restore-status');
    return status !== null && !status.classList.contains('status-busy');
  });
}

/** The restore status text. */
export function restoreStatus(page: Page): Promise<string> {
  return page.locator('#restore-status').innerText();
}

/** Presses Import and waits for "Imported N entries" and the ui-keyring listing. */
export async function importPlan(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.locator('#import-result').waitFor({ timeout: 30_000 });
  await page.locator('#verify-accounts').waitFor({ timeout: 30_000 });
  return page.locator('#import-result').innerText();
}

/** Every attribute value and the URL of the page, to look for secrets. */
export function attributesAndUrl(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [location.href];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const a of Array.from(el.attributes)) parts.push(a.value);
    }
    return parts.join('\n');
  });
}
