// Registry module of Apps' address-book export `[{address, name, isFavorite}]` (docs/batch-and-arrays.md
// §4). The format itself is ../apps-array.ts.
import { parseAddressBook } from '../apps-array.ts';
import type { FormatModule } from '../registry/types.ts';
import { classifyAddressRecords } from './address-records.ts';

/** What detection reports for an address book. */
export interface AddressBookFacts {
  readonly format: 'address-book';
  readonly count: number;
}

/**
 * Apps' address-book export: contacts, no keys.
 *
 * @example addressBookFormat.describe({ format: 'address-book', count: 1 }) // 'an Apps address book of 1 entry'
 */
export const addressBookFormat: FormatModule<AddressBookFacts> = {
  id: 'address-book',
  label: 'an Apps address-book file',
  holds: 'contacts',
  matchValue(value) {
    if (!Array.isArray(value)) return undefined;
    const r = classifyAddressRecords(value);
    if ('miss' in r) return r;
    return r.kind === 'address-book' ? { format: 'address-book', count: r.count } : undefined;
  },
  describe: (d) => `an Apps address book of ${d.count} entr${d.count === 1 ? 'y' : 'ies'}`,
  report({ value }) {
    return {
      format: 'address-book',
      accounts: parseAddressBook(value).map((e) => ({
        type: null,
        address: e.address,
        name: e.name,
        keyless: true,
      })),
    };
  },
  async open({ value }) {
    return { accounts: [], contacts: parseAddressBook(value), skipped: [] };
  },
};
