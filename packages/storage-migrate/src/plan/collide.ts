// Which entries an incoming record would overwrite when Apps loads the storage: ui-keyring
// stores every record under a key made from its own `address` field, so a record filed under
// any key can land on another entry's key, or share its place in Apps' list
// (docs/apps-load.md).
import type { StorageLike } from '../storage.ts';
import type { appsLoader, LoadOutcome } from './apps-load.ts';
import { type AppsListKind, nameOf } from './apps-view.ts';

/** Outcomes of records, computed once per key and value. */
export class Outcomes {
  readonly #loader: ReturnType<typeof appsLoader>;
  readonly #memo = new Map<string, { value: string; outcome: LoadOutcome }>();

  constructor(loader: ReturnType<typeof appsLoader>) {
    this.#loader = loader;
  }

  /** What Apps does with `value` stored under `key` (loadLikeApps calls it as `outcome`). */
  outcome(key: string, value: string | null): LoadOutcome {
    return this.of(key, value ?? '');
  }

  /** What Apps does with `value` stored under `key`, if it is known already. */
  known(key: string, value: string): LoadOutcome | undefined {
    const hit = this.#memo.get(key);
    return hit !== undefined && hit.value === value ? hit.outcome : undefined;
  }

  /** What Apps does with `value` stored under `key`. */
  of(key: string, value: string): LoadOutcome {
    const hit = this.#memo.get(key);
    if (hit !== undefined && hit.value === value) return hit.outcome;
    const outcome = this.#loader.outcome(key, value);
    this.#memo.set(key, { value, outcome });
    return outcome;
  }
}

/** A record another one would overwrite. */
export interface Victim {
  readonly key: string;
  readonly value: string;
  readonly outcome: LoadOutcome;
}

// ui-keyring's getAddress takes the last list holding an address: accounts, address book, contracts.
const OUTRANKS: Readonly<Record<AppsListKind, readonly AppsListKind[]>> = {
  account: [],
  address: ['account'],
  contract: ['account', 'address'],
};

/**
 * The storage after the import (`target` with `writes` over it), indexed by the key and the
 * list slot each record lands on, and the question "whom would this record overwrite".
 *
 * @example new PostImport(target, writes, outcomes).victims(key, value)
 */
export class PostImport {
  readonly #values = new Map<string, string>();
  /** The key of the record each list holds at each address, or the keys when several are there. */
  readonly #bySlot: Record<AppsListKind, Map<string, string | string[]>> = {
    account: new Map(),
    address: new Map(),
    contract: new Map(),
  };
  readonly #outcomes: Outcomes;

  constructor(target: StorageLike, writes: Iterable<readonly [string, string]>, outcomes: Outcomes) {
    this.#outcomes = outcomes;
    for (let i = 0; i < target.length; i++) {
      const key = target.key(i);
      const value = key === null ? null : target.getItem(key);
      if (key !== null && value !== null) this.#values.set(key, value);
    }
    for (const [key, value] of writes) this.#values.set(key, value);
    for (const [key, value] of this.#values) {
      const o = outcomes.of(key, value);
      if (o.op !== 'add') continue;
      const list = this.#bySlot[o.list];
      const keys = list.get(o.address);
      if (keys === undefined) list.set(o.address, key);
      else if (typeof keys === 'string') list.set(o.address, [keys, key]);
      else keys.push(key);
    }
  }

  /** The keys of the records `list` holds at `address`. */
  #inSlot(list: AppsListKind, address: string): readonly string[] {
    const keys = this.#bySlot[list].get(address);
    return keys === undefined ? [] : typeof keys === 'string' ? [keys] : keys;
  }

  /** Every key and its value after the import, in the target's order, then the new keys'. */
  get values(): ReadonlyMap<string, string> {
    return this.#values;
  }

  /**
   * The records (other than the one under `key`) that `value`, written under `key`, would
   * replace when Apps loads: the one at the key it lands on, any other record loading into the
   * same place of Apps' list, and a record of a list it outranks with the same address (Apps
   * names an address after its contract, else its address-book entry, else its account). A
   * record identical to it once loaded (in another list: with the same name) is no loss.
   */
  victims(key: string, value: string): Victim[] {
    const o = this.#outcomes.of(key, value);
    if (o.op !== 'add') return [];
    const landsOn =
      o.stores !== null && o.stores !== key && this.#values.has(o.stores) ? o.stores : undefined;
    const outranks = OUTRANKS[o.list];
    // The usual record: alone in its place, landing on its own key, outranking nothing.
    if (
      landsOn === undefined &&
      this.#bySlot[o.list].get(o.address) === key &&
      outranks.every((list) => !this.#bySlot[list].has(o.address))
    ) {
      return [];
    }
    const inSlot = this.#inSlot(o.list, o.address);
    const outranked = outranks.flatMap((list) => this.#inSlot(list, o.address));
    const same = new Set(inSlot);
    if (landsOn !== undefined) same.add(landsOn);
    const out: Victim[] = [];
    for (const k of [...new Set([...same, ...outranked])].sort()) {
      if (k === key) continue;
      const v = this.#values.get(k) as string;
      const other = this.#outcomes.of(k, v);
      const harmless =
        other.op === 'add' &&
        (same.has(k)
          ? other.text === o.text && other.list === o.list && other.address === o.address
          : nameOf(other.meta) === nameOf(o.meta));
      if (!harmless) out.push({ key: k, value: v, outcome: other });
    }
    return out;
  }
}
