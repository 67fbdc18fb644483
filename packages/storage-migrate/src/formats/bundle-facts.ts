// What both bundle modules (plain and encrypted) read from a bundle's clear part without its
// passphrase: whether a JSON value is a keyport bundle at all, and its counts.
import { isPlainObject } from '@keyport/core';
import { BUNDLE_FORMAT, type BundleSummary } from '../bundle/types.ts';
import { checkSummary } from '../bundle/validate.ts';

/**
 * The bundle object when `value` carries keyport's bundle tag, else undefined.
 *
 * @example bundleObject(JSON.parse(text))?.summary
 */
export function bundleObject(value: unknown): Record<string, unknown> | undefined {
  return isPlainObject(value) && value.format === BUNDLE_FORMAT ? value : undefined;
}

/** The clear summary when it is well formed; null otherwise (decodeBundle reports what is wrong). */
export function summaryOf(obj: Record<string, unknown>): BundleSummary | null {
  try {
    checkSummary(obj.summary);
    return obj.summary as unknown as BundleSummary;
  } catch (e) {
    if (e instanceof Error && e.name === 'KeyportError') return null;
    throw e;
  }
}

/**
 * The bundle object as JSON.parse(JSON.stringify(value)) would give it, without copying the
 * entries: readImportInput has always read a parsed bundle that way, and the one thing such a
 * round trip changes in a parsed bundle is a -0 count in `summary` (JSON writes it as 0).
 */
export function asReparsed(value: Record<string, unknown>): Record<string, unknown> {
  const summary = value.summary;
  if (!isPlainObject(summary) || !Object.values(summary).some((n) => Object.is(n, -0))) return value;
  const counts = Object.fromEntries(Object.entries(summary).map(([k, n]) => [k, Object.is(n, -0) ? 0 : n]));
  return { ...value, summary: counts };
}
