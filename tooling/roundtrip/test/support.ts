// Shared checks of the round-trip matrix: "the same account came back" and "the same storage
// came back", stated once. Imported by *.shared.test.ts files, so vitest's expect only.
import type { UnlockedAccount } from '@keyport/core';
import { nodeScrypt } from '@keyport/core/scrypt-node';
import {
  applyPlan,
  type ConflictPolicy,
  encodeJsStringLiteral,
  type ImportSource,
  MemoryStorage,
  planImport,
  type ReadImportOptions,
  readImportInput,
  snapshot,
} from '@keyport/storage-migrate';
import type { HarnessAccount, StorageRecord } from '@keyport/test-harness';
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

/** The injected clock of every import (2026-01-01T00:00:00Z). */
export const NOW = 1_767_225_600_000;
/** {@link NOW} as the `now` option storage-migrate takes. */
export const now = (): number => NOW;

/** What one import did: the source read, the storage after applyPlan, and its snapshot. */
export interface Restored {
  source: ImportSource;
  storage: MemoryStorage;
  after: Record<string, string>;
}

/**
 * The whole storage-migrate import path on one text: readImportInput → planImport (policy,
 * default keep) → applyPlan, into an in-memory copy of `target` (default empty).
 */
export async function restoreText(
  text: string,
  options: ReadImportOptions = {},
  target: Record<string, string> = {},
  policy: ConflictPolicy = 'keep',
): Promise<Restored> {
  const source = await readImportInput(text, { now, scrypt: nodeScrypt, ...options });
  const storage = new MemoryStorage(Object.entries(target));
  applyPlan(planImport(source, storage, { policy }), storage, { now });
  return { source, storage, after: { ...snapshot(storage) } };
}

/** An import source's entries as a key → value object (keys are unique in a source). */
export function entriesRecord(source: ImportSource): Record<string, string> {
  return Object.fromEntries(source.entries.map((e) => [e.key, e.value]));
}

/** What `JSON.stringify(localStorage)` prints for this storage. */
export function dumpText(s: StorageRecord): string {
  return JSON.stringify(snapshot(new MemoryStorage(Object.entries(s))));
}

/**
 * The forms a console copy of the dump takes (docs/apps-storage.md §7 and §9): Chromium's '…' display,
 * Firefox's "…", a template literal, a JSON string of the JSON (double-encoded), the wiki's
 * `raw = '…'` line, and each of those with a BOM and CRLF line ends around it.
 */
export const CONSOLE_FORMS: readonly [string, (dump: string) => string][] = [
  ['single-quoted', (d) => encodeJsStringLiteral(d, "'")],
  ['double-quoted', (d) => encodeJsStringLiteral(d, '"')],
  ['template', (d) => encodeJsStringLiteral(d, '`')],
  ['double-encoded', (d) => JSON.stringify(d)],
  ['raw = line', (d) => `raw = ${encodeJsStringLiteral(d, "'")};`],
  ['BOM + CRLF', (d) => `\ufeff${encodeJsStringLiteral(d, "'")}\r\n`],
];
