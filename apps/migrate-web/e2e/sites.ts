// The other origins of the bridge tests: a stand-in for the hosted Apps (like polkadot.js.org:
// another origin, no CSP) and a third origin that tries to talk to both ends of the bridge.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { assert } from './harness.ts';

/** A tiny site on http://localhost:<free port>: every path answers `html`, with no CSP. */
export async function site(
  html: string,
): Promise<{ url: string; origin: string; close: () => Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  const url = `http://localhost:${port}/`;
  return { url, origin: new URL(url).origin, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** The stand-in Apps page. */
export const APPS_HTML =
  '<!doctype html><html><head><link rel="icon" href="data:,"><title>Stand-in Apps</title></head><body><div id="root"><h1>Stand-in Polkadot-JS Apps</h1></div></body></html>';

/**
 * Records, in every page of `context`, each call to a Storage method or `length` (on
 * localStorage and sessionStorage alike) and every message the window receives, so a test can
 * prove the bridged keyport window never touched its own storage and no secret reached Apps.
 */
export async function recordStorageAndMessages(context: BrowserContext): Promise<void> {
  // A string, so tsx's helpers never end up inside the page.
  await context.addInitScript(`(() => {
    const calls = [];
    const messages = [];
    for (const name of ['getItem', 'setItem', 'removeItem', 'key', 'clear']) {
      const original = Storage.prototype[name];
      Storage.prototype[name] = function (...args) { calls.push(name); return original.apply(this, args); };
    }
    const length = Object.getOwnPropertyDescriptor(Storage.prototype, 'length');
    Object.defineProperty(Storage.prototype, 'length', { configurable: true, get() { calls.push('length'); return length.get.call(this); } });
    window.addEventListener('message', (e) => { try { messages.push(JSON.stringify(e.data)); } catch { messages.push('(not JSON)'); } });
    Object.defineProperty(window, 'keyportTestLog', { value: { calls, messages } });
  })()`);
}

/** What recordStorageAndMessages saw in `page`. */
export function testLog(page: Page): Promise<{ calls: string[]; messages: string[] }> {
  return page.evaluate(
    () => (window as unknown as { keyportTestLog: { calls: string[]; messages: string[] } }).keyportTestLog,
  );
}

/**
 * Clicks the bookmarklet on the Apps tab as a person does: a bookmark is a link whose click (a
 * real user gesture here, so no popup blocker objects) runs the javascript: URL in the tab.
 * Returns the keyport window it opened, once connected.
 */
export async function clickBookmarklet(apps: Page, href: string): Promise<Page> {
  await apps.evaluate((url) => {
    document.getElementById('bookmark')?.remove();
    const a = document.createElement('a');
    a.id = 'bookmark';
    a.href = url;
    a.textContent = 'keyport (bookmark)';
    document.body.prepend(a);
  }, href);
  const [keyport] = await Promise.all([apps.waitForEvent('popup'), apps.click('#bookmark')]);
  await keyport
    .locator('#bridge-status', { hasText: 'Connected to the tab on' })
    .waitFor({ timeout: 30_000 });
  assert(
    (await keyport.locator('#origin').innerText()) === new URL(apps.url()).origin,
    'the keyport window does not show the Apps origin',
  );
  return keyport;
}

/** The chip's text on the Apps tab. */
export function chipText(apps: Page): Promise<string> {
  return apps.locator('#keyport-bridge-chip span').innerText();
}
