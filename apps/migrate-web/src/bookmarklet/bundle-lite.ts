/**
 * The bookmarklet's own, dependency-free reading and writing of PLAIN keyport bundles. It writes
 * version 2 and reads version 2 and version 1 dumps. It runs on the Apps tab, where the page
 * cannot load @keyport/storage-migrate (that would mean ~250 kB of util-crypto inside a
 * javascript: URL), so it re-implements the few plain-bundle rules of docs/bundle-format.md:
 * entries sorted by UTF-16 code units, the kind summary, the text layout
 * (`JSON.stringify(file, null, 2)` and a newline) and its checksum, the text with a zero digest
 * hashed with the browser's own SHA-256 (crypto.subtle); for version 1, the canonical UTF-16
 * checksum bytes. test/bookmarklet.test.ts checks it byte for byte against the library.
 * Encrypted bundles are not handled here (no scrypt in a bookmarklet): the page says so.
 */
import { type Kind, kindOf } from '../kinds.ts';

/** The `format` tag of every keyport bundle. */
export const FORMAT = 'keyport-localstorage-bundle';
const DOMAIN = 'keyport-localstorage-bundle/checksum/v1';
const NULL_MARK = 0xffffffff;
/** The checksum member with a zero digest: what a version 2 checksum hashes. */
const ZERO = `sha256:${'0'.repeat(64)}`;
const SUMMARY_FIELDS = ['accounts', 'addresses', 'contracts', 'settings', 'other'] as const;
type SummaryField = (typeof SUMMARY_FIELDS)[number];

/** Counts by kind, as a bundle's `summary` spells them. */
export type LiteSummary = Record<SummaryField, number>;

/** One storage item, byte-exact. */
export interface LiteEntry {
  readonly key: string;
  readonly value: string;
}

/** What an undo bundle adds: what each touched key holds right after the import (null: removed). */
export interface LiteUndo {
  readonly after: readonly { readonly key: string; readonly value: string | null }[];
}

/** A plain bundle in memory (written as version 2). */
export interface LiteBundle {
  readonly origin: string | null;
  readonly createdAt: string;
  readonly summary: LiteSummary;
  readonly entries: readonly LiteEntry[];
  readonly undo?: LiteUndo;
}

/** A failure with the same stable codes as KeyportError. */
export class LiteError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const FIELD_OF: Readonly<Record<Kind, SummaryField>> = {
  account: 'accounts',
  address: 'addresses',
  contract: 'contracts',
  settings: 'settings',
  other: 'other',
};

/** The summary field a key counts under (storage-migrate's classifyKey rules). */
export function summaryField(key: string): SummaryField {
  return FIELD_OF[kindOf(key)];
}

/** Counts entries by kind. */
export function summarize(entries: readonly LiteEntry[]): LiteSummary {
  const s: LiteSummary = { accounts: 0, addresses: 0, contracts: 0, settings: 0, other: 0 };
  for (const e of entries) s[summaryField(e.key)]++;
  return s;
}

/** Orders items by key in UTF-16 code-unit order (storage-migrate's compareKeys). */
export const byKey = (a: { key: string }, b: { key: string }): number =>
  a.key < b.key ? -1 : a.key > b.key ? 1 : 0;

/** Every item of `storage`, sorted by key in code-unit order. */
export function readEntries(storage: Storage): LiteEntry[] {
  const out: LiteEntry[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    const value = key === null ? null : storage.getItem(key);
    if (key === null || value === null)
      throw new LiteError('CORRUPT_DATA', 'storage changed while it was read');
    out.push({ key, value });
  }
  return out.sort(byKey);
}

async function sha256Hex(subtle: SubtleCrypto, bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Version 1's checksum of a dump: sha-256 of the length-prefixed UTF-16 fields but the checksum. */
function checksumV1(b: LiteBundle, subtle: SubtleCrypto): Promise<string> {
  const buf: number[] = [];
  const u32 = (n: number): void => {
    buf.push(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24);
  };
  const str = (s: string): void => {
    u32(s.length);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      buf.push(c & 0xff, c >>> 8);
    }
  };
  str(DOMAIN);
  str(FORMAT);
  str('1');
  if (b.origin === null) u32(NULL_MARK);
  else str(b.origin);
  str(b.createdAt);
  for (const f of SUMMARY_FIELDS) str(String(b.summary[f]));
  u32(b.entries.length);
  for (const e of b.entries) {
    str(e.key);
    str(e.value);
  }
  u32(NULL_MARK); // no undo: the bookmarklet reads dumps only
  return sha256Hex(subtle, new Uint8Array(buf)).then((hex) => `sha256:${hex}`);
}

