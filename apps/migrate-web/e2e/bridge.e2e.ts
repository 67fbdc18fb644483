// The hosted-Apps flow: the bookmarklet on a stand-in Apps (another origin, no CSP) opens the
// keyport page in a new window and lends it the Apps tab's storage. Two browser contexts are two
// computers. Also: stale plans, the real quota, a third origin, a tab that goes away.
import { readFileSync } from 'node:fs';
import { nodeScrypt } from '@keyport/core/scrypt-node';
import { decodeBundle } from '@keyport/storage-migrate';
import type { Page } from 'playwright-core';
import { MAX_BOOKMARKLET_CHARS } from '../src/bookmarklet/href.ts';
import type { Env } from './env.ts';
import {
  assert,
  assertSameStorage,
  launchWithPopupBlocker,
  newComputer,
  readStorage,
  shot,
  test,
  writeStorage,
} from './harness.ts';
import {
  attributesAndUrl,
  DEMO_ACCOUNTS,
  downloadBundle,
  importPlan,
  loadFile,
  openPage,
  restoreStatus,
  unlock,
} from './pages.ts';
import { APPS_HTML, chipText, clickBookmarklet, recordStorageAndMessages, site, testLog } from './sites.ts';

const PASSPHRASE = 'bridge passphrase \u00e9 \u{1F511}';

/** Opens the stand-in Apps in `context` with `items` in its storage. */
async function openApps(
  context: import('playwright-core').BrowserContext,
  url: string,
  items: Record<string, string>,
): Promise<Page> {
  const apps = await context.newPage();
  await apps.goto(url);
  await writeStorage(apps, items);
  return apps;
}

/** The keyport window never called a Storage method (its own origin's storage is untouched). */
async function ownStorageUntouched(keyport: Page): Promise<void> {
  const { calls } = await testLog(keyport);
  assert(
    calls.length === 0,
    `the bridged keyport window used its own storage: ${calls.slice(0, 10).join(', ')}`,
  );
}

/** No secret reached the Apps tab, the keyport window's attributes or its URL. */
async function noSecretsCrossed(apps: Page, keyport: Page, secrets: readonly string[]): Promise<void> {
  const { messages } = await testLog(apps);
  const dom = await attributesAndUrl(keyport);
  for (const s of secrets) {
    assert(!messages.some((m) => m.includes(s)), 'a secret crossed the bridge to the Apps tab');
    assert(!dom.includes(s), 'a secret is in the keyport window DOM attributes or URL');
  }
}

