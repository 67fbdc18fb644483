// The safety nets after the write, on the page's own origin, as a person meets them: another
// tab of the origin writes between the import and the ui-keyring check (the check sees what the
// plan did not say: the import is undone at once), and a browser storage that does not keep what
// was written (the write rolls itself back; when putting back fails too, the undo controls stay).
// Each test needs no earlier one: KEYPORT_E2E_ONLY='after the write' runs them alone.
import { readFileSync } from 'node:fs';
import { COMPAT_SCRYPT } from '@keyport/core';
import { nodeScrypt } from '@keyport/core/scrypt-node';
import { decodeBundle, dumpStorage, encodeBundle, MemoryStorage } from '@keyport/storage-migrate';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import type { BrowserContext, Page } from 'playwright-core';
import type { Env } from './env.ts';
import { assert, assertSameStorage, newComputer, readStorage, shot, test, writeStorage } from './harness.ts';
import { attributesAndUrl, loadFile, openPage, restoreStatus, unlock, writeTemp } from './pages.ts';

const PASSPHRASE = 'safety-net passphrase \u00e9\u{1F512}';

interface Fixture {
  /** B's storage before any import. */
  readonly before: Record<string, string>;
  /** The bundle's items (A's storage). */
  readonly bundle: Record<string, string>;
  /** New accounts of the bundle (absent on B). */
  readonly fresh: readonly string[];
  /** The account both hold, named differently (a conflict). */
  readonly shared: string;
  /** The encrypted bundle file. */
  readonly file: string;
  /** A contact another tab adds, and one more account record (what a person adds in Apps). */
  readonly contactKey: string;
  readonly contact: string;
}

async function makeFixture(env: Env): Promise<Fixture> {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519' });
  const account = (uri: string, name: string): [string, string] => {
    const pair = keyring.addFromUri(uri, { name, whenCreated: 1700000000000 });
    return [`account:${u8aToHex(pair.publicKey)}`, JSON.stringify(pair.toJson(`${name} password`))];
  };
  const address = (uri: string, name: string): [string, string] => {
    const pair = keyring.addFromUri(uri);
    return [
      `address:${u8aToHex(pair.publicKey)}`,
      JSON.stringify({ address: pair.address, meta: { name, whenCreated: 1700000000000 } }),
    ];
  };
  const [sharedKey, sharedOnA] = account('//keyport//safety//shared', 'Shared on A');
  const sharedOnB = sharedOnA.replace('Shared on A', "B's name for it");
  const one = account('//keyport//safety//one', 'Safety one');
  const two = account('//keyport//safety//two', 'Safety two');
  const friend = address('//keyport//safety//friend', 'Safety friend');
  const bundle = Object.fromEntries([one, two, friend, [sharedKey, sharedOnA]]);
  const text = await encodeBundle(dumpStorage(new MemoryStorage(bundle), { now: () => 1700000000000 }), {
    passphrase: PASSPHRASE,
    params: COMPAT_SCRYPT,
    scrypt: nodeScrypt,
  });
  const [contactKey, contact] = address('//keyport//safety//meanwhile', 'Added in Apps meanwhile');
  return {
    before: Object.fromEntries([
      [sharedKey, sharedOnB],
      address('//keyport//safety//b-contact', 'Contact on B'),
      ['b-only-key', 'kept by every step'],
    ]),
    bundle,
    fresh: [one[0], two[0], friend[0]],
    shared: sharedKey,
    file: writeTemp(env.tmp, 'safety-bundle.json', text),
    contactKey,
    contact,
  };
}

/** B, with `before` stored, the bundle loaded and unlocked: the plan is on screen. */
async function planned(env: Env, context: BrowserContext, f: Fixture): Promise<Page> {
  const page = await openPage(context, env.url);
  await writeStorage(page, f.before);
  await page.reload();
  await page.waitForFunction(() => document.getElementById('origin')?.textContent?.startsWith('http'));
  await loadFile(page, f.file);
  await unlock(page, PASSPHRASE);
  await page.locator('#plan-summary').waitFor();
  return page;
}

/** Nothing of the passphrase or of a stored record reached the console, a DOM attribute or the URL. */
async function noSecretsShown(env: Env, page: Page, f: Fixture): Promise<void> {
  const logged = env.monitor.console.join('\n');
  const pieces = [PASSPHRASE, ...Object.values(f.bundle).map((v) => v.slice(40, 100))];
  assert(!pieces.some((p) => logged.includes(p)), 'a passphrase or a record reached the console');
  const dom = await attributesAndUrl(page);
  assert(!dom.includes(PASSPHRASE), 'the passphrase is in a DOM attribute or the URL');
}

/**
 * The browser's storage keeps something else than written for `key`: every setItem of that key
 * stores the value cut short by one character (as a damaged profile database, or an extension
 * wrapping localStorage, does), from `setFault(page, true)` on; `setFault(page, false)` is the
 * browser storing data again.
 */
