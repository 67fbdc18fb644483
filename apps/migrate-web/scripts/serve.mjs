#!/usr/bin/env node
// A tiny static server for the built page (dist/): GET and HEAD only, a fixed MIME table, the
// Content-Security-Policy header on every response, and no way out of the served folder.
// `node scripts/serve.mjs [dir]` listens on http://127.0.0.1:4173 (PORT overrides).
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { HEADER_CSP } from './csp.mjs';

/** File extension → Content-Type. Anything else is served as application/octet-stream. */
export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Headers sent with every response, errors included. Cross-Origin-Opener-Policy is `unsafe-none`
 * on purpose: the bookmarklet opens this page from the Apps tab (another origin) and talks to it
 * through `window.opener`; `same-origin` (or `same-origin-allow-popups`) would put the page in a
 * new browsing context group and cut that link. framing stays forbidden (frame-ancestors 'none').
 */
export const SECURITY_HEADERS = {
  'Content-Security-Policy': HEADER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'unsafe-none',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
};

function send(res, status, text) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

/**
 * Maps a request path to a file under `root`, or undefined when it would leave `root`
 * (`..`, encoded slashes or backslashes, NUL, a symlink pointing outside) or names a dotfile or
 * dot-folder (`.git/config`, `.env`).
 */
export async function resolveRequestPath(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined; // malformed percent-encoding: treated as not found
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const parts = decoded.split('/').filter((p) => p !== '' && p !== '.');
  // `..` leaves the folder; any other name starting with a dot (.git, .env, .DS_Store) is not
  // part of the page.
  if (parts.some((p) => p.startsWith('.'))) return undefined;
  let file = join(root, ...parts);
  let info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    file = join(file, 'index.html');
    info = await stat(file).catch(() => undefined);
  }
  if (!info?.isFile()) return undefined;
  const real = await realpath(file);
  const realRoot = await realpath(root);
  return real.startsWith(realRoot + sep) ? real : undefined;
}

/**
 * Creates (does not start) the server for `root`.
 *
 * @example createStaticServer('dist').listen(4173, '127.0.0.1')
 */
export function createStaticServer(root) {
  const absRoot = resolve(root);
  return createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      send(res, 405, 'method not allowed');
      return;
    }
    const urlPath = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
    const file = await resolveRequestPath(absRoot, urlPath).catch(() => undefined);
    if (!file) {
      send(res, 404, 'not found');
      return;
    }
    const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const root = resolve(process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url)));
  const port = Number(process.env.PORT ?? 4173);
  const host = '127.0.0.1';
  const server = createStaticServer(root);
  server.on('error', (e) => {
    console.error(`keyport migrate page: cannot listen on ${host}:${port}: ${e.message}`);
    process.exit(1);
  });
  server.listen(port, host, () => {
    const url = `http://${host}:${port}/`;
    console.log(`keyport migrate page: ${url}  (serving ${root})`);
    console.log(`  try it with sample data: ${url}?demo`);
    console.log('  press Ctrl+C to stop');
  });
}
