// The plan as `restore --json` prints it: the same statuses, facts and choices the page shows,
// and what Apps will show after the import. Stored values are never in it.
import type { ImportPlan } from '@keyport/storage-migrate';

/**
 * The plan without stored values: counts, every entry (status, whether it is written and why
 * not, what Apps shows of it, old against new, what it would overwrite, look-alikes), the hidden
 * notices and the predicted Apps view.
 *
 * @example io.out(JSON.stringify({ plan: planJson(plan) }))
 */
export function planJson(plan: ImportPlan) {
  return {
    counts: plan.counts,
    byKind: plan.byKind,
    entries: plan.entries.map(({ value: _value, existing: _existing, ...entry }) => entry),
    hidden: plan.hidden,
    apps: plan.apps,
  };
}
