// Building a bundle from a storage or from a list of entries.
import { KeyportError } from '@keyport/core';
import { countKinds } from '../classify.ts';
import { compareKeys, readItems, type StorageLike } from '../storage.ts';
import {
  type AfterValue,
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  type Bundle,
  type BundleEntry,
  toSummary,
  type UndoInfo,
} from './types.ts';
import { checkUndo, trustBundle } from './validate.ts';

/** Where and when a bundle is made. The clock is injected: the library never reads Date.now(). */
export interface BundleOrigin {
  /** The origin the storage belongs to, e.g. `https://polkadot.js.org`; null or absent when unknown. */
  readonly origin?: string | null;
  /** Milliseconds since the epoch, e.g. `Date.now`. */
  readonly now: () => number;
}

/**
 * Turns a clock reading into the bundle's `createdAt` (ISO 8601 UTC with milliseconds).
 *
 * @throws INVALID_INPUT when the clock gives something that is not a valid time.
 */
export function isoTime(now: () => number): string {
  const t = now();
  const d = new Date(t);
  if (
    !Number.isFinite(t) ||
    Number.isNaN(d.getTime()) ||
    d.getUTCFullYear() < 0 ||
    d.getUTCFullYear() > 9999
  ) {
    throw new KeyportError(
      'INVALID_INPUT',
      'now() must return milliseconds since the epoch (years 0000-9999)',
    );
  }
  return d.toISOString();
}

/**
 * A bundle of `entries` (sorted here; keys must be unique), with its summary computed, and an
 * undo member when given. The result is frozen and holds its own copies.
 *
 * @throws INVALID_INPUT for a duplicate key, a non-string key or value or origin; CORRUPT_DATA
 * for an undo member that does not fit the entries.
 * @example makeBundle([{ key: 'lcUrl', value: 'ws://x' }], { origin: null, now: Date.now })
 */
export function makeBundle(entries: readonly BundleEntry[], at: BundleOrigin, undo?: UndoInfo): Bundle {
  const own = entries.map((e, i) => {
    if (typeof e?.key !== 'string' || typeof e.value !== 'string') {
      throw new KeyportError('INVALID_INPUT', `entries[${i}] must have a string key and a string value`, {
        index: i,
      });
    }
    return { key: e.key, value: e.value };
  });
  return bundleOf(own, at, undo, true);
}

/**
 * makeBundle on entries (string keys and values) that are the bundle's own from now on, as is
 * `undo` unless `copyUndo` (applyPlan's undo lists are made for the bundle; makeBundle's
 * caller keeps its own).
 */
export function bundleOf(entries: BundleEntry[], at: BundleOrigin, undo?: UndoInfo, copyUndo = true): Bundle {
  let inOrder = true;
  for (let i = 1; i < entries.length && inOrder; i++) inOrder = entries[i - 1]!.key < entries[i]!.key;
  if (!inOrder) {
    entries.sort((a, b) => compareKeys(a.key, b.key));
    for (let i = 1; i < entries.length; i++) {
      if (entries[i]!.key === entries[i - 1]!.key) {
        throw new KeyportError('INVALID_INPUT', 'entries must have unique keys', { index: i });
      }
    }
  }
  for (const e of entries) Object.freeze(e);
  const origin = at.origin ?? null;
  if (origin !== null && typeof origin !== 'string') {
    throw new KeyportError('INVALID_INPUT', 'origin must be a string or null');
  }
  const keys = entries.map((e) => e.key);
  const bundle: Bundle = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    origin,
    createdAt: isoTime(at.now),
    summary: toSummary(countKinds(keys)),
    entries,
  };
  if (undo === undefined) return trustBundle(bundle);
  checkUndo(keys, undo, BUNDLE_VERSION);
  const own: UndoInfo = copyUndo
    ? {
        absent: [...undo.absent],
        after: (undo.after as readonly AfterValue[]).map((a) => ({ key: a.key, value: a.value })),
      }
    : undo;
  return trustBundle({ ...bundle, undo: own });
}

/**
 * Every item of `storage`, byte-exact, as a bundle (keys sorted in code-unit order).
 *
 * @throws CORRUPT_DATA when the storage changes while it is read.
 * @example const bundle = dumpStorage(window.localStorage, { origin: location.origin, now: Date.now })
 */
export function dumpStorage(storage: StorageLike, at: BundleOrigin): Bundle {
  return bundleOf(readItems(storage), at);
}
