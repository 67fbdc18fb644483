/** Renders an Inventory: counts by kind, then accounts and address-book entries with names. */
import { clear, h, isolated } from './dom.ts';
import { countLabel, type Entry, type Inventory, type Kind } from './inventory.ts';

const ORDER: readonly Kind[] = ['account', 'address', 'contract', 'settings', 'other'];

function entryTable(caption: string, entries: readonly Entry[], showType: boolean): HTMLTableElement {
  return h(
    'table',
    {},
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Name'),
        showType ? h('th', { scope: 'col' }, 'Type') : null,
        h('th', { scope: 'col' }, 'Address'),
      ),
    ),
    h(
      'tbody',
      {},
      ...entries.map((e) =>
        h(
          'tr',
          {},
          h('td', {}, e.name === '' ? '(no name)' : isolated(e.name)),
          showType ? h('td', {}, e.type) : null,
          h('td', { class: 'addr' }, h('bdi', {}, e.address)),
        ),
      ),
    ),
  );
}

/**
 * Fills `container` with the inventory (replacing what was there). `bridged`: the storage is an
 * Apps tab's, lent through the bookmarklet (the tab may not be Apps at all: then it says so).
 *
 * @example renderInventory(byId('inventory', HTMLDivElement), takeInventory(localStorage), false)
 */
export function renderInventory(container: HTMLElement, inv: Inventory, bridged: boolean): void {
  clear(container);
  const holder = bridged ? 'The tab that ran the bookmarklet holds' : 'This browser holds';
  if (inv.total === 0) {
    container.append(
      h('p', { class: 'status status-info' }, `${holder} nothing for this origin yet (0 entries).`),
    );
    return;
  }
  const appsLike = inv.counts.account + inv.counts.address + inv.counts.contract + inv.counts.settings > 0;
  container.append(
    h('p', {}, `${holder} ${inv.total} ${inv.total === 1 ? 'entry' : 'entries'} for this origin:`),
    h(
      'ul',
      { class: 'counts', 'aria-label': 'Entries by kind' },
      ...ORDER.filter((k) => inv.counts[k] > 0).map((k) =>
        h('li', { 'data-kind': k }, countLabel(k, inv.counts[k])),
      ),
    ),
  );
  if (bridged && !appsLike) {
    container.append(
      h(
        'p',
        { class: 'status status-info', id: 'not-apps' },
        "This does not look like Polkadot-JS Apps: no accounts, address book, contracts or Apps settings. keyport still works on this origin's storage: you can back it up, or import into it.",
      ),
    );
  }
  const accounts = inv.entries.filter((e) => e.kind === 'account');
  const addresses = inv.entries.filter((e) => e.kind === 'address');
  const contracts = inv.entries.filter((e) => e.kind === 'contract');
  if (accounts.length > 0) container.append(entryTable('Accounts', accounts, true));
  if (addresses.length > 0) container.append(entryTable('Address book', addresses, false));
  if (contracts.length > 0) container.append(entryTable('Contracts', contracts, false));
}
