/**
 * Step 3 on the page: one password field per account of the loaded bundle, "Check passwords"
 * with a progress bar and "Cancel". scrypt runs in core's Web Worker pool; the page stays live.
 * Passwords are read from input.value only, never put in an attribute, the URL or the console.
 */
import { createWebScryptPool } from '@keyport/core/web-pool';
import { byId, clear, h, showStatus } from '../dom.ts';
import { errorMessage } from '../messages.ts';
import { type CheckableAccount, type CheckResult, checkPasswords } from './passwords.ts';

const RESULT_TEXT: Readonly<Record<string, string>> = {
  WRONG_PASSWORD: 'wrong password',
  ADDRESS_MISMATCH: 'the key inside does not match the address (damaged or edited record)',
  UNSAFE_SCRYPT_PARAMS: 'uses scrypt settings polkadot-js refuses',
  CORRUPT_DATA: 'the encrypted key is damaged',
  CANCELLED: 'not checked (cancelled)',
};

function resultLine(account: CheckableAccount, result: CheckResult): HTMLLIElement {
  const label = account.name === '' ? account.address : account.name;
  if (result.ok) return h('li', { class: 'ok' }, `\u2714 ${label}: the password unlocks it`);
  const why = RESULT_TEXT[result.code] ?? `${result.message} [${result.code}]`;
  return h('li', { class: 'bad' }, `\u2718 ${label}: ${why}`);
}

let generation = 0;

/**
 * Shows the check section for `accounts` (hides it when there are none).
 *
 * @example showCheck(checkableAccounts(bundle.entries))
 */
export function showCheck(accounts: readonly CheckableAccount[]): void {
  const section = byId('check', HTMLElement);
  const fields = byId('check-fields', HTMLDivElement);
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
  section.hidden = accounts.length === 0;
  const inputs = accounts.map((_, i) =>
    h('input', { id: `check-pw-${i}`, type: 'password', autocomplete: 'off', spellcheck: 'false' }),
  );
  fields.replaceChildren(
    ...accounts.flatMap((account, i) => {
      const label = account.name === '' ? account.address : account.name;
      return [
        h('label', { for: `check-pw-${i}` }, `Password for ${label} (${account.type})`),
        inputs[i] as HTMLInputElement,
      ];
    }),
  );

  form.onsubmit = (event) => {
    event.preventDefault();
    if (mine !== generation) return;
    const items = accounts
      .map((account, i) => ({ account, password: (inputs[i] as HTMLInputElement).value }))
      .filter((item) => item.password !== '');
    if (items.length === 0) {
      showStatus(status, 'error', 'Type the password of at least one account.');
      return;
    }
    void run(items);
  };

  async function run(items: { account: CheckableAccount; password: string }[]): Promise<void> {
    const controller = new AbortController();
    const pool = createWebScryptPool({
      size: Math.max(1, Math.min(items.length, navigator.hardwareConcurrency || 2)),
    });
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
          progress.value = done;
          showStatus(status, 'busy', `Checked ${done} of ${total}…`);
        },
      });
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
      showStatus(status, 'error', errorMessage(e));
    } finally {
      await pool.close();
      start.disabled = false;
      cancel.disabled = true;
      cancel.onclick = null;
    }
  }
}
