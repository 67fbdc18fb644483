// How ui-keyring reads one stored value (store.js get: JSON.parse, else the raw string), and
// whether an account record holds a key.
import { describeKeystore, isKeyportError, isPlainObject } from '@keyport/core';

/** A stored value as ui-keyring's loadAll sees it. */
export interface StoredRecord {
  /** The parsed object, when the value is JSON of an object. */
  readonly json?: Record<string, unknown>;
  /** `json.meta` when it is an object (loadAll throws on anything else). */
  readonly meta?: Record<string, unknown>;
}

/**
 * Parses a stored value the way store.js does and picks out `meta`.
 *
 * @example readRecord('{"address":"5F…","meta":{"name":"x"}}').meta // { name: 'x' }
 */
export function readRecord(value: string): StoredRecord {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    // store.js falls back to the raw string here; for ui-keyring that means "not a record"
    return {};
  }
  return recordOf(parsed);
}

/**
 * A value as readRecord sees it, from the result of `JSON.parse` on it.
 *
 * @example recordOf({ address: '5F…', meta: [] }).meta // undefined
 */
export function recordOf(parsed: unknown): StoredRecord {
  if (!isPlainObject(parsed)) return {};
  return isPlainObject(parsed.meta) ? { json: parsed, meta: parsed.meta } : { json: parsed };
}

/**
 * True when an `account:` value holds a key (encrypted, or an unencrypted secret), false for a
 * keyless record (external, QR, hardware, multisig: `type: ['none']` without a secret, or no
 * `encoded`) and for anything that is not a keystore at all.
 *
 * @example holdsKey(storedInBrowserAccount) // true; holdsKey(qrAccount) // false
 */
export function holdsKey(value: string): boolean {
  const known = answers.get(value);
  if (known !== undefined) return known;
  const answer = answerHoldsKey(value);
  // A plan asks about the same account values several times (facts, guard, Apps' view).
  if (answers.size >= MAX_ANSWERS) answers.clear();
  answers.set(value, answer);
  return answer;
}

const MAX_ANSWERS = 4096;
const answers = new Map<string, boolean>();

function answerHoldsKey(value: string): boolean {
  const { json } = readRecord(value);
  if (json === undefined || typeof json.encoded !== 'string') return false;
  try {
    return describeKeystore(json).hasSecret;
  } catch (e) {
    if (isKeyportError(e)) return false; // not a keystore: it holds no usable key
    throw e;
  }
}
