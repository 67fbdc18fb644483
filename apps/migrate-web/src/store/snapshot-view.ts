/** A read-only storage over a snapshot from the bridge: the plan and the dump read it. */
import type { Items } from '../bridge/protocol.ts';
import type { StorageView } from './store.ts';

/**
 * Web Storage reads over fixed items (keys in code-unit order); writes throw, since the page
 * writes an Apps tab only through one bridged change list.
 *
 * @example new SnapshotView([['settings', '{}']]).getItem('settings') // '{}'
 */
export class SnapshotView implements StorageView {
  readonly #items: ReadonlyMap<string, string>;
  readonly #keys: readonly string[];

  constructor(items: Items) {
    this.#items = new Map(items);
    this.#keys = [...this.#items.keys()].sort();
  }

  get length(): number {
    return this.#keys.length;
  }

  key(index: number): string | null {
    return this.#keys[index] ?? null;
  }

  getItem(key: string): string | null {
    return this.#items.get(String(key)) ?? null;
  }

  setItem(): void {
    throw new Error('keyport: a snapshot of the Apps tab is read-only');
  }

  removeItem(): void {
    throw new Error('keyport: a snapshot of the Apps tab is read-only');
  }
}
