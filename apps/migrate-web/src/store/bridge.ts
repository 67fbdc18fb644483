/**
 * Bridge mode, the page's end: the window the bookmarklet opened talks to its opener (the Apps
 * tab) only, only after a handshake with a fresh random nonce, and pins the origin the browser
 * reports for the answer (event.origin; never one a message claims). Every later message must
 * come from the opener, from that origin, with that nonce and the exact shape; anything else is
 * ignored and noted. This page's own storage is never touched in bridge mode.
 */
import type { ChangeOutcome, StorageChange } from '@keyport/storage-migrate/light';
import {
  asTabMessage,
  type Items,
  makeNonce,
  type PageMessage,
  TAG,
  type TabMessage,
} from '../bridge/protocol.ts';
import { SnapshotView } from './snapshot-view.ts';
import type { PageStore } from './store.ts';

/** How long the page waits for an answer of the Apps tab before calling it gone. */
export const ANSWER_MS = 15_000;

/** A failure of the bridge, with a stable code for messages.ts. */
export class BridgeError extends Error {
  constructor(
    readonly code: 'BRIDGE_GONE' | 'BRIDGE_NO_OPENER' | 'BRIDGE_NO_ANSWER',
    message: string,
  ) {
    super(message);
    this.name = 'BridgeError';
  }
}

/** What the bridge tells the page besides answers. */
export interface BridgeEvents {
  /** The Apps tab is gone (closed, reloaded, navigated away, or silent): nothing more is read or written. */
  readonly onGone: (why: string) => void;
  /** A message was ignored: where it came from (as the browser says) and why. */
  readonly onIgnored: (origin: string, why: string) => void;
}

interface Pending {
  readonly resolve: (m: TabMessage) => void;
  readonly reject: (e: Error) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

type Ask = PageMessage extends infer M ? (M extends unknown ? Omit<M, 'kp' | 'nonce' | 'id'> : never) : never;

/**
 * Connects to the Apps tab that opened `win`; resolves once its first snapshot arrived.
 *
 * @throws BridgeError BRIDGE_NO_OPENER (no opener), BRIDGE_NO_ANSWER (no handshake answer in time).
 * @example const store = await connectBridge(window, { onGone, onIgnored })
 */
export function connectBridge(win: Window, events: BridgeEvents): Promise<PageStore> {
  const opener = win.opener as Window | null;
  if (opener === null) {
    return Promise.reject(
      new BridgeError(
        'BRIDGE_NO_OPENER',
        'this window was not opened by the bookmarklet, or its opener link was cut',
      ),
    );
  }
  const nonce = makeNonce(win.crypto);
  let origin: string | undefined;
  let view = new SnapshotView([]);
  let gone: string | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const listeners: ((keys: readonly string[] | null) => void)[] = [];
  let connected: ((store: PageStore) => void) | undefined;

  const goneNow = (why: string): void => {
    if (gone !== undefined) return;
    gone = why;
    clearInterval(watch);
    for (const p of pending.values()) {
      clearTimeout(p.timer);
      p.reject(new BridgeError('BRIDGE_GONE', why));
    }
    pending.clear();
    events.onGone(why);
  };
  const watch = setInterval(() => {
    if (opener.closed) goneNow('the Apps tab was closed');
  }, 1000);

  const ask = (message: Ask): Promise<TabMessage> => {
    if (gone !== undefined || origin === undefined)
      return Promise.reject(new BridgeError('BRIDGE_GONE', gone ?? 'not connected'));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        goneNow('the Apps tab stopped answering (navigated away or reloaded)');
      }, ANSWER_MS);
      pending.set(id, { resolve, reject, timer });
      opener.postMessage({ ...message, kp: TAG, nonce, id }, origin as string);
    });
  };

  const store: PageStore = {
    get origin() {
      return origin ?? '';
    },
    bridged: true,
    view: () => view,
    async refresh() {
      const m = await ask({ type: 'get' });
      if (m.type !== 'snapshot')
        throw new BridgeError('BRIDGE_GONE', 'the Apps tab answered a read with something else');
      view = new SnapshotView(m.items);
    },
    async write(changes: readonly StorageChange[]): Promise<ChangeOutcome> {
      const m = await ask({ type: 'write', changes });
      if (m.type !== 'result')
        throw new BridgeError('BRIDGE_GONE', 'the Apps tab answered a write with something else');
      view = new SnapshotView(m.items); // the storage right after the write: verify reads this
      return m.outcome;
    },
    onChange: (listener) => listeners.push(listener),
  };

  // Change notices come in bursts (Apps writes several keys at once): one snapshot at a time,
  // and the listeners hear every key noticed meanwhile (null: unknown, the tab was cleared).
  let noticed: Set<string> | null | undefined;
  let refreshing = false;
  const notice = (keys: readonly string[] | null): void => {
    noticed = keys === null || noticed === null ? null : new Set([...(noticed ?? []), ...keys]);
    if (refreshing) return;
    refreshing = true;
    const next = (): void => {
      const batch = noticed;
      noticed = undefined;
      store.refresh().then(
        () => {
          for (const l of listeners) l(batch === null || batch === undefined ? null : [...batch]);
          if (noticed !== undefined) next();
          else refreshing = false;
        },
        () => {
          refreshing = false; // goneNow has said it
        },
      );
    };
    next();
  };

  win.addEventListener('message', (event) => {
    // A tab that is leaving posts its bye from pagehide; by the time it arrives the tab has
    // navigated and the browser reports no source. Such a bye is still only taken from the
    // pinned origin with this page's nonce (which only the opener ever received).
    const leaving = event.source === null && origin !== undefined && event.origin === origin;
    const fromOpener = event.source === opener || leaving;
    const tagged =
      typeof event.data === 'object' && event.data !== null && (event.data as { kp?: unknown }).kp === TAG;
    if (!fromOpener) {
      if (tagged) events.onIgnored(event.origin, 'it did not come from the tab that opened this window');
      return;
    }
    if (origin !== undefined && event.origin !== origin) {
      events.onIgnored(event.origin, `the tab that opened this window is no longer on ${origin}`);
      return;
    }
    const m = asTabMessage(event.data);
    if (m === undefined || m.nonce !== nonce) {
      events.onIgnored(
        event.origin,
        m === undefined ? 'it is not a well-formed bridge message' : 'it carries the wrong nonce',
      );
      return;
    }
    if (gone !== undefined) return;
    if (leaving && m.type !== 'bye') return;
    if (origin === undefined) {
      if (m.type !== 'snapshot' || m.id !== undefined) return; // only the handshake's answer connects
      origin = event.origin; // as the browser reports it
      view = new SnapshotView(m.items as Items);
      connected?.(store);
      return;
    }
    if (m.type === 'bye')
      goneNow('the Apps tab was closed, reloaded or navigated away, or the bookmarklet was run there again');
    else if (m.type === 'changed') notice(m.keys);
    else if (m.id !== undefined) {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      clearTimeout(p.timer);
      p.resolve(m);
    }
  });

  return new Promise<PageStore>((resolve, reject) => {
    const timer = setTimeout(() => {
      clearInterval(watch);
      reject(new BridgeError('BRIDGE_NO_ANSWER', 'the tab that opened this window did not answer'));
    }, ANSWER_MS);
    connected = (s) => {
      clearTimeout(timer);
      resolve(s);
    };
    // The opener's origin is not known yet: the hello says nothing but the nonce, and only the
    // bookmarklet of this page's origin answers it (it checks event.origin against its own K).
    opener.postMessage({ kp: TAG, type: 'hello', nonce } satisfies PageMessage, '*');
  });
}
