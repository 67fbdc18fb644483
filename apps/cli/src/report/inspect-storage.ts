// inspect for the storage formats of @keyport/storage-migrate: keyport bundles (plain: every
// item; encrypted: only the counts in clear), localStorage dumps and their console copies, and
// the extension's chrome.storage.local dump.
import { describeKeystore, isPlainObject, readScryptHeader, stripBom } from '@keyport/core';
import {
  type BundleEntry,
  type BundleSummary,
  classifyKey,
  countKinds,
  decodeBundle,
  detectInput,
  readBundleHeader,
  readImportInput,
} from '@keyport/storage-migrate';
import { base64Decode } from '@polkadot/util-crypto';
import type { InspectedAccount, InspectReport } from './inspect-core.ts';

function record(value: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(value);
    return isPlainObject(v) ? v : undefined;
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
    return undefined; // not JSON: shown by its key only
  }
}

function nameOf(rec: Record<string, unknown> | undefined): string | null {
  const meta = rec?.meta as Record<string, unknown> | undefined;
  return typeof meta?.name === 'string' ? meta.name : null;
}

/** The accounts, address-book entries and contracts among storage items (values not printed). */
export function keyringItems(entries: readonly BundleEntry[]): InspectedAccount[] {
  const out: InspectedAccount[] = [];
  for (const { key, value } of entries) {
    const kind = classifyKey(key);
    if (kind !== 'account' && kind !== 'address' && kind !== 'contract') continue;
    const rec = record(value);
    const address = typeof rec?.address === 'string' ? rec.address : key;
    if (kind === 'account' && rec && typeof rec.encoded === 'string') {
      try {
        const info = describeKeystore(rec);
        out.push({
          type: info.keyType ?? null,
          address: info.address,
          name: info.name ?? null,
          ...(info.hasSecret ? {} : { keyless: true }),
        });
        continue;
      } catch (e) {
        if (!(e instanceof Error && e.name === 'KeyportError')) throw e;
        // falls through: listed as a record keyport cannot read as a keystore
      }
    }
    out.push({ type: kind === 'account' ? null : kind, address, name: nameOf(rec), keyless: true });
  }
  return out;
}

function counts(summary: BundleSummary): Record<string, number> {
  return { ...summary };
}

function fromEntries(entries: readonly BundleEntry[]): Record<string, number> {
  const k = countKinds(entries.map((e) => e.key));
  return {
    accounts: k.account,
    addresses: k.address,
    contracts: k.contract,
    settings: k.settings,
    other: k.other,
  };
}

/** The report for a storage format, or undefined when the text is none of them. */
export async function inspectStorageInput(text: string): Promise<InspectReport | undefined> {
  const detected = detectInput(text);
  switch (detected.format) {
    case 'keyport-bundle': {
      const header = readBundleHeader(text);
      const bundle = await decodeBundle(text);
      return {
        format: bundle.undo === undefined ? 'keyport-bundle' : 'keyport-undo-bundle',
        version: String(header.version),
        encrypted: false,
        accounts: keyringItems(bundle.entries),
        details: {
          origin: header.origin ?? null,
          created: header.createdAt ?? null,
          ...counts(bundle.summary),
        },
      };
    }
    case 'keyport-bundle-encrypted': {
      const header = readBundleHeader(text);
      const obj = JSON.parse(stripBom(text)) as {
        ciphertext?: unknown;
      };
      const scrypt =
        typeof obj.ciphertext === 'string'
          ? readScryptHeader(base64Decode(obj.ciphertext)).params
          : undefined;
      return {
        format: 'keyport-bundle-encrypted',
        version: String(header.version),
        encrypted: true,
        ...(scrypt ? { scrypt } : {}),
        accounts: [],
        details: {
          ...counts(header.summary),
          note: 'items are inside the encrypted part (needs the passphrase)',
        },
      };
    }
    case 'localstorage-dump':
    case 'extension-storage':
    case 'console-copy': {
      const inner = detected.format === 'console-copy' ? detected.inner.format : undefined;
      if (inner !== undefined && inner !== 'localstorage-dump' && inner !== 'keyport-bundle') {
        return { format: 'console-copy', accounts: [], details: { inside: inner } };
      }
      const source = await readImportInput(text, { now: () => 0 });
      return {
        format: detected.format,
        accounts: keyringItems(source.entries),
        details: {
          ...(inner ? { inside: inner } : {}),
          ...fromEntries(source.entries),
          ...(source.skipped.length > 0 ? { skipped: source.skipped.length } : {}),
        },
      };
    }
    default:
      return undefined;
  }
}
