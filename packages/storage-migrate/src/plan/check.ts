// Whether Apps, as the real ui-keyring loaded the storage after an import, shows exactly what
// the plan predicted (docs/apps-load.md §4). Pure: no ui-keyring here, so the page can compare on
// its main thread what its worker read back.
import type { AppsItem, AppsView } from './apps-load.ts';

const LISTS = ['accounts', 'addresses', 'contracts'] as const;
const KEY_LISTS = ['rewritten', 'unloadable', 'contested', 'notShown'] as const;

/**
 * What ui-keyring (`seen`, from verifyWithUiKeyring without a chain, as the plan assumes) shows
 * that the plan's prediction (`plan.apps`) did not say, one line each (keys JSON-quoted, no
 * values): empty when the import did exactly what the plan showed.
 *
 * @example const problems = checkAgainstPlan(plan, await verifyWithUiKeyring(copy)); if (problems.length) rollBack()
 */
export function checkAgainstPlan(plan: { readonly apps: AppsView }, seen: AppsView): string[] {
  const problems: string[] = [];
  const q = (k: string) => JSON.stringify(k.slice(0, 100));
  for (const list of LISTS) {
    const text = (items: readonly AppsItem[]) =>
      new Map(
        items.map((item) => {
          const { unlocked: _, ...rest } = item as AppsItem & { unlocked?: boolean };
          return [`${item.key}\u0000${item.source}`, JSON.stringify(rest)];
        }),
      );
    const want = text(plan.apps[list]);
    const got = text(seen[list]);
    for (const [id, value] of got) {
      const key = id.slice(0, id.indexOf('\u0000'));
      if (!want.has(id)) problems.push(`${list}: ui-keyring lists ${q(key)}, which the plan did not show`);
      else if (want.get(id) !== value)
        problems.push(`${list}: ui-keyring shows ${q(key)} otherwise than planned`);
    }
    for (const id of want.keys()) {
      if (!got.has(id))
        problems.push(`${list}: ${q(id.slice(0, id.indexOf('\u0000')))} is missing from ui-keyring's list`);
    }
  }
  for (const name of KEY_LISTS) {
    const want = new Set(plan.apps[name]);
    const got = new Set(seen[name]);
    for (const k of got) if (!want.has(k)) problems.push(`${name}: ${q(k)} was not predicted`);
    for (const k of want) if (!got.has(k)) problems.push(`${name}: ${q(k)} was predicted but not seen`);
  }
  return problems;
}
