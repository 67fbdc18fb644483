// Shared state of one e2e run: the server, the browser, the monitor, a temp folder, and
// computer A's Apps-like storage (made once by ?demo through the real ui-keyring).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { Monitor } from './harness.ts';

/** Everything the tests share. */
export interface Env {
  readonly url: string;
  readonly browser: Browser;
  readonly monitor: Monitor;
  readonly tmp: string;
  /** A's whole localStorage after ?demo, set by the first test. */
  aStorage: Record<string, string>;
  /** A's plain bundle file, set by the first backup test. */
  plainBundle: string;
  /** Every origin a request may go to: the page's, and the stand-in Apps and third origins. */
  readonly origins: Set<string>;
}

/** Creates the shared state (the first test fills aStorage and plainBundle). */
export function makeEnv(url: string, browser: Browser): Env {
  return {
    url,
    browser,
    monitor: new Monitor(),
    tmp: mkdtempSync(join(tmpdir(), 'keyport-e2e-')),
    aStorage: {},
    plainBundle: '',
    origins: new Set([new URL(url).origin]),
  };
}
