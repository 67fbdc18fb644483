// Building a bundle from a storage or from a list of entries.
import { KeyportError } from '@keyport/core';
import { countKinds } from '../classify.ts';
import { compareKeys, readAll, type StorageLike } from '../storage.ts';
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  type BundleEntry,
  type BundleV1,
  toSummary,
  type UndoInfo,
} from './types.ts';

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
 * A bundle of `entries` (sorted here; keys must be unique), with its summary computed.
 *
 * @throws INVALID_INPUT for a duplicate key or a non-string key or value.
 * @example makeBundle([{ key: 'lcUrl', value: 'ws://x' }], { origin: null, now: Date.now })
 */
export function makeBundle(entries: readonly BundleEntry[], at: BundleOrigin, undo?: UndoInfo): BundleV1 {
  const sorted = entries.map((e, i) => {
    if (typeof e?.key !== 'string' || typeof e.value !== 'string') {
      throw new KeyportError('INVALID_INPUT', `entries[${i}] must have a string key and a string value`, {
        index: i,
      });
    }
    return { key: e.key, value: e.value };
  });
  sorted.sort((a, b) => compareKeys(a.key, b.key));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.key === sorted[i - 1]!.key) {
      throw new KeyportError('INVALID_INPUT', 'entries must have unique keys', { index: i });
    }
  }
  const bundle: BundleV1 = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    origin: at.origin ?? null,
    createdAt: isoTime(at.now),
    summary: toSummary(countKinds(sorted.map((e) => e.key))),
    entries: sorted,
  };
  return undo === undefined ? bundle : { ...bundle, undo };
}

/**
 * Every item of `storage`, byte-exact, as a bundle (keys sorted in code-unit order).
 *
 * @throws CORRUPT_DATA when the storage changes while it is read.
 * @example const bundle = dumpStorage(window.localStorage, { origin: location.origin, now: Date.now })
 */
export function dumpStorage(storage: StorageLike, at: BundleOrigin): BundleV1 {
  return makeBundle(
    readAll(storage).map(([key, value]) => ({ key, value })),
    at,
  );
}
