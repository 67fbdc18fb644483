// Names which of core's formats a file or a pasted text is, without a password and without
// echoing any secret. Shapes: docs/keystore-format.md (keystore), docs/batch-and-arrays.md (batch,
// SubWallet, Apps arrays), docs/derivation.md (mnemonic, seed, dev URI). storage-migrate's detectInput adds the storage formats.

import { checkMnemonic, isMnemonicWord, MNEMONIC_WORD_COUNTS, normaliseMnemonic } from './derive/mnemonic.ts';
import { KEY_TYPES, type KeyType } from './keystore/types.ts';
import { isPlainObject, stripBom } from './plain.ts';

/** What {@link detectFormat} found. Nothing in it is secret. */
export type Detected =
  | {
      readonly format: 'keystore';
      /** `encoding.version` as written ('0'..'3'; anything else is reported as found). */
      readonly version: string;
      /** `encoding.content[1]`; null for v0/v1 files, which leave the type to the loader. */
      readonly keyType: KeyType | null;
      /** False for `encoding.type` `['none']` (watch-only or unprotected). */
      readonly encrypted: boolean;
      readonly address: string | null;
    }
  | {
      readonly format: 'batch' | 'subwallet-batch';
      /** Entries in the plaintext `accounts` preview. */
      readonly count: number;
      readonly encrypted: boolean;
      /** True when the file is the batch object wrapped in a one-item array. */
      readonly wrapped: boolean;
    }
  | {
      readonly format: 'apps-accounts';
      readonly count: number;
      /** Items holding an encrypted key (`encoded` + `encoding`); the rest are external/multisig/QR. */
      readonly withKey: number;
    }
  | { readonly format: 'address-book'; readonly count: number }
  | {
      readonly format: 'mnemonic';
      readonly wordCount: number;
      /** BIP39 English with a valid checksum (see checkMnemonic for why not). */
      readonly valid: boolean;
      readonly hasPath: boolean;
      readonly hasPassword: boolean;
    }
  | { readonly format: 'raw-seed'; readonly hasPath: boolean; readonly hasPassword: boolean }
  | { readonly format: 'dev-uri'; readonly hasPassword: boolean }
  | { readonly format: 'unknown'; readonly reason: string };

type Obj = Record<string, unknown>;

/** Longer texts are no format core reads (the batch and Apps-array limit, 64 MiB). */
const MAX_TEXT_LENGTH = 64 << 20;

/**
 * Detects the format of `input`: text as read from a file or a paste (a UTF-8 BOM is stripped,
 * CRLF and surrounding whitespace are fine), or an already parsed JSON value.
 * Formats: `keystore`, `batch` (extension "export all"), `subwallet-batch` (batch plus
 * `accountProxies`/`modifyPairs`), `apps-accounts` (Apps' export-all array), `address-book`
 * (Apps' `[{address, name, isFavorite}]`), `mnemonic`, `raw-seed` (`0x` + 64 hex), `dev-uri`
 * (`//Alice`), else `unknown` with a human `reason`. Never throws and never echoes secrets.
 *
 * @example detectFormat(fileText) // { format: 'keystore', version: '3', keyType: 'sr25519', encrypted: true, address: '5Grw…' }
 * @example detectFormat('hello') // { format: 'unknown', reason: 'text is not JSON and not a mnemonic' }
 */
export function detectFormat(input: unknown): Detected {
  try {
    if (typeof input === 'string') return detectText(input);
    return detectValue(input);
  } catch (e) {
    return unknown(`input could not be inspected (${e instanceof Error ? e.name : typeof e})`);
  }
}

function unknown(reason: string): Detected {
  return { format: 'unknown', reason };
}

function detectText(raw: string): Detected {
  if (raw.length > MAX_TEXT_LENGTH) {
    return unknown(`input is ${raw.length} characters; no format core reads is over ${MAX_TEXT_LENGTH}`);
  }
  const text = stripBom(raw).trim();
  if (text === '') return unknown('input is empty');
  if (text.startsWith('{') || text.startsWith('[')) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      if (!(e instanceof SyntaxError)) throw e;
      // The parser's message quotes the input, which may hold a secret: say where, not what.
      return unknown('text starts like JSON but does not parse as JSON');
    }
    return detectValue(value);
  }
  if (text.startsWith('"')) return unknown('text is a JSON string, not a JSON object or array');
  return detectSecretText(text);
}

