// The plain bundle text of version 2 (docs/bundle-format.md §3.1): the file object as
// `JSON.stringify(file, null, 2) + "\n"`, members in a fixed order. The checksum is taken over
// this text with its digest zeroed (§4), so the layout is part of the format; any standard
// pretty-printer with two-space indentation reproduces it.
import { BUNDLE_FORMAT, type Bundle, type BundleSummary } from './types.ts';
import { isTrusted } from './validate.ts';

type KeyValue = { readonly key: string; readonly value: string | null };

/** Copies of `items` with exactly `key` then `value`, whatever order a parsed file had. */
const keyFirst = (items: readonly KeyValue[]): KeyValue[] =>
  items.map((e) => ({ key: e.key, value: e.value }));

/** undo.after as `{key, value}` objects (a bundle makeBundle made holds them already). */
function after(bundle: Bundle): readonly KeyValue[] {
  const items = (bundle.undo?.after ?? []) as readonly KeyValue[];
  return isTrusted(bundle) ? items : keyFirst(items);
}

/** The summary with its counts in canonical order. */
export function summaryOf(s: BundleSummary): BundleSummary {
  return {
    accounts: s.accounts,
    addresses: s.addresses,
    contracts: s.contracts,
    settings: s.settings,
    other: s.other,
  };
}

/** What stands before the checksum digest in the text, up to and including `"sha256:`. */
export const CHECKSUM_LEAD = '\n  "checksum": "sha256:';

/**
 * The plain text of `bundle` as version 2 writes it, with `digest` (64 hex digits) in its
 * checksum. `absent` is not written: it is every key of undo.after that entries does not hold.
 *
 * @example plainText(bundle, '0'.repeat(64)) // the text the checksum hashes
 */
export function plainText(bundle: Bundle, digest: string): string {
  // Members in the order written; JSON.stringify leaves out `undo` when it is undefined.
  const file = {
    format: BUNDLE_FORMAT,
    version: bundle.version,
    origin: bundle.origin,
    createdAt: bundle.createdAt,
    summary: summaryOf(bundle.summary),
    checksum: `sha256:${digest}`,
    // A bundle makeBundle made holds `{key, value}` objects already.
    entries: isTrusted(bundle) ? bundle.entries : keyFirst(bundle.entries),
    undo: bundle.undo === undefined ? undefined : { after: after(bundle) },
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
