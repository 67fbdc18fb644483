/**
 * Step 2's lazy half: read the loaded file with @keyport/storage-migrate (asking for a passphrase
 * or password when needed), show the plan, import exactly that plan, then offer the undo bundle,
 * "Undo import" and what Apps will now show. Nothing touches the storage before "Import" (or
 * "Undo import"). When the storage changes under a shown plan (another tab, or Apps through the
 * bridge), the plan is made again, shown, and the changed entries are named.
 */
import { createWebScryptPool } from '@keyport/core/web-pool';
import {
  type Bundle,
  type EntryChoice,
  encodeBundle,
  type ImportPlan,
  type ImportSource,
  planImport,
} from '@keyport/storage-migrate';
import type { PageContext } from '../context.ts';
import { addressCode, byId, h, showStatus } from '../dom.ts';
import { errorMessage } from '../messages.ts';
import { planView } from './plan-view.ts';
import { readInWorker } from './read-client.ts';
import { runImport } from './result-view.ts';
import { labelKeys, undoButton } from './undo-view.ts';

/** Encodes an undo bundle with the passphrase of the import (scrypt in a worker), or plain. */
async function encodeUndo(bundle: Bundle, passphrase: string | undefined): Promise<string> {
  if (passphrase === undefined) return encodeBundle(bundle);
  const pool = createWebScryptPool({ size: 1 });
  try {
    return await encodeBundle(bundle, { passphrase, scrypt: pool });
  } finally {
    await pool.close();
  }
}

/** Keys of `plan` whose stored value is no longer what the plan saw. */
function staleKeys(plan: ImportPlan, view: { getItem(key: string): string | null }): string[] {
  return plan.entries.filter((e) => view.getItem(e.key) !== e.existing).map((e) => e.key);
}

/**
 * Wires step 2 and returns the loader wire-restore.ts calls with each file's text.
 *
 * @example const load = createRestoreFlow(ctx); await load(await file.text(), file.name)
 */
