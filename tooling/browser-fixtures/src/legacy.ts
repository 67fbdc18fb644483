// A Firefox profile whose Apps origin is kept only in Firefox's legacy localStorage files, made
// by Firefox ESR itself (docs/browser-profiles.md §4.5). ESR still writes `webappsstore.sqlite`
// when `dom.storage.shadow_writes` is on (`dom.storage.next_gen` false no longer turns LSNG
// off: it was tried, and LSNG's files were written all the same). So:
//   1. with shadow writes on, the page writes the Apps-like storage and a second origin;
//   2. the Apps origin's LSNG folder and `storage/ls-archive.sqlite` are removed, as on a profile
//      from before LSNG; the next start (shadow writes off) rebuilds ls-archive.sqlite from
//      webappsstore.sqlite, and the page changes one value of the second origin in LSNG only.
// ESR 153 did not import an origin from the archive when the page opened it (tried), so no
// page can read the legacy files back: the oracle is what the page read when it wrote them.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { appsLikeStorage } from './apps-data.ts';
import { firefoxSession, firefoxWriteLocalStorage } from './firefox.ts';
import { startOriginServer } from './server.ts';

/** What the legacy Firefox fixture holds, as Firefox read it. */
export interface LegacyFirefoxFixture {
  /** The profile folder. */
  readonly dir: string;
  readonly apps: {
    readonly origin: string;
    /** What the page read back after writing it (shadow writes on), lone surrogates intact. */
    readonly oracle: Record<string, string>;
  };
  readonly second: {
    readonly origin: string;
    /** The current values (LSNG), as the page read them in the second session. */
    readonly oracle: Record<string, string>;
    /** The values of the first session, still in the legacy files. */
    readonly legacyOracle: Record<string, string>;
  };
}

/**
 * What Firefox's shadow write keeps of a page's strings: it converts them to UTF-8, so a lone
 * surrogate becomes U+FFFD (ActorsParent.cpp, CopyUTF16toUTF8); everything else is kept.
 *
 * @example asShadowWritten({ lone: 'x\ud800y' }) // { lone: 'x\ufffdy' }
 */
export function asShadowWritten(entries: Readonly<Record<string, string>>): Record<string, string> {
  const wellFormed = (s: string) =>
    s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  return Object.fromEntries(Object.entries(entries).map(([k, v]) => [wellFormed(k), wellFormed(v)]));
}

// Set both ways: puppeteer's prefs persist in the profile's user.js.
const SHADOW = { 'dom.storage.shadow_writes': true };
const NO_SHADOW = { 'dom.storage.shadow_writes': false };
const SECOND = { 'account:0x00': 'not Apps data here', lcUrl: 'light://substrate-connect/kusama', é: 'ü' };

/**
 * Makes the legacy Firefox fixture in `root` (two sessions, about 8 s).
 *
 * @example const fx = await makeFirefoxLegacyFixture(tmp)
 */
export async function makeFirefoxLegacyFixture(root: string): Promise<LegacyFirefoxFixture> {
  const dir = join(root, 'firefox-legacy');
  const apps = await startOriginServer();
  const second = await startOriginServer();
  try {
    const entries = await appsLikeStorage({ big: true });
    const first = await firefoxSession(
      dir,
      async (browser) => ({
        apps: await firefoxWriteLocalStorage(browser, apps.origin, entries),
        second: await firefoxWriteLocalStorage(browser, second.origin, SECOND),
      }),
      SHADOW,
    );
    const base = join(dir, 'storage', 'default');
    const folder = `http+++127.0.0.1+${new URL(apps.origin).port}`;
    if (!readdirSync(base).includes(folder)) throw new Error(`Firefox wrote no ${folder} folder`);
    rmSync(join(base, folder), { recursive: true });
    rmSync(join(dir, 'storage', 'ls-archive.sqlite'));
    const secondOracle = await firefoxSession(
      dir,
      (browser) =>
        firefoxWriteLocalStorage(browser, second.origin, { lcUrl: 'light://substrate-connect/polkadot' }),
      NO_SHADOW,
    );
    return {
      dir,
      apps: { origin: apps.origin, oracle: first.apps },
      second: { origin: second.origin, oracle: secondOracle, legacyOracle: first.second },
    };
  } finally {
    await apps.close();
    await second.close();
  }
}
