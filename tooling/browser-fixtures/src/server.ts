// A tiny HTTP server on 127.0.0.1 whose every page is blank: the origin a test writes storage
// on. The port is part of the origin, so a profile's later sessions must reuse the same server.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running origin server. */
export interface OriginServer {
  /** `http://127.0.0.1:<port>` (no trailing slash: the origin as browsers serialize it). */
  readonly origin: string;
  close(): Promise<void>;
  /** Bodies POSTed to /report (a Firefox extension's oracle), oldest first. */
  readonly reports: string[];
}

/**
 * Starts a server on a free port (or `port`).
 *
 * @example const server = await startOriginServer(); await page.goto(server.origin)
 */
export async function startOriginServer(port = 0): Promise<OriginServer> {
  const reports: string[] = [];
  const server = createServer((req, res) => {
    if (req.method === 'POST') {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (d: string) => {
        body += d;
      });
      req.on('end', () => {
        reports.push(body);
        res.writeHead(204, { 'access-control-allow-origin': '*' }).end();
      });
      return;
    }
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end('<!doctype html><title>keyport</title>');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${bound}`,
    reports,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
