// Printing plans and bundle summaries for dump, restore and undo: every planned entry with what
// Apps will make of it, old against new for conflicts, what an entry would overwrite when Apps
// loads, look-alike names, and what Apps will show afterwards. Names, addresses and keys come
// from files: each goes through quoted/shown. Stored values are never printed.
import type {
  AppsView,
  BundleSummary,
  EntryFacts,
  EntryRef,
  FactsChange,
  ImportPlan,
  ImportSource,
  PlanEntry,
} from '@keyport/storage-migrate';
import type { Io } from '../framework/io.ts';
import { quoted, shown } from '../framework/terminal.ts';

/** "3 items: 1 account, 2 addresses, …" */
export function summaryLine(s: BundleSummary): string {
  const total = s.accounts + s.addresses + s.contracts + s.settings + s.other;
  return (
    `${total} item(s): ${s.accounts} account(s), ${s.addresses} address-book entr(ies), ` +
    `${s.contracts} contract(s), ${s.settings} settings, ${s.other} other`
  );
}

/** A storage key shown safely: quoted, escaped, cut to 100 characters. */
export function showKey(key: string): string {
  const q = quoted(key);
  return q.length > 100 ? `${q.slice(0, 97)}…"` : q;
}

const KIND_NAMES: Readonly<Record<string, string>> = {
  account: 'account',
  address: 'contact',
  contract: 'contract',
  settings: 'setting',
  other: 'item',
};

/** "account "Savings" 5Grw… (sr25519)" for a keyring record; the key for anything else. */
export function describeFacts(kind: string, key: string, f: EntryFacts): string {
  if (kind !== 'account' && kind !== 'address' && kind !== 'contract') return showKey(key);
  const name = f.name === undefined ? '(no name)' : quoted(f.name);
  const address = f.address === undefined ? '(no address)' : shown(f.address);
  const type = f.keyType === undefined ? '' : ` ${shown(f.keyType)}`;
  const key_ = f.hasKey === false ? ' (no key)' : '';
  const hidden = f.shown ? '' : ' (Apps cannot load it)';
  return `${KIND_NAMES[kind]} ${name} ${address}${type}${key_}${hidden}`;
}

const refLine = (r: EntryRef) =>
  `${describeFacts(r.kind, r.key, r.facts)} [${r.from === 'storage' ? 'in this storage' : 'in this file'}, ${showKey(r.key)}]`;

/** The "old → new" lines of a conflict, only for what differs. */
export function changeLines(c: FactsChange): string[] {
  const lines: string[] = [];
  const show = (v: string | undefined, how: (s: string) => string) => (v === undefined ? '(none)' : how(v));
  const pair = (label: string, a: string | undefined, b: string | undefined, how: (s: string) => string) => {
    if (a !== b) lines.push(`${label.padEnd(16)} ${show(a, how)} → ${show(b, how)}`);
  };
  const { before: b, after: a } = c;
  pair('address', b.address, a.address, shown);
  pair('name', b.name, a.name, quoted);
  pair('key type', b.keyType, a.keyType, shown);
  if (b.hasKey !== a.hasKey && b.hasKey !== undefined)
    lines.push(`${'holds a key'.padEnd(16)} ${b.hasKey ? 'yes' : 'no'} → ${a.hasKey ? 'yes' : 'no'}`);
  if (c.keyChanged) lines.push(`${'key'.padEnd(16)} replaced by ANOTHER key (another password or account)`);
  pair('chain', b.genesisHash, a.genesisHash, shown);
  pair('node (apiUrl)', b.apiUrl, a.apiUrl, shown);
  const endpoints = (e: readonly string[] | undefined) =>
    e === undefined ? undefined : e.map(shown).join(', ');
  pair('custom endpoints', endpoints(b.endpoints), endpoints(a.endpoints), (s) => s);
  if (b.shown !== a.shown && b.address !== undefined)
    lines.push(`${'shown by Apps'.padEnd(16)} ${b.shown ? 'yes' : 'no'} → ${a.shown ? 'yes' : 'no'}`);
  const rest = (c.fields ?? []).filter((f) => f !== 'apiUrl');
  if (rest.length > 0) lines.push(`${'other fields'.padEnd(16)} ${rest.map(shown).join(', ')}`);
  return lines;
}

