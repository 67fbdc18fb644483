// Printing plans and bundle summaries for dump, restore and undo. Keys and counts only: values
// (stored keystores, settings) are never printed.
import type { BundleSummary, ImportPlan, ImportSource } from '@keyport/storage-migrate';
import type { Io } from '../framework/io.ts';

/** "3 items: 1 account, 2 addresses, …" */
export function summaryLine(s: BundleSummary): string {
  const total = s.accounts + s.addresses + s.contracts + s.settings + s.other;
  return (
    `${total} item(s): ${s.accounts} account(s), ${s.addresses} address-book entr(ies), ` +
    `${s.contracts} contract(s), ${s.settings} settings, ${s.other} other`
  );
}

/** A key shown safely: JSON-quoted, cut to 100 characters. */
export function showKey(key: string): string {
  const shown = JSON.stringify(key);
  return shown.length > 100 ? `${shown.slice(0, 97)}…"` : shown;
}

/** The plan as `restore --json` prints it: counts, conflicts by key, hidden notices; no values. */
export function planJson(plan: ImportPlan) {
  return {
    counts: plan.counts,
    byKind: plan.byKind,
    entries: plan.entries.map((e) => ({
      key: e.key,
      kind: e.kind,
      status: e.status,
      write: e.write,
      ...(e.keptBecause ? { keptBecause: e.keptBecause } : {}),
    })),
    hidden: plan.hidden.map((h) => ({
      key: h.key,
      kind: h.kind,
      reason: h.reason,
      detail: h.detail,
      fix: h.fix,
    })),
  };
}

/** Prints where the input came from, what was skipped and the warnings (stderr). */
export function printSource(io: Io, source: ImportSource): void {
  const inner = source.inner ? ` (${source.inner} inside)` : '';
  io.err(`input: ${source.format}${inner}, ${source.entries.length} item(s)`);
  if (source.origin) io.err(`origin: ${source.origin}`);
  if (source.createdAt) io.err(`created: ${source.createdAt}`);
  for (const s of source.skipped) {
    io.err(`skipped ${s.key === undefined ? `item ${s.index ?? '?'}` : showKey(s.key)}: ${s.reason}`);
  }
  for (const w of source.warnings) io.err(`warning: ${w}`);
}

/** Prints the plan (stdout): per kind counts, then each conflict and what happens to it. */
export function printPlan(io: Io, plan: ImportPlan): void {
  const c = plan.counts;
  io.out(
    `plan: ${c.new} new, ${c.identical} identical, ${c.conflict} conflicting; ${c.write} to write, ${c.keep} kept`,
  );
  for (const [kind, k] of Object.entries(plan.byKind)) {
    if (k.new + k.identical + k.conflict === 0) continue;
    io.out(`  ${kind.padEnd(9)} ${k.new} new, ${k.identical} identical, ${k.conflict} conflicting`);
  }
  for (const e of plan.entries) {
    if (e.status !== 'conflict') continue;
    const action = e.write
      ? 'replace'
      : e.keptBecause === 'keyless-over-keyed'
        ? 'keep (the incoming record has no key; the stored account has one)'
        : 'keep existing';
    io.out(`  conflict ${showKey(e.key)}: ${action}`);
  }
  for (const h of plan.hidden) {
    io.out(`  hidden in Apps: ${showKey(h.key)}: ${h.detail}. Fix: ${h.fix}`);
  }
}
