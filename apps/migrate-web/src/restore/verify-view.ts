/**
 * "Apps will show …": the accounts and address-book entries the real @polkadot/ui-keyring reads
 * from the storage as it is now (run in a worker: verify-client.ts), with hidden-entry warnings.
 */
import { checkAgainstPlan, type ImportPlan, planImport, readAll } from '@keyport/storage-migrate';
import { addressCode, h, isolated } from '../dom.ts';
import type { PageStore } from '../store/store.ts';
import { hiddenBlock } from './plan-view.ts';
import { verifyInWorker } from './verify-client.ts';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * The read-back block for `store.view()` (in bridge mode: the snapshot taken right after the
 * write), and every difference from what `plan` predicted (empty: as planned).
 *
 * @throws when the worker fails.
 * @example const { block, problems } = await verifyBlock(store, Date.now, plan)
 */
export async function verifyBlock(
  store: PageStore,
  now: () => number,
  plan: ImportPlan,
): Promise<{ block: HTMLElement; problems: string[] }> {
  const view = store.view();
  const items = readAll(view);
  const shown = await verifyInWorker(items);
  const problems = checkAgainstPlan(plan, shown);
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
          a.name === undefined ? '(no name)' : isolated(a.name),
          ` (${a.type}${a.hasKey ? '' : ', no key'}) `,
          addressCode(a.address),
        ),
      ),
    ),
    h('h4', {}, 'Address book'),
    h(
      'ul',
      { class: 'results', id: 'verify-addresses' },
      ...shown.addresses.map((a) =>
        h('li', {}, a.name === undefined ? '(no name)' : isolated(a.name), ' ', addressCode(a.address)),
      ),
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
        'Not listed here: ',
        ...shown.notShown.flatMap((k, i) => [i === 0 ? '' : ', ', addressCode(k)]),
        '.' +
          (contractsOnly
            ? ' Apps lists a contract only while connected to the chain the contract belongs to.'
            : ' The reasons, where keyport knows them, are below.'),
      ),
    );
  }
  box.append(...hiddenBlock(whole.hidden, 'Apps will hide these, and the fix'));
  if (shown.console.length > 0) {
    box.append(
      h(
        'p',
        { class: 'hint', id: 'verify-console' },
        `ui-keyring reported ${shown.console.length} ${shown.console.length === 1 ? 'record' : 'records'} it cannot load (its log, which holds the whole record, was not shown): `,
        ...shown.unloadable.flatMap((k, i) => [i === 0 ? '' : ', ', addressCode(k)]),
      ),
    );
  }
  return { block: box, problems };
}