/** Registers the bridge tests (after the move tests: they use A's storage and plain bundle). */
export function registerBridgeTests(env: Env): void {
  let href = '';
  let apps: Awaited<ReturnType<typeof site>>;
  let third: Awaited<ReturnType<typeof site>>;
  let encrypted = '';
  const accountKey = () => Object.keys(env.aStorage).find((k) => k.startsWith('account:')) as string;
  const bBefore = () => {
    const mine = JSON.parse(env.aStorage[accountKey()] as string) as { meta: { name: string } };
    mine.meta.name = 'B renamed this account';
    return { [accountKey()]: JSON.stringify(mine), 'b-only-key': 'kept by every step' };
  };

  test('bridge A: the bookmarklet opens keyport on the Apps tab; an encrypted bundle of that tab downloads', async () => {
    apps = await site(APPS_HTML);
    third = await site(
      '<!doctype html><html><head><link rel="icon" href="data:,"><title>Third origin</title></head><body><h1>Some other site</h1></body></html>',
    );
    env.origins.add(apps.origin).add(third.origin);
    const page = await newComputer(env.browser, env.monitor, 'page');
    const migrate = await openPage(page, env.url);
    await migrate.locator('#bookmarklet summary').click();
    href = (await migrate.locator('#bookmarklet-link').getAttribute('href')) as string;
    assert(
      href.startsWith('javascript:') && href.length <= MAX_BOOKMARKLET_CHARS,
      `bookmarklet: ${href.length} chars`,
    );
    await shot(migrate, 'bridge-page-bookmarklet');
    await page.close();

    const a = await newComputer(env.browser, env.monitor, 'bridge-A');
    await recordStorageAndMessages(a);
    const appsA = await openApps(a, apps.url, env.aStorage);
    const keyport = await clickBookmarklet(appsA, href);
    assert(
      (await keyport.locator('#via').innerText()).includes('through the bookmarklet'),
      'no "through the bookmarklet"',
    );
    assert((await chipText(appsA)).includes('keyport window connected'), `chip: ${await chipText(appsA)}`);
    const inventory = await keyport.locator('#inventory').innerText();
    assert(
      inventory.includes('5 accounts') && inventory.includes('2 address-book entries'),
      `inventory: ${inventory}`,
    );
    await shot(appsA, 'bridge-A-apps-chip');
    await shot(keyport, 'bridge-A-keyport-connected');
    await keyport.getByLabel('Passphrase (optional)').fill(PASSPHRASE);
    const { path, name } = await downloadBundle(keyport, env.tmp);
    assert(name.startsWith(`keyport-localhost-${new URL(apps.url).port}-`), `file name ${name}`);
    encrypted = path;
    const text = readFileSync(path, 'utf8');
    const bundle = await decodeBundle(text, { passphrase: PASSPHRASE, scrypt: nodeScrypt });
    assert(bundle.origin === apps.origin, `bundle origin ${bundle.origin}`);
    assertSameStorage(
      Object.fromEntries(bundle.entries.map((e) => [e.key, e.value])),
      env.aStorage,
      'the bundle made through the bridge',
    );
    await shot(keyport, 'bridge-A-downloaded-encrypted');
    await ownStorageUntouched(keyport);
    await noSecretsCrossed(appsA, keyport, [PASSPHRASE]);
    // The bookmark clicked again: a new window connects, the first one is told it is gone.
    const again = await clickBookmarklet(appsA, href);
    await keyport.locator('#bridge-status', { hasText: 'the bookmarklet was run there again' }).waitFor();
    await keyport.close();
    // The keyport window closes: the chip on the Apps tab says so.
    await again.close();
    await appsA
      .locator('#keyport-bridge-chip span', { hasText: 'keyport window closed' })
      .waitFor({ timeout: 10_000 });
    await shot(appsA, 'bridge-A-window-closed');
    await a.close();
  });

  test('bridge B: encrypted bundle, default policy keeps the conflicting account, ui-keyring read-back, Undo import', async () => {
    const b = await newComputer(env.browser, env.monitor, 'bridge-B');
    await recordStorageAndMessages(b);
    const before = bBefore();
    const appsB = await openApps(b, apps.url, before);
    const keyport = await clickBookmarklet(appsB, href);
    await loadFile(keyport, encrypted);
    assert((await keyport.locator('#unlock-label').innerText()) === 'Bundle passphrase', 'unlock label');
    await unlock(keyport, PASSPHRASE);
    const planText = await keyport.locator('#plan').innerText();
    assert(
      planText.includes('Already here with different content (1)') &&
        planText.includes('existing entry kept'),
      `plan: ${planText}`,
    );
    await shot(keyport, 'bridge-B-plan');
    // Check passwords works in bridge mode too (scrypt in the window's workers).
    const [first] = DEMO_ACCOUNTS;
    assert(first, 'demo accounts');
    await keyport.getByLabel(`Password for ${first.name} (${first.type})`).fill(first.password);
    await keyport.getByRole('button', { name: 'Check passwords' }).click();
    await keyport
      .locator('#check-results li', { hasText: 'the password unlocks it' })
      .waitFor({ timeout: 60_000 });
    assert((await importPlan(keyport)) === 'Imported 10 entries', 'import result');
    assertSameStorage(
      await readStorage(appsB),
      { ...env.aStorage, ...before },
      "B's Apps storage after the import",
    );
    const accounts = await keyport.locator('#verify-accounts li').allInnerTexts();
    assert(
      accounts.length === 5 && accounts.some((t) => t.includes('B renamed this account')),
      `ui-keyring lists: ${accounts.join(' | ')}`,
    );
    assert((await keyport.locator('#verify-addresses li').count()) === 2, 'ui-keyring address book');
    assert(
      (await keyport.locator('#inventory').innerText()).includes('5 accounts'),
      'inventory not refreshed after the import',
    );
    await shot(keyport, 'bridge-B-imported');
    await keyport.getByRole('button', { name: 'Undo import' }).click();
    await keyport.locator('#restore-status', { hasText: 'Undo complete' }).waitFor();
    assertSameStorage(await readStorage(appsB), before, "B's Apps storage after Undo import");
    await shot(keyport, 'bridge-B-undone');
    await ownStorageUntouched(keyport);
    await noSecretsCrossed(appsB, keyport, [PASSPHRASE, first.password]);
    await b.close();
  });

  test('stale plan over the bridge: Apps writes a planned key after the plan is shown; "replace" overwrites nothing', async () => {
    const c = await newComputer(env.browser, env.monitor, 'bridge-C');
    const before = bBefore();
    const appsC = await openApps(c, apps.url, before);
    const keyport = await clickBookmarklet(appsC, href);
    await loadFile(keyport, env.plainBundle);
    await keyport.getByLabel("Replace it with the bundle's entry").check();
    await keyport.locator('#plan', { hasText: "will be replaced with the file's copy" }).waitFor();
    // Apps, in the same tab (so no storage event tells anyone), renames the account meanwhile.
    const edited = before[accountKey()]?.replace(
      'B renamed this account',
      'renamed in Apps meanwhile',
    ) as string;
    await appsC.evaluate(([k, v]) => localStorage.setItem(k, v), [accountKey(), edited] as const);
    await keyport.getByRole('button', { name: 'Import', exact: true }).click();
    await keyport.locator('#restore-status', { hasText: 'Nothing was written' }).waitFor();
    const message = await restoreStatus(keyport);
    assert(
      message.includes('renamed in Apps meanwhile') && message.includes('1 planned entry changed'),
      `message: ${message}`,
    );
    assertSameStorage(
      await readStorage(appsC),
      { ...before, [accountKey()]: edited },
      'Apps after the refused import',
    );
    assert(
      (await keyport.locator('#plan').isVisible()) &&
        (await keyport.getByRole('button', { name: 'Import', exact: true }).isEnabled()),
      'the new plan is not offered',
    );
    await shot(keyport, 'bridge-C-stale-refused');

    // Another Apps tab of the same origin writes a planned key: its storage event reaches the
    // bookmarklet's tab, and the keyport window shows the new plan at once.
    const other = await c.newPage();
    await other.goto(apps.url);
    await other.evaluate((k) => localStorage.setItem(k, '{"written":"by another Apps tab"}'), 'settings');
    // (The refusal above also said "changed since the plan was shown": wait for the new notice.)
    await keyport.locator('#restore-status', { hasText: 'nothing has been written' }).waitFor();
    assert((await restoreStatus(keyport)).includes('changed since the plan was shown'), 'notice');
    await shot(keyport, 'bridge-C-stale-notice');
    await other.close();

    // A third origin posts bridge messages to both ends: nothing read, nothing written.
    const before3 = await readStorage(appsC);
    const [intruder] = await Promise.all([
      keyport.waitForEvent('popup'),
      keyport.evaluate((url) => void window.open(url), third.url),
    ]);
    await intruder.waitForLoadState();
    const got = await intruder.evaluate(async () => {
      const received: string[] = [];
      window.addEventListener('message', (e) => received.push(JSON.stringify(e.data)));
      const kp = 'keyport-bridge/1';
      const nonce = 'a'.repeat(32);
      const keyportWindow = window.opener as Window;
      const appsTab = keyportWindow.opener as Window;
      for (const m of [
        { kp, type: 'hello', nonce },
        { kp, type: 'get', nonce, id: 1 },
        { kp, type: 'write', nonce, id: 2, changes: [{ key: 'intruder', expect: null, value: 'x' }] },
      ])
        appsTab.postMessage(m, '*');
      for (const m of [
        { kp, type: 'snapshot', nonce, items: [['intruder', 'x']] },
        { kp, type: 'bye', nonce },
        { kp, type: 'write', nonce, id: 3, changes: [] },
      ])
        keyportWindow.postMessage(m, '*');
      await new Promise((r) => setTimeout(r, 1500));
      return received;
    });
    assert(got.length === 0, `the third origin received: ${got.join(' | ')}`);
    assertSameStorage(await readStorage(appsC), before3, 'Apps after the third origin');
    const notes = await keyport.locator('#bridge-notes').innerText();
    assert(notes.includes(`Ignored a message from ${third.origin}`), `notes: ${notes}`);
    assert(!(await keyport.locator('#bridge-status').innerText()).includes('gone'), 'the bridge fell over');
    await shot(keyport, 'bridge-C-third-origin-ignored');
    await intruder.close();

    // The Apps tab navigates away mid-flow: the window says it is gone; nothing is written.
    await appsC.goto(third.url);
    await keyport.locator('#bridge-status', { hasText: 'The Apps tab is gone' }).waitFor({ timeout: 20_000 });
    assert(
      await keyport.getByRole('button', { name: 'Import', exact: true }).isDisabled(),
      'Import still enabled',
    );
    await shot(keyport, 'bridge-C-apps-gone');
    await appsC.goto(apps.url);
    assertSameStorage(await readStorage(appsC), before3, 'Apps after it came back');
    await c.close();
  });

  test('popup blocker: the chip says the window was blocked; its "Open keyport" button (a real click) opens it', async () => {
    const blocking = await launchWithPopupBlocker();
    try {
      const e = await blocking.newContext({ viewport: { width: 900, height: 700 } });
      env.monitor.watch(e, 'bridge-E');
      // No page.evaluate before: playwright runs it as a user gesture, which would let the popup through.
      const appsE = await e.newPage();
      await appsE.goto(apps.url);
      // A bookmark run with no user gesture behind it (as after a keyboard shortcut some
      // browsers do not count): the browser refuses window.open.
      const cdp = await e.newCDPSession(appsE);
      await cdp.send('Runtime.evaluate', {
        expression: `(() => { const a = document.createElement('a'); a.href = ${JSON.stringify(href)}; document.body.append(a); a.click(); a.remove(); })()`,
        userGesture: false,
      });
      await appsE
        .locator('#keyport-bridge-chip span', { hasText: 'the browser blocked the keyport window' })
        .waitFor();
      await shot(appsE, 'bridge-E-popup-blocked');
      const [keyport] = await Promise.all([
        appsE.waitForEvent('popup'),
        appsE.locator('#keyport-bridge-chip button', { hasText: 'Open keyport' }).click(),
      ]);
      await keyport.locator('#bridge-status', { hasText: 'Connected to the tab on' }).waitFor();
      assert((await chipText(appsE)).includes('keyport window connected'), 'chip after the click');
      await shot(keyport, 'bridge-E-opened-from-chip');
    } finally {
      await blocking.close();
    }
  });

  test("quota: the Apps tab's storage is nearly full (the browser's real quota): refused, unchanged", async () => {
    const d = await newComputer(env.browser, env.monitor, 'bridge-D');
    const appsD = await openApps(d, apps.url, {});
    const bundleChars = Object.entries(env.aStorage).reduce((n, [k, v]) => n + k.length + v.length, 0);
    // Fill to the last character, then free a third of what the import needs.
    await appsD.evaluate(
      (room) => {
        let i = 0;
        for (let size = 1 << 20; size >= 1; size = Math.floor(size / 4)) {
          for (;;) {
            try {
              localStorage.setItem(`fill-${i++}`, 'x'.repeat(size));
            } catch {
              break;
            }
          }
        }
        localStorage.removeItem('fill-0');
        localStorage.setItem('fill-0', 'x'.repeat((1 << 20) - room));
      },
      Math.floor(bundleChars / 3),
    );
    const before = await readStorage(appsD);
    const keyport = await clickBookmarklet(appsD, href);
    // Not an Apps storage (only filler keys): the window works on it and says what it found.
    assert(
      (await keyport.locator('#not-apps').innerText()).includes('does not look like Polkadot-JS Apps'),
      'no "not Apps" notice',
    );
    await loadFile(keyport, env.plainBundle);
    await keyport.getByRole('button', { name: 'Import', exact: true }).click();
    await keyport
      .locator('#restore-status', { hasText: 'Nothing was imported' })
      .waitFor({ timeout: 30_000 });
    const message = await restoreStatus(keyport);
    assert(message.includes('QuotaExceededError') && message.includes('rolled back'), `message: ${message}`);
    assertSameStorage(await readStorage(appsD), before, 'the full Apps storage after the refused import');
    await shot(keyport, 'bridge-D-quota');
    await d.close();
    await apps.close();
    await third.close();
  });
}
