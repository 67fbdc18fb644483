// Two computers: A (an Apps-like storage made by the real ui-keyring) and B (a fresh browser).
import { readFileSync } from 'node:fs';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import type { Env } from './env.ts';
import { assert, assertSameStorage, newComputer, readStorage, shot, test, writeStorage } from './harness.ts';
import {
  attributesAndUrl,
  DEMO_ACCOUNTS,
  downloadBundle,
  importPlan,
  loadFile,
  openPage,
  restoreStatus,
  unlock,
  writeTemp,
} from './pages.ts';

const PASSPHRASE = 'e2e bundle passphrase \u00e9\u{1F510}';
const FILE_NAME = /^keyport-127\.0\.0\.1-\d+-\d{4}-\d{2}-\d{2}\.json$/;

/** Every demo account in `storage` unlocks with its password in @polkadot/keyring (in Node). */
async function accountsUnlock(storage: Record<string, string>): Promise<void> {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519' });
  for (const { name, password } of DEMO_ACCOUNTS) {
    const value = Object.entries(storage).find(
      ([k, v]) => k.startsWith('account:') && v.includes(JSON.stringify(name).slice(1, -1)),
    );
    assert(value, `account ${name} is missing`);
    const pair = keyring.addFromJson(JSON.parse(value[1]));
    pair.decodePkcs8(password); // throws on a wrong password or damaged key
    assert(!pair.isLocked, `${name} did not unlock`);
  }
}

/** The page lists what ui-keyring shows: every account and address-book entry of A. */
async function verifyListsEverything(env: Env, page: import('playwright-core').Page): Promise<void> {
  const accounts = await page.locator('#verify-accounts li').allInnerTexts();
  const addresses = await page.locator('#verify-addresses li').allInnerTexts();
  const expectAccounts = Object.keys(env.aStorage).filter((k) => k.startsWith('account:')).length;
  const expectAddresses = Object.keys(env.aStorage).filter((k) => k.startsWith('address:')).length;
  assert(
    accounts.length === expectAccounts,
    `ui-keyring lists ${accounts.length} accounts, expected ${expectAccounts}`,
  );
  assert(
    addresses.length === expectAddresses,
    `ui-keyring lists ${addresses.length} addresses, expected ${expectAddresses}`,
  );
  for (const { name } of DEMO_ACCOUNTS) {
    assert(
      accounts.some((a) => a.includes(name)),
      `ui-keyring does not list ${name}`,
    );
  }
}

