/**
 * The bookmarklet's own, dependency-free reading and writing of PLAIN keyport bundles (v1).
 * It runs on the Apps tab, where the page cannot load @keyport/storage-migrate (that would mean
 * ~250 kB of util-crypto inside a javascript: URL), so it re-implements the few plain-bundle rules
 * of docs/bundle-format.md: entries sorted by UTF-16 code units, the kind summary, the canonical
 * checksum bytes hashed with the browser's own SHA-256 (crypto.subtle), and the exact text layout.
 * test/bookmarklet-bundle.test.ts checks it byte for byte against the library. Encrypted bundles
 * are not handled here (no scrypt in a bookmarklet): the page says so.
 */
import { type Kind, kindOf } from '../kinds.ts';

/** The `format` tag of every keyport bundle. */
export const FORMAT = 'keyport-localstorage-bundle';
const DOMAIN = 'keyport-localstorage-bundle/checksum/v1';
const NULL_MARK = 0xffffffff;
const SUMMARY_FIELDS = ['accounts', 'addresses', 'contracts', 'settings', 'other'] as const;
type SummaryField = (typeof SUMMARY_FIELDS)[number];

/** Counts by kind, as a bundle's `summary` spells them. */
export type LiteSummary = Record<SummaryField, number>;

/** One storage item, byte-exact. */
export interface LiteEntry {
  readonly key: string;
  readonly value: string;
}

/** What an undo bundle adds (see the library's UndoInfo). */
export interface LiteUndo {
  readonly absent: readonly string[];
  readonly after: readonly { readonly key: string; readonly sha256: string }[];
}

/** A plain v1 bundle in memory. */
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

const byKey = (a: LiteEntry, b: LiteEntry): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

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

class Bytes {
  buf: number[] = [];
  u32(n: number): void {
    this.buf.push(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff);
  }
  str(s: string): void {
    this.u32(s.length);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      this.buf.push(c & 0xff, c >>> 8);
    }
  }
}

async function sha256Hex(subtle: SubtleCrypto, bytes: Bytes): Promise<string> {
  const digest = new Uint8Array(await subtle.digest('SHA-256', new Uint8Array(bytes.buf)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** `sha256:<hex>` over the canonical bytes of every field but the checksum. */
export function checksum(b: LiteBundle, subtle: SubtleCrypto): Promise<string> {
  const w = new Bytes();
  w.str(DOMAIN);
  w.str(FORMAT);
  w.str('1');
  if (b.origin === null) w.u32(NULL_MARK);
  else w.str(b.origin);
  w.str(b.createdAt);
  for (const f of SUMMARY_FIELDS) w.str(String(b.summary[f]));
  w.u32(b.entries.length);
  for (const e of b.entries) {
    w.str(e.key);
    w.str(e.value);
  }
  if (b.undo === undefined) w.u32(NULL_MARK);
  else {
    w.u32(b.undo.absent.length);
    for (const k of b.undo.absent) w.str(k);
    w.u32(b.undo.after.length);
    for (const a of b.undo.after) {
      w.str(a.key);
      w.str(a.sha256);
    }
  }
  return sha256Hex(subtle, w).then((hex) => `sha256:${hex}`);
}

/** sha-256 of one value's length-prefixed UTF-16 encoding (the library's valueDigest). */
export function valueDigest(value: string, subtle: SubtleCrypto): Promise<string> {
  const w = new Bytes();
  w.str(value);
  return sha256Hex(subtle, w);
}

/** The plain bundle text, laid out exactly like storage-migrate's encodeBundle. */
export async function bundleText(b: LiteBundle, subtle: SubtleCrypto): Promise<string> {
  const j = JSON.stringify;
  const summary = `{${SUMMARY_FIELDS.map((f) => `${j(f)}: ${b.summary[f]}`).join(', ')}}`;
  const last = b.undo === undefined ? '' : ',';
  const entries = b.entries.map((e) => `    {"key": ${j(e.key)}, "value": ${j(e.value)}}`);
  const lines = [
    '{',
    `  "format": ${j(FORMAT)},`,
    '  "version": 1,',
    `  "origin": ${j(b.origin)},`,
    `  "createdAt": ${j(b.createdAt)},`,
    `  "summary": ${summary},`,
    `  "checksum": ${j(await checksum(b, subtle))},`,
    entries.length === 0 ? `  "entries": []${last}` : `  "entries": [\n${entries.join(',\n')}\n  ]${last}`,
  ];
  if (b.undo !== undefined) {
    const after = b.undo.after.map((a) => `      {"key": ${j(a.key)}, "sha256": ${j(a.sha256)}}`);
    lines.push(
      `  "undo": {\n    "absent": ${j(b.undo.absent)},\n    "after": ` +
        (after.length === 0 ? '[]' : `[\n${after.join(',\n')}\n    ]`) +
        '\n  }',
    );
  }
  lines.push('}', '');
  return lines.join('\n');
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fail(code: string, message: string): never {
  throw new LiteError(code, message);
}

/**
 * Reads a plain v1 bundle (a dump, not an undo bundle) and checks tags, shape, order, summary
 * and checksum. Encrypted bundles are refused with PASSWORD_REQUIRED and a pointer to the page.
 */
export async function parseBundle(text: string, subtle: SubtleCrypto): Promise<LiteBundle> {
  let obj: unknown;
  try {
    obj = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    fail('INVALID_INPUT', 'this file is not JSON, so it is not a keyport bundle');
  }
  if (!isObj(obj) || obj.format !== FORMAT) fail('UNSUPPORTED_FORMAT', 'this file is not a keyport bundle');
  if (obj.version !== 1)
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
  if (obj.checksum !== (await checksum(bundle, subtle))) {
    fail('CHECKSUM_MISMATCH', 'the bundle does not match its checksum: it was altered or damaged');
  }
  return bundle;
}
