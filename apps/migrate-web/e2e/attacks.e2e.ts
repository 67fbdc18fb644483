// Files crafted against a person, loaded into a browser whose storage the real ui-keyring made
// (A's ?demo storage): under the default policy, after ui-keyring loads the result every account
// still unlocks with its own password and every contact keeps its name and address, or nothing
// is written. A record that would overwrite an entry is listed unticked; ticking it is what
// Import then writes. Plus the page's hygiene: names isolated and wrapped, no plaintext key in
// the console, passwords gone from their fields, unsafe scrypt refused before any passphrase, a
// huge console copy read without freezing the page, the undo bundle of an encrypted import.
import { readFileSync } from 'node:fs';
import { encodeJsStringLiteral, MemoryStorage } from '@keyport/storage-migrate';
import { verifyWithUiKeyring } from '@keyport/storage-migrate/verify';
import { Keyring } from '@polkadot/keyring';
import { base64Decode, base64Encode, cryptoWaitReady } from '@polkadot/util-crypto';
import type { BrowserContext, Page } from 'playwright-core';
import type { Env } from './env.ts';
import { assert, assertSameStorage, newComputer, readStorage, shot, test, writeStorage } from './harness.ts';
import { DEMO_ACCOUNTS, importPlan, loadFile, openPage, restoreStatus, unlock, writeTemp } from './pages.ts';

const ZERO = (n: number) => `0x${'00'.repeat(31)}${n.toString(16).padStart(2, '0')}`;

interface Victim {
  readonly storage: Record<string, string>;
  /** The sr25519 demo account: key and address field. */
  readonly alice: { key: string; address: string; record: Record<string, unknown> };
  /** The "Demo friend" contact. */
  readonly friend: { key: string; address: string };
}

function victimOf(storage: Record<string, string>): Victim {
  const find = (prefix: string, name: string) => {
    const hit = Object.entries(storage).find(([k, v]) => k.startsWith(prefix) && v.includes(name));
    assert(hit, `${name} is not in the demo storage`);
    return { key: hit[0], record: JSON.parse(hit[1]) as Record<string, unknown> };
  };
  const alice = find('account:', DEMO_ACCOUNTS[0]!.name);
  const friend = find('address:', 'Demo friend');
  return {
    storage,
    alice: { key: alice.key, address: alice.record.address as string, record: alice.record },
    friend: { key: friend.key, address: friend.record.address as string },
  };
}

/** What ui-keyring (in Node, the real one) shows from `storage`, with the demo passwords tried. */
async function appsOf(storage: Record<string, string>) {
  const passwords: Record<string, string> = {};
  for (const [key, value] of Object.entries(storage)) {
    if (!key.startsWith('account:')) continue;
    const account = DEMO_ACCOUNTS.find((a) => value.includes(JSON.stringify(a.name).slice(1, -1)));
    if (account) passwords[key] = account.password;
  }
  return verifyWithUiKeyring(new MemoryStorage(Object.entries(storage)), { passwords });
}

/** The default-policy promise: every demo account unlocks, the contact keeps name and address. */
async function expectUnharmed(v: Victim, storage: Record<string, string>, what: string): Promise<void> {
  const seen = await appsOf(storage);
  const keyed = seen.accounts.filter((a) => a.unlocked !== undefined);
  assert(keyed.length === DEMO_ACCOUNTS.length, `${what}: ${keyed.length} demo accounts listed`);
  assert(
    keyed.every((a) => a.unlocked === true),
    `${what}: an account no longer unlocks: ${keyed.filter((a) => !a.unlocked).map((a) => a.name)}`,
  );
  const friend = seen.addresses.find((a) => a.key === v.friend.key);
  assert(
    friend?.address === v.friend.address && friend.name === 'Demo friend',
    `${what}: the contact changed`,
  );
}

async function victimPage(env: Env, context: BrowserContext, v: Victim): Promise<Page> {
  const page = await openPage(context, env.url);
  await writeStorage(page, v.storage);
  await page.reload();
  await page.waitForFunction(() => document.getElementById('origin')?.textContent?.startsWith('http'));
  return page;
}

/** Presses Import and waits for the result and the ui-keyring read-back (which may list nothing). */
async function importAll(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.locator('#import-result').waitFor({ timeout: 30_000 });
  await page.locator('#verify').waitFor({ state: 'attached', timeout: 30_000 });
  return page.locator('#import-result').innerText();
}

