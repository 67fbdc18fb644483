// The bench page in Debian's Chromium: dist/ (built by `vite build`, turbo's build task) served
// from a throwaway local server, one page in a fresh (in-memory) browser context.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { CHROMIUM_FLAGS } from '@keyport/browser-fixtures';
import { chromium, type Page } from 'playwright-core';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};

/** A static file server for `dir` on 127.0.0.1 and a free port. */
async function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) =>
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

/** Launch options: Debian's Chromium, never a downloaded browser. */
function chromiumOptions(executablePath: string) {
  return {
    executablePath,
    headless: true,
    args: [...CHROMIUM_FLAGS],
  };
}

/** Where the bench page is and which browser opens it. */
export interface PageOptions {
  readonly distDir: string;
  readonly chromiumPath: string;
}

/**
 * Opens the bench page (window.keyportBench defined) and runs `use` on it; closes the browser
 * and the server afterwards. Throws if the page threw meanwhile.
 */
export async function withBenchPage<T>(
  opts: PageOptions,
  use: (page: Page, chromiumVersion: string) => Promise<T>,
): Promise<T> {
  const { server, url } = await serve(opts.distDir);
  const browser = await chromium.launch(chromiumOptions(opts.chromiumPath));
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForFunction(() => (globalThis as { keyportBench?: unknown }).keyportBench !== undefined);
    const result = await use(page, browser.version());
    if (errors.length) throw new Error(`the bench page threw: ${errors.join('; ')}`);
    return result;
  } finally {
    await browser.close();
    server.close();
  }
}
