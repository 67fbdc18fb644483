/** The page's own origin: window.localStorage, written with applyChanges right here. */
import { applyChanges } from '@keyport/storage-migrate/light';
import type { PageStore } from './store.ts';

/**
 * The store of `win`'s own origin. Other tabs of the origin (Apps open beside the page) are
 * noticed through the browser's `storage` events.
 *
 * @example const store = ownStore(window); store.view().length
 */
export function ownStore(win: Window): PageStore {
  const storage = win.localStorage;
  return {
    origin: win.location.origin,
    bridged: false,
    view: () => storage,
    refresh: () => Promise.resolve(),
    write: (changes) => Promise.resolve(applyChanges(storage, changes)),
    onChange(listener) {
      win.addEventListener('storage', (event) => {
        if (event.storageArea === storage) listener(event.key === null ? null : [event.key]);
      });
    },
  };
}