/** Registers the attack and hygiene tests (after the move tests: they need A's storage). */
export function registerAttackTests(env: Env): void {
  let thief: Record<string, unknown> = {};
  let v: Victim;

  test('a record under a fresh key naming an account: listed unticked, nothing written, every account unlocks; ticked, Import writes exactly that', async () => {
    await cryptoWaitReady();
    v = victimOf(env.aStorage);
    const pair = new Keyring({ type: 'sr25519' }).addFromUri('//keyport//thief', { name: 'x' });
    thief = pair.toJson('thief pw') as unknown as Record<string, unknown>;
    const hijack = JSON.stringify({ ...thief, address: v.alice.address, meta: v.alice.record.meta });
    const file = writeTemp(env.tmp, 'hijack.json', JSON.stringify({ [`account:${ZERO(0)}`]: hijack }));
    const ctx = await newComputer(env.browser, env.monitor, 'V1');
    const page = await victimPage(env, ctx, v);
    await loadFile(page, file);
    const item = page.locator('#plan-overwrites li');
    assert((await item.count()) === 1, 'the record is not listed as overwriting');
    const text = await item.innerText();
    assert(text.includes(`Would replace the account ${DEMO_ACCOUNTS[0]!.name}`), `item: ${text}`);
    assert(!(await item.locator('input.entry-choice').isChecked()), 'the overwriting record is ticked');
    assert(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled(), 'Import offered');
    await shot(page, 'V1-overwrites');
    // Replace as the policy does not write it either.
    await page.getByLabel("Replace it with the bundle's entry").check();
    assert(!(await page.locator('#plan-overwrites input.entry-choice').isChecked()), 'replace ticks it');
    assertSameStorage(await readStorage(page), v.storage, 'V1 before any import');
    await expectUnharmed(v, await readStorage(page), 'V1');

    // The person ticks it after reading what it replaces: Import writes exactly that plan.
    await page.locator('#plan-overwrites input.entry-choice').check();
    await page.locator('#plan-overwrites li', { hasText: 'will be imported (your choice)' }).waitFor();
    await importPlan(page);
    const after = await readStorage(page);
    assertSameStorage(after, { ...v.storage, [`account:${ZERO(0)}`]: hijack }, 'V1 after the chosen import');
    const alice = (await appsOf(after)).accounts.find((a) => a.key === v.alice.key);
    assert(
      alice?.source === `account:${ZERO(0)}` && alice.unlocked === false,
      'the chosen record did not land as planned',
    );
    assert(
      (await page.locator('#import-result').innerText()).startsWith('Imported 1 entry'),
      'not imported as planned',
    );
    await page.getByRole('button', { name: 'Undo import' }).click();
    await page.locator('#restore-status', { hasText: 'Undo complete' }).waitFor();
    assertSameStorage(await readStorage(page), v.storage, 'V1 after Undo import');
    await ctx.close();
  });

  test('a contact renamed through another key, a contract on its address, another key for an account: none is written; a look-alike is flagged', async () => {
    const ctx = await newComputer(env.browser, env.monitor, 'V2');
    const page = await victimPage(env, ctx, v);
    const thiefAddress = new Keyring({ type: 'sr25519' }).addFromUri('//keyport//thief').address;
    const items = {
      [`address:${ZERO(1)}`]: JSON.stringify({
        address: v.friend.address,
        meta: { name: 'Demo friend (old)', whenCreated: 1 },
      }),
      [`address:${ZERO(2)}`]: JSON.stringify({
        address: thiefAddress,
        meta: { name: 'Demo  friend\u200b', whenCreated: 1 },
      }),
      [`contract:${ZERO(3)}`]: JSON.stringify({
        address: v.friend.address,
        meta: { name: 'friend (closed)', contract: { abi: '{}' } },
      }),
      [v.alice.key]: JSON.stringify({ ...thief, address: v.alice.address, meta: v.alice.record.meta }),
    };
    await loadFile(page, writeTemp(env.tmp, 'book.json', JSON.stringify(items)));
    await page.getByLabel("Replace it with the bundle's entry").check();
    await page.locator('#plan-conflicts li', { hasText: 'ANOTHER key' }).waitFor();
    assert((await page.locator('#plan-overwrites li').count()) === 2, 'rename and contract not both listed');
    const lookalike = await page.locator('#plan-new li').innerText();
    assert(
      lookalike.includes('Look-alike name: Apps also lists the contact Demo friend'),
      `new: ${lookalike}`,
    );
    const conflict = await page.locator('#plan-conflicts li').innerText();
    assert(conflict.includes('kept: the file holds ANOTHER key for this account'), `conflict: ${conflict}`);
    await shot(page, 'V2-plan');
    await importPlan(page);
    const after = await readStorage(page);
    assertSameStorage(after, { ...v.storage, [`address:${ZERO(2)}`]: items[`address:${ZERO(2)}`]! }, 'V2');
    await expectUnharmed(v, after, 'V2');
    await ctx.close();
  });

  test('hygiene: long and right-to-left names are isolated and wrap; a plaintext key ui-keyring cannot load never reaches the console', async () => {
    const ctx = await newComputer(env.browser, env.monitor, 'V3');
    const page = await openPage(ctx, env.url);
    const plain = new Keyring({ type: 'sr25519' }).addFromUri('//keyport//plain').toJson() as unknown as {
      encoded: string;
      encoding: Record<string, unknown>;
    };
    const address = new Keyring({ type: 'sr25519' }).addFromUri('//keyport//rtl').address;
    const dump = {
      [`account:${ZERO(4)}`]: JSON.stringify({
        ...plain,
        encoding: { ...plain.encoding, content: ['pkcs8', 'rsa'] },
      }),
      [`address:${ZERO(5)}`]: JSON.stringify({ address, meta: { name: `evil\u202e`, whenCreated: 1 } }),
      [`address:${ZERO(6)}`]: JSON.stringify({
        address: v.friend.address,
        meta: { name: 'W'.repeat(3000), whenCreated: 1 },
      }),
    };
    await loadFile(page, writeTemp(env.tmp, 'hygiene.json', JSON.stringify(dump)));
    const wide = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert(wide <= 0, `a long name widens the page by ${wide} px`);
    const unisolated = await page.evaluate(
      () =>
        [...document.querySelectorAll('#plan li')].filter(
          (li) => li.textContent?.includes('\u202e') && !li.querySelector('bdi'),
        ).length,
    );
    assert(unisolated === 0, 'a right-to-left name is not isolated');
    await shot(page, 'V3-hygiene-plan');
    await importAll(page);
    await page.locator('#verify-console').waitFor();
    const logged = env.monitor.console.join('\n');
    for (const piece of [plain.encoded, plain.encoded.slice(16, 56)])
      assert(!logged.includes(piece), 'the plaintext key reached the console');
    assert(!logged.includes('Unable to load'), "ui-keyring's log reached the console");
    await ctx.close();
  });

  test('unsafe scrypt parameters are refused before a passphrase is asked for; an encrypted import gets an encrypted undo bundle', async () => {
    const ctx = await newComputer(env.browser, env.monitor, 'V4');
    const page = await openPage(ctx, env.url);
    const passphrase = 'attack e2e passphrase';
    const { encodeBundle, dumpStorage } = await import('@keyport/storage-migrate');
    const { COMPAT_SCRYPT } = await import('@keyport/core');
    const { nodeScrypt } = await import('@keyport/core/scrypt-node');
    const small = new MemoryStorage({ 'address:0x01': '{"address":"5F","meta":{}}', lcUrl: 'x' });
    const text = await encodeBundle(dumpStorage(small, { now: () => 0 }), {
      passphrase,
      params: COMPAT_SCRYPT,
      scrypt: nodeScrypt,
    });
    const obj = JSON.parse(text);
    const sealed = base64Decode(obj.ciphertext);
    new DataView(sealed.buffer).setUint32(32, 1 << 20, true);
    await loadFile(
      page,
      writeTemp(env.tmp, 'unsafe.json', JSON.stringify({ ...obj, ciphertext: base64Encode(sealed) })),
    );
    assert(
      (await restoreStatus(page)).includes('scrypt settings polkadot-js refuses'),
      'unsafe scrypt not refused',
    );
    assert(!(await page.locator('#unlock-form').isVisible()), 'a passphrase was asked for');

    await loadFile(page, writeTemp(env.tmp, 'enc.json', text));
    await unlock(page, passphrase);
    assert(
      (await page.locator('#unlock-password').inputValue()) === '',
      'the passphrase stayed in its field',
    );
    await importAll(page);
    const label = await page.locator('#download-undo').innerText();
    assert(label.includes('encrypted with the bundle passphrase'), `undo offered as: ${label}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#download-undo').click(),
    ]);
    const undoPath = await download.path();
    const undoText = readFileSync(undoPath as string, 'utf8');
    assert(
      JSON.parse(undoText).encryption !== undefined && !undoText.includes('lcUrl'),
      'the undo bundle is not encrypted',
    );
    // Loading it asks for the passphrase, then offers "Undo import".
    await loadFile(page, writeTemp(env.tmp, 'enc-undo.json', undoText));
    await unlock(page, passphrase);
    await page.locator('#undo-file').click();
    await page.locator('#restore-status', { hasText: 'Undo complete' }).waitFor();
    assertSameStorage(await readStorage(page), {}, 'V4 after undoing with the encrypted undo bundle');
    await ctx.close();
  });

  test('a console copy of a 26 MB storage is read off the main thread: the page keeps drawing frames meanwhile', async () => {
    const ctx = await newComputer(env.browser, env.monitor, 'V5');
    const page = await openPage(ctx, env.url);
    const big: Record<string, string> = {};
    const value = JSON.stringify({ blob: 'x'.repeat(13000), note: 'a "quoted" \\ thing' });
    for (let i = 0; i < 2000; i++) big[`item-${String(i).padStart(5, '0')}`] = value;
    const copy = `raw = ${encodeJsStringLiteral(JSON.stringify(big))};`;
    assert(copy.length > 26e6, `the copy is only ${copy.length} characters`);
    const path = writeTemp(env.tmp, 'console-copy.txt', copy);
    const ticks: number[] = [];
    await page.exposeFunction('keyportFrame', (n: number) => ticks.push(n));
    await page.evaluate(`(() => {
      let n = 0;
      const loop = () => { n++; window.keyportFrame(n); if (n < 2000) requestAnimationFrame(loop); };
      requestAnimationFrame(loop);
    })()`);
    await page.getByLabel('Load bundle').setInputFiles(path);
    const started = ticks.length;
    await page.locator('#plan-summary').waitFor({ timeout: 120_000 });
    assert(ticks.length - started > 5, `the page froze: ${ticks.length - started} frames while reading`);
    assert((await page.locator('#plan-source').innerText()).includes('2000 entries'), 'not read whole');
    await ctx.close();
  });
}
