/**
 * One planned entry as the page shows it: what Apps will show of it (name, key type, address),
 * what happens to it and why, old against new for a conflict, what it would overwrite when Apps
 * loads, look-alike names, and the checkbox that is the person's choice for it. Names and
 * addresses come from files: each is isolated (<bdi>) and wraps.
 */
import type { EntryFacts, EntryRef, FactsChange, PlanEntry } from '@keyport/storage-migrate';
import { addressCode, h, isolated } from '../dom.ts';

const KIND_NOUN: Readonly<Record<string, string>> = {
  account: 'account',
  address: 'contact',
  contract: 'contract',
  settings: 'setting',
  other: 'entry',
};

/** "Name (sr25519) 5Grw…" for a keyring record, the key for anything else. */
export function factsLabel(kind: string, key: string, f: EntryFacts): HTMLElement {
  if (kind !== 'account' && kind !== 'address' && kind !== 'contract') return h('span', {}, addressCode(key));
  return h(
    'span',
    { class: 'entry' },
    f.name === undefined || f.name === '' ? '(no name)' : isolated(f.name),
    f.keyType === undefined ? '' : ` (${f.keyType}${f.hasKey === false ? ', no key' : ''})`,
    ' ',
    f.address === undefined ? '(no address)' : addressCode(f.address),
    f.shown ? '' : ' (Apps cannot load it)',
  );
}

const refLabel = (r: EntryRef): HTMLElement =>
  h(
    'span',
    {},
    `the ${KIND_NOUN[r.kind]} `,
    factsLabel(r.kind, r.key, r.facts),
    r.from === 'storage' ? ' in this browser' : ' from this file',
  );

type Row = [string, string | undefined, string | undefined];

/** The facts that differ, old against new. */
function changeRows(c: FactsChange): Row[] {
  const { before: b, after: a } = c;
  const rows: Row[] = [];
  const add = (label: string, x: string | undefined, y: string | undefined) => {
    if (x !== y) rows.push([label, x, y]);
  };
  add('Address', b.address, a.address);
  add('Name', b.name, a.name);
  add('Key type', b.keyType, a.keyType);
  if (b.hasKey !== undefined && b.hasKey !== a.hasKey)
    add('Holds a key', b.hasKey ? 'yes' : 'no', a.hasKey ? 'yes' : 'no');
  if (c.keyChanged) rows.push(['Key', "this browser's key", 'ANOTHER key (another password or account)']);
  add('Chain', b.genesisHash, a.genesisHash);
  add('Node (apiUrl)', b.apiUrl, a.apiUrl);
  add('Custom endpoints', b.endpoints?.join(', '), a.endpoints?.join(', '));
  const rest = (c.fields ?? []).filter((f) => f !== 'apiUrl');
  if (rest.length > 0) rows.push(['Other fields that differ', rest.join(', '), '']);
  return rows;
}

/** The old-against-new table of a conflict (empty when no fact differs). */
export function changeTable(c: FactsChange): HTMLElement[] {
  const rows = changeRows(c);
  if (rows.length === 0) return [];
  const cell = (v: string | undefined) => h('td', {}, v === undefined ? '(none)' : isolated(v));
  return [
    h(
      'table',
      { class: 'change' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, ''),
          h('th', { scope: 'col' }, 'In this browser'),
          h('th', { scope: 'col' }, 'In the file'),
        ),
      ),
      h(
        'tbody',
        {},
        ...rows.map(([label, x, y]) => h('tr', {}, h('th', { scope: 'row' }, label), cell(x), cell(y))),
      ),
    ),
  ];
}

/** What happens to the entry, in words. */
function fate(e: PlanEntry): string {
  if (e.status === 'identical') return 'already here';
  if (e.write) {
    if (e.status === 'overwrites') return 'will be imported (your choice) and will replace the entries below';
    if (e.status === 'new')
      return e.choice === 'write' ? 'will be imported (your choice)' : 'will be imported';
    return e.choice === 'write'
      ? "will be replaced with the file's copy (your choice)"
      : "will be replaced with the file's copy";
  }
  switch (e.keptBecause) {
    case 'choice':
      return 'left out (your choice)';
    case 'keyless-over-keyed':
      return "kept (the file's copy has no key, this browser's has one)";
    case 'keyed-over-keyed':
      return "kept: the file holds ANOTHER key for this account; tick the box only if you mean to replace this browser's key";
    case 'overwrites':
      return 'not imported: once Apps loads it, it would replace the entries below';
    default:
      return 'existing entry kept';
  }
}

/** The checkbox's label: what ticking it does. */
function choiceText(e: PlanEntry): string {
  if (e.status === 'overwrites') return 'Import it anyway (it replaces the entries named here)';
  if (e.status === 'new') return 'Import this entry';
  return "Replace with the file's copy";
}

/**
 * The list item of `e`; `choose` is called with the person's choice when the box changes.
 *
 * @example list.append(entryItem(entry, (key, choice) => replan({ ...choices, [key]: choice })))
 */
export function entryItem(
  e: PlanEntry,
  choose: (key: string, choice: 'write' | 'skip') => void,
): HTMLLIElement {
  const warn =
    e.status === 'overwrites' || e.keptBecause === 'keyed-over-keyed' || e.lookalikes !== undefined;
  const item = h(
    'li',
    { class: warn ? 'entry-item warn' : 'entry-item', 'data-status': e.status },
    factsLabel(e.kind, e.key, e.facts),
    `: ${fate(e)}`,
  );
  if (e.lands !== undefined)
    item.append(h('div', { class: 'hint' }, 'Apps files it under ', addressCode(e.lands)));
  for (const r of e.overwrites ?? [])
    item.append(h('div', { class: 'overwrites' }, 'Would replace ', refLabel(r)));
  if (e.change) item.append(...changeTable(e.change));
  for (const r of e.lookalikes ?? []) {
    item.append(
      h(
        'div',
        { class: 'lookalike' },
        'Look-alike name: Apps also lists ',
        refLabel(r),
        ' with another address. Check which one you mean before you send anything.',
      ),
    );
  }
  if (e.status !== 'identical') {
    const box = h('input', { type: 'checkbox', class: 'entry-choice', 'data-key': e.key });
    box.checked = e.write;
    box.addEventListener('change', () => choose(e.key, box.checked ? 'write' : 'skip'));
    item.append(h('label', { class: 'choice' }, box, ` ${choiceText(e)}`));
  }
  return item;
}
