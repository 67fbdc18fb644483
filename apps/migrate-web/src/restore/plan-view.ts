/**
 * Renders what a loaded file holds and the import plan: by kind, then every entry (would
 * overwrite, new, conflicting, identical) with its choice, the hidden notices and what Apps
 * will show after the import.
 */
import {
  type AppsView,
  type HiddenNotice,
  type ImportPlan,
  type ImportSource,
  importFormat,
  type PlanEntry,
} from '@keyport/storage-migrate';
import { addressCode, h } from '../dom.ts';
import { describeEntry, type Kind } from '../inventory.ts';
import { entryItem } from './plan-entry.ts';

const KIND_TITLES: Readonly<Record<Kind, string>> = {
  account: 'Accounts',
  address: 'Address book',
  contract: 'Contracts',
  settings: 'Settings',
  other: 'Other',
};
const KINDS: readonly Kind[] = ['account', 'address', 'contract', 'settings', 'other'];

/** A readable label for a planned entry: its stored name, else its key. */
export function entryLabel(key: string, value: string): string {
  const d = describeEntry(key, value);
  if (d.kind === 'account' || d.kind === 'address' || d.kind === 'contract') {
    const name = d.name === '' ? '(no name)' : d.name;
    return d.kind === 'account' ? `${name} (${d.type}) ${d.address}` : `${name} ${d.address}`;
  }
  return key;
}

function listSection(title: string, items: HTMLLIElement[], id: string): HTMLElement[] {
  return items.length === 0
    ? []
    : [h('h3', {}, `${title} (${items.length})`), h('ul', { class: 'results', id }, ...items)];
}

/** The "Apps will hide these" block: each notice with its fix. */
export function hiddenBlock(notices: readonly HiddenNotice[], title: string): HTMLElement[] {
  if (notices.length === 0) return [];
  return [
    h('h3', {}, title),
    h(
      'ul',
      { class: 'results' },
      ...notices.map((n) => h('li', { class: 'warn' }, addressCode(n.key), `: ${n.detail}. Fix: ${n.fix}.`)),
    ),
  ];
}

/** "Apps will show …": the Apps view the plan predicts, with what depends on the browser. */
function appsBlock(apps: AppsView): HTMLElement[] {
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  const out: HTMLElement[] = [
    h(
      'p',
      { id: 'plan-apps' },
      `After the import, Apps will show ${n(apps.accounts.length, 'account', 'accounts')}, ` +
        `${n(apps.addresses.length, 'address-book entry', 'address-book entries')} and ` +
        `${n(apps.contracts.length, 'contract', 'contracts')} (on any chain).`,
    ),
  ];
  for (const k of apps.contested) {
    out.push(
      h(
        'p',
        { class: 'warn' },
        'Several records load as ',
        addressCode(k),
        ': which one Apps shows depends on the browser.',
      ),
    );
  }
  for (const k of apps.unloadable) {
    out.push(h('p', { class: 'warn' }, 'Apps cannot load ', addressCode(k), ' (it skips it).'));
  }
  return out;
}

/**
 * The whole plan block for `source` (from `fileName`) under `plan`; each entry's checkbox calls
 * `choose` with the person's choice (the flow plans again with it: the plan on screen is what
 * Import writes).
 *
 * @example planView('b.json', source, plan, (key, choice) => replan({ ...choices, [key]: choice }))
 */
export function planView(
  fileName: string,
  source: ImportSource,
  plan: ImportPlan,
  choose: (key: string, choice: 'write' | 'skip') => void = () => undefined,
): HTMLElement {
  const what = importFormat(source.inner ?? source.format)?.label ?? source.format;
  const c = plan.counts;
  const table = h(
    'table',
    { id: 'plan-table' },
    h('caption', {}, 'Plan by kind'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Kind'),
        h('th', { scope: 'col' }, 'New'),
        h('th', { scope: 'col' }, 'Identical'),
        h('th', { scope: 'col' }, 'Already here, different'),
        h('th', { scope: 'col' }, 'Would overwrite another entry'),
      ),
    ),
    h(
      'tbody',
      {},
      ...KINDS.filter((k) => {
        const b = plan.byKind[k];
        return b.new + b.identical + b.conflict + b.overwrites > 0;
      }).map((k) => {
        const b = plan.byKind[k];
        return h(
          'tr',
          { 'data-kind': k },
          h('th', { scope: 'row' }, KIND_TITLES[k]),
          h('td', {}, b.new),
          h('td', {}, b.identical),
          h('td', {}, b.conflict),
          h('td', {}, b.overwrites),
        );
      }),
    ),
  );
  const byStatus = (s: PlanEntry['status']) =>
    plan.entries.filter((e) => e.status === s).map((e) => entryItem(e, choose));
  const block = h(
    'div',
    {},
    h('h3', {}, 'What the file holds'),
    h(
      'p',
      { id: 'plan-source' },
      `${fileName}: ${what}`,
      source.origin === undefined ? '' : ' from ',
      source.origin === undefined
        ? ''
        : source.origin === null
          ? 'an unknown origin'
          : addressCode(source.origin),
      source.origin === undefined ? '' : `, made ${source.createdAt ?? '?'}`,
      `; ${source.entries.length} entries.`,
    ),
    table,
    ...listSection(
      'Would overwrite another entry when Apps loads (not imported unless you tick it)',
      byStatus('overwrites'),
      'plan-overwrites',
    ),
    ...listSection('New', byStatus('new'), 'plan-new'),
    ...listSection('Already here with different content', byStatus('conflict'), 'plan-conflicts'),
    ...listSection('Identical (nothing to do)', byStatus('identical'), 'plan-identical'),
  );
  const notes = [
    ...source.warnings,
    ...source.skipped.map(
      (s) => `left out ${s.key ?? (s.index === undefined ? 'an item' : `item ${s.index}`)}: ${s.reason}`,
    ),
  ];
  if (notes.length > 0) {
    block.append(
      h('h3', {}, 'Notes'),
      h('ul', { class: 'results' }, ...notes.map((n) => h('li', { class: 'warn' }, n))),
    );
  }
  block.append(
    ...hiddenBlock(plan.hidden, 'Apps will not show these after the import'),
    ...appsBlock(plan.apps),
    h(
      'p',
      { id: 'plan-summary' },
      h('strong', {}, `Import will write ${c.write} ${c.write === 1 ? 'entry' : 'entries'}`),
      c.keep > 0 ? ` and keep ${c.keep} existing ${c.keep === 1 ? 'entry' : 'entries'}` : '',
      c.skip > 0 ? `; ${c.skip} left out by your choice` : '',
      c.identical > 0 ? `; ${c.identical} already identical` : '',
      '.',
    ),
  );
  return block;
}
