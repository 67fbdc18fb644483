/** Renders what a loaded file holds and the import plan: new, identical and conflicting entries by kind, with names. */
import {
  type HiddenNotice,
  type ImportPlan,
  type ImportSource,
  importFormat,
  type PlanEntry,
} from '@keyport/storage-migrate';
import { h } from '../dom.ts';
import { describeEntry, type Kind } from '../inventory.ts';

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

function conflictLine(e: PlanEntry): HTMLLIElement {
  const label = entryLabel(e.key, e.value);
  if (e.write) return h('li', {}, `${label}: will be replaced with the file's copy`);
  if (e.keptBecause === 'keyless-over-keyed') {
    return h('li', {}, `${label}: kept (the file's copy has no key, this browser's has one)`);
  }
  return h('li', {}, `${label}: existing entry kept`);
}

function listSection(title: string, items: HTMLLIElement[]): HTMLElement[] {
  return items.length === 0
    ? []
    : [h('h3', {}, `${title} (${items.length})`), h('ul', { class: 'results' }, ...items)];
}

/** The "Apps will hide these" block: each notice with its fix. */
export function hiddenBlock(notices: readonly HiddenNotice[], title: string): HTMLElement[] {
  if (notices.length === 0) return [];
  return [
    h('h3', {}, title),
    h(
      'ul',
      { class: 'results' },
      ...notices.map((n) => h('li', { class: 'warn' }, `${n.key}: ${n.detail}. Fix: ${n.fix}.`)),
    ),
  ];
}

/**
 * The whole plan block for `source` (from `fileName`) under `plan`.
 *
 * @example planView('b.json', source, planImport(source, localStorage, { policy: 'keep' }))
 */
export function planView(fileName: string, source: ImportSource, plan: ImportPlan): HTMLElement {
  const what = importFormat(source.inner ?? source.format)?.label ?? source.format;
  const from =
    source.origin === undefined
      ? ''
      : ` from ${source.origin ?? 'an unknown origin'}, made ${source.createdAt ?? '?'}`;
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
      ),
    ),
    h(
      'tbody',
      {},
      ...KINDS.filter((k) => {
        const b = plan.byKind[k];
        return b.new + b.identical + b.conflict > 0;
      }).map((k) => {
        const b = plan.byKind[k];
        return h(
          'tr',
          { 'data-kind': k },
          h('th', { scope: 'row' }, KIND_TITLES[k]),
          h('td', {}, b.new),
          h('td', {}, b.identical),
          h('td', {}, b.conflict),
        );
      }),
    ),
  );
  const byStatus = (s: PlanEntry['status']) => plan.entries.filter((e) => e.status === s);
  const block = h(
    'div',
    {},
    h('h3', {}, 'What the file holds'),
    h('p', { id: 'plan-source' }, `${fileName}: ${what}${from}; ${source.entries.length} entries.`),
    table,
    ...listSection(
      'New',
      byStatus('new').map((e) => h('li', {}, entryLabel(e.key, e.value))),
    ),
    ...listSection('Already here with different content', byStatus('conflict').map(conflictLine)),
    ...listSection(
      'Identical (nothing to do)',
      byStatus('identical').map((e) => h('li', {}, entryLabel(e.key, e.value))),
    ),
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
    h(
      'p',
      { id: 'plan-summary' },
      h('strong', {}, `Import will write ${c.write} ${c.write === 1 ? 'entry' : 'entries'}`),
      c.keep > 0 ? ` and keep ${c.keep} existing ${c.keep === 1 ? 'entry' : 'entries'}` : '',
      c.identical > 0 ? `; ${c.identical} already identical` : '',
      '.',
    ),
  );
  return block;
}