async function faultyStorage(context: BrowserContext, key: string): Promise<void> {
  // A string, so tsx's helpers never end up inside the page.
  await context.addInitScript(`(() => {
    const setItem = Storage.prototype.setItem;
    const fault = { key: ${JSON.stringify(key)}, on: false, hits: 0 };
    Object.defineProperty(window, 'keyportFault', { value: fault });
    Storage.prototype.setItem = function (k, v) {
      if (fault.on && String(k) === fault.key) { fault.hits++; v = String(v).slice(0, -1); }
      return setItem.call(this, k, v);
    };
  })()`);
}

async function setFault(page: Page, on: boolean): Promise<number> {
  return page.evaluate((v) => {
    const fault = (window as unknown as { keyportFault: { on: boolean; hits: number } }).keyportFault;
    fault.on = v;
    return fault.hits;
  }, on);
}

/**
 * Presses Import on B while Apps, open beside the page on the same origin, stores `value` under
 * `key` (the person adds or renames a contact there). That tab stores it as soon as it sees the
 * import's first `storage` event, so it lands after the write. The undo bundle of an encrypted
 * import is encrypted with scrypt in a worker (a few hundred ms here) before the ui-keyring check
 * reads the storage, and the other tab's write arrives within a few ms, so the check sees it; a
 * plain import checks within milliseconds (the race is real there, only rarer). Should a loaded
 * machine deliver the write after the check (the check then shows `name` nowhere and nothing is
 * undone: provably the race, not the page), the run starts again on a fresh computer, at most
 * three times. Returns once the check has run.
 */
async function importWhileBesideWrites(
  env: Env,
  f: Fixture,
  label: string,
  write: { key: string; value: string; name: string },
): Promise<{ context: BrowserContext; page: Page }> {
  for (let attempt = 1; ; attempt++) {
    const context = await newComputer(
      env.browser,
      env.monitor,
      attempt === 1 ? label : `${label}-${attempt}`,
    );
    const page = await planned(env, context, f);
    const apps = await context.newPage();
    await apps.goto(`${env.url}apps-beside`);
    // A string, so tsx's helpers never end up inside the page.
    await apps.evaluate(`addEventListener('storage', function once() {
      removeEventListener('storage', once);
      localStorage.setItem(${JSON.stringify(write.key)}, ${JSON.stringify(write.value)});
    })`);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForFunction(
      () =>
        document.getElementById('verify') !== null ||
        (document.getElementById('restore-status')?.textContent ?? '').includes('did not say'),
      undefined,
      { timeout: 60_000 },
    );
    const status = await restoreStatus(page);
    if (status.includes('did not say')) return { context, page };
    const checked = await page.locator('#verify').innerText();
    assert(!checked.includes(write.name), `ui-keyring shows ${write.name}, yet nothing was said: ${status}`);
    await context.close();
    assert(attempt < 3, "the other tab's write landed after the check three times in a row");
    console.log("    (the other tab's write landed after the check: once more)");
  }
}

