// Structural checks shared by encodeBundle (on an object a caller built) and decodeBundle (on
// parsed JSON). Every failure is a typed error naming the field.
import { isPlainObject, KeyportError, type KeyportErrorCode } from '@keyport/core';
import { countKinds } from '../classify.ts';
import { BUNDLE_FORMAT, type Bundle, READABLE_VERSIONS, SUMMARY_FIELDS, toSummary } from './types.ts';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const HEX64 = /^[0-9a-f]{64}$/;

/** Throws `code` with `message` unless `cond`. */
export function need(cond: unknown, message: string, code: KeyportErrorCode = 'CORRUPT_DATA'): asserts cond {
  if (!cond) throw new KeyportError(code, message);
}

/** Requires `obj` to have exactly the listed own keys (optional ones may be missing). */
export function exactKeys(
  obj: Record<string, unknown>,
  where: string,
  required: string[],
  optional: string[] = [],
): void {
  for (const k of required) need(Object.hasOwn(obj, k), `${where}.${k} is missing`);
  for (const k of Object.keys(obj)) {
    need(
      required.includes(k) || optional.includes(k),
      `${where} has an unknown field ${JSON.stringify(k.slice(0, 40))}`,
    );
  }
}

/** Checks `format` and `version` first, so a newer or foreign file gets the right code. */
export function checkTag(obj: Record<string, unknown>): void {
  need(
    obj.format === BUNDLE_FORMAT,
    `format is ${JSON.stringify(String(obj.format).slice(0, 60))}; expected ${JSON.stringify(BUNDLE_FORMAT)}`,
    'UNSUPPORTED_FORMAT',
  );
  need(
    (READABLE_VERSIONS as readonly unknown[]).includes(obj.version),
    `version is ${JSON.stringify(obj.version)}; this reader knows versions ${READABLE_VERSIONS.join(' and ')}`,
    'UNSUPPORTED_VERSION',
  );
}

/** Checks a summary object's shape: exactly the five counts, each a non-negative integer. */
export function checkSummary(s: unknown, where = 'summary'): void {
  need(isPlainObject(s), `${where} must be an object`);
  exactKeys(s, where, [...SUMMARY_FIELDS]);
  for (const f of SUMMARY_FIELDS) {
    const n = s[f];
    need(
      Number.isSafeInteger(n) && (n as number) >= 0 && !Object.is(n, -0),
      `${where}.${f} must be a non-negative integer`,
    );
  }
}

function sortedUnique(keys: readonly string[], where: string): void {
  for (let i = 1; i < keys.length; i++) {
    if (!(keys[i - 1]! < keys[i]!)) need(false, `${where} must be sorted by key and unique (at ${i})`);
  }
}

/** Whether `obj` has the own keys `a` and `b` and no other own enumerable key (exactKeys' verdict). */
function hasExactly(obj: Record<string, unknown>, a: string, b: string): boolean {
  const keys = Object.keys(obj);
  return keys.length === 2 && ((keys[0] === a && keys[1] === b) || (keys[0] === b && keys[1] === a));
}

// The fast paths below may say false for a valid item (a non-enumerable field, say); the full
// checks then run and decide. They never say true for an item the full checks refuse.

/** A `{key, value}` entry of two strings: the fast path of assertBundle, which runs per entry. */
function isEntry(e: unknown): e is { key: string; value: string } {
  return (
    isPlainObject(e) &&
    typeof e.key === 'string' &&
    typeof e.value === 'string' &&
    hasExactly(e, 'key', 'value')
  );
}

