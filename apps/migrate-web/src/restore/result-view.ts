/**
 * "Import" applies exactly the plan the person saw: the plan becomes one compare-and-set change
 * list (planChanges), written on the page's own origin or across the bridge. If any planned
 * entry changed since the plan was shown, nothing is written and the flow shows the new plan.
 * Then: "Imported N entries", "Download undo bundle", "Undo import", and what Apps will show.
 */
import {
  type Bundle,
  changeError,
  type ImportPlan,
  planChanges,
  StorageWriteError,
} from '@keyport/storage-migrate';
import type { PageContext } from '../context.ts';
import { h, showStatus } from '../dom.ts';
import { bundleFileName, downloadText } from '../download.ts';
import { errorMessage } from '../messages.ts';
import { undoButton } from './undo-view.ts';
import { verifyBlock } from './verify-view.ts';

/** Everything runImport needs from the flow. */
export interface ImportRun {
  readonly ctx: PageContext;
  /** The plan on screen: written as it is, never planned again at click time. */
  readonly plan: ImportPlan;
  readonly now: () => number;
  readonly status: HTMLElement;
  readonly resultBox: HTMLElement;
  /** Encodes the undo bundle as text (plain). */
  readonly encode: (bundle: Bundle) => Promise<string>;
  readonly onDone: () => void;
  readonly onFail: () => void;
  /** Nothing was written: these planned keys changed since the plan was shown. */
  readonly onStale: (keys: readonly string[]) => void;
  /** Called after "Undo import" put the storage back (the page closes the check's workers). */
  readonly onUndo?: () => void;
}

function undoControls(run: ImportRun, undo: Bundle, undoText: string, undoName: string): HTMLElement[] {
  const download = h('button', { type: 'button', id: 'download-undo' }, 'Download undo bundle');
  download.addEventListener('click', () => downloadText(run.ctx.doc, undoName, undoText));
  const undoRun = {
    ctx: run.ctx,
    now: run.now,
    status: run.status,
    ...(run.onUndo ? { onUndone: run.onUndo } : {}),
  };
  return [download, undoButton(undoRun, undo, 'undo-import')];
}

/**
 * Writes `run.plan` as one compare-and-set change list, encodes the undo bundle and shows the
 * result. Errors leave the storage as it was.
 *
 * @example await runImport({ ctx, plan, now: Date.now, status, resultBox, encode, onDone, onFail, onStale })
 */
export async function runImport(run: ImportRun): Promise<void> {
  const { ctx, status, resultBox } = run;
  const { store } = ctx;
  const undoName = bundleFileName(store.origin, new Date(run.now()), '-undo');
  let set: ReturnType<typeof planChanges>;
  try {
    set = planChanges(run.plan, { origin: store.origin, now: run.now });
    const outcome = await store.write(set.changes);
    if (!outcome.ok) {
      if (outcome.code === 'CONFLICT') {
        ctx.onChange(); // the inventory shows the storage as it now is
        run.onFail();
        run.onStale(outcome.keys);
        return;
      }
      throw changeError(outcome, set.undo, set.changes.length, 'changed since the plan was shown');
    }
  } catch (e) {
    run.onFail();
    ctx.onChange();
    if (e instanceof StorageWriteError && !e.rolledBack) {
      const undoText = await run.encode(e.undo);
      resultBox.replaceChildren(...undoControls(run, e.undo, undoText, undoName));
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
  const undoText = await run.encode(set.undo);
  const n = set.written;
  resultBox.replaceChildren(
    h(
      'p',
      { id: 'import-result', class: 'status status-ok' },
      `Imported ${n} ${n === 1 ? 'entry' : 'entries'}`,
    ),
    h(
      'p',
      {},
      `${set.kept} existing ${set.kept === 1 ? 'entry' : 'entries'} kept, ${set.skipped} already identical. Save the undo bundle if you may want to reverse this import later.`,
    ),
    h('div', { class: 'row' }, ...undoControls(run, set.undo, undoText, undoName)),
  );
  resultBox.hidden = false;
  showStatus(
    status,
    'ok',
    `Imported ${n} ${n === 1 ? 'entry' : 'entries'}. Reload Apps (on ${store.origin}) to see them.`,
  );
  try {
    resultBox.append(await verifyBlock(store, run.now));
  } catch (e) {
    resultBox.append(
      h('p', { class: 'status status-error' }, `Could not check with ui-keyring: ${errorMessage(e)}`),
    );
  }
}
