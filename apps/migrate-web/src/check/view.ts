/**
 * Step 3 on the page: one password field per account of the loaded bundle, "Check passwords"
 * with a progress bar and "Cancel". scrypt runs in core's Web Worker pool, made and warmed when
 * the section is shown (pool.ts) and reused by every check of that input; the page stays live.
 * Passwords are read from input.value only, never put in an attribute, the URL or the console.
 */
import { createWebScryptPool } from '@keyport/core/web-pool';
import { addressCode, byId, clear, h, isolated, showStatus } from '../dom.ts';
import { errorMessage } from '../messages.ts';
import { type CheckableAccount, type CheckResult, checkPasswords } from './passwords.ts';
import { type CheckPool, checkPool } from './pool.ts';

const RESULT_TEXT: Readonly<Record<string, string>> = {
  WRONG_PASSWORD: 'wrong password',
  ADDRESS_MISMATCH: 'the key inside does not match the address (damaged or edited record)',
  UNSAFE_SCRYPT_PARAMS: 'uses scrypt settings polkadot-js refuses',
  CORRUPT_DATA: 'the encrypted key is damaged',
  CANCELLED: 'not checked (cancelled)',
};

function resultLine(account: CheckableAccount, result: CheckResult): HTMLLIElement {
  const label = account.name === '' ? addressCode(account.address) : isolated(account.name);
  if (result.ok) return h('li', { class: 'ok' }, '\u2714 ', label, ': the password unlocks it');
  const why = RESULT_TEXT[result.code] ?? `${result.message} [${result.code}]`;
  return h('li', { class: 'bad' }, '\u2718 ', label, `: ${why}`);
}

let generation = 0;
let holder: CheckPool | undefined;
// The password fields of the shown accounts, emptied after every check and on Import.
let fields: HTMLInputElement[] = [];

/**
 * Empties every password field of the check section (after a check, and when the import
 * starts): a typed password never stays on the page longer than the step that needs it.
 *
 * @example clearPasswords()
 */
export function clearPasswords(): void {
  for (const input of fields) input.value = '';
}
let pageHooked = false;

function hookPage(): void {
  if (pageHooked) return;
  pageHooked = true;
  window.addEventListener('pagehide', releaseCheckPool);
  // Back from the back/forward cache with the section still shown: start the workers again.
  window.addEventListener('pageshow', (event) => {
    if (event.persisted && !byId('check', HTMLElement).hidden) holder?.warm();
  });
}

/**
 * Hides the check section and closes its worker pool: call it when the input goes away
 * (another file is loaded).
 *
 * @example hideCheck()
 */
export function hideCheck(): void {
  generation++;
  holder?.release();
  holder = undefined;
  clearPasswords();
  fields = [];
  byId('check', HTMLElement).hidden = true;
}

/**
 * Closes the check's worker pool but keeps the section (after Undo import: the workers' memory
 * is given back; a later check starts new workers).
 *
 * @example releaseCheckPool()
 */
export function releaseCheckPool(): void {
  holder?.release();
}

/**
 * Shows the check section for `accounts` (hides it when there are none). When there are some,
 * makes the worker pool for them and warms it at once, so the first check does not wait for
 * workers to start; the pool of the previous input, if any, is closed.
 *
 * @example showCheck(checkableAccounts(bundle.entries))
 */
export function showCheck(accounts: readonly CheckableAccount[]): void {
  hideCheck();
  const section = byId('check', HTMLElement);
  const fieldBox = byId('check-fields', HTMLDivElement);
  const form = byId('check-form', HTMLFormElement);
  const start = byId('check-start', HTMLButtonElement);
  const cancel = byId('check-cancel', HTMLButtonElement);
  const progress = byId('check-progress', HTMLProgressElement);
  const status = byId('check-status', HTMLParagraphElement);
  const results = byId('check-results', HTMLUListElement);
  const mine = ++generation;
  clear(results);
  showStatus(status, 'info', '');
  progress.value = 0;
  start.disabled = false; // a check of the previous input may have been running
  cancel.disabled = true;
  cancel.onclick = null;
  section.hidden = accounts.length === 0;
  if (accounts.length > 0) {
    hookPage();
    const size = Math.max(1, Math.min(accounts.length, navigator.hardwareConcurrency || 2));
    holder = checkPool(
      () => createWebScryptPool({ size }),
      (e) => {
        if (mine === generation && start.disabled === false) {
          showStatus(status, 'error', `The background workers could not start: ${errorMessage(e)}`);
        }
      },
    );
    holder.warm();
  }
  const pools = holder;
  const inputs = accounts.map((_, i) =>
    h('input', { id: `check-pw-${i}`, type: 'password', autocomplete: 'off', spellcheck: 'false' }),
  );
  fields = inputs;
  fieldBox.replaceChildren(
    ...accounts.flatMap((account, i) => [
      h(
        'label',
        { for: `check-pw-${i}` },
        'Password for ',
        account.name === '' ? addressCode(account.address) : isolated(account.name),
        ` (${account.type})`,
      ),
      inputs[i] as HTMLInputElement,
    ]),
  );

  form.onsubmit = (event) => {
    event.preventDefault();
    if (mine !== generation || !pools) return;
    const items = accounts
      .map((account, i) => ({ account, password: (inputs[i] as HTMLInputElement).value }))
      .filter((item) => item.password !== '');
    clearPasswords(); // read once; the fields are empty while the check runs and after it
    if (items.length === 0) {
      showStatus(status, 'error', 'Type the password of at least one account.');
      return;
    }
    void run(items, pools);
  };

  async function run(
    items: { account: CheckableAccount; password: string }[],
    pools: CheckPool,
  ): Promise<void> {
    const controller = new AbortController();
    const pool = pools.get();
    const current = (): boolean => mine === generation;
    start.disabled = true;
    cancel.disabled = false;
    cancel.onclick = () => controller.abort();
    clear(results);
    progress.max = items.length;
    progress.value = 0;
    showStatus(
      status,
      'busy',
      `Checking ${items.length} ${items.length === 1 ? 'password' : 'passwords'} in ${pool.size} background ${pool.size === 1 ? 'worker' : 'workers'}…`,
    );
    try {
      const out = await checkPasswords(items, {
        scrypt: pool.withSignal(controller.signal),
        concurrency: pool.size,
        signal: controller.signal,
        onProgress: (done, total) => {
          if (!current()) return;
          progress.value = done;
          showStatus(status, 'busy', `Checked ${done} of ${total}…`);
        },
      });
      if (!current()) return;
      results.replaceChildren(
        ...out.map((r, i) => resultLine((items[i] as { account: CheckableAccount }).account, r)),
      );
      const good = out.filter((r) => r.ok).length;
      showStatus(
        status,
        good === out.length ? 'ok' : 'error',
        `${good} of ${out.length} passwords unlock their account.`,
      );
    } catch (e) {
      if (current()) showStatus(status, 'error', errorMessage(e));
    } finally {
      if (current()) {
        // Cancel terminated the busy workers; start their replacements while the user reads.
        if (controller.signal.aborted) pools.warm();
        start.disabled = false;
        cancel.disabled = true;
        cancel.onclick = null;
      }
    }
  }
}
