// Firefox ESR sessions on a profile folder: Debian's /usr/bin/firefox-esr driven by puppeteer-core
// over WebDriver BiDi (Playwright cannot drive stock Firefox). A session ends with a clean close,
// which flushes localStorage's delayed write.
import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';

/** Debian's Firefox ESR, or FIREFOX_PATH. */
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** True when Firefox ESR is installed. */
export function haveFirefox(): boolean {
  return existsSync(FIREFOX);
}

/**
 * Runs `use` in a headless Firefox ESR on profile folder `dir`, then closes it cleanly.
 *
 * @example await firefoxSession(dir, async (browser) => { const page = await browser.newPage(); … })
 */
export async function firefoxSession<T>(dir: string, use: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: dir,
    extraPrefsFirefox: { 'datareporting.policy.dataSubmissionEnabled': false, 'app.update.enabled': false },
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
  const result = await page.evaluate(
    (set: Record<string, string>, del: readonly string[]) => {
      for (const k of del) localStorage.removeItem(k);
      for (const [k, v] of Object.entries(set)) localStorage.setItem(k, v);
      const out: Record<string, string> = {};
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i)!;
        out[k] = localStorage.getItem(k)!;
      }
      return out;
    },
    { ...entries },
    [...remove],
  );
  await page.close();
  return result;
}
