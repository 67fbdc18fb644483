// Registry module of one account's keystore JSON (docs/keystore-format.md). The format
// itself lives in ../keystore/; this says how to recognise, name, read, report and write it.
import { KeyportError } from '../errors.ts';
import { describeKeystore, type KeystoreInfo } from '../keystore/describe.ts';
import { parseKeystore } from '../keystore/parse.ts';
import { KEY_TYPES, type KeyType } from '../keystore/types.ts';
import { isPlainObject } from '../plain.ts';
import type { FormatModule, Miss, ReportedAccount } from '../registry/types.ts';

/** What detection reports for a keystore. */
export interface KeystoreFacts {
  readonly format: 'keystore';
  /** `encoding.version` as written ('0'..'3'; anything else is reported as found). */
  readonly version: string;
  /** `encoding.content[1]`; null for v0/v1 files, which leave the type to the loader. */
  readonly keyType: KeyType | null;
  /** False for `encoding.type` `['none']` (watch-only or unprotected). */
  readonly encrypted: boolean;
  readonly address: string | null;
}

type Obj = Record<string, unknown>;

/** An own property, never one from the prototype (a `__proto__` key in JSON is own). */
export function own(o: Obj, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

/** `null`, `an array`, `an object`, `a number`…: what a value is, for a reason. */
export function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** The `encoding` block keystores and batch files share, or a Miss; undefined when there is none. */
export function readEncoding(value: Obj): { contents: unknown[]; encrypted: boolean } | Miss | undefined {
  const encoding = own(value, 'encoding');
  if (encoding === undefined) return undefined;
  if (!isPlainObject(encoding)) return { miss: 'JSON object whose encoding is not an object' };
  const content = own(encoding, 'content');
  const contents = typeof content === 'string' ? [content] : Array.isArray(content) ? content : null;
  if (contents === null || contents.length === 0) return { miss: 'JSON object without encoding.content' };
  if (typeof own(value, 'encoded') !== 'string')
    return { miss: 'JSON object with encoding but no encoded string' };
  const types = own(encoding, 'type');
  return { contents, encrypted: (Array.isArray(types) ? types : [types]).includes('xsalsa20-poly1305') };
}

function matchKeystore(value: object): KeystoreFacts | Miss | undefined {
  if (Array.isArray(value) || !isPlainObject(value)) return undefined;
  const encoding = readEncoding(value);
  if (encoding === undefined) {
    if (typeof own(value, 'encoded') === 'string')
      return { miss: 'JSON object with encoded but no encoding' };
    if (typeof own(value, 'address') === 'string' && isPlainObject(own(value, 'meta'))) {
      return {
        miss: 'JSON object with address and meta but no encoded key (an address entry, not a keystore)',
      };
    }
    return undefined;
  }
  if ('miss' in encoding) return encoding;
  const { contents, encrypted } = encoding;
  if (contents.includes('batch-pkcs8')) return undefined; // a batch file
  if (contents[0] !== 'pkcs8') {
    const first =
      typeof contents[0] === 'string' ? `"${contents[0].slice(0, 30)}"` : describeType(contents[0]);
    return { miss: `encoding.content starts with ${first}; expected "pkcs8" or "batch-pkcs8"` };
  }
  const version = String(own(value.encoding as Obj, 'version') ?? '');
  let keyType: KeyType | null = null;
  if (version !== '0' && contents.length > 1) {
    const t = contents[1];
    if (!KEY_TYPES.includes(t as KeyType)) {
      const shown = typeof t === 'string' ? `"${t.slice(0, 30)}"` : describeType(t);
      return { miss: `keystore key type ${shown} is not one of ${KEY_TYPES.join(', ')}` };
    }
    keyType = t as KeyType;
  }
  const address = own(value, 'address');
  return {
    format: 'keystore',
    version,
    keyType,
    encrypted,
    address: typeof address === 'string' ? address : null,
  };
}

/**
 * The inspect line of a keystore: key type, address, name, and `keyless` when it holds no secret.
 *
 * @example reportedAccount(describeKeystore(json)) // { type: 'sr25519', address: '5Grw…', name: 'alice' }
 */
export function reportedAccount(info: KeystoreInfo): ReportedAccount {
  return {
    type: info.keyType ?? null,
    address: info.address,
    name: info.name ?? null,
    ...(info.hasSecret ? {} : { keyless: true }),
  };
}

/**
 * One account's keystore JSON (`pair.toJson()`, versions 0–3): detect, report, open (the
 * keystore as it is, still encrypted) and write (exactly one account).
 *
 * @example keystoreFormat.describe({ format: 'keystore', version: '3', … }) // 'a version 3 keystore'
 */
export const keystoreFormat: FormatModule<KeystoreFacts> = {
  id: 'keystore',
  label: 'an account JSON file',
  holds: 'accounts',
  matchValue: matchKeystore,
  describe: (d) => `a version ${d.version} keystore`,
  report({ value }) {
    const info = describeKeystore(value);
    return {
      format: 'keystore',
      version: info.version,
      encrypted: info.encrypted,
      ...(info.scrypt ? { scrypt: info.scrypt } : {}),
      accounts: [reportedAccount(info)],
    };
  },
  async open({ value }) {
    return { accounts: [{ index: 0, keystore: parseKeystore(value) }], contacts: [], skipped: [] };
  },
  writer: {
    name: 'keystore',
    takes: 'one',
    keepsKeyless: false,
    async write({ accounts }) {
      const keystores = accounts.flatMap((a) => ('keystore' in a ? [a.keystore] : []));
      if (keystores.length !== 1) {
        throw new KeyportError(
          'INVALID_INPUT',
          `the input holds ${keystores.length} accounts; a keystore file holds one: choose it with --account <address>`,
          { count: keystores.length },
        );
      }
      return JSON.stringify(keystores[0]);
    },
  },
};
