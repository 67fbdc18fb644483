// The two profiles every browser-profile and CLI test reads, made by the real browsers:
// a Chromium user-data-dir and a Firefox profile, each holding an Apps-like origin (real
// ui-keyring data, awkward strings, a 1 MiB value), a second origin, and the test wallet
// extension. In a second session an Apps account is forgotten (removeItem) and a setting
// overwritten, so older values lie in older files. Every oracle is what the browser itself read.
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { appsLikeStorage } from './apps-data.ts';
import { chromiumSession, extensionWorker, writeLocalStorage } from './chromium.ts';
import { TEST_EXTENSION_GECKO_ID, walletStorage, writeTestExtension } from './extension.ts';
import { firefoxSession, firefoxWriteLocalStorage } from './firefox.ts';
import { startOriginServer } from './server.ts';

/** What a fixture profile holds, as the browser read it. */
export interface ProfileFixture {
  /** Chromium: the user-data-dir; Firefox: the profile folder. */
  readonly dir: string;
  /** The profile folder itself (Chromium: `<dir>/Default`). */
  readonly profile: string;
  readonly apps: {
    readonly origin: string;
    readonly oracle: Record<string, string>;
    /** What the page read at the end of the first session (before the forget and overwrite). */
    readonly firstOracle: Record<string, string>;
  };
  readonly second: { readonly origin: string; readonly oracle: Record<string, string> };
  /** The Apps account removed in the second session and its value before. */
  readonly forgotten: { readonly key: string; readonly value: string };
  /** The setting overwritten in the second session and its value before. */
  readonly overwritten: { readonly key: string; readonly value: string };
  readonly extension: {
    /** Chromium extension id / Firefox add-on id. */
    readonly id: string;
    /** storage.local.get(null) as the extension read it. */
    readonly oracle: Record<string, unknown>;
    readonly removed: { readonly key: string; readonly value: unknown };
  };
  /** Chromium only: a copy of `Local Storage/leveldb` taken after the first session (one big log). */
  readonly firstSessionCopy?: string;
  /**
   * Firefox only: a copy of the extension's IndexedDB folder taken while Firefox was still
   * running, its newest writes still in the `-wal` file.
   */
  readonly runningExtensionCopy?: string;
}

const FORGET = (entries: Record<string, string>) =>
  Object.keys(entries).filter((k) => k.startsWith('account:'))[0]!;
const OVERWRITE = 'settings';
const NEXT_SETTINGS = JSON.stringify({ apiUrl: 'wss://kusama-rpc.polkadot.io', storage: 'on' });
const SECOND = { 'account:0x00': 'not Apps data here', lcUrl: 'light://substrate-connect/kusama', é: 'ü' };

/**
 * Makes the Chromium fixture in `root` (three sessions, about 6 s): `Default` with everything,
 * `Profile 1` with one origin, for multi-profile discovery.
 */
export async function makeChromiumFixture(root: string): Promise<ProfileFixture> {
  const dir = join(root, 'chromium');
  const extDir = join(root, 'chromium-ext');
  const wallet = await walletStorage();
  writeTestExtension(extDir, 'chromium', wallet);
  const apps = await startOriginServer();
  const second = await startOriginServer();
  try {
    const first = await appsLikeStorage({ big: true });
    const forgotten = FORGET(first);
    const session1 = await chromiumSession(dir, { extension: extDir }, async (ctx) => {
      const sw = await extensionWorker(ctx);
      const ext = (await sw.evaluate('globalThis.keyportReady')) as Record<string, unknown>;
      const firstOracle = await writeLocalStorage(ctx, apps.origin, first);
      return { id: new URL(sw.url()).host, ext, firstOracle };
    });
    const firstSessionCopy = join(root, 'chromium-first-session');
    cpSync(join(dir, 'Default', 'Local Storage', 'leveldb'), firstSessionCopy, { recursive: true });
    const { appsOracle, secondOracle } = await chromiumSession(dir, {}, async (ctx) => ({
      appsOracle: await writeLocalStorage(ctx, apps.origin, { [OVERWRITE]: NEXT_SETTINGS }, [forgotten]),
      secondOracle: await writeLocalStorage(ctx, second.origin, SECOND),
    }));
    await chromiumSession(dir, { profileDirectory: 'Profile 1' }, (ctx) =>
      writeLocalStorage(ctx, second.origin, { only: 'in Profile 1' }),
    );
    return {
      dir,
      profile: join(dir, 'Default'),
      apps: { origin: apps.origin, oracle: appsOracle, firstOracle: session1.firstOracle },
      second: { origin: second.origin, oracle: secondOracle },
      forgotten: { key: forgotten, value: first[forgotten]! },
      overwritten: { key: OVERWRITE, value: first[OVERWRITE]! },
      extension: {
        id: session1.id,
        oracle: session1.ext,
        removed: { key: wallet.removed, value: wallet.data[wallet.removed] },
      },
      firstSessionCopy,
    };
  } finally {
    await apps.close();
    await second.close();
  }
}

/** Makes the Firefox fixture in `root` (two sessions, about 8 s). */
export async function makeFirefoxFixture(root: string): Promise<ProfileFixture> {
  const dir = join(root, 'firefox');
  mkdirSync(dir, { recursive: true });
  const extDir = join(root, 'firefox-ext');
  const wallet = await walletStorage();
  const apps = await startOriginServer();
  const second = await startOriginServer();
  writeTestExtension(extDir, 'firefox', wallet, `${apps.origin}/report`);
  try {
    const first = await appsLikeStorage({ big: true });
    const forgotten = FORGET(first);
    const runningExtensionCopy = join(root, 'firefox-running-idb');
    const firstOracle = await firefoxSession(dir, async (browser) => {
      await browser.installExtension(extDir);
      const oracle = await firefoxWriteLocalStorage(browser, apps.origin, first);
      for (let i = 0; i < 100 && apps.reports.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
      const base = join(dir, 'storage', 'default');
      const folder = readdirSync(base).find((f) => f.startsWith('moz-extension+++'));
      if (folder) cpSync(join(base, folder, 'idb'), runningExtensionCopy, { recursive: true });
      return oracle;
    });
    if (apps.reports.length === 0) throw new Error('the Firefox test extension never reported its storage');
    const ext = JSON.parse(apps.reports[0]!) as Record<string, unknown>;
    const { appsOracle, secondOracle } = await firefoxSession(dir, async (browser) => ({
      appsOracle: await firefoxWriteLocalStorage(browser, apps.origin, { [OVERWRITE]: NEXT_SETTINGS }, [
        forgotten,
      ]),
      secondOracle: await firefoxWriteLocalStorage(browser, second.origin, SECOND),
    }));
    return {
      dir,
      profile: dir,
      apps: { origin: apps.origin, oracle: appsOracle, firstOracle },
      second: { origin: second.origin, oracle: secondOracle },
      forgotten: { key: forgotten, value: first[forgotten]! },
      overwritten: { key: OVERWRITE, value: first[OVERWRITE]! },
      runningExtensionCopy,
      extension: {
        id: TEST_EXTENSION_GECKO_ID,
        oracle: ext,
        removed: { key: wallet.removed, value: wallet.data[wallet.removed] },
      },
    };
  } finally {
    await apps.close();
    await second.close();
  }
}
