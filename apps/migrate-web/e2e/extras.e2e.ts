// Check passwords in workers, first-load size, CSP, safety. The bookmarklet: bridge.e2e.ts.

import { gzipSync } from 'node:zlib';
import { HEADER_CSP, META_CSP } from '../scripts/csp.mjs';
import type { Env } from './env.ts';
import { assert, newComputer, shot, test, writeStorage } from './harness.ts';
import { attributesAndUrl, DEMO_ACCOUNTS, loadFile, openPage } from './pages.ts';

/** Registers the remaining tests. */
export function registerExtraTests(env: Env): void {
  test('check passwords: scrypt in workers with progress; right ones unlock, a wrong one is flagged; cancel stops', async () => {
    const b = await newComputer(env.browser, env.monitor, 'B5');
    const page = await openPage(b, env.url);
    await loadFile(page, env.plainBundle);
    await page.locator('#check').waitFor({ state: 'visible' });
    const [first, second, third] = DEMO_ACCOUNTS;
    assert(first && second && third, 'demo accounts');
    await page.getByLabel(`Password for ${first.name} (${first.type})`).fill(first.password);
    await page.getByLabel(`Password for ${second.name} (${second.type})`).fill(second.password);
    await page.getByLabel(`Password for ${third.name} (${third.type})`).fill('definitely wrong');
    const ticks: number[] = [];
    await page.exposeFunction('keyportTick', (n: number) => ticks.push(n));
    // The page must stay responsive while scrypt runs: count animation frames meanwhile.
    // (A string, so tsx's helpers never end up inside the page.)
    await page.evaluate(`(() => {
      let n = 0;
      const loop = () => { n++; window.keyportTick(n); if (n < 400) requestAnimationFrame(loop); };
      requestAnimationFrame(loop);
    })()`);
    const started = ticks.length;
    await page.getByRole('button', { name: 'Check passwords' }).click();
    await page.locator('#check-status', { hasText: 'passwords unlock' }).waitFor({ timeout: 60_000 });
    const results = await page.locator('#check-results li').allInnerTexts();
    assert(results.length === 3, `results: ${results.join(' | ')}`);
    assert(
      results.filter((r) => r.includes('the password unlocks it')).length === 2,
      `results: ${results.join(' | ')}`,
    );
    assert(
      results.some((r) => r.includes(third.name) && r.includes('wrong password')),
      `results: ${results.join(' | ')}`,
    );
    assert(
      (await page.locator('#check-progress').getAttribute('value')) === '3',
      'progress did not reach the end',
    );
    assert(
      ticks.length - started > 5,
      `the page froze: only ${ticks.length - started} frames during the check`,
    );
    await shot(page, 'B-check-passwords');

    // The passwords were read once: every field is empty again after the check.
    const left = await page
      .locator('#check-fields input[type="password"]')
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    assert(left.length > 0 && left.every((v) => v === ''), 'a password stayed in its field after the check');
    await page.getByLabel(`Password for ${first.name} (${first.type})`).fill(first.password);
    await page.getByLabel(`Password for ${second.name} (${second.type})`).fill(second.password);
    await page.getByLabel(`Password for ${third.name} (${third.type})`).fill('definitely wrong');
    await page.getByRole('button', { name: 'Check passwords' }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.locator('#check-status', { hasText: 'Cancelled' }).waitFor({ timeout: 30_000 });
    assert(
      await page.getByRole('button', { name: 'Check passwords' }).isEnabled(),
      'Check passwords stays disabled after cancel',
    );
    const secrets = await attributesAndUrl(page);
    for (const { password } of DEMO_ACCOUNTS)
      assert(!secrets.includes(password), 'a password is in the DOM or URL');
    await shot(page, 'B-check-cancelled');
    await b.close();
  });

  test('first load: JS before the first click is small; CSP header and meta are in force', async () => {
    const d = await newComputer(env.browser, env.monitor, 'D');
    const page = await d.newPage();
    const scripts: { url: string; body: Buffer }[] = [];
    page.on('response', async (res) => {
      if (res.request().resourceType() === 'script') scripts.push({ url: res.url(), body: await res.body() });
    });
    const response = await page.goto(env.url);
    await page.waitForLoadState('networkidle');
    assert(response?.headers()['content-security-policy'] === HEADER_CSP, 'CSP header missing');
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert(meta === META_CSP, 'CSP meta missing');
    const gz = scripts.reduce((n, s) => n + gzipSync(s.body).length, 0);
    console.log(`    first-load JS: ${scripts.length} file(s), ${gz} bytes gzip`);
    assert(gz <= 50 * 1024, `first-load JS is ${gz} bytes gzip`);
    // The CSP really blocks: an inline script and a request out are refused.
    const blocked = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.inlineRan = true';
      document.head.append(s);
      let fetchBlocked = false;
      try {
        await fetch('https://example.com/');
      } catch {
        fetchBlocked = true;
      }
      return { inline: (window as unknown as { inlineRan?: boolean }).inlineRan === true, fetchBlocked };
    });
    assert(!blocked.inline && blocked.fetchBlocked, `CSP not enforced: ${JSON.stringify(blocked)}`);
    // Narrow window with data in it: readable, nothing wider than the screen.
    await writeStorage(page, env.aStorage);
    await page.reload();
    await page.setViewportSize({ width: 360, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(overflow <= 0, `page is ${overflow}px wider than a 360px window`);
    await shot(page, 'narrow-window');
    // Keyboard: Tab reaches the passphrase field and the download button.
    await page.keyboard.press('Tab');
    const order: string[] = [];
    for (let i = 0; i < 12; i++) {
      order.push(
        await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || ''),
      );
      await page.keyboard.press('Tab');
    }
    assert(
      order.includes('backup-passphrase') && order.includes('download') && order.includes('bundle-file'),
      `tab order: ${order.join(', ')}`,
    );
    await d.close();
  });

  test('safety: no request left the test origins; no console message holds a password; no page error', async () => {
    const outside = env.monitor.outside(env.origins);
    assert(outside.length === 0, `requests out: ${outside.join(', ')}`);
    const leaks = env.monitor.console.filter(
      (line) => DEMO_ACCOUNTS.some((a) => line.includes(a.password)) || line.includes('passphrase \u00e9'),
    );
    assert(leaks.length === 0, `console leaks: ${leaks.join('\n')}`);
    const errors = env.monitor.pageErrors;
    assert(errors.length === 0, `page errors: ${errors.join('\n')}`);
  });
}
