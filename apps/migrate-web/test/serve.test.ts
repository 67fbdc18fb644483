// @vitest-environment node
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADER_CSP, META_CSP } from '../scripts/csp.mjs';
import { createStaticServer } from '../scripts/serve.mjs';

let server: Server;
let port = 0;

function get(
  path: string,
  method = 'GET',
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    // node:http sends `path` exactly as given: no client-side normalisation of `..`.
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        body += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  const base = mkdtempSync(join(tmpdir(), 'keyport-serve-'));
  const root = join(base, 'dist');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(root, 'assets', 'a.js'), 'export {}');
  writeFileSync(join(root, 'assets', 'w.wasm'), 'x');
  writeFileSync(join(base, 'secret.txt'), 'outside');
  mkdirSync(join(root, '.git'));
  writeFileSync(join(root, '.git', 'config'), 'dotfile');
  writeFileSync(join(root, '.env'), 'dotfile');
  writeFileSync(join(root, 'assets', '.hidden.js'), 'dotfile');
  symlinkSync(join(base, 'secret.txt'), join(root, 'link.txt'));
  server = createStaticServer(root);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('scripts/serve.mjs', () => {
  it('serves index.html for / with the CSP header and an HTML type', async () => {
    const res = await get('/?demo');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(HEADER_CSP);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    // The bookmarklet's window keeps its opener (the Apps tab): no COOP that cuts it.
    expect(res.headers['cross-origin-opener-policy']).toBe('unsafe-none');
    expect(HEADER_CSP).toContain("frame-ancestors 'none'");
  });

  it('uses the right MIME type for scripts and wasm', async () => {
    expect((await get('/assets/a.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await get('/assets/w.wasm')).headers['content-type']).toBe('application/wasm');
  });

  it('never leaves the served folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/link.txt',
      '/%00',
      '/%E0%A4%A',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('outside');
      expect(res.headers['content-security-policy']).toBe(HEADER_CSP);
    }
  });

  it('never serves a dotfile or a dot-folder (.git, .env), however the path is spelt', async () => {
    for (const path of [
      '/.env',
      '/.git/config',
      '/assets/.hidden.js',
      '/%2eenv',
      '/assets/%2Ehidden.js',
      '/.git/',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('dotfile');
    }
    expect((await get('/assets/a.js')).status).toBe(200);
  });

  it('answers GET and HEAD only', async () => {
    expect((await get('/', 'POST')).status).toBe(405);
    const head = await get('/', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });
});

describe('Content-Security-Policy', () => {
  it('forbids connections, remote code, inline script and framing', () => {
    const directives = Object.fromEntries(
      HEADER_CSP.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives['default-src']).toBe("'none'");
    expect(directives['script-src']).toBe("'self' 'wasm-unsafe-eval'");
    expect(directives['connect-src']).toBe("'none'");
    expect(directives['frame-ancestors']).toBe("'none'");
    expect(HEADER_CSP).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:|\*/);
    expect(META_CSP).not.toContain('frame-ancestors'); // ignored in <meta>
  });
});
