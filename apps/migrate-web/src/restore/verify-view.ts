/**
 * "Apps will show …": the accounts and address-book entries the real @polkadot/ui-keyring reads
 * from the storage as it is now (run in a worker: verify-client.ts), with hidden-entry warnings.
 */
import { planImport, readAll } from '@keyport/storage-migrate';
import { h } from '../dom.ts';
import type { PageStore } from '../store/store.ts';
import { hiddenBlock } from './plan-view.ts';
import { verifyInWorker } from './verify-client.ts';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * The read-back block for `store.view()` (in bridge mode: the snapshot taken right after the write).
 *
 * @throws when the worker fails.
 * @example resultBox.append(await verifyBlock(store, Date.now))
 */
export async function verifyBlock(store: PageStore, now: () => number): Promise<HTMLElement> {
  const view = store.view();
  const items = readAll(view);
  const shown = await verifyInWorker(items);
  // Planning the storage against itself: every entry is identical, so `hidden` lists what Apps
  // would hide from the storage as it now is.
  const whole = planImport({ entries: items.map(([key, value]) => ({ key, value })) }, view, { now });
  const box = h(
    'div',
    { id: 'verify' },
    h(
      'h3',
      {},
      `Apps will show ${plural(shown.accounts.length, 'account', 'accounts')} and ` +
        plural(shown.addresses.length, 'address-book entry', 'address-book entries'),
    ),
    h(
      'p',
      { class: 'hint' },
      `Read from the storage of ${store.origin} by @polkadot/ui-keyring, as Apps loads it.`,
    ),
    h('h4', {}, 'Accounts'),
    h(
      'ul',
      { class: 'results', id: 'verify-accounts' },
      ...shown.accounts.map((a) =>
        h(
          'li',
          {},
          `${a.name ?? '(no name)'} (${a.type}${a.hasKey ? '' : ', no key'}) `,
          h('code', {}, a.address),
        ),
      ),
    ),
    h('h4', {}, 'Address book'),
    h(
      'ul',
      { class: 'results', id: 'verify-addresses' },
      ...shown.addresses.map((a) => h('li', {}, `${a.name ?? '(no name)'} `, h('code', {}, a.address))),
    ),
  );
  if (shown.contracts.length > 0)
    box.append(h('p', {}, `and ${plural(shown.contracts.length, 'contract', 'contracts')}.`));
  if (shown.notShown.length > 0) {
    const contractsOnly = shown.notShown.every((k) => k.startsWith('contract:'));
    box.append(
      h(
        'p',
        { class: 'warn', id: 'verify-hidden' },
        `Not listed here: ${shown.notShown.join(', ')}.` +
          (contractsOnly
            ? ' Apps lists a contract only while connected to the chain the contract belongs to.'
            : ' The reasons, where keyport knows them, are below.'),
      ),
    );
  }
  box.append(...hiddenBlock(whole.hidden, 'Apps will hide these, and the fix'));
  return box;
}
