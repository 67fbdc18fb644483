// Registry module of the extension's "Export all accounts" batch file (docs/batch-and-arrays.md
// §1–2). The format itself is ../batch.ts; SubWallet's superset is
// subwallet-batch.ts, which reuses this module's parts.
import { type BatchExtras, createBatch, openBatch, parseBatch } from '../batch.ts';
import { assertEnvelopeParams, readScryptHeader } from '../envelope.ts';
import { KeyportError } from '../errors.ts';
import { decodeEncoded } from '../keystore/fields.ts';
import { protectionOf } from '../keystore/parse.ts';
import { isPlainObject } from '../plain.ts';
import type { FormatModule, Found, Holdings, Miss, OpenOptions } from '../registry/types.ts';
import { own, readEncoding } from './keystore.ts';

/** What detection reports for a batch file (the extension's, or SubWallet's superset). */
export interface BatchFacts {
  readonly format: 'batch' | 'subwallet-batch';
  /** Entries in the plaintext `accounts` preview. */
  readonly count: number;
  readonly encrypted: boolean;
  /** True when the file is the batch object wrapped in a one-item array. */
  readonly wrapped: boolean;
}

type Obj = Record<string, unknown>;

function isSubWallet(value: Obj): boolean {
  return own(value, 'accountProxies') !== undefined || own(value, 'modifyPairs') !== undefined;
}

/**
 * The batch matcher: `subwallet` picks which of the two formats it claims.
 *
 * @example matchBatch(false)(JSON.parse(text)) // { format: 'batch', count: 2, encrypted: true, wrapped: false }
 */
export function matchBatch(subwallet: boolean): (value: object) => BatchFacts | Miss | undefined {
  return (value) => {
    const wrapped = Array.isArray(value);
    const obj: unknown = wrapped ? (value.length === 1 ? value[0] : undefined) : value;
    if (!isPlainObject(obj)) return undefined;
    const encoding = readEncoding(obj);
    if (encoding === undefined || 'miss' in encoding || !encoding.contents.includes('batch-pkcs8'))
      return undefined;
    if (isSubWallet(obj) !== subwallet) return undefined;
    const accounts = own(obj, 'accounts');
    return {
      format: subwallet ? 'subwallet-batch' : 'batch',
      count: Array.isArray(accounts) ? accounts.length : 0,
      encrypted: encoding.encrypted,
      wrapped,
    };
  };
}

/** The batch object of a found batch (unwrapping the one-item array). */
function batchValue({ value, detected }: Found<BatchFacts>): unknown {
  return detected.wrapped && Array.isArray(value) ? value[0] : value;
}

/**
 * Opens the batch envelope with the seal password; the keystores inside stay encrypted.
 *
 * @throws UNSAFE_SCRYPT_PARAMS (before asking), PASSWORD_REQUIRED without options.password, and
 * what parseBatch/openBatch throw.
 */
async function openBatchHoldings(found: Found<BatchFacts>, options: OpenOptions): Promise<Holdings> {
  const parsed = parseBatch(batchValue(found));
  if (options.password === undefined) {
    // Unsafe scrypt parameters are refused before anyone is asked for the password.
    if (protectionOf(parsed.encoding).kdf === 'scrypt') assertEnvelopeParams(decodeEncoded(parsed.encoded));
    throw new KeyportError('PASSWORD_REQUIRED', 'a batch file needs its batch password');
  }
  const { keystores, skipped } = await openBatch(
    parsed,
    options.password,
    options.scrypt ? { scrypt: options.scrypt } : {},
  );
  const left = new Set(skipped.map((s) => s.index));
  const positions = [...Array(keystores.length + left.size).keys()].filter((i) => !left.has(i));
  const extras: BatchExtras = {
    ...(parsed.accountProxies ? { accountProxies: parsed.accountProxies } : {}),
    ...(parsed.modifyPairs ? { modifyPairs: parsed.modifyPairs } : {}),
  };
  return {
    accounts: keystores.map((keystore, i) => ({ index: positions[i] ?? i, keystore })),
    contacts: [],
    skipped,
    ...(Object.keys(extras).length > 0 ? { extras } : {}),
  };
}

/**
 * The extension's "Export all accounts" file: detect, report (the plaintext preview), open
 * (with the batch password) and write.
 *
 * @example batchFormat.describe({ format: 'batch', count: 2, encrypted: true, wrapped: false }) // 'a batch file of 2 account(s)'
 */
export const batchFormat: FormatModule<BatchFacts> = {
  id: 'batch',
  label: 'a batch ("export all accounts") file',
  holds: 'accounts',
  seal: { label: 'Batch file password', option: 'password' },
  matchValue: matchBatch(false),
  describe: (d) => `a ${d.format === 'batch' ? '' : 'SubWallet '}batch file of ${d.count} account(s)`,
  report(found) {
    const batch = parseBatch(batchValue(found));
    const { encrypted } = found.detected;
    const scrypt =
      encrypted && batch.encoding.type.includes('scrypt')
        ? readScryptHeader(decodeEncoded(batch.encoded)).params
        : undefined;
    return {
      format: found.detected.format,
      version: batch.encoding.version,
      encrypted,
      ...(scrypt ? { scrypt } : {}),
      accounts: batch.accounts.map((a) => ({
        type: null,
        address: a.address,
        name: typeof a.meta.name === 'string' ? a.meta.name : null,
      })),
      details: { note: 'key types and account scrypt parameters are inside the encrypted part' },
    };
  },
  open: openBatchHoldings,
  writer: {
    name: 'batch',
    takes: 'many',
    keepsKeyless: false,
    async write({ accounts, extras }, options) {
      if (options.password === undefined) {
        throw new KeyportError('PASSWORD_REQUIRED', 'a batch file is written with a batch password');
      }
      const keystores = accounts.flatMap((a) => ('keystore' in a ? [a.keystore] : []));
      const batch = await createBatch(keystores, options.password, {
        ...(options.params ? { params: options.params } : {}),
        ...(options.scrypt ? { scrypt: options.scrypt } : {}),
        ...(options.random ? { random: options.random } : {}),
        ...(extras ? { extras } : {}),
      });
      return JSON.stringify(batch);
    },
  },
};