function own(o: Obj, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

function detectValue(value: unknown): Detected {
  if (Array.isArray(value)) return detectArray(value);
  if (!isPlainObject(value))
    return unknown(`input is ${describeType(value)}, not text or a JSON object or array`);
  const encoding = own(value, 'encoding');
  if (encoding === undefined) {
    if (typeof own(value, 'encoded') === 'string') return unknown('JSON object with encoded but no encoding');
    if (typeof own(value, 'address') === 'string' && isPlainObject(own(value, 'meta'))) {
      return unknown(
        'JSON object with address and meta but no encoded key (an address entry, not a keystore)',
      );
    }
    return unknown('JSON object without encoding.content');
  }
  if (!isPlainObject(encoding)) return unknown('JSON object whose encoding is not an object');
  const content = own(encoding, 'content');
  const contents = typeof content === 'string' ? [content] : Array.isArray(content) ? content : null;
  if (contents === null || contents.length === 0) return unknown('JSON object without encoding.content');
  const types = own(encoding, 'type');
  const encrypted = (Array.isArray(types) ? types : [types]).includes('xsalsa20-poly1305');
  if (typeof own(value, 'encoded') !== 'string')
    return unknown('JSON object with encoding but no encoded string');
  if (contents.includes('batch-pkcs8')) return batch(value, encrypted, false);
  if (contents[0] !== 'pkcs8') {
    const first =
      typeof contents[0] === 'string' ? `"${contents[0].slice(0, 30)}"` : describeType(contents[0]);
    return unknown(`encoding.content starts with ${first}; expected "pkcs8" or "batch-pkcs8"`);
  }
  const version = String(own(encoding, 'version') ?? '');
  let keyType: KeyType | null = null;
  if (Array.isArray(content) && version !== '0' && content.length > 1) {
    const t = content[1];
    if (!KEY_TYPES.includes(t as KeyType)) {
      const shown = typeof t === 'string' ? `"${t.slice(0, 30)}"` : describeType(t);
      return unknown(`keystore key type ${shown} is not one of ${KEY_TYPES.join(', ')}`);
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

function batch(value: Obj, encrypted: boolean, wrapped: boolean): Detected {
  const accounts = own(value, 'accounts');
  const subwallet = own(value, 'accountProxies') !== undefined || own(value, 'modifyPairs') !== undefined;
  return {
    format: subwallet ? 'subwallet-batch' : 'batch',
    count: Array.isArray(accounts) ? accounts.length : 0,
    encrypted,
    wrapped,
  };
}

function detectArray(items: unknown[]): Detected {
  if (items.length === 0) return unknown('empty JSON array');
  if (items.length === 1 && isPlainObject(items[0])) {
    const inner = detectValue(items[0]);
    if (inner.format === 'batch' || inner.format === 'subwallet-batch') {
      return batch(items[0], inner.encrypted, true);
    }
  }
  let accounts = 0;
  let withKey = 0;
  let contacts = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!isPlainObject(item) || typeof own(item, 'address') !== 'string') {
      return unknown(`array item ${i + 1} is not an object with a string address`);
    }
    if (isPlainObject(own(item, 'meta'))) {
      accounts++;
      if (typeof own(item, 'encoded') === 'string' && isPlainObject(own(item, 'encoding'))) withKey++;
    } else if (typeof own(item, 'name') === 'string') {
      contacts++;
    } else {
      return unknown(
        `array item ${i + 1} has neither meta (an Apps account) nor name (an address-book entry)`,
      );
    }
    if (accounts > 0 && contacts > 0) {
      return unknown(
        'array mixes Apps accounts ({address, meta}) and address-book entries ({address, name})',
      );
    }
  }
  if (contacts > 0) return { format: 'address-book', count: contacts };
  return { format: 'apps-accounts', count: accounts, withKey };
}

function detectSecretText(text: string): Detected {
  const hasPassword = text.includes('///');
  if (text.startsWith('//')) {
    return /^(\/\/?[^/]+)+(\/\/\/.*)?$/su.test(text)
      ? { format: 'dev-uri', hasPassword }
      : unknown('text starts with // but is not a derivation path like //Alice');
  }
  const cut = text.indexOf('/');
  const head = (cut === -1 ? text : text.slice(0, cut)).trim();
  const hasPath = cut !== -1 && !text.slice(cut).startsWith('///');
  if (/^0x/i.test(head)) {
    if (/^0x[0-9a-f]{64}$/i.test(head)) return { format: 'raw-seed', hasPath, hasPassword };
    if (/^0x(?:[0-9a-f]{2})+$/i.test(head)) {
      const bytes = (head.length - 2) / 2;
      const hint = bytes === 64 ? ' (64 bytes looks like an expanded secret key, not a seed)' : '';
      return unknown(`0x hex of ${bytes} bytes; a seed is 32 bytes (64 hex digits)${hint}`);
    }
    return unknown('text starts with 0x but is not whole bytes of hex');
  }
  const words = normaliseMnemonic(head).split(' ');
  const known = words.filter(isMnemonicWord).length;
  if (words.length >= 6 && known * 4 >= words.length * 3) {
    return {
      format: 'mnemonic',
      wordCount: words.length,
      valid: checkMnemonic(head).ok,
      hasPath,
      hasPassword,
    };
  }
  if (MNEMONIC_WORD_COUNTS.includes(words.length)) {
    return unknown(`${words.length} words, but only ${known} are BIP39 English words`);
  }
  return unknown('text is not JSON and not a mnemonic');
}