/** Copies with `key` first, whatever order the items had. */
const keyFirst = <T extends { key: string; value: unknown }>(items: readonly T[]) =>
  items.map(({ key, value }) => ({ key, value }));

/** The version 2 text of `b` with `checksum` in it. */
function layout(b: LiteBundle, checksum: string): string {
  const summary = {} as LiteSummary;
  for (const f of SUMMARY_FIELDS) summary[f] = b.summary[f];
  const file = {
    format: FORMAT,
    version: 2,
    origin: b.origin,
    createdAt: b.createdAt,
    summary,
    checksum,
    entries: keyFirst(b.entries),
    undo: b.undo && { after: keyFirst(b.undo.after) },
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * `sha256:<hex>` of the UTF-8 of `text`, written with encodeInto: several times faster than
 * encode() in Chromium for a large storage.
 */
async function textDigest(text: string, subtle: SubtleCrypto): Promise<string> {
  const bytes = new Uint8Array(text.length * 3);
  const { written } = new TextEncoder().encodeInto(text, bytes);
  return `sha256:${await sha256Hex(subtle, bytes.subarray(0, written))}`;
}

/** `sha256:<hex>` of the version 2 text of `b` with a zero digest. */
const checksum = (b: LiteBundle, subtle: SubtleCrypto): Promise<string> =>
  textDigest(layout(b, ZERO), subtle);

/** The plain version 2 bundle text, laid out exactly like storage-migrate's encodeBundle. */
export async function bundleText(b: LiteBundle, subtle: SubtleCrypto): Promise<string> {
  // One layout pass: hashed with the zero digest, which is then replaced.
  const zeroed = layout(b, ZERO);
  const digest = await textDigest(zeroed, subtle);
  const at = zeroed.indexOf(`"checksum": "${ZERO}"`) + '"checksum": "'.length;
  return zeroed.slice(0, at) + digest + zeroed.slice(at + ZERO.length);
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fail(code: string, message: string): never {
  throw new LiteError(code, message);
}

/**
 * Reads a plain version 2 or version 1 bundle (a dump, not an undo bundle) and checks tags,
 * shape, order, summary and checksum (a version 2 file's text is rebuilt from what it says, so a
 * file only reformatted still reads). Encrypted bundles are refused with PASSWORD_REQUIRED and a
 * pointer to the page; undo bundles with UNSUPPORTED_FORMAT.
 */
export async function parseBundle(text: string, subtle: SubtleCrypto): Promise<LiteBundle> {
  let obj: unknown;
  try {
    obj = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    fail('INVALID_INPUT', 'this file is not JSON, so it is not a keyport bundle');
  }
  if (!isObj(obj) || obj.format !== FORMAT) fail('UNSUPPORTED_FORMAT', 'this file is not a keyport bundle');
  const { version } = obj;
  if (version !== 1 && version !== 2)
    fail('UNSUPPORTED_VERSION', `bundle version ${String(obj.version)} is not supported`);
  if ('encryption' in obj) {
    fail('PASSWORD_REQUIRED', 'this bundle is encrypted; the bookmarklet reads plain bundles only');
  }
  if ('undo' in obj) fail('UNSUPPORTED_FORMAT', 'this is an undo bundle; undo it on the keyport page');
  const { origin, createdAt, summary, entries } = obj;
  if (origin !== null && typeof origin !== 'string') fail('CORRUPT_DATA', 'origin must be a string or null');
  if (typeof createdAt !== 'string') fail('CORRUPT_DATA', 'createdAt must be a string');
  if (!isObj(summary) || !Array.isArray(entries)) fail('CORRUPT_DATA', 'summary or entries is missing');
  const list: LiteEntry[] = entries.map((e: unknown, i: number) => {
    if (!isObj(e) || typeof e.key !== 'string' || typeof e.value !== 'string') {
      fail('CORRUPT_DATA', `entries[${i}] must have a string key and value`);
    }
    return { key: e.key, value: e.value };
  });
  for (let i = 1; i < list.length; i++) {
    if (!(list[i - 1]!.key < list[i]!.key)) fail('CORRUPT_DATA', 'entries must be sorted by key and unique');
  }
  const counts = summarize(list);
  for (const f of SUMMARY_FIELDS) {
    if (summary[f] !== counts[f]) fail('CORRUPT_DATA', `summary.${f} does not match the entries`);
  }
  const bundle: LiteBundle = { origin, createdAt, summary: counts, entries: list };
  if (obj.checksum !== (await (version === 1 ? checksumV1 : checksum)(bundle, subtle))) {
    fail('CHECKSUM_MISMATCH', 'the bundle does not match its checksum: it was altered or damaged');
  }
  return bundle;
}
