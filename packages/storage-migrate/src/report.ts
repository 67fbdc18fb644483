// What inspect lists of storage items: the accounts, address-book entries and contracts, by
// key type, address and name; values are never printed. Shared by the storage format modules.
import { describeKeystore, isPlainObject, type ReportedAccount, reportedAccount } from '@keyport/core';
import type { BundleEntry } from './bundle/types.ts';
import { classifyKey, countKinds } from './classify.ts';

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

/**
 * The accounts, address-book entries and contracts among storage items (values not printed).
 *
 * @example keyringItems(bundle.entries) // [{ type: 'sr25519', address: '5Grw…', name: 'alice' }, …]
 */
export function keyringItems(entries: readonly BundleEntry[]): ReportedAccount[] {
  const out: ReportedAccount[] = [];
  for (const { key, value } of entries) {
    const kind = classifyKey(key);
    if (kind !== 'account' && kind !== 'address' && kind !== 'contract') continue;
    const rec = record(value);
    const address = typeof rec?.address === 'string' ? rec.address : key;
    if (kind === 'account' && rec && typeof rec.encoded === 'string') {
      try {
        out.push(reportedAccount(describeKeystore(rec)));
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

/**
 * Counts of storage items by kind, as a bundle's summary spells them.
 *
 * @example entryCounts(entries) // { accounts: 2, addresses: 1, contracts: 0, settings: 1, other: 0 }
 */
export function entryCounts(entries: readonly BundleEntry[]): Record<string, number> {
  const k = countKinds(entries.map((e) => e.key));
  return {
    accounts: k.account,
    addresses: k.address,
    contracts: k.contract,
    settings: k.settings,
    other: k.other,
  };
}