/** Registers the tests of the safety nets after the write. */
export function registerRollbackTests(env: Env): void {
  let made: Promise<Fixture> | undefined;
  const fixture = (): Promise<Fixture> => {
    made ??= makeFixture(env);
    return made;
  };

  test('after the write: another tab adds a contact between the import and the ui-keyring check: the import is undone at once, the other tab keeps its entry', async () => {
    const f = await fixture();
    const { context, page } = await importWhileBesideWrites(env, f, 'S1', {
      key: f.contactKey,
      value: f.contact,
      name: 'Added in Apps meanwhile',
    });
    await page.locator('#import-result', { hasText: 'Import undone' }).waitFor();
    const status = await restoreStatus(page);
    assert(
      status.includes('ui-keyring (what Apps runs) showed something the plan did not say') &&
        status.includes(f.contactKey),
      `status: ${status}`,
    );
    assert(!status.includes('the storage is as it was'), `claims the storage is as it was: ${status}`);
    assert(
      status.includes('1 entry written meanwhile by another tab') &&
        status.includes('Added in Apps meanwhile'),
      `the other tab's entry is not named: ${status}`,
    );
    assertSameStorage(
      await readStorage(page),
      { ...f.before, [f.contactKey]: f.contact },
      'after the undone import (the other tab wrote its contact)',
    );
    assert(!(await page.locator('#import').isVisible()), 'Import is offered again with the spent plan');
    assert((await page.locator('#undo-import').count()) === 0, 'Undo import offered after the undo');
    await noSecretsShown(env, page, f);
    await shot(page, 'S1-check-undone');
    await context.close();
  });

  test('after the write: another tab renames a contact the import just wrote: the check sees it, the import is not undone over it, Undo import asks first', async () => {
    const f = await fixture();
    const friend = f.fresh[2] as string;
    const renamed = (f.bundle[friend] as string).replace('Safety friend', 'Renamed in Apps');
    const { context, page } = await importWhileBesideWrites(env, f, 'S4', {
      key: friend,
      value: renamed,
      name: 'Renamed in Apps',
    });
    await page.locator('#restore-status', { hasText: 'the import was not undone' }).waitFor();
    const status = await restoreStatus(page);
    assert(
      status.includes(`ui-keyring shows ${JSON.stringify(friend)} otherwise than planned`) &&
        status.includes('1 entry it wrote changed after the import') &&
        status.includes('Renamed in Apps'),
      `status: ${status}`,
    );
    const imported = {
      ...f.before,
      ...Object.fromEntries(f.fresh.map((k) => [k, f.bundle[k] as string])),
      [friend]: renamed,
    };
    assertSameStorage(await readStorage(page), imported, 'after the refused undo (the rename stays)');
    assert(!(await page.locator('#import').isVisible()), 'Import is offered again with the spent plan');
    await shot(page, 'S4-check-not-undone');
    await page.locator('#undo-import').click();
    await page.locator('#restore-status', { hasText: 'Nothing was undone' }).waitFor({ timeout: 30_000 });
    assertSameStorage(await readStorage(page), imported, 'after "Undo import" refused');
    await page.getByRole('button', { name: 'Undo anyway, erasing the newer values' }).click();
    await page.locator('#restore-status', { hasText: 'Undo complete' }).waitFor({ timeout: 30_000 });
    assertSameStorage(await readStorage(page), f.before, 'after "Undo anyway"');
    await noSecretsShown(env, page, f);
    await context.close();
  });

  test('after the write: the storage does not keep a new entry: the write rolls itself back, nothing was imported; once it does, Import writes the plan', async () => {
    const f = await fixture();
    const context = await newComputer(env.browser, env.monitor, 'S2');
    await faultyStorage(context, f.fresh[1] as string);
    const page = await planned(env, context, f);
    await setFault(page, true);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.locator('#restore-status', { hasText: 'Nothing was imported' }).waitFor({ timeout: 30_000 });
    const status = await restoreStatus(page);
    assert(
      status.includes('did not read back the same') &&
        status.includes('restored to its state before') &&
        status.includes('VERIFY_FAILED'),
      `status: ${status}`,
    );
    assert(await page.locator('#result').isHidden(), 'a result box is shown after a rolled-back write');
    assertSameStorage(await readStorage(page), f.before, 'after the rolled-back write');
    await shot(page, 'S2-write-rolled-back');
    // The plan still holds (the storage is as it was): once the browser stores data, Import writes it.
    assert((await setFault(page, false)) === 1, 'the fault was not hit once');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.locator('#import-result', { hasText: 'Imported 3 entries' }).waitFor({ timeout: 60_000 });
    await page.locator('#verify-accounts').waitFor({ timeout: 30_000 });
    const after = await readStorage(page);
    assertSameStorage(
      after,
      { ...f.before, ...Object.fromEntries(f.fresh.map((k) => [k, f.bundle[k] as string])) },
      'after the second Import',
    );
    await noSecretsShown(env, page, f);
    await context.close();
  });

  test('after the write: the storage keeps neither the replaced entry nor its put-back: the undo controls stay, Import is not offered again, Undo import restores B exactly', async () => {
    const f = await fixture();
    const context = await newComputer(env.browser, env.monitor, 'S3');
    await faultyStorage(context, f.shared);
    const page = await planned(env, context, f);
    await page.getByLabel("Replace it with the bundle's entry").check();
    await page.locator('#plan', { hasText: "will be replaced with the file's copy" }).waitFor();
    await setFault(page, true);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.locator('#undo-import').waitFor({ timeout: 60_000 });
    const status = await restoreStatus(page);
    assert(
      status.includes('could not be rolled back completely') && status.includes('VERIFY_FAILED'),
      `status: ${status}`,
    );
    assert(!status.includes('Every change was rolled back'), `claims a complete rollback: ${status}`);
    const left = { ...f.before, [f.shared]: (f.before[f.shared] as string).slice(0, -1) };
    assertSameStorage(
      await readStorage(page),
      left,
      'after the failed put-back (only the faulty key differs)',
    );
    assert(!(await page.locator('#import').isVisible()), 'Import is offered again with a stale plan');
    const label = await page.locator('#download-undo').innerText();
    assert(label.includes('encrypted with the bundle passphrase'), `undo offered as: ${label}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#download-undo').click(),
    ]);
    const undo = await decodeBundle(readFileSync((await download.path()) as string, 'utf8'), {
      passphrase: PASSPHRASE,
      scrypt: nodeScrypt,
    });
    assert(
      undo.entries.length === 1 &&
        undo.entries[0]?.value === f.before[f.shared] &&
        JSON.stringify(undo.undo?.absent) === JSON.stringify([...f.fresh].sort()),
      'the undo bundle does not hold the storage before the import',
    );
    await shot(page, 'S3-not-rolled-back');
    // The browser stores data again: "Undo import" puts B back, without asking to erase anything.
    assert((await setFault(page, false)) === 2, 'the fault was not hit by the write and the put-back');
    await page.locator('#undo-import').click();
    await page
      .locator('#restore-status', { hasText: /Undo complete|Nothing was undone/ })
      .waitFor({ timeout: 30_000 });
    const undone = await restoreStatus(page);
    assert(undone.startsWith('Undo complete'), `Undo import: ${undone}`);
    assertSameStorage(await readStorage(page), f.before, 'after Undo import');
    await noSecretsShown(env, page, f);
    await shot(page, 'S3-undone');
    await context.close();
  });
}
