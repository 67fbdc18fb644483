/**
 * "Import" applies exactly the plan the person saw: the plan becomes one compare-and-set change
 * list (planChanges), written on the page's own origin or across the bridge. If any planned
 * entry changed since the plan was shown, nothing is written and the flow shows the new plan.
 * Then: "Imported N entries", "Download undo bundle", "Undo import", and what Apps will show.
 */
import {
  type Bundle,
  type ChangeOutcome,
  changeError,
  type ImportPlan,
  planChanges,
  readAll,
  StorageWriteError,
  undoAfterFailure,
  undoChanges,
} from '@keyport/storage-migrate';
import type { PageContext } from '../context.ts';
import { h, showStatus } from '../dom.ts';
import { bundleFileName, downloadText } from '../download.ts';
import { errorCode, errorMessage } from '../messages.ts';
import type { StorageView } from '../store/store.ts';
import { conflictKeys, labelKeys, undoButton } from './undo-view.ts';
import { verifyBlock } from './verify-view.ts';

/** Everything runImport needs from the flow. */
export interface ImportRun {
  readonly ctx: PageContext;
  /** The plan on screen: written as it is, never planned again at click time. */
  readonly plan: ImportPlan;
  readonly now: () => number;
  readonly status: HTMLElement;
  readonly resultBox: HTMLElement;
  /** Encodes the undo bundle as text: encrypted with the bundle passphrase when the import was encrypted. */
  readonly encode: (bundle: Bundle) => Promise<string>;
  /** When `encode` encrypts: the plain alternative, offered second. */
  readonly encodePlain?: (bundle: Bundle) => Promise<string>;
  readonly onDone: () => void;
  readonly onFail: () => void;
  /** Nothing was written: these planned keys changed since the plan was shown. */
  readonly onStale: (keys: readonly string[]) => void;
  /** Called after "Undo import" put the storage back (the page closes the check's workers). */
  readonly onUndo?: () => void;
}

function undoControls(run: ImportRun, undo: Bundle, undoText: string, undoName: string): HTMLElement[] {
  const encrypted = run.encodePlain !== undefined;
  const download = h(
    'button',
    { type: 'button', id: 'download-undo' },
    encrypted ? 'Download undo bundle (encrypted with the bundle passphrase)' : 'Download undo bundle',
  );
  download.addEventListener('click', () => downloadText(run.ctx.doc, undoName, undoText));
  const plain: HTMLElement[] = [];
  if (run.encodePlain !== undefined) {
    const encodePlain = run.encodePlain;
    const button = h(
      'button',
      { type: 'button', id: 'download-undo-plain', class: 'secondary' },
      'Download it unencrypted',
    );
    button.addEventListener('click', () => {
      void encodePlain(undo).then((text) => downloadText(run.ctx.doc, undoName, text));
    });
    plain.push(button);
  }
  const undoRun = {
    ctx: run.ctx,
    now: run.now,
    status: run.status,
    ...(run.onUndo ? { onUndone: run.onUndo } : {}),
  };
  return [download, ...plain, undoButton(undoRun, undo, 'undo-import')];
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
  const before = readAll(store.view()); // what a rollback must give back, besides other tabs' writes
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
    ctx.onChange();
    if (e instanceof StorageWriteError && !e.rolledBack) {
      // The storage is neither as planned nor as it was: the plan is spent, and the undo expects
      // what the failure left, so "Undo import" puts it back once the browser stores data again.
      run.onDone();
      const undo = undoAfterFailure(e.undo, store.view(), { origin: store.origin, now: run.now });
      const undoText = await run.encode(undo);
      resultBox.replaceChildren(...undoControls(run, undo, undoText, undoName));
      resultBox.hidden = false;
      showStatus(
        status,
        'error',
        `The import failed and could not be rolled back completely. Download the undo bundle now and use "Undo import" once the browser stores data again. ${errorMessage(e)}`,
      );
      return;
    }
    run.onFail();
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
    const { block, problems } = await verifyBlock(store, run.now, run.plan);
    resultBox.append(block);
    if (problems.length > 0) await rollBack(run, set.undo, before, problems);
  } catch (e) {
    resultBox.append(
      h('p', { class: 'status status-error' }, `Could not check with ui-keyring: ${errorMessage(e)}`),
    );
  }
}

/** Keys whose value in `view` differs from `before` (added, changed or removed), sorted. */
function changedSince(before: readonly (readonly [string, string])[], view: StorageView): string[] {
  const was = new Map(before);
  const now = new Map(readAll(view));
  return [...new Set([...was.keys(), ...now.keys()])].filter((k) => was.get(k) !== now.get(k)).sort();
}

const entries = (n: number): string => `${n} ${n === 1 ? 'entry' : 'entries'}`;

/**
 * ui-keyring shows something the plan did not say: the import is undone at once (compare-and-set,
 * like any write), so nothing stays that the person did not see. What another tab wrote
 * meanwhile stays, and is named; an entry of the import changed since is never erased here.
 */
async function rollBack(
  run: ImportRun,
  undo: Bundle,
  before: readonly (readonly [string, string])[],
  problems: readonly string[],
): Promise<void> {
  const { ctx } = run;
  const { store } = ctx;
  const seen = `After the import, ui-keyring (what Apps runs) showed something the plan did not say (${problems.slice(0, 3).join('; ')})`;
  let outcome: ChangeOutcome;
  try {
    await store.refresh();
    const set = undoChanges(undo, store.view(), { now: run.now, origin: store.origin });
    outcome = await store.write(set.changes);
  } catch (e) {
    ctx.onChange();
    const keys = conflictKeys(e);
    showStatus(
      run.status,
      'error',
      errorCode(e) === 'CONFLICT'
        ? `${seen}, and the import was not undone: ${entries(keys.length)} it wrote changed after the import (another tab or Apps wrote ${keys.length === 1 ? 'it' : 'them'}): ${labelKeys(ctx, keys)}. "Undo import" below asks before erasing newer values.`
        : `${seen}, and undoing it failed: ${errorMessage(e)} Use "Download undo bundle" and "Undo import".`,
    );
    return;
  }
  ctx.onChange();
  if (!outcome.ok) {
    showStatus(
      run.status,
      'error',
      `${seen}, and undoing it failed (${outcome.code}). Use "Download undo bundle" and "Undo import".`,
    );
    return;
  }
  run.resultBox.replaceChildren(
    h(
      'p',
      { id: 'import-result', class: 'status status-error' },
      'Import undone: Apps would not show what the plan said',
    ),
  );
  const others = changedSince(before, store.view());
  const n = others.length;
  showStatus(
    run.status,
    'error',
    n === 0
      ? `${seen}. The import was undone: the storage is as it was.`
      : `${seen}. The import was undone: every entry it wrote holds its earlier value again. ${entries(n)} written meanwhile by another tab (Apps?) ${n === 1 ? 'was' : 'were'} left as ${n === 1 ? 'it is' : 'they are'}: ${labelKeys(ctx, others)}.`,
  );
}
