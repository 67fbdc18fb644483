// Turns untrusted input (JSON text or an already-parsed value) into a fresh tree of plain JSON
// values, or throws INVALID_INPUT. Every parser in keyport starts here, so none of them sees a
// getter, a cycle, a class instance, a `__proto__` key or an unbounded string.

import { KeyportError } from '../errors.ts';
import { isPlainObject, stripBom } from '../plain.ts';

/** A plain JSON value, as produced by JSON.parse. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
/** A plain JSON object. */
export type JsonObject = { [key: string]: JsonValue };

/** Limits for {@link readJsonInput}. */
export interface JsonInputLimits {
  /** Most characters of text (or of all strings and keys of a parsed value) accepted. */
  readonly maxLength: number;
  /** Deepest nesting accepted; default 32. */
  readonly maxDepth?: number;
  /** What is being read, for messages ("keystore", "batch file"). */
  readonly what: string;
}

/**
 * `__proto__` as an own key (what JSON.parse makes of it) turns into a prototype change as soon
 * as some later code copies it with Object.assign or a `[key] =` loop; no wallet writes it.
 * `constructor`/`prototype` stay allowed: our copies are fresh objects and nothing here merges.
 */
const FORBIDDEN_KEYS = new Set(['__proto__']);

/**
 * Reads `input` as JSON: a string is parsed (a leading BOM is ignored), anything else is
 * checked to be plain JSON data. Returns a deep copy that keeps key order.
 *
 * @throws INVALID_INPUT for text that is not JSON, input over the limits, non-JSON values
 * (functions, bigint, NaN, class instances, cycles, accessors) and `__proto__` keys.
 * @example readJsonInput('{"a":1}', { maxLength: 1 << 20, what: 'keystore' }) // { a: 1 }
 */
export function readJsonInput(input: unknown, limits: JsonInputLimits): JsonValue {
  let value: unknown = input;
  if (typeof input === 'string') {
    if (input.length > limits.maxLength) {
      throw new KeyportError(
        'INVALID_INPUT',
        `${limits.what} is ${input.length} characters; at most ${limits.maxLength} accepted`,
        { length: input.length, max: limits.maxLength },
      );
    }
    const text = stripBom(input);
    try {
      value = JSON.parse(text);
    } catch (e) {
      // V8's message quotes the start of the text, which may be a mnemonic pasted into the
      // wrong field: keep only the position.
      const at = /position (\d+)/.exec((e as Error).message)?.[1];
      const where = at === undefined ? '' : ` (at character ${at})`;
      throw new KeyportError(
        'INVALID_INPUT',
        `${limits.what} is not valid JSON${where}`,
        at ? { position: Number(at) } : {},
      );
    }
  }
  const budget = { left: limits.maxLength };
  return copy(value, 0, limits.maxDepth ?? 32, budget, new Set(), limits.what, '$');
}

function fail(what: string, path: string, expected: string): never {
  const field = path.length > 80 ? `${path.slice(0, 77)}...` : path;
  throw new KeyportError('INVALID_INPUT', `${what}: ${field} ${expected}`, { field });
}

function spend(budget: { left: number }, n: number, what: string, path: string): void {
  budget.left -= n;
  if (budget.left < 0) fail(what, path, 'makes the input larger than accepted');
}

function copy(
  v: unknown,
  depth: number,
  maxDepth: number,
  budget: { left: number },
  seen: Set<object>,
  what: string,
  path: string,
): JsonValue {
  switch (typeof v) {
    case 'string':
      spend(budget, v.length, what, path);
      return v;
    case 'boolean':
      spend(budget, 1, what, path);
      return v;
    case 'number':
      if (!Number.isFinite(v)) fail(what, path, 'is not a finite number');
      spend(budget, 1, what, path);
      return v;
    case 'object':
      break;
    default:
      return fail(what, path, `is a ${typeof v}; expected a JSON value`);
  }
  if (v === null) return null;
  if (depth >= maxDepth) fail(what, path, `is nested deeper than ${maxDepth} levels`);
  if (seen.has(v)) fail(what, path, 'refers back to itself (a cycle)');
  seen.add(v);
  try {
    if (Array.isArray(v)) {
      spend(budget, 1 + v.length, what, path);
      const out: JsonValue[] = [];
      for (let i = 0; i < v.length; i++) {
        out.push(copy(v[i], depth + 1, maxDepth, budget, seen, what, `${path}[${i}]`));
      }
      return out;
    }
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) fail(what, path, 'is not a plain JSON object');
    const out: JsonObject = {};
    for (const key of Object.keys(v)) {
      const child = `${path}.${key}`;
      if (FORBIDDEN_KEYS.has(key)) fail(what, child, 'is a forbidden key (prototype pollution)');
      const desc = Object.getOwnPropertyDescriptor(v, key);
      if (!desc || !('value' in desc)) fail(what, child, 'is an accessor; expected a data property');
      // JSON.stringify drops undefined properties; so do we.
      if (desc.value === undefined) continue;
      spend(budget, key.length + 1, what, child);
      out[key] = copy(desc.value, depth + 1, maxDepth, budget, seen, what, child);
    }
    return out;
  } finally {
    seen.delete(v);
  }
}

/** True when `v` is a plain JSON object (not an array, not null). */
export function isJsonObject(v: JsonValue | undefined): v is JsonObject {
  return isPlainObject(v);
}
