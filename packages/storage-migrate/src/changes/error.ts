// The error a failed change list becomes in this process: applyPlan and undoImport throw it, the
// migrate page turns a bridged outcome into the same error, so both say the same thing.
import { KeyportError, type KeyportErrorCode } from '@keyport/core';
import type { Bundle } from '../bundle/types.ts';
import type { ChangeOutcome } from './transaction.ts';

/**
 * A write or read-back failed. `rolledBack` says whether the storage was restored to exactly
 * its state before the operation; when it is false, `undo` (the saved state) restores it once
 * the storage works again: `undoImport(e.undo, storage, { force: true, now })`.
 */
export class StorageWriteError extends KeyportError {
  readonly rolledBack: boolean;
  readonly undo: Bundle;

  constructor(
    code: KeyportErrorCode,
    message: string,
    details: Record<string, unknown>,
    rolledBack: boolean,
    undo: Bundle,
  ) {
    super(code, message, { ...details, rolledBack });
    this.rolledBack = rolledBack;
    this.undo = undo;
  }
}

/** At most five keys, each cut to 80 characters: enough to name them in a message. */
export function someKeys(keys: readonly string[]): string[] {
  return keys.slice(0, 5).map((k) => k.slice(0, 80));
}

/**
 * The KeyportError for an outcome that is not ok: CONFLICT (with `conflict` as the message and
 * the keys in `details.keys`), INVALID_INPUT, or a StorageWriteError carrying `undo`.
 *
 * @example if (!outcome.ok) throw changeError(outcome, set.undo, changes.length, 'the storage changed since the plan was made')
 */
export function changeError(
  outcome: Exclude<ChangeOutcome, { ok: true }>,
  undo: Bundle,
  total: number,
  conflict: string,
): KeyportError {
  if (outcome.code === 'CONFLICT') {
    return new KeyportError('CONFLICT', `${outcome.keys.length} item(s) ${conflict}`, {
      keys: someKeys(outcome.keys),
    });
  }
  if (outcome.code === 'INVALID_INPUT') {
    return new KeyportError(
      'INVALID_INPUT',
      `the change list names the key of item ${outcome.index + 1} twice`,
      {
        index: outcome.index,
      },
    );
  }
  const { code, index, cause, rolledBack, notRestored } = outcome;
  const what =
    code === 'WRITE_FAILED'
      ? `writing item ${index + 1} of ${total} failed (${cause})`
      : cause === undefined
        ? `item ${index + 1} of ${total} reads back different from what was written`
        : `reading item ${index + 1} back failed (${cause})`;
  const details = cause === undefined ? { index } : { index, cause };
  return new StorageWriteError(
    code,
    `${what}; ${rolledBack ? 'the storage was restored to its state before' : `restoring ${notRestored.length} item(s) FAILED: keep the undo bundle of this error`}`,
    rolledBack ? details : { ...details, notRestored: someKeys(notRestored) },
    rolledBack,
    undo,
  );
}
