// What matters about one stored value when it is about to be replaced: the facts a person
// compares side by side (docs/apps-load.md). Never the key material itself.
import { isPlainObject } from '@keyport/core';
import { classifyKey, type EntryKind } from '../classify.ts';
import type { LoadOutcome } from './apps-load.ts';
import { nameOf } from './apps-view.ts';
import { holdsKey, readRecord } from './records.ts';

/** The facts of one stored value, as Apps would show them. */
export interface EntryFacts {
  /** Whether Apps lists it (false: it cannot load it, or skips it). */
  readonly shown: boolean;
  /** The address Apps lists it under (else the record's own `address` field, when a string). */
  readonly address?: string;
  readonly name?: string;
  /** Accounts: the key type. */
  readonly keyType?: string;
  /** Accounts: whether it holds a key (false: external, QR, hardware, multisig). */
  readonly hasKey?: boolean;
  /** The chain it is tied to (meta.genesisHash). */
  readonly genesisHash?: string;
  /** `settings`: the node Apps connects to. */
  readonly apiUrl?: string;
  /** `polkadot-app-custom-endpoints`: the endpoints Apps offers. */
  readonly endpoints?: readonly string[];
}

/** Old and new facts of an entry about to be replaced. */
export interface FactsChange {
  readonly before: EntryFacts;
  readonly after: EntryFacts;
  /** Both hold a key and the keys differ (another `encoded`): the stored key would be replaced. */
  readonly keyChanged: boolean;
  /** Top-level fields of a JSON object value that differ (settings and other keys). */
  readonly fields?: readonly string[];
}

const CUSTOM_ENDPOINTS = 'polkadot-app-custom-endpoints';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

function parsed(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return undefined; // not JSON: no facts beyond "it differs"
  }
}

/**
 * The facts of `value` stored under `key` (`outcome`: what Apps does with it).
 *
 * @example entryFacts('settings', '{"apiUrl":"wss://x"}', { op: 'none' }).apiUrl // 'wss://x'
 */
export function entryFacts(key: string, value: string, outcome: LoadOutcome): EntryFacts {
  const kind: EntryKind = classifyKey(key);
  if (kind === 'account' || kind === 'address' || kind === 'contract') {
    // A record Apps loads is described by what it loads (no second parse); any other by its JSON.
    const record = outcome.op === 'add' ? undefined : readRecord(value);
    const meta = outcome.op === 'add' ? (outcome.meta as Record<string, unknown> | null) : record?.meta;
    const name = nameOf(meta);
    const address = outcome.op === 'add' ? outcome.address : record?.json?.address;
    const genesis = meta === null || typeof meta !== 'object' ? undefined : meta.genesisHash;
    // Filled field by field: a plan makes one of these per entry.
    const facts: Writable<EntryFacts> = { shown: outcome.op === 'add' };
    if (typeof address === 'string') facts.address = address;
    if (name !== undefined) facts.name = name;
    if (outcome.op === 'add' && outcome.type !== undefined) facts.keyType = outcome.type;
    if (kind === 'account') facts.hasKey = holdsKey(value);
    if (typeof genesis === 'string' && genesis !== '') facts.genesisHash = genesis;
    return facts;
  }
  const data = parsed(value);
  if (key === 'settings' && isPlainObject(data) && typeof data.apiUrl === 'string') {
    return { shown: false, apiUrl: data.apiUrl };
  }
  if (key === CUSTOM_ENDPOINTS && Array.isArray(data)) {
    return { shown: false, endpoints: data.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))) };
  }
  return { shown: false };
}

function encodedOf(value: string): unknown {
  return readRecord(value).json?.encoded;
}

/**
 * Old against new for a value that replaces another (`before`/`after`: the values and what
 * Apps does with each).
 *
 * @example compareFacts('settings', old, next, none, none).fields // ['apiUrl']
 */
export function compareFacts(
  key: string,
  before: string,
  after: string,
  beforeOutcome: LoadOutcome,
  afterOutcome: LoadOutcome,
  afterKey = key,
): FactsChange {
  const b = entryFacts(key, before, beforeOutcome);
  const a = entryFacts(afterKey, after, afterOutcome);
  const keyChanged = b.hasKey === true && a.hasKey === true && encodedOf(before) !== encodedOf(after);
  const ob = parsed(before);
  const oa = parsed(after);
  if (classifyKey(key) === 'settings' || classifyKey(key) === 'other') {
    if (isPlainObject(ob) && isPlainObject(oa)) {
      const names = [...new Set([...Object.keys(ob), ...Object.keys(oa)])];
      const fields = names.filter((n) => JSON.stringify(ob[n]) !== JSON.stringify(oa[n])).sort();
      return { before: b, after: a, keyChanged, fields };
    }
  }
  return { before: b, after: a, keyChanged };
}