export function createRestoreFlow(ctx: PageContext): (text: string, fileName: string) => Promise<void> {
  const { store } = ctx;
  const status = byId('restore-status', HTMLParagraphElement);
  const unlockForm = byId('unlock-form', HTMLFormElement);
  const unlockLabelEl = byId('unlock-label', HTMLLabelElement);
  const unlockInput = byId('unlock-password', HTMLInputElement);
  const planBox = byId('plan', HTMLDivElement);
  const importForm = byId('import-form', HTMLFormElement);
  const importButton = byId('import', HTMLButtonElement);
  const resultBox = byId('result', HTMLDivElement);
  const now = (): number => (ctx.now ?? (() => new Date()))().getTime();

  let text = '';
  let fileName = '';
  let source: ImportSource | undefined;
  // The person's choice per entry (ticked or not); every plan is made with them.
  let choices: Record<string, EntryChoice> = {};
  // The passphrase of an encrypted bundle, kept until its import's undo bundle is encrypted with it.
  let undoPassphrase: string | undefined;
  // The plan on screen: what Import writes, as it is.
  let plan: ImportPlan | undefined;
  // The check step, once loaded: each new input hides it and closes its worker pool.
  let checkView: typeof import('../check/view.ts') | undefined;

  const policy = (): 'keep' | 'replace' =>
    importForm.querySelector<HTMLInputElement>('input[name="policy"]:checked')?.value === 'replace'
      ? 'replace'
      : 'keep';

  function reset(): void {
    source = undefined;
    plan = undefined;
    choices = {};
    undoPassphrase = undefined;
    unlockForm.hidden = true;
    unlockInput.value = '';
    planBox.hidden = true;
    planBox.replaceChildren();
    importForm.hidden = true;
    resultBox.hidden = true;
    resultBox.replaceChildren();
    if (checkView) checkView.hideCheck();
    else byId('check', HTMLElement).hidden = true;
  }

  function replan(): void {
    if (!source) return;
    plan = planImport(source, store.view(), { policy: policy(), choices, now });
    planBox.replaceChildren(planView(fileName, source, plan, choose));
    planBox.hidden = false;
    importForm.hidden = false;
    importButton.disabled = plan.counts.write === 0;
  }

  /** A box of the plan changed: plan again with that choice (the new plan is what Import writes). */
  function choose(key: string, choice: EntryChoice): void {
    choices = { ...choices, [key]: choice };
    try {
      replan();
    } catch (e) {
      showStatus(status, 'error', errorMessage(e));
    }
  }

  /** The storage changed under the shown plan: plan again, show it, name what changed. */
  function showNewPlan(keys: readonly string[], written: boolean): void {
    const n = keys.length;
    const names = labelKeys(ctx, keys);
    replan();
    showStatus(
      status,
      'error',
      `${written ? 'Nothing was written: ' : ''}${n} planned ${n === 1 ? 'entry' : 'entries'} changed since the plan was shown (another tab or Apps wrote ${n === 1 ? 'it' : 'them'}): ${names}. ` +
        `The plan below is the new one${written ? '; check it and press Import again' : '; nothing has been written'}.`,
    );
  }

  store.onChange(() => {
    if (!plan || planBox.hidden) return; // no plan on screen (or it was spent by an import)
    const keys = staleKeys(plan, store.view());
    try {
      if (keys.length > 0) showNewPlan(keys, false);
      else replan(); // other keys changed: the notices may differ
    } catch (e) {
      showStatus(status, 'error', errorMessage(e));
    }
  });

  async function read(secret: string | undefined): Promise<void> {
    const reply = await readInWorker({ text, now: now(), ...(secret === undefined ? {} : { secret }) });
    if (reply.kind === 'locked') {
      unlockLabelEl.textContent = reply.label;
      unlockForm.hidden = false;
      showStatus(
        status,
        'info',
        `${fileName} is encrypted. Enter its ${reply.label.toLowerCase()} and press Unlock.`,
      );
      unlockInput.focus();
      return;
    }
    unlockForm.hidden = true;
    unlockInput.value = '';
    if (reply.kind === 'undo') {
      offerUndo(reply.undo);
      return;
    }
    source = reply.source;
    undoPassphrase = reply.encrypted ? secret : undefined;
    await store.refresh(); // bridge mode: plan against the Apps tab as it is now
    replan();
    showStatus(
      status,
      'ok',
      `${fileName} is readable. Review the plan, then press Import. Nothing has been written yet.`,
    );
    const accountEntries = source.entries.filter((e) => e.key.startsWith('account:'));
    if (accountEntries.length > 0) {
      const [{ checkableAccounts }, view] = await Promise.all([
        import('../check/passwords.ts'),
        import('../check/view.ts'),
      ]);
      checkView = view;
      view.showCheck(checkableAccounts(accountEntries)); // also starts and warms its worker pool
    }
  }

  function offerUndo(undo: Bundle): void {
    const info = undo.undo as NonNullable<Bundle['undo']>;
    const undoRun = { ctx, now, status, onUndone: () => checkView?.releaseCheckPool() };
    resultBox.replaceChildren(
      h(
        'p',
        {},
        `${fileName} is an undo bundle made ${undo.createdAt} on `,
        undo.origin === null ? 'an unknown origin' : addressCode(undo.origin),
        `: it puts back ${undo.entries.length} and removes ${info.absent.length} entries.`,
      ),
      undoButton(undoRun, undo, 'undo-file'),
    );
    resultBox.hidden = false;
    showStatus(status, 'info', 'This file reverses an earlier import. Press "Undo import" to apply it.');
  }

  unlockForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const secret = unlockInput.value;
    unlockInput.value = ''; // the field never keeps a passphrase once it was used
    if (secret === '') {
      showStatus(status, 'error', 'Type the passphrase or password first.');
      return;
    }
    showStatus(status, 'busy', 'Decrypting (scrypt runs in a background worker)…');
    read(secret).catch((e: unknown) => {
      showStatus(status, 'error', errorMessage(e));
      unlockInput.focus();
    });
  });

  importForm.addEventListener('change', () => {
    try {
      replan();
    } catch (e) {
      showStatus(status, 'error', errorMessage(e));
    }
  });

  importForm.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!plan || importButton.disabled) return;
    importButton.disabled = true;
    checkView?.clearPasswords();
    showStatus(status, 'busy', 'Importing…');
    const passphrase = undoPassphrase;
    void runImport({
      ctx,
      plan,
      now,
      status,
      resultBox,
      encode: (b) => encodeUndo(b, passphrase),
      ...(passphrase === undefined ? {} : { encodePlain: (b: Bundle) => encodeUndo(b, undefined) }),
      onDone: () => {
        importForm.hidden = true;
        planBox.hidden = true; // the plan is spent: load the file again to plan anew
        undoPassphrase = undefined;
      },
      onFail: () => {
        importButton.disabled = false;
      },
      onStale: (keys) => showNewPlan(keys, true),
      onUndo: () => checkView?.releaseCheckPool(),
    });
  });

  return async (fileText: string, name: string): Promise<void> => {
    reset();
    text = fileText;
    fileName = name;
    showStatus(status, 'busy', `Reading ${name}…`);
    await read(undefined);
  };
}
