/**
 * The bookmarklet on the Apps tab (origin P): opens the keyport page it was made on (origin K)
 * in a new window and lends that window this tab's localStorage over postMessage. It talks only
 * to the window it opened and only to K's origin; it answers only messages carrying the nonce
 * of that window's handshake. It holds no bundle logic: snapshots, and one compare-and-set
 * write (storage-migrate's applyChanges) per Import or Undo; the page does everything else.
 */
import { applyChanges } from '@keyport/storage-migrate/light';
import { asPageMessage, BRIDGE_HASH, type Items, TAG, type TabMessage } from '../bridge/protocol.ts';
import { showChip } from './chip.ts';

/** A message to the page before the tag and nonce are added. */
type Send = TabMessage extends infer M ? (M extends unknown ? Omit<M, 'kp' | 'nonce'> : never) : never;

/**
 * Lends `win`'s localStorage to the keyport page at `pageUrl`.
 *
 * @example lend(window, 'https://keyport.example/') // what the bookmarklet runs
 */
export function lend(win: Window, pageUrl: string): void {
  const doc = win.document;
  const pageOrigin = new URL(pageUrl).origin;
  const chip = showChip(doc);
  let storage: Storage;
  try {
    storage = win.localStorage;
  } catch (e) {
    chip.say(
      `this tab's storage cannot be read here (${e instanceof Error ? e.name : 'blocked'})`,
      undefined,
      true,
    );
    return;
  }
  let page: Window | null = null;
  let nonce: string | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;

  const items = (): Items => {
    const out: [string, string][] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      const value = key === null ? null : storage.getItem(key);
      if (key !== null && value !== null) out.push([key, value]);
    }
    return out;
  };
  const send = (message: Send): void => {
    if (page && nonce) page.postMessage({ ...message, kp: TAG, nonce }, pageOrigin);
  };
  const live = (): boolean => chip.connected() && page !== null && !page.closed;

  win.addEventListener('message', (event) => {
    // Only the window this run opened, only on K's origin, only well-formed messages.
    if (!chip.connected() || page === null || event.source !== page || event.origin !== pageOrigin) return;
    const m = asPageMessage(event.data);
    if (m === undefined) return;
    if (m.type === 'hello') {
      nonce = m.nonce; // a reload of the keyport window starts a new handshake
      const all = items();
      chip.say(`keyport window connected (${all.length} entries here)`);
      send({ type: 'snapshot', items: all });
      return;
    }
    if (m.nonce !== nonce) return;
    if (m.type === 'get') send({ type: 'snapshot', id: m.id, items: items() });
    else send({ type: 'result', id: m.id, outcome: applyChanges(storage, m.changes), items: items() });
  });
  win.addEventListener('storage', (event) => {
    if (live() && event.storageArea === storage)
      send({ type: 'changed', keys: event.key === null ? null : [event.key] });
  });
  const bye = (): void => {
    if (live()) send({ type: 'bye' });
  };
  win.addEventListener('pagehide', bye);
  chip.onReplaced(bye);

  const open = (): void => {
    page = win.open(pageUrl + BRIDGE_HASH, '_blank');
    if (page === null) {
      chip.say('the browser blocked the keyport window', { label: 'Open keyport', run: open }, true);
      return;
    }
    chip.say('opening the keyport window…');
    clearInterval(timer);
    timer = setInterval(() => {
      if (chip.connected() && page && !page.closed) return;
      clearInterval(timer);
      nonce = undefined;
      if (chip.connected()) chip.say('keyport window closed', { label: 'Open again', run: open }, true);
    }, 1000);
  };
  open();
}
