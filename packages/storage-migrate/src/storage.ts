// The one storage abstraction: the subset of the Web Storage API keyport needs. Every function of
// this package takes one of these; none reads a global. `window.localStorage`, happy-dom's
// storage, MemoryStorage and the CLI's snapshot file all fit.
import { KeyportError } from '@keyport/core';

/** The part of the Web Storage API keyport uses. Values and keys are strings. */
export interface StorageLike {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Which storage operation a {@link StorageFault} applies to. */
export type StorageOp = 'getItem' | 'setItem' | 'removeItem';

/**
 * Decides, before each operation, whether it fails. Returns the error to throw, a string to
 * return instead of the stored value (getItem only: a corrupted read), or undefined to proceed.
 * `count` numbers the operations of that kind from 1; writes (setItem and removeItem) share one
 * counter so "the k-th write" is well defined.
 */
export type StorageFault = (op: StorageOp, key: string, count: number) => Error | string | undefined;

/** Options of {@link MemoryStorage}. */
export interface MemoryStorageOptions {
  /** Fault injection for tests: see {@link StorageFault}. */
  readonly fault?: StorageFault;
  /**
   * Total size limit in UTF-16 code units over all keys and values (browsers allow about
   * 5 million). A setItem past it throws an error named QuotaExceededError, as browsers do.
   */
  readonly quota?: number;
}

/** The error a browser throws when localStorage is full (a DOMException there; an Error here). */
export function quotaExceeded(key: string): Error {
  const e = new Error(`storage quota exceeded while writing ${JSON.stringify(key.slice(0, 80))}`);
  e.name = 'QuotaExceededError';
  return e;
}

/**
 * A Map-backed StorageLike with Web Storage semantics (insertion-ordered keys, null for
 * missing keys, values coerced to strings), an optional quota and fault injection.
 *
 * @example
 * const s = new MemoryStorage({ settings: '{"storage":"on"}' });
 * const failing = new MemoryStorage({}, { fault: (op, _k, n) => (op === 'setItem' && n === 3 ? quotaExceeded(_k) : undefined) });
 */
export class MemoryStorage implements StorageLike {
  readonly #items = new Map<string, string>();
  readonly #fault: StorageFault | undefined;
  readonly #quota: number | undefined;
  /** The keys in insertion order, built on the first key(i) after a change: reading a storage is O(n). */
  #keys: string[] | undefined;
  /** Keys plus values in UTF-16 code units, kept up to date on every change. */
  #size = 0;
  #reads = 0;
  #writes = 0;

  constructor(
    initial: Record<string, string> | Iterable<readonly [string, string]> = {},
    options: MemoryStorageOptions = {},
  ) {
    const pairs = Symbol.iterator in initial ? initial : Object.entries(initial);
    for (const [k, v] of pairs as Iterable<readonly [string, string]>) this.#put(String(k), String(v));
    this.#fault = options.fault;
    this.#quota = options.quota;
  }

  get length(): number {
    return this.#items.size;
  }

  key(index: number): string | null {
    if (!Number.isInteger(index) || index < 0 || index >= this.#items.size) return null;
    this.#keys ??= [...this.#items.keys()];
    return this.#keys[index] ?? null;
  }

  #put(k: string, v: string): void {
    const old = this.#items.get(k);
    if (old === undefined) {
      this.#keys = undefined;
      this.#size += k.length;
    } else this.#size -= old.length;
    this.#size += v.length;
    this.#items.set(k, v);
  }

  getItem(key: string): string | null {
    const k = String(key);
    const injected = this.#fault?.('getItem', k, ++this.#reads);
    if (injected instanceof Error) throw injected;
    if (typeof injected === 'string') return injected;
    return this.#items.get(k) ?? null;
  }

  setItem(key: string, value: string): void {
    const k = String(key);
    const v = String(value);
    const injected = this.#fault?.('setItem', k, ++this.#writes);
    if (injected instanceof Error) throw injected;
    if (this.#quota !== undefined) {
      const old = this.#items.get(k);
      const size = this.#size - (old === undefined ? 0 : k.length + old.length) + k.length + v.length;
      if (size > this.#quota) throw quotaExceeded(k);
    }
    this.#put(k, v);
  }

  removeItem(key: string): void {
    const k = String(key);
    const injected = this.#fault?.('removeItem', k, ++this.#writes);
    if (injected instanceof Error) throw injected;
    const old = this.#items.get(k);
    if (old === undefined) return;
    this.#size -= k.length + old.length;
    this.#keys = undefined;
    this.#items.delete(k);
  }

  /** Removes every item (not counted as writes, never faulted). */
  clear(): void {
    this.#items.clear();
    this.#keys = undefined;
    this.#size = 0;
  }

  /** Every [key, value] in insertion order (not counted as reads, never faulted). */
  entries(): [string, string][] {
    return [...this.#items.entries()];
  }

  /** Keys plus values, in UTF-16 code units: what a browser counts against its quota. */
  usedSize(): number {
    return this.#size;
  }
}

/**
 * Every key and value of `storage`, as a null-prototype object with keys in code-unit order
 * (so `__proto__` is an ordinary key). This is the CLI's snapshot file format and what
 * `JSON.stringify(localStorage)` gives in a browser.
 *
 * @throws CORRUPT_DATA when the storage changes while it is read (a key vanishes).
 * @example JSON.stringify(snapshot(window.localStorage))
 */
export function snapshot(storage: StorageLike): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const [k, v] of readAll(storage)) out[k] = v;
  return out;
}

/**
 * Every [key, value] of `storage`, sorted by key in code-unit order.
 *
 * @throws CORRUPT_DATA when the storage changes while it is read.
 * @example for (const [k, v] of readAll(storage)) console.log(k, v.length)
 */
export function readAll(storage: StorageLike): [string, string][] {
  return readItems(storage).map((e) => [e.key, e.value]);
}

/**
 * Every item of `storage` as a `{key, value}` object, sorted by key in code-unit order.
 *
 * @throws CORRUPT_DATA when the storage changes while it is read.
 */
export function readItems(storage: StorageLike): { key: string; value: string }[] {
  const n = storage.length;
  const keys: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = storage.key(i);
    if (k === null) throw changedWhileReading(i);
    keys.push(k);
  }
  // The default sort compares strings by UTF-16 code units, as compareKeys does, only faster.
  keys.sort();
  return keys.map((key, i) => {
    const value = storage.getItem(key);
    if (value === null) throw changedWhileReading(i);
    return { key, value };
  });
}

/** Orders keys by UTF-16 code units, the same order on every engine. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function changedWhileReading(index: number): KeyportError {
  return new KeyportError('CORRUPT_DATA', `storage changed while it was read (item ${index} vanished)`, {
    index,
  });
}
