/**
 * The bookmarklet bridge's messages, shared by both ends: the keyport page (which plans, asks
 * and shows) and the bookmarklet on the Apps tab (which lends that tab's localStorage). Every
 * message is a plain object tagged with TAG and the page's nonce; anything else is not a bridge
 * message. docs/architecture.md "The bookmarklet bridge" describes the exchange.
 *
 * page → Apps tab: hello (the handshake, once per page load), get (a fresh snapshot), write
 * (one compare-and-set change list).
 * Apps tab → page: snapshot (every key and value; the answer to hello and get), result (the
 * outcome of a write, with the snapshot right after it), changed (the tab's `storage` events),
 * bye (the Apps tab is leaving).
 */
import { isPlainObject as isObj } from '@keyport/core';
import type { ChangeOutcome, StorageChange } from '@keyport/storage-migrate/light';

/** The tag every bridge message carries (its version too). */
export const TAG = 'keyport-bridge/1';

/** The hash the bookmarklet opens the page with: it asks for bridge mode. */
export const BRIDGE_HASH = '#keyport-bridge';

/** A storage as the bridge carries it: [key, value] pairs. */
export type Items = readonly (readonly [string, string])[];

/** Messages from the page to the Apps tab. */
export type PageMessage =
  | { readonly kp: typeof TAG; readonly type: 'hello'; readonly nonce: string }
  | { readonly kp: typeof TAG; readonly type: 'get'; readonly nonce: string; readonly id: number }
  | {
      readonly kp: typeof TAG;
      readonly type: 'write';
      readonly nonce: string;
      readonly id: number;
      readonly changes: readonly StorageChange[];
    };

/** Messages from the Apps tab to the page. */
export type TabMessage =
  | {
      readonly kp: typeof TAG;
      readonly type: 'snapshot';
      readonly nonce: string;
      readonly id?: number;
      readonly items: Items;
    }
  | {
      readonly kp: typeof TAG;
      readonly type: 'result';
      readonly nonce: string;
      readonly id: number;
      readonly outcome: ChangeOutcome;
      readonly items: Items;
    }
  | {
      readonly kp: typeof TAG;
      readonly type: 'changed';
      readonly nonce: string;
      readonly keys: readonly string[] | null;
    }
  | { readonly kp: typeof TAG; readonly type: 'bye'; readonly nonce: string };

type Obj = Record<string, unknown>;
const isStr = (v: unknown): v is string => typeof v === 'string';
const isId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const strOrNull = (v: unknown): boolean => v === null || isStr(v);

/** A nonce: 32 lowercase hex digits (128 random bits). */
export const isNonce = (v: unknown): v is string => isStr(v) && /^[0-9a-f]{32}$/.test(v);

/**
 * A fresh nonce from the browser's CSPRNG.
 *
 * @example makeNonce(crypto) // '3f9c…' (32 hex digits)
 */
export function makeNonce(rng: Pick<Crypto, 'getRandomValues'>): string {
  return Array.from(rng.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The tag and nonce every message has; undefined when `data` is not a bridge message at all. */
function head(data: unknown): (Obj & { type: unknown; nonce: string }) | undefined {
  return isObj(data) && data.kp === TAG && isNonce(data.nonce)
    ? (data as Obj & { type: unknown; nonce: string })
    : undefined;
}

const isItems = (v: unknown): v is Items =>
  Array.isArray(v) && v.every((p) => Array.isArray(p) && p.length === 2 && isStr(p[0]) && isStr(p[1]));

const isChange = (c: unknown): c is StorageChange =>
  isObj(c) && isStr(c.key) && strOrNull(c.expect) && strOrNull(c.value);

/** `read`, except that anything it throws (a getter; never in postMessage's clone) means "not a message". */
function guarded<T>(read: (data: unknown) => T | undefined): (data: unknown) => T | undefined {
  return (data) => {
    try {
      return read(data);
    } catch {
      return undefined;
    }
  };
}

function pageMessage(data: unknown): PageMessage | undefined {
  const m = head(data);
  if (m === undefined) return undefined;
  if (m.type === 'hello') return m as PageMessage;
  if (m.type === 'get' && isId(m.id)) return m as PageMessage;
  if (m.type === 'write' && isId(m.id) && Array.isArray(m.changes) && m.changes.every(isChange))
    return m as PageMessage;
  return undefined;
}

const isOutcome = (v: unknown): v is ChangeOutcome =>
  isObj(v) &&
  (v.ok === true
    ? isId(v.written)
    : v.code === 'CONFLICT'
      ? Array.isArray(v.keys) && v.keys.every(isStr)
      : (v.code === 'WRITE_FAILED' || v.code === 'VERIFY_FAILED' || v.code === 'INVALID_INPUT') &&
        isId(v.index));

function tabMessage(data: unknown): TabMessage | undefined {
  const m = head(data);
  if (m === undefined) return undefined;
  if (m.type === 'snapshot' && isItems(m.items) && (m.id === undefined || isId(m.id))) return m as TabMessage;
  if (m.type === 'result' && isId(m.id) && isOutcome(m.outcome) && isItems(m.items)) return m as TabMessage;
  if (m.type === 'changed' && (m.keys === null || (Array.isArray(m.keys) && m.keys.every(isStr))))
    return m as TabMessage;
  if (m.type === 'bye') return m as TabMessage;
  return undefined;
}

/**
 * `data` as a page message when it has exactly that shape, else undefined (ignored). Never throws.
 *
 * @example asPageMessage(event.data)?.type // 'write'
 */
export const asPageMessage: (data: unknown) => PageMessage | undefined = guarded(pageMessage);

/**
 * `data` as an Apps-tab message when it has exactly that shape, else undefined (ignored). Never throws.
 *
 * @example asTabMessage(event.data)?.type // 'snapshot'
 */
export const asTabMessage: (data: unknown) => TabMessage | undefined = guarded(tabMessage);