/** Registers the two-computer tests. */
export function registerMoveTests(env: Env): void {
  test('A: ?demo fills an empty storage through the real ui-keyring and the page lists it', async () => {
    const a = await newComputer(env.browser, env.monitor, 'A');
    const page = await openPage(a, `${env.url}?demo`);
    await page.waitForURL(/demo=created/, { timeout: 60_000 });
    await page.locator('#demo-status', { hasText: 'Demo data created' }).waitFor();
    env.aStorage = await readStorage(page);
    const keys = Object.keys(env.aStorage);
    const count = (p: string) => keys.filter((k) => k.startsWith(p)).length;
    assert(
      count('account:0x') === 5 && count('address:0x') === 2 && count('contract:0x') === 1,
      `demo keys: ${keys.join(', ')}`,
    );
    assert(env.aStorage.settings?.includes('"storage":"on"'), 'settings were not written by ui-settings');
    const inventory = await page.locator('#inventory').innerText();
    for (const { name, type } of DEMO_ACCOUNTS) {
      assert(inventory.includes(name) && inventory.includes(type), `inventory misses ${name}`);
    }
    assert(
      inventory.includes('5 accounts') && inventory.includes('2 address-book entries'),
      'inventory counts',
    );
    assert((await page.locator('#origin').innerText()) === new URL(env.url).origin, 'origin not shown');
    await shot(page, 'A-demo-inventory');
    const { path, name } = await downloadBundle(page, env.tmp);
    assert(FILE_NAME.test(name), `file name ${name}`);
    env.plainBundle = path;
    assert((await page.locator('#backup-status').innerText()).includes('not encrypted'), 'backup status');
    await shot(page, 'A-downloaded-plain');
    await a.close();
  });

  test('plain bundle: B imports it; B equals A byte for byte; ui-keyring lists all; every account unlocks', async () => {
    const b = await newComputer(env.browser, env.monitor, 'B');
    const page = await openPage(b, env.url);
    await loadFile(page, env.plainBundle);
    const table = await page.locator('#plan-table').innerText();
    assert(/Accounts\s+5\s+0\s+0/.test(table), `plan table: ${table}`);
    assert(
      (await page.locator('#plan-summary').innerText()).includes('Import will write 11 entries'),
      'plan summary',
    );
    await shot(page, 'B-plan-plain');
    assert((await importPlan(page)) === 'Imported 11 entries', 'import result');
    assertSameStorage(await readStorage(page), env.aStorage, "B's localStorage");
    await verifyListsEverything(env, page);
    await shot(page, 'B-imported-plain');
    await accountsUnlock(await readStorage(page));
    await b.close();
  });

  test('passphrase bundle: wrong passphrase writes nothing; the right one imports byte for byte', async () => {
    const a = await newComputer(env.browser, env.monitor, 'A2');
    const pageA = await openPage(a, env.url);
    await writeStorage(pageA, env.aStorage);
    await pageA.reload();
    await pageA.getByLabel('Passphrase (optional)').fill(PASSPHRASE);
    const { path } = await downloadBundle(pageA, env.tmp);
    const text = readFileSync(path, 'utf8');
    assert(text.includes('"ciphertext"') && !text.includes('Demo Alice'), 'the bundle is not encrypted');
    assert(
      (await pageA.getByLabel('Passphrase (optional)').inputValue()) === '',
      'passphrase field kept its value',
    );
    await shot(pageA, 'A-downloaded-encrypted');
    await a.close();

    const b = await newComputer(env.browser, env.monitor, 'B2');
    const page = await openPage(b, env.url);
    await loadFile(page, path);
    assert(await page.locator('#unlock-form').isVisible(), 'no passphrase prompt');
    assert((await page.locator('#unlock-label').innerText()) === 'Bundle passphrase', 'unlock label');
    await unlock(page, 'not the passphrase');
    const wrong = await restoreStatus(page);
    assert(
      wrong.includes('Wrong passphrase') && wrong.includes('WRONG_PASSWORD'),
      `wrong passphrase message: ${wrong}`,
    );
    assert(
      Object.keys(await readStorage(page)).length === 0,
      'something was written after a wrong passphrase',
    );
    assert(
      (await page.locator('#unlock-password').inputValue()) === '',
      'the wrong passphrase stayed in its field',
    );
    await shot(page, 'B-wrong-passphrase');
    await unlock(page, PASSPHRASE);
    assert(
      (await page.locator('#plan-summary').innerText()).includes('Import will write 11 entries'),
      'plan after unlock',
    );
    const secrets = await attributesAndUrl(page);
    assert(
      !secrets.includes(PASSPHRASE) && !secrets.includes('not the passphrase'),
      'a passphrase is in the DOM or URL',
    );
    assert((await importPlan(page)) === 'Imported 11 entries', 'import result');
    assertSameStorage(await readStorage(page), env.aStorage, "B's localStorage (encrypted bundle)");
    await verifyListsEverything(env, page);
    await shot(page, 'B-imported-encrypted');
    await b.close();
  });

  test('conflict: keep (default) keeps B, replace takes A, "Undo import" restores B exactly', async () => {
    const accountKey = Object.keys(env.aStorage).find((k) => k.startsWith('account:')) as string;
    const mine = JSON.parse(env.aStorage[accountKey] as string) as { meta: { name: string } };
    mine.meta.name = 'B renamed this account';
    const bBefore = { [accountKey]: JSON.stringify(mine), 'b-only-key': 'kept by every step' };

    const b = await newComputer(env.browser, env.monitor, 'B3');
    const page = await openPage(b, env.url);
    await writeStorage(page, bBefore);
    await page.reload();
    await loadFile(page, env.plainBundle);
    const conflicts = await page.locator('#plan').innerText();
    assert(
      conflicts.includes('Already here with different content (1)') &&
        conflicts.includes('existing entry kept'),
      'conflict not shown',
    );
    await shot(page, 'B-conflict-plan-keep');
    assert((await importPlan(page)) === 'Imported 10 entries', 'keep import count');
    const kept = await readStorage(page);
    assert(kept[accountKey] === bBefore[accountKey], 'keep replaced the existing record');
    assertSameStorage(kept, { ...env.aStorage, ...bBefore }, 'after keep');
    await shot(page, 'B-conflict-imported-keep');
    await page.getByRole('button', { name: 'Undo import' }).click();
    await page.locator('#restore-status', { hasText: 'Undo complete' }).waitFor();
    assertSameStorage(await readStorage(page), bBefore, 'after undo (keep)');

    await loadFile(page, env.plainBundle);
    await page.getByLabel("Replace it with the bundle's entry").check();
    assert(
      (await page.locator('#plan').innerText()).includes("will be replaced with the file's copy"),
      'replace not planned',
    );
    await shot(page, 'B-conflict-plan-replace');
    const [undoDownload] = await Promise.all([
      page.waitForEvent('download'),
      (async () => {
        assert((await importPlan(page)) === 'Imported 11 entries', 'replace import count');
        await page.getByRole('button', { name: 'Download undo bundle' }).click();
      })(),
    ]);
    assertSameStorage(
      await readStorage(page),
      { ...env.aStorage, 'b-only-key': 'kept by every step' },
      'after replace',
    );
    const undoText = readFileSync(await undoDownload.path(), 'utf8');
    assert(undoText.includes('"undo"') && undoText.includes('B renamed this account'), 'undo bundle content');
    await shot(page, 'B-conflict-imported-replace');
    await page.getByRole('button', { name: 'Undo import' }).click();
    await page.locator('#restore-status', { hasText: 'Undo complete' }).waitFor();
    assertSameStorage(await readStorage(page), bBefore, 'after undo (replace)');
    await shot(page, 'B-conflict-undone');

    // Undo refuses over a newer value, says which entry, and offers only an explicit choice.
    await loadFile(page, env.plainBundle);
    await page.getByLabel('Keep the existing entry (default)').check();
    assert((await importPlan(page)) === 'Imported 10 entries', 'second keep import');
    const settingsLater = '{"storage":"on","written":"after the import"}';
    await page.evaluate((v) => localStorage.setItem('settings', v), settingsLater);
    const afterEdit = await readStorage(page);
    await page.getByRole('button', { name: 'Undo import' }).click();
    await page.locator('#restore-status', { hasText: 'Nothing was undone' }).waitFor();
    const refusal = await restoreStatus(page);
    assert(
      refusal.includes('1 entry changed after the import') && refusal.includes('settings'),
      `undo refusal: ${refusal}`,
    );
    assertSameStorage(await readStorage(page), afterEdit, 'after the refused undo');
    await shot(page, 'B-undo-refused');
    await page.getByRole('button', { name: 'Undo anyway, erasing the newer values' }).click();
    await page.locator('#restore-status', { hasText: 'Undo complete' }).waitFor();
    assertSameStorage(await readStorage(page), bBefore, 'after "Undo anyway"');
    await b.close();
  });

  test("stale plan on the page's own origin: an entry written after the plan was shown is never overwritten silently", async () => {
    const accountKey = Object.keys(env.aStorage).find((k) => k.startsWith('account:')) as string;
    const bBefore = { [accountKey]: env.aStorage[accountKey]?.replace('Demo', "B's") as string };
    const b = await newComputer(env.browser, env.monitor, 'B6');
    const page = await openPage(b, env.url);
    await writeStorage(page, bBefore);
    await page.reload();
    await loadFile(page, env.plainBundle);
    await page.getByLabel("Replace it with the bundle's entry").check();
    await page.locator('#plan', { hasText: "will be replaced with the file's copy" }).waitFor();
    // Apps in this very tab's origin writes the account after the plan was shown (no event).
    const meanwhile = bBefore[accountKey]?.replace("B's", 'Edited meanwhile') as string;
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [accountKey, meanwhile] as const);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.locator('#restore-status', { hasText: 'Nothing was written' }).waitFor();
    assert((await restoreStatus(page)).includes('Edited meanwhile'), 'the changed entry is not named');
    assertSameStorage(await readStorage(page), { [accountKey]: meanwhile }, 'after the refused import');
    await shot(page, 'B-own-origin-stale-refused');
    // Apps open in another tab of the origin writes a planned key: the page shows the new plan.
    const apps = await b.newPage();
    await apps.goto(env.url);
    await apps.evaluate(() => localStorage.setItem('lcUrl', '"wss://written.by.another.tab"'));
    await page.locator('#restore-status', { hasText: 'nothing has been written' }).waitFor();
    assert((await restoreStatus(page)).includes('lcUrl'), "the other tab's key is not named");
    await shot(page, 'B-own-origin-stale-notice');
    await b.close();
  });

  test('wrong, corrupt or altered files: a clear error and B unchanged', async () => {
    const b = await newComputer(env.browser, env.monitor, 'B4');
    const page = await openPage(b, env.url);
    const bBefore = { settings: '{"storage":"on"}', 'b-only-key': 'x' };
    await writeStorage(page, bBefore);
    await page.reload();
    const plain = readFileSync(env.plainBundle, 'utf8');
    const cases: [string, string | Uint8Array, RegExp][] = [
      ['notes.txt', 'my shopping list', /not a file keyport can read|does not have the expected content/],
      [
        'photo.png',
        new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 255]),
        /not a file keyport can read|does not have the expected content/,
      ],
      [
        'truncated.json',
        plain.slice(0, Math.floor(plain.length / 2)),
        /damaged|not a file keyport can read|does not have the expected content/,
      ],
      ['altered.json', plain.replace('Demo Bob', 'Demo Rob'), /checksum does not match/],
      ['newer.json', plain.replace('"version": 2', '"version": 3'), /newer or unknown version/],
    ];
    for (const [name, content, expected] of cases) {
      await loadFile(page, writeTemp(env.tmp, name, content));
      const message = await restoreStatus(page);
      assert(expected.test(message), `${name}: unexpected message: ${message}`);
      assert(
        await page.locator('#restore-status[role="alert"]').isVisible(),
        `${name}: not announced as an error`,
      );
      assert(!(await page.locator('#import-form').isVisible()), `${name}: Import offered`);
      assertSameStorage(await readStorage(page), bBefore, `B after ${name}`);
      await shot(page, `B-error-${name.replace('.', '-')}`);
    }
    // The same through drag and drop.
    await page.evaluate(
      async (text) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
        document
          .getElementById('dropzone')
          ?.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      },
      plain.replace('Demo Bob', 'Demo Rob'),
    );
    await page.waitForFunction(() => {
      const status = document.getElementById('restore-status');
      return !!status?.textContent?.includes('dropped.json') && !status.classList.contains('status-busy');
    });
    assert((await restoreStatus(page)).includes('checksum does not match'), 'drop: altered file accepted');
    assertSameStorage(await readStorage(page), bBefore, 'B after the drop');
    await b.close();
  });
}
