// Shared checks of the round-trip matrix: "the same account came back" and "the same storage
// came back", stated once. Imported by *.shared.test.ts files, so vitest's expect only.
import type { UnlockedAccount } from '@keyport/core';
import type { HarnessAccount } from '@keyport/test-harness';
import { u8aToHex } from '@polkadot/util';
import { expect } from 'vitest';

/** scrypt-heavy properties: one scrypt at 2^15 per run (5 runs by default, 50 under fuzz). */
export const SCRYPT_RUNS = 0.05;
/** The 2^17 default costs four times as much: 1 run by default, 10 under fuzz. */
export const DEFAULT_SCRYPT_RUNS = 0.01;

/** The restored account is `a`: same key type, public and secret key, meta, and address. */
export function expectSameAccount(restored: UnlockedAccount, a: HarnessAccount): void {
  expect(restored.type).toBe(a.type);
  expect(u8aToHex(restored.publicKey)).toBe(u8aToHex(a.publicKey));
  expect(u8aToHex(restored.secretKey)).toBe(u8aToHex(a.secretKey));
  expect(restored.meta).toEqual(a.meta);
  // An ecdsa keystore stores the hex key, not the SS58 prefix, so only its key can be compared.
  if (a.type !== 'ecdsa') expect(restored.address).toBe(a.address);
}

/** Sorted [key, value] pairs: two storages are identical when these are equal. */
export function entriesOf(storage: Record<string, string>): [string, string][] {
  return Object.entries(storage).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
}

/** The two storages hold exactly the same keys with exactly the same strings. */
export function expectSameStorage(actual: Record<string, string>, expected: Record<string, string>): void {
  const a = entriesOf(actual);
  const e = entriesOf(expected);
  expect(a.map(([k]) => k)).toEqual(e.map(([k]) => k));
  for (let i = 0; i < e.length; i++) {
    // Compare per key so a failure names the key rather than dumping two whole storages.
    expect([a[i]![0], a[i]![1]]).toEqual([e[i]![0], e[i]![1]]);
  }
}