/** 64 lowercase hex digits (HEX64, without a regexp run per item). */
function isHex64(s: string): boolean {
  if (s.length !== 64) return false;
  for (let i = 0; i < 64; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
}

/** A valid `{key, sha256}` item of a version 1 undo.after: the fast path of assertBundle. */
function isAfterDigest(a: unknown): a is { key: string; sha256: string | null } {
  return (
    isPlainObject(a) &&
    typeof a.key === 'string' &&
    (a.sha256 === null || (typeof a.sha256 === 'string' && isHex64(a.sha256))) &&
    hasExactly(a, 'key', 'sha256')
  );
}

/** A valid `{key, value}` item of undo.after (value null: removed): the fast path of assertBundle. */
function isAfterValue(a: unknown): a is { key: string; value: string | null } {
  return (
    isPlainObject(a) &&
    typeof a.key === 'string' &&
    (a.value === null || typeof a.value === 'string') &&
    hasExactly(a, 'key', 'value')
  );
}

/**
 * The key of undo.after[i], which must be a valid `{key, value}` (version 1: `{key, sha256}`);
 * messages built only on failure.
 */
function afterKey(a: unknown, i: number, version: unknown): string {
  if (version === 1 ? isAfterDigest(a) : isAfterValue(a)) return (a as { key: string }).key;
  const field = version === 1 ? 'sha256' : 'value';
  need(isPlainObject(a), `undo.after[${i}] must be an object`);
  exactKeys(a, `undo.after[${i}]`, ['key', field]);
  need(typeof a.key === 'string', `undo.after[${i}].key must be a string`);
  if (version === 1) {
    need(
      a.sha256 === null || (typeof a.sha256 === 'string' && HEX64.test(a.sha256)),
      `undo.after[${i}].sha256 must be 64 lowercase hex digits or null`,
    );
  } else {
    need(a.value === null || typeof a.value === 'string', `undo.after[${i}].value must be a string or null`);
  }
  return a.key;
}

/** Whether two sorted, duplicate-free key lists merged give exactly `merged`. */
function isMergeOf(a: readonly string[], b: readonly string[], merged: readonly string[]): boolean {
  if (a.length + b.length !== merged.length) return false;
  let i = 0;
  let k = 0;
  for (const key of merged) {
    if (i < a.length && a[i] === key) i++;
    else if (k < b.length && b[k] === key) k++;
    else return false;
  }
  return true;
}

/**
 * Checks every invariant of a Bundle object: tags, origin, createdAt, summary equal to the
 * entries' counts, entries sorted and unique, undo lists consistent (after items by version).
 *
 * @throws UNSUPPORTED_FORMAT, UNSUPPORTED_VERSION, CORRUPT_DATA
 */
export function assertBundle(b: unknown): asserts b is Bundle {
  if (isTrusted(b)) return; // checked when it was made, and frozen since
  need(isPlainObject(b), 'a bundle must be an object', 'INVALID_INPUT');
  checkTag(b);
  exactKeys(b, 'bundle', ['format', 'version', 'origin', 'createdAt', 'summary', 'entries'], ['undo']);
  need(b.origin === null || typeof b.origin === 'string', 'origin must be a string or null');
  need(
    typeof b.createdAt === 'string' && ISO_TIME.test(b.createdAt),
    'createdAt must be ISO 8601 UTC with milliseconds',
  );
  need(!Number.isNaN(Date.parse(b.createdAt)), 'createdAt must be a real date');
  checkSummary(b.summary);
  need(Array.isArray(b.entries), 'entries must be an array');
  const keys: string[] = [];
  b.entries.forEach((e: unknown, i: number) => {
    // The messages are built only on failure: this runs for every entry of a large bundle.
    if (!isEntry(e)) {
      need(isPlainObject(e), `entries[${i}] must be an object`);
      exactKeys(e, `entries[${i}]`, ['key', 'value']);
      need(
        typeof e.key === 'string' && typeof e.value === 'string',
        `entries[${i}] key and value must be strings`,
      );
    }
    keys.push((e as { key: string }).key);
  });
  sortedUnique(keys, 'entries');
  const counts = toSummary(countKinds(keys));
  const summary = b.summary as Record<string, unknown>;
  for (const f of SUMMARY_FIELDS) {
    need(summary[f] === counts[f], `summary.${f} is ${summary[f]} but the entries hold ${counts[f]}`);
  }
  if (b.undo !== undefined) checkUndo(keys, b.undo, b.version);
}

/**
 * Checks an undo member against the (sorted, unique) keys of its bundle's entries: `absent`
 * sorted, unique and disjoint from them, `after` listing exactly both, its items of the shape
 * `version` writes.
 *
 * @throws CORRUPT_DATA
 */
export function checkUndo(keys: readonly string[], u: unknown, version: unknown): void {
  need(isPlainObject(u), 'undo must be an object');
  exactKeys(u, 'undo', ['absent', 'after']);
  need(
    Array.isArray(u.absent) && u.absent.every((k) => typeof k === 'string'),
    'undo.absent must be a list of keys',
  );
  sortedUnique(u.absent as string[], 'undo.absent');
  const present = new Set(keys);
  need(!(u.absent as string[]).some((k) => present.has(k)), 'undo.absent must not repeat a key of entries');
  need(Array.isArray(u.after), 'undo.after must be a list');
  const afterKeys = (u.after as unknown[]).map((a, i) => afterKey(a, i, version));
  sortedUnique(afterKeys, 'undo.after');
  need(
    isMergeOf(keys, u.absent as string[], afterKeys),
    'undo.after must list exactly the keys of entries and undo.absent',
  );
}

// Bundles makeBundle made: checked as they were made and frozen, so assertBundle has nothing
// left to check and the text writer can use their entries as they are.
const madeHere = new WeakSet<object>();

/** Freezes a bundle makeBundle checked (its entries and undo items are its own) and trusts it. */
export function trustBundle(b: Bundle): Bundle {
  Object.freeze(b.summary);
  Object.freeze(b.entries);
  if (b.undo !== undefined) {
    Object.freeze(b.undo.absent);
    Object.freeze(b.undo.after);
    for (const a of b.undo.after) Object.freeze(a);
    Object.freeze(b.undo);
  }
  madeHere.add(Object.freeze(b));
  return b;
}

/** Whether `b` is a frozen bundle makeBundle made (entries frozen `{key, value}` objects). */
export function isTrusted(b: unknown): boolean {
  return typeof b === 'object' && b !== null && madeHere.has(b);
}
