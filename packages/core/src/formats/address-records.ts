// The one pass that tells Apps' two JSON arrays apart: the accounts export (`{address, meta}`
// items) and the address book (`{address, name}` items). apps-accounts.ts and address-book.ts
// both ask it, so neither restates the other's rule.
import { isPlainObject } from '../plain.ts';
import type { Miss } from '../registry/types.ts';
import { own } from './keystore.ts';

/** Which of Apps' arrays a list is, with its counts. */
export type AddressRecords =
  | { readonly kind: 'apps-accounts'; readonly count: number; readonly withKey: number }
  | { readonly kind: 'address-book'; readonly count: number };

/**
 * Classifies a JSON array of address records, or says why it is neither kind.
 *
 * @example classifyAddressRecords([{ address: '5F…', name: 'Bob' }]) // { kind: 'address-book', count: 1 }
 */
export function classifyAddressRecords(items: readonly unknown[]): AddressRecords | Miss {
  if (items.length === 0) return { miss: 'empty JSON array' };
  let accounts = 0;
  let withKey = 0;
  let contacts = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!isPlainObject(item) || typeof own(item, 'address') !== 'string') {
      return { miss: `array item ${i + 1} is not an object with a string address` };
    }
    if (isPlainObject(own(item, 'meta'))) {
      accounts++;
      if (typeof own(item, 'encoded') === 'string' && isPlainObject(own(item, 'encoding'))) withKey++;
    } else if (typeof own(item, 'name') === 'string') {
      contacts++;
    } else {
      return {
        miss: `array item ${i + 1} has neither meta (an Apps account) nor name (an address-book entry)`,
      };
    }
    if (accounts > 0 && contacts > 0) {
      return {
        miss: 'array mixes Apps accounts ({address, meta}) and address-book entries ({address, name})',
      };
    }
  }
  return contacts > 0
    ? { kind: 'address-book', count: contacts }
    : { kind: 'apps-accounts', count: accounts, withKey };
}
