// Key→value objects: `JSON.stringify(localStorage)` output (every value a string) and a dump of
// the extension's chrome.storage.local (docs/apps-storage.md §5: account records are objects there).
import { isPlainObject, KeyportError } from '@keyport/core';
import type { BundleEntry } from '../bundle/types.ts';
import { KEYRING_KEY } from '../classify.ts';

/** An input item keyport leaves out, and why. */
export interface SkippedItem {
  readonly key?: string;
  readonly index?: number;
  readonly reason: string;
}

/** True when every value of `obj` is a string: what JSON.stringify(localStorage) gives. */
export function isStringRecord(obj: Record<string, unknown>): boolean {
  return Object.values(obj).every((v) => typeof v === 'string');
}

// A fork with its own EXTENSION_PREFIX keeps records under `<prefix>accounts:account:0x…`.
const PREFIXED = /^.+accounts:((?:account|address|contract):0x[0-9a-f]*)$/;

const EXTENSION_KEY = /^metadata:0x[0-9a-f]+$|^(authUrls|defaultAuthAccounts)$/;

/**
 * True when `obj` looks like chrome.storage.local of a polkadot-js-style extension: a keyring
 * record or a chain metadata entry stored as an object.
 */
export function isExtensionStorage(obj: Record<string, unknown>): boolean {
  return Object.entries(obj).some(
    ([k, v]) => (KEYRING_KEY.test(k) || PREFIXED.test(k) || EXTENSION_KEY.test(k)) && isPlainObject(v),
  );
}

/**
 * The entries of a localStorage dump, values exactly as stored.
 *
 * @throws INVALID_INPUT when a value is not a string (that is not a localStorage dump).
 * @example localStorageEntries(JSON.parse(text))
 */
export function localStorageEntries(obj: Record<string, unknown>): BundleEntry[] {
  return Object.entries(obj).map(([key, value]) => {
    if (typeof value !== 'string') {
      throw new KeyportError(
        'INVALID_INPUT',
        `localStorage dump: the value of ${JSON.stringify(key.slice(0, 80))} is not a string`,
        {
          field: key.slice(0, 80),
        },
      );
    }
    return { key, value };
  });
}

/**
 * The Apps entries in an extension storage dump: each `account:`/`address:`/`contract:` record
 * becomes the string store.js would write for it (`JSON.stringify(value)`; a string value is
 * taken as already stored). The extension's own keys (metadata, authUrls, …) are skipped.
 *
 * @example extensionEntries({ 'account:0xd4…': { address: '5Grw…', encoded: '…', encoding: {…}, meta: {…} } })
 */
export function extensionEntries(obj: Record<string, unknown>): {
  entries: BundleEntry[];
  skipped: SkippedItem[];
  warnings: string[];
} {
  const entries: BundleEntry[] = [];
  const skipped: SkippedItem[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const [rawKey, value] of Object.entries(obj)) {
    const prefixed = PREFIXED.exec(rawKey);
    const key = KEYRING_KEY.test(rawKey) ? rawKey : prefixed ? prefixed[1]! : undefined;
    if (key === undefined) {
      skipped.push({ key: rawKey, reason: 'extension-only data (not read by Apps)' });
      continue;
    }
    if (seen.has(key)) {
      skipped.push({ key: rawKey, reason: `a second record for ${key}` });
      continue;
    }
    if (typeof value === 'string') entries.push({ key, value });
    else if (isPlainObject(value)) entries.push({ key, value: JSON.stringify(value) });
    else {
      skipped.push({ key: rawKey, reason: 'the record is not an object' });
      continue;
    }
    seen.add(key);
    if (key !== rawKey) warnings.push(`${rawKey} was read as ${key} (a fork's namespaced key)`);
  }
  return { entries, skipped, warnings };
}
