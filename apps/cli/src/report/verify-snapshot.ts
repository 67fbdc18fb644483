// After restore: the snapshot file on disk must read back exactly as the storage in memory, and
// the real ui-keyring (what Polkadot-JS Apps runs) must list every account, address-book entry
// and contract the import brought, except those the plan already said Apps would hide.
import { classifyKey, type ImportPlan } from '@keyport/storage-migrate';
import { verifyWithUiKeyring } from '@keyport/storage-migrate/verify';
import { loadSnapshot, type SnapshotStorage } from '../snapshot.ts';
import { showKey } from './plan-report.ts';

/** What verifySnapshot found; `restore --json` prints all but `lines`. */
export interface VerifyReport {
  ok: boolean;
  /** The file read back equals the storage written. */
  fileMatches: boolean;
  /** What ui-keyring lists from the snapshot. */
  shown: { accounts: number; addresses: number; contracts: number };
  /** Imported keyring items ui-keyring does not list although the plan did not predict it. */
  missing: string[];
  /** Imported keyring items hidden as the plan predicted (see the plan's hidden notices). */
  hiddenAsPlanned: string[];
  /** Secret-free descriptions of what is wrong. */
  problems: string[];
  lines: string[];
}

/**
 * Reads the snapshot at `path` back, compares it with `storage` item by item, and loads it
 * into ui-keyring to check that the imported keyring items are listed.
 *
 * @example const v = await verifySnapshot(path, storage, plan); if (!v.ok) fail(v.problems)
 */
export async function verifySnapshot(
  path: string,
  storage: SnapshotStorage,
  plan: ImportPlan,
): Promise<VerifyReport> {
  const problems: string[] = [];
  const lines: string[] = [];
  const back = await loadSnapshot(path);
  const want = storage.entries();
  const fileMatches = back.length === want.length && want.every(([k, v]) => back.getItem(k) === v);
  if (fileMatches) lines.push(`verify: ${path} reads back identical (${want.length} item(s))`);
  else problems.push(`${path} does not read back as what was written`);

  const apps = await verifyWithUiKeyring(back);
  const notShown = new Set(apps.notShown);
  const predicted = new Set(plan.hidden.map((h) => h.key));
  const imported = plan.entries
    .filter((e) => (e.write || e.status === 'identical') && classifyKey(e.key) !== 'settings')
    .map((e) => e.key)
    .filter((k) => ['account', 'address', 'contract'].includes(classifyKey(k)));
  const missing = imported.filter((k) => notShown.has(k) && !predicted.has(k));
  const hiddenAsPlanned = imported.filter((k) => notShown.has(k) && predicted.has(k));
  if (missing.length > 0) {
    problems.push(
      `${missing.length} imported item(s) are not listed by ui-keyring: ${missing.slice(0, 5).map(showKey).join(', ')}`,
    );
  }
  const shown = {
    accounts: apps.accounts.length,
    addresses: apps.addresses.length,
    contracts: apps.contracts.length,
  };
  lines.push(
    `Apps (ui-keyring) lists ${shown.accounts} account(s), ${shown.addresses} address-book entr(ies), ${shown.contracts} contract(s)`,
  );
  for (const a of apps.accounts) {
    lines.push(
      `  account  ${a.address}  ${a.type}${a.name === undefined ? '' : `  ${JSON.stringify(a.name)}`}${a.hasKey ? '' : '  (no key)'}`,
    );
  }
  for (const a of apps.addresses) {
    lines.push(`  address  ${a.address}${a.name === undefined ? '' : `  ${JSON.stringify(a.name)}`}`);
  }
  for (const a of apps.contracts) {
    lines.push(`  contract ${a.address}${a.name === undefined ? '' : `  ${JSON.stringify(a.name)}`}`);
  }
  if (hiddenAsPlanned.length > 0)
    lines.push(`${hiddenAsPlanned.length} imported item(s) hidden as the plan said`);
  return { ok: problems.length === 0, fileMatches, shown, missing, hiddenAsPlanned, problems, lines };
}
