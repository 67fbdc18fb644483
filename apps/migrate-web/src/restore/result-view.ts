/**
 * After "Import": "Imported N entries", "Download undo bundle", "Undo import", and what Apps will
 * now show (the real @polkadot/ui-keyring over a copy of the storage), with hidden-entry warnings.
 */
import {
  applyPlan,
  type Bundle,
  type ImportSource,
  planImport,
  readAll,
  StorageWriteError,
  undoImport,
} from '@keyport/storage-migrate';
import type { PageContext } from '../context.ts';
import { h, showStatus } from '../dom.ts';
import { bundleFileName, downloadText } from '../download.ts';
import { errorCode, errorMessage } from '../messages.ts';
import { hiddenBlock } from './plan-view.ts';

/** Everything runImport needs from the flow. */
export interface ImportRun {
  readonly ctx: PageContext;
  readonly source: ImportSource;
  readonly policy: 'keep' | 'replace';
  readonly now: () => number;
  readonly status: HTMLElement;
  readonly resultBox: HTMLElement;
  /** Encodes the undo bundle as text (plain). */
  readonly encode: (bundle: Bundle) => Promise<string>;
  readonly onDone: () => void;
  readonly onFail: () => void;
  /** Called after "Undo import" put the storage back (the page closes the check's workers). */
  readonly onUndo?: () => void;
}

async function verifyBlock(ctx: PageContext, now: () => number): Promise<HTMLElement> {
  const { verifyWithUiKeyring } = await import('@keyport/storage-migrate/verify');
  const shown = await verifyWithUiKeyring(ctx.storage);
  // Planning the storage against itself: every entry is identical, so `hidden` lists what Apps
  // would hide from the storage as it now is.
  const entries = readAll(ctx.storage).map(([key, value]) => ({ key, value }));
  const whole = planImport({ entries }, ctx.storage, { now });
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const box = h(
    'div',
    { id: 'verify' },
    h(
      'h3',
      {},
      `Apps will show ${plural(shown.accounts.length, 'account', 'accounts')} and ` +
        plural(shown.addresses.length, 'address-book entry', 'address-book entries'),
    ),
    h('p', { class: 'hint' }, "Read from this browser's storage by @polkadot/ui-keyring, as Apps loads it."),
    h('h4', {}, 'Accounts'),
    h(
      'ul',
      { class: 'results', id: 'verify-accounts' },
      ...shown.accounts.map((a) =>
        h(
          'li',
          {},
          `${a.name ?? '(no name)'} (${a.type}${a.hasKey ? '' : ', no key'}) `,
          h('code', {}, a.address),
        ),
      ),
    ),
    h('h4', {}, 'Address book'),
    h(
      'ul',
      { class: 'results', id: 'verify-addresses' },
      ...shown.addresses.map((a) => h('li', {}, `${a.name ?? '(no name)'} `, h('code', {}, a.address))),
    ),
  );
  if (shown.contracts.length > 0)
    box.append(h('p', {}, `and ${plural(shown.contracts.length, 'contract', 'contracts')}.`));
  if (shown.notShown.length > 0) {
    const contractsOnly = shown.notShown.every((k) => k.startsWith('contract:'));
    box.append(
      h(
        'p',
        { class: 'warn', id: 'verify-hidden' },
        `Not listed here: ${shown.notShown.join(', ')}.` +
          (contractsOnly
            ? ' Apps lists a contract only while connected to the chain the contract belongs to.'
            : ' The reasons, where keyport knows them, are below.'),
      ),
    );
  }
  box.append(...hiddenBlock(whole.hidden, 'Apps will hide these, and the fix'));
  return box;
}

function undoControls(run: ImportRun, undo: Bundle, undoText: string, undoName: string): HTMLElement[] {
  const { ctx, status } = run;
  const download = h('button', { type: 'button', id: 'download-undo' }, 'Download undo bundle');
  download.addEventListener('click', () => downloadText(ctx.doc, undoName, undoText));
  const undoButton = h('button', { type: 'button', id: 'undo-import' }, 'Undo import');
  const apply = (force: boolean): void => {
    try {
      const r = undoImport(undo, ctx.storage, { now: run.now, origin: ctx.origin, force });
      undoButton.disabled = true;
      ctx.onChange();
      run.onUndo?.();
      showStatus(
        status,
        'ok',
        `Undo complete: ${r.restored} entries put back and ${r.removed} removed. This browser holds exactly what it held before the import.`,
      );
    } catch (e) {
      if (errorCode(e) === 'CONFLICT' && !force) {
        const anyway = h('button', { type: 'button' }, 'Undo anyway');
        anyway.addEventListener('click', () => {
          anyway.remove();
          apply(true);
        });
        showStatus(
          status,
          'error',
          `Some entries changed after the import (Apps may have used them). ${errorMessage(e)}`,
        );
        status.after(anyway);
        return;
      }
      showStatus(status, 'error', `Nothing was undone. ${errorMessage(e)}`);
    }
  };
  undoButton.addEventListener('click', () => apply(false));
  return [download, undoButton];
}

/**
 * Plans again under the chosen policy (so a storage changed meanwhile is noticed), applies the
 * plan, encodes the undo bundle and shows the result. Errors leave the storage as it was.
 *
 * @example await runImport({ ctx, source, policy: 'keep', now: Date.now, status, resultBox, encode, onDone, onFail })
 */
export async function runImport(run: ImportRun): Promise<void> {
  const { ctx, status, resultBox } = run;
  let result: ReturnType<typeof applyPlan>;
  try {
    const plan = planImport(run.source, ctx.storage, { policy: run.policy, now: run.now });
    result = applyPlan(plan, ctx.storage, { now: run.now, origin: ctx.origin });
  } catch (e) {
    run.onFail();
    if (e instanceof StorageWriteError && !e.rolledBack) {
      const undoText = await run.encode(e.undo);
      const name = bundleFileName(ctx.origin, new Date(run.now()), '-undo');
      resultBox.replaceChildren(...undoControls(run, e.undo, undoText, name));
      resultBox.hidden = false;
      showStatus(
        status,
        'error',
        `The import failed and could not be rolled back completely. Download the undo bundle now and use "Undo import" once the browser stores data again. ${errorMessage(e)}`,
      );
      return;
    }
    showStatus(status, 'error', `Nothing was imported. ${errorMessage(e)}`);
    return;
  }
  ctx.onChange();
  run.onDone();
  const undoText = await run.encode(result.undo);
  const undoName = bundleFileName(ctx.origin, new Date(run.now()), '-undo');
  const n = result.written;
  resultBox.replaceChildren(
    h(
      'p',
      { id: 'import-result', class: 'status status-ok' },
      `Imported ${n} ${n === 1 ? 'entry' : 'entries'}`,
    ),
    h(
      'p',
      {},
      `${result.kept} existing ${result.kept === 1 ? 'entry' : 'entries'} kept, ${result.skipped} already identical. Save the undo bundle if you may want to reverse this import later.`,
    ),
    h('div', { class: 'row' }, ...undoControls(run, result.undo, undoText, undoName)),
  );
  resultBox.hidden = false;
  showStatus(
    status,
    'ok',
    `Imported ${n} ${n === 1 ? 'entry' : 'entries'}. Reload Apps (on ${ctx.origin}) to see them.`,
  );
  try {
    resultBox.append(await verifyBlock(ctx, run.now));
  } catch (e) {
    resultBox.append(
      h('p', { class: 'status status-error' }, `Could not check with ui-keyring: ${errorMessage(e)}`),
    );
  }
}
