// Firefox ESR sessions on a profile folder: Debian's /usr/bin/firefox-esr driven by puppeteer-core
// over WebDriver BiDi (Playwright cannot drive stock Firefox). A session ends with a clean close,
// which flushes localStorage's delayed write.
import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';
import { setAndReadScript } from './page-storage.ts';

/** Debian's Firefox ESR, or FIREFOX_PATH. */
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** True when Firefox ESR is installed. */
export function haveFirefox(): boolean {
  return existsSync(FIREFOX);
}

/**
 * Runs `use` in a headless Firefox ESR on profile folder `dir` (with extra `prefs` for this
 * session), then closes it cleanly.
 *
 * @example await firefoxSession(dir, async (browser) => { const page = await browser.newPage(); … })
 */
export async function firefoxSession<T>(
  dir: string,
  use: (browser: Browser) => Promise<T>,
  prefs: Readonly<Record<string, unknown>> = {},
): Promise<T> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: dir,
    extraPrefsFirefox: {
      'datareporting.policy.dataSubmissionEnabled': false,
      'app.update.enabled': false,
      ...prefs,
    },
  });
  try {
    return await use(browser);
  } finally {
    await browser.close();
  }
}

/**
 * Writes `entries` into `origin`'s localStorage through a real Firefox page (after removing
 * `remove`) and returns what the page reads back.
 */
export async function firefoxWriteLocalStorage(
  browser: Browser,
  origin: string,
  entries: Readonly<Record<string, string>>,
  remove: readonly string[] = [],
): Promise<Record<string, string>> {
  const page = await browser.newPage();
  await page.goto(origin);
  const result = (await page.evaluate(setAndReadScript(entries, remove))) as Record<string, string>;
  await page.close();
  return result;
}