function action(e: PlanEntry): string {
  if (e.status === 'identical') return 'already here';
  if (e.write) {
    if (e.status === 'new') return 'write';
    return e.choice === 'write' ? 'write (your choice)' : 'replace';
  }
  switch (e.keptBecause) {
    case 'choice':
      return 'skip (your choice)';
    case 'keyless-over-keyed':
      return 'keep existing (the file has no key for an account that holds one; --force-keyless replaces it)';
    case 'keyed-over-keyed':
      return `keep existing (the file holds ANOTHER key for this account; --write ${showKey(e.key)} to replace it)`;
    case 'overwrites':
      return `NOT WRITTEN (--write ${showKey(e.key)} to write it anyway)`;
    default:
      return 'keep existing';
  }
}

const STATUS: Readonly<Record<PlanEntry['status'], string>> = {
  new: 'new',
  identical: 'identical',
  conflict: 'conflict',
  overwrites: 'OVERWRITES',
};

/** Prints where the input came from, what was skipped and the warnings (stderr). */
export function printSource(io: Io, source: ImportSource): void {
  const inner = source.inner ? ` (${source.inner} inside)` : '';
  io.err(`input: ${source.format}${inner}, ${source.entries.length} item(s)`);
  if (source.origin) io.err(`origin: ${shown(source.origin)}`);
  if (source.createdAt) io.err(`created: ${shown(source.createdAt)}`);
  for (const s of source.skipped) {
    io.err(`skipped ${s.key === undefined ? `item ${s.index ?? '?'}` : showKey(s.key)}: ${shown(s.reason)}`);
  }
  for (const w of source.warnings) io.err(`warning: ${shown(w)}`);
}

/** Prints the plan (stdout): counts, then every entry and what happens to it. */
export function printPlan(io: Io, plan: ImportPlan): void {
  const c = plan.counts;
  io.out(
    `plan: ${c.new} new, ${c.identical} identical, ${c.conflict} conflicting, ${c.overwrites} would overwrite another entry; ${c.write} to write, ${c.keep + c.skip} not written`,
  );
  for (const [kind, k] of Object.entries(plan.byKind)) {
    if (k.new + k.identical + k.conflict + k.overwrites === 0) continue;
    io.out(
      `  ${kind.padEnd(9)} ${k.new} new, ${k.identical} identical, ${k.conflict} conflicting, ${k.overwrites} overwriting`,
    );
  }
  for (const e of plan.entries) {
    io.out(`  ${STATUS[e.status].padEnd(10)} ${describeFacts(e.kind, e.key, e.facts)}: ${action(e)}`);
    if (e.kind === 'account' || e.kind === 'address' || e.kind === 'contract')
      io.out(`             key ${showKey(e.key)}`);
    if (e.lands !== undefined) io.out(`             Apps files it under ${showKey(e.lands)}`);
    for (const r of e.overwrites ?? [])
      io.out(`             would overwrite, when Apps loads: ${refLine(r)}`);
    if (e.change) for (const line of changeLines(e.change)) io.out(`             ${line}`);
    for (const r of e.lookalikes ?? [])
      io.out(
        `             LOOK-ALIKE: Apps also lists ${refLine(r)}: a name that looks the same, another address`,
      );
  }
  for (const h of plan.hidden) {
    io.out(`  hidden in Apps: ${showKey(h.key)}: ${shown(h.detail)}. Fix: ${shown(h.fix)}`);
  }
}

/** Prints what Apps will show once it loads the storage (`view`), as `title` says. */
export function printApps(io: Io, view: AppsView, title: string): void {
  io.out(
    `${title}: ${view.accounts.length} account(s), ${view.addresses.length} address-book entr(ies), ${view.contracts.length} contract(s)`,
  );
  for (const a of view.accounts) {
    const name = a.name === undefined ? '' : `  ${quoted(a.name)}`;
    io.out(`  account  ${shown(a.address)}  ${shown(a.type)}${name}${a.hasKey ? '' : '  (no key)'}`);
  }
  for (const a of view.addresses)
    io.out(`  contact  ${shown(a.address)}${a.name === undefined ? '' : `  ${quoted(a.name)}`}`);
  for (const a of view.contracts)
    io.out(`  contract ${shown(a.address)}${a.name === undefined ? '' : `  ${quoted(a.name)}`}`);
  for (const k of view.unloadable)
    io.out(`  Apps cannot load ${showKey(k)} (it logs the record and skips it)`);
  for (const k of view.contested)
    io.out(`  AMBIGUOUS: several records load as ${showKey(k)}; which one Apps shows depends on the browser`);
}
