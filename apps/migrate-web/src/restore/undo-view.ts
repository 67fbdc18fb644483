/**
 * "Undo import": reverses an import with its undo bundle, on whichever storage the page works on.
 * The undo is planned against a fresh read of the storage and written as one compare-and-set
 * change list. When an entry changed after the import it refuses, names the entries, and offers
 * only an explicit "Undo anyway, erasing the newer values" choice.
 */
import { type Bundle, changeError, undoChanges } from '@keyport/storage-migrate';
import type { PageContext } from '../context.ts';
import { h, showStatus } from '../dom.ts';
import { errorCode, errorMessage } from '../messages.ts';
import { entryLabel } from './plan-view.ts';

/** What an undo button needs. */
export interface UndoRun {
  readonly ctx: PageContext;
  readonly now: () => number;
  readonly status: HTMLElement;
  /** Called after the storage was put back (the page closes the check's workers). */
  readonly onUndone?: () => void;
}

/** Names of stored entries: their labels as the plan shows them, from the storage as it is. */
export function labelKeys(ctx: PageContext, keys: readonly string[]): string {
  const view = ctx.store.view();
  return keys.map((k) => entryLabel(k, view.getItem(k) ?? '')).join('; ');
}

/**
 * The keys a CONFLICT error names (`details.keys`), or none.
 *
 * @example conflictKeys(new KeyportError('CONFLICT', '1 item(s) changed', { keys: ['settings'] })) // ['settings']
 */
export function conflictKeys(e: unknown): readonly string[] {
  const keys = (e as { details?: { keys?: unknown } }).details?.keys;
  return Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string') : [];
}

async function undoOnce(
  run: UndoRun,
  undo: Bundle,
  force: boolean,
): Promise<{ restored: number; removed: number }> {
  const { store } = run.ctx;
  await store.refresh();
  const set = undoChanges(undo, store.view(), { now: run.now, origin: store.origin, force });
  const outcome = await store.write(set.changes);
  if (!outcome.ok) {
    throw changeError(
      outcome,
      set.undo,
      set.changes.length,
      'changed while the undo was being written; nothing was undone',
    );
  }
  return { restored: set.restored, removed: set.removed };
}

/**
 * An "Undo import" button for `undo` (with `id`), wired to undo once.
 *
 * @example resultBox.append(undoButton(run, result.undo, 'undo-import'))
 */
export function undoButton(run: UndoRun, undo: Bundle, id: string): HTMLButtonElement {
  const { ctx, status } = run;
  const button = h('button', { type: 'button', id }, 'Undo import');
  let anyway: HTMLButtonElement | undefined;
  const apply = (force: boolean): void => {
    button.disabled = true;
    anyway?.remove();
    anyway = undefined;
    undoOnce(run, undo, force).then(
      (r) => {
        ctx.onChange();
        run.onUndone?.();
        showStatus(
          status,
          'ok',
          `Undo complete: ${r.restored} entries put back and ${r.removed} removed. ${ctx.store.bridged ? 'The Apps tab' : 'This browser'} holds exactly what it held before the import.`,
        );
      },
      (e: unknown) => {
        button.disabled = false;
        ctx.onChange();
        if (errorCode(e) !== 'CONFLICT') {
          showStatus(status, 'error', `Nothing was undone. ${errorMessage(e)}`);
          return;
        }
        const keys = conflictKeys(e);
        const count = Number(/^(\d+)/.exec(e instanceof Error ? e.message : '')?.[1] ?? keys.length);
        showStatus(
          status,
          'error',
          `Nothing was undone: ${count} ${count === 1 ? 'entry' : 'entries'} changed after the import (Apps may have used them): ` +
            `${labelKeys(ctx, keys)}${count > keys.length ? ' and more' : ''}. Undoing now would erase those newer values.`,
        );
        anyway = h(
          'button',
          { type: 'button', id: 'undo-anyway', class: 'danger' },
          'Undo anyway, erasing the newer values',
        );
        anyway.addEventListener('click', () => apply(true));
        status.after(anyway);
      },
    );
  };
  button.addEventListener('click', () => apply(false));
  return button;
}
