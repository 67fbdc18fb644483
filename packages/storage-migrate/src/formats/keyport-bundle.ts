// Registry module of keyport's plain localStorage bundle (docs/bundle-format.md), undo bundles
// included: detected by its tag, read and checked by ../bundle/decode.ts.
import { type Found, KeyportError } from '@keyport/core';
import { decodeBundleValue, readBundleHeader } from '../bundle/decode.ts';
import type { BundleSummary } from '../bundle/types.ts';
import type { ReadImportOptions } from '../input/read.ts';
import { keyringItems } from '../report.ts';
import { asReparsed, bundleObject, summaryOf } from './bundle-facts.ts';
import type { ImportBody, ImportContext, ImportFormat } from './types.ts';
import { objectOf } from './value.ts';

/** What detection reports for a plain bundle. */
export interface BundleFacts {
  readonly format: 'keyport-bundle';
  /** The clear counts, null when malformed (decodeBundle says what is wrong). */
  readonly summary: BundleSummary | null;
  /** True for an undo bundle (what an import wrote over). */
  readonly undo: boolean;
}

/**
 * The items of a bundle, plain or encrypted (with `options.passphrase`), checked completely.
 *
 * @throws what decodeBundleValue throws; INVALID_INPUT for an undo bundle.
 * @example await bundleEntries(found, { passphrase }, context)
 */
export async function bundleEntries(
  { value }: Found,
  options: ReadImportOptions,
  context: ImportContext,
): Promise<ImportBody> {
  const bundle = await decodeBundleValue(asReparsed(objectOf(value, 'a bundle')), options, context.asWritten);
  if (bundle.undo !== undefined) {
    throw new KeyportError(
      'INVALID_INPUT',
      'this is an undo bundle: reverse an import with undoImport, not by importing it',
    );
  }
  return {
    entries: bundle.entries,
    origin: bundle.origin,
    createdAt: bundle.createdAt,
    skipped: [],
    warnings: [],
  };
}

/**
 * A plain keyport bundle: every storage item with its exact string, under a checksum.
 *
 * @example keyportBundleFormat.label // 'a keyport bundle'
 */
export const keyportBundleFormat: ImportFormat<BundleFacts> = {
  id: 'keyport-bundle',
  label: 'a keyport bundle',
  holds: 'storage',
  matchValue(value) {
    const obj = bundleObject(value);
    if (obj === undefined || Object.hasOwn(obj, 'encryption')) return undefined;
    return { format: 'keyport-bundle', summary: summaryOf(obj), undo: Object.hasOwn(obj, 'undo') };
  },
  describe: (d) => (d.undo ? 'a keyport undo bundle' : 'a keyport bundle'),
  async report({ value, text }) {
    const header = readBundleHeader(text ?? JSON.stringify(value));
    const bundle = await decodeBundleValue(asReparsed(objectOf(value, 'a bundle')), {}, text);
    return {
      format: bundle.undo === undefined ? 'keyport-bundle' : 'keyport-undo-bundle',
      version: String(header.version),
      encrypted: false,
      accounts: keyringItems(bundle.entries),
      details: { origin: header.origin ?? null, created: header.createdAt ?? null, ...bundle.summary },
    };
  },
  entries: bundleEntries,
};
