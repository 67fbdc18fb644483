// Helpers of the real-browser tests: a ProfileFs that shows a profile with some files replaced
// or removed (corruption cases, without touching the fixture), and exact comparisons.

import { expect } from 'vitest';
import type { ProfileFs, ProfileStore } from '../src/index.ts';
import { nodeProfileFs } from '../src/node/index.ts';

/** nodeProfileFs, except that `changes` (absolute path → bytes, or null: gone) win. */
export function overlayFs(changes: Readonly<Record<string, Uint8Array | null>>): ProfileFs {
  return {
    async list(path) {
      const list = await nodeProfileFs.list(path);
      if (list === null) return null;
      return list.filter((e) => changes[`${path}/${e.name}`] !== null);
    },
    async read(path) {
      if (path in changes) return changes[path] ?? null;
      return nodeProfileFs.read(path);
    },
  };
}

/** Asserts that `got` holds exactly the keys of `oracle`, each with the identical string. */
export function expectSameStrings(got: Record<string, string>, oracle: Record<string, string>): void {
  expect(Object.keys(got).sort()).toEqual(Object.keys(oracle).sort());
  for (const [k, v] of Object.entries(oracle)) {
    // ===, not toEqual: the exact string, code unit for code unit.
    expect(got[k] === v, `value of ${JSON.stringify(k).slice(0, 60)} differs`).toBe(true);
  }
}

/** Asserts that `store` holds exactly the keys of `oracle`, each with the identical string. */
export function expectSameStorage(
  store: ProfileStore<string> | undefined,
  oracle: Record<string, string>,
): void {
  expect(store).toBeDefined();
  const got: Record<string, string> = {};
  for (const e of store!.entries) Object.defineProperty(got, e.key, { value: e.value, enumerable: true });
  expectSameStrings(got, oracle);
}

/** Asserts that every value read is the oracle's value for its key (salvage never invents). */
export function expectNoWrongValue(
  store: ProfileStore<string> | undefined,
  oracle: Record<string, string>,
): void {
  for (const e of store?.entries ?? []) {
    expect(Object.hasOwn(oracle, e.key), `unexpected key ${JSON.stringify(e.key).slice(0, 60)}`).toBe(true);
    expect(e.value === oracle[e.key], `wrong value for ${JSON.stringify(e.key).slice(0, 60)}`).toBe(true);
  }
}
