// Registry module of Apps' "export all accounts" array (docs/batch-and-arrays.md §4). The
// format itself is ../apps-array.ts.
import { type AppsAccountEntry, createAppsAccounts, parseAppsAccounts } from '../apps-array.ts';
import { describeKeystore } from '../keystore/describe.ts';
import type { FormatModule } from '../registry/types.ts';
import { classifyAddressRecords } from './address-records.ts';
import { reportedAccount } from './keystore.ts';

/** What detection reports for Apps' accounts array. */
export interface AppsAccountsFacts {
  readonly format: 'apps-accounts';
  readonly count: number;
  /** Items holding an encrypted key (`encoded` + `encoding`); the rest are external/multisig/QR. */
  readonly withKey: number;
}

/**
 * Apps' "export all accounts" array: keystores and keyless (external, multisig, QR) entries.
 *
 * @example appsAccountsFormat.describe({ format: 'apps-accounts', count: 3, withKey: 2 }) // 'an Apps accounts array of 3 account(s)'
 */
export const appsAccountsFormat: FormatModule<AppsAccountsFacts> = {
  id: 'apps-accounts',
  label: 'an Apps "export all" accounts file',
  holds: 'accounts',
  matchValue(value) {
    if (!Array.isArray(value)) return undefined;
    const r = classifyAddressRecords(value);
    if ('miss' in r) return r;
    return r.kind === 'apps-accounts'
      ? { format: 'apps-accounts', count: r.count, withKey: r.withKey }
      : undefined;
  },
  describe: (d) => `an Apps accounts array of ${d.count} account(s)`,
  report({ value }) {
    return {
      format: 'apps-accounts',
      accounts: parseAppsAccounts(value).map((e) =>
        e.kind === 'external'
          ? {
              type: e.type ?? null,
              address: e.address,
              name: typeof e.meta.name === 'string' ? e.meta.name : null,
              keyless: true,
            }
          : reportedAccount(describeKeystore(e.keystore)),
      ),
    };
  },
  async open({ value }) {
    const accounts = parseAppsAccounts(value).map((e, index) =>
      e.kind === 'keystore' ? { index, keystore: e.keystore } : { index, external: e },
    );
    return { accounts, contacts: [], skipped: [] };
  },
  writer: {
    name: 'apps-array',
    takes: 'many',
    keepsKeyless: true,
    async write({ accounts }) {
      const entries: AppsAccountEntry[] = accounts.map((a) =>
        'keystore' in a ? { kind: 'keystore', keystore: a.keystore } : { ...a.external, kind: 'external' },
      );
      return JSON.stringify(createAppsAccounts(entries), null, 2);
    },
  },
};
