// The hostile-input table every keyport parser is looped over (STYLE.md "Tests"). Reusable:
// GENERIC_HOSTILE holds inputs no parser of a JSON object or array format may accept;
// keystoreCases/batchCases/appsAccountsCases/addressBookCases mutate a valid document field by
// field. Each case names the KeyportError code it must raise. Inputs are built lazily (`make`),
// so the 64 MiB one costs nothing until used.

/** One hostile input and the code a parser must throw for it. */
export interface HostileCase {
  readonly name: string;
  readonly make: () => unknown;
  /** The KeyportError code expected from a shape check (parse*). */
  readonly code: string;
  /** The code expected when a password is tried too (open*), when it differs. */
  readonly openCode?: string;
}

type Doc = Record<string, unknown>;

const clone = (doc: Doc): Doc => JSON.parse(JSON.stringify(doc)) as Doc;

/** Sets `path` (dot-separated) in a copy of `doc` (`undefined` deletes). */
export function withField(doc: Doc, path: string, value: unknown): Doc {
  const copy = clone(doc);
  const keys = path.split('.');
  let node = copy as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
  const last = keys[keys.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

/** Class with a getter: not plain JSON data. */
class Pretender {
  get encoded(): string {
    throw new Error('a getter ran');
  }
}

/** 64 MiB + 1: over every limit keyport has. */
export const HUGE_LENGTH = 64 * 2 ** 20 + 1;

/** Inputs that every parser of a JSON object or array format must refuse with INVALID_INPUT. */
export const GENERIC_HOSTILE: readonly HostileCase[] = [
  { name: 'empty text', make: () => '', code: 'INVALID_INPUT' },
  { name: 'not JSON', make: () => 'hello', code: 'INVALID_INPUT' },
  { name: 'truncated JSON', make: () => '{"encoded":"abc","encoding":{"conte', code: 'INVALID_INPUT' },
  { name: 'truncated array', make: () => '[{"address":"5G', code: 'INVALID_INPUT' },
  { name: 'JSON null', make: () => 'null', code: 'INVALID_INPUT' },
  { name: 'JSON number', make: () => '42', code: 'INVALID_INPUT' },
  { name: 'JSON string', make: () => '"{}"', code: 'INVALID_INPUT' },
  { name: 'JSON true', make: () => 'true', code: 'INVALID_INPUT' },
  { name: 'a lone surrogate as text', make: () => '\ud800', code: 'INVALID_INPUT' },
  { name: 'a lone surrogate inside a JSON string', make: () => '{"a":"\\ud800"}', code: 'INVALID_INPUT' },
  { name: 'text over 64 MiB', make: () => ' '.repeat(HUGE_LENGTH), code: 'INVALID_INPUT' },
  {
    name: '100 000 nested arrays',
    make: () => '['.repeat(100_000) + ']'.repeat(100_000),
    code: 'INVALID_INPUT',
  },
  { name: 'unclosed nesting', make: () => '{"a":'.repeat(50_000), code: 'INVALID_INPUT' },
  { name: '__proto__ key at the top', make: () => '{"__proto__":{"polluted":true}}', code: 'INVALID_INPUT' },
  { name: '__proto__ key in a list', make: () => '[{"__proto__":{"polluted":true}}]', code: 'INVALID_INPUT' },
  { name: 'undefined', make: () => undefined, code: 'INVALID_INPUT' },
  { name: 'null value', make: () => null, code: 'INVALID_INPUT' },
  { name: 'a number value', make: () => 3, code: 'INVALID_INPUT' },
  { name: 'a bigint', make: () => 10n, code: 'INVALID_INPUT' },
  { name: 'a function', make: () => () => 1, code: 'INVALID_INPUT' },
  { name: 'a symbol', make: () => Symbol('x'), code: 'INVALID_INPUT' },
  { name: 'a Uint8Array', make: () => new Uint8Array(4), code: 'INVALID_INPUT' },
  { name: 'a Date', make: () => new Date(0), code: 'INVALID_INPUT' },
  { name: 'a Map', make: () => new Map(), code: 'INVALID_INPUT' },
  { name: 'a class instance with a getter', make: () => new Pretender(), code: 'INVALID_INPUT' },
  {
    name: 'an object with a throwing getter',
    make: () =>
      Object.defineProperty({}, 'encoded', {
        enumerable: true,
        get() {
          throw new Error('a getter ran');
        },
      }),
    code: 'INVALID_INPUT',
  },
  {
    name: 'a cycle',
    make: () => {
      const a: Doc = { meta: {} };
      (a.meta as Doc).self = a;
      return a;
    },
    code: 'INVALID_INPUT',
  },
  { name: 'NaN inside', make: () => ({ encoded: Number.NaN }), code: 'INVALID_INPUT' },
  {
    name: 'an own __proto__ key in a value',
    make: () => JSON.parse('{"meta":{"__proto__":{"isAdmin":true}}}') as unknown,
    code: 'INVALID_INPUT',
  },
];

const WRONG_TYPES: readonly [string, unknown][] = [
  ['null', null],
  ['a number', 7],
  ['a boolean', true],
  ['an array', []],
  ['an object', {}],
];

/**
 * Field-by-field mutations of a valid keystore (an object as parsed from JSON). `openCode` is
 * set where only decryption can tell (a flipped ciphertext bit is WRONG_PASSWORD).
 */
export function keystoreCases(valid: Doc): HostileCase[] {
  const cases: HostileCase[] = [];
  const put = (name: string, path: string, value: unknown, code: string, openCode?: string) =>
    cases.push({ name, make: () => withField(valid, path, value), code, ...(openCode ? { openCode } : {}) });
  for (const [what, v] of WRONG_TYPES) {
    if (what !== 'an object') put(`encoding as ${what}`, 'encoding', v, 'INVALID_INPUT');
    put(`encoded as ${what}`, 'encoded', v, 'INVALID_INPUT');
    put(`address as ${what}`, 'address', v, 'INVALID_INPUT');
    put(`encoding.version as ${what}`, 'encoding.version', v, 'INVALID_INPUT');
    put(`encoding.type as ${what}`, 'encoding.type', v, 'INVALID_INPUT');
    if (what !== 'an object') put(`meta as ${what}`, 'meta', v, 'INVALID_INPUT');
    if (what !== 'an array') put(`encoding.content as ${what}`, 'encoding.content', v, 'INVALID_INPUT');
  }
  cases.push({ name: 'the keystore inside an array', make: () => [valid], code: 'INVALID_INPUT' });
  put('no encoding', 'encoding', undefined, 'INVALID_INPUT');
  put('no encoded', 'encoded', undefined, 'INVALID_INPUT');
  put('no address', 'address', undefined, 'INVALID_INPUT');
  put('version 3 as a number', 'encoding.version', 3, 'INVALID_INPUT');
  put("version '4'", 'encoding.version', '4', 'UNSUPPORTED_VERSION');
  put("version ''", 'encoding.version', '', 'UNSUPPORTED_VERSION');
  put('version with a lone surrogate', 'encoding.version', '3\ud800', 'UNSUPPORTED_VERSION');
  put('key type bls12', 'encoding.content', ['pkcs8', 'bls12'], 'UNSUPPORTED_KEY_TYPE');
  put('key type missing', 'encoding.content', ['pkcs8'], 'INVALID_INPUT');
  put('key type as a number', 'encoding.content', ['pkcs8', 1], 'INVALID_INPUT');
  put('a batch content', 'encoding.content', ['batch-pkcs8'], 'UNSUPPORTED_FORMAT');
  put('content der', 'encoding.content', ['der', 'sr25519'], 'UNSUPPORTED_FORMAT');
  put("type ['aes-256-gcm']", 'encoding.type', ['aes-256-gcm'], 'UNSUPPORTED_FORMAT');
  put("type ['scrypt'] alone", 'encoding.type', ['scrypt'], 'UNSUPPORTED_FORMAT');
  put("type ['none', 'scrypt']", 'encoding.type', ['none', 'scrypt'], 'UNSUPPORTED_FORMAT');
  put('type []', 'encoding.type', [], 'INVALID_INPUT');
  put('encoded empty', 'encoded', '', 'CORRUPT_DATA');
  put('encoded truncated', 'encoded', String(valid.encoded).slice(0, 40), 'CORRUPT_DATA');
  put('encoded odd-length hex', 'encoded', '0xabc', 'CORRUPT_DATA');
  put('encoded non-hex after 0x', 'encoded', `0x${'zz'.repeat(120)}`, 'CORRUPT_DATA');
  put(
    'encoded with a stray character',
    'encoded',
    `${String(valid.encoded).slice(0, -4)}*AAA`,
    'CORRUPT_DATA',
  );
  put(
    'encoded with a lone surrogate',
    'encoded',
    `${String(valid.encoded).slice(0, -1)}\ud800`,
    'CORRUPT_DATA',
  );
  put('encoded of 500 000 characters', 'encoded', 'A'.repeat(500_000), 'CORRUPT_DATA');
  put('encoded of 2 MiB', 'encoded', 'A'.repeat(2 * 2 ** 20), 'INVALID_INPUT');
  put('address empty', 'address', '', 'CORRUPT_DATA');
  put('address not SS58', 'address', 'not-an-address', 'CORRUPT_DATA');
  put(
    'address with a bad checksum',
    'address',
    '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ',
    'CORRUPT_DATA',
  );
  put('address odd-length hex', 'address', '0x123', 'CORRUPT_DATA');
  put('address hex of 5 bytes', 'address', '0x0102030405', 'CORRUPT_DATA');
  put('address with a lone surrogate', 'address', '5Grw\udc00', 'CORRUPT_DATA');
  put('address of 500 000 characters', 'address', '5'.repeat(500_000), 'CORRUPT_DATA');
  put('name of 2 MiB', 'meta', { name: 'n'.repeat(2 * 2 ** 20) }, 'INVALID_INPUT');
  cases.push({
    name: '__proto__ inside meta',
    make: () => JSON.stringify(valid).replace('"meta":{', '"meta":{"__proto__":{"isAdmin":true},'),
    code: 'INVALID_INPUT',
  });
  cases.push({
    name: 'meta 40 levels deep',
    make: () => withField(valid, 'meta', JSON.parse(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`)),
    code: 'INVALID_INPUT',
  });
  cases.push({
    name: 'one flipped bit in the ciphertext',
    make: () => {
      const bytes = Uint8Array.from(atob(String(valid.encoded)), (c) => c.charCodeAt(0));
      bytes[bytes.length - 3]! ^= 0x10;
      return withField(valid, 'encoded', btoa(String.fromCharCode(...bytes)));
    },
    code: 'OK',
    openCode: 'WRONG_PASSWORD',
  });
  cases.push({
    name: 'scrypt p raised to 10 in the header',
    make: () => {
      const bytes = Uint8Array.from(atob(String(valid.encoded)), (c) => c.charCodeAt(0));
      bytes[36] = 10;
      return withField(valid, 'encoded', btoa(String.fromCharCode(...bytes)));
    },
    code: 'OK',
    openCode: 'UNSAFE_SCRYPT_PARAMS',
  });
  return cases;
}

/** Field-by-field mutations of a valid batch file (an object as parsed from JSON). */
export function batchCases(valid: Doc): HostileCase[] {
  const cases: HostileCase[] = [];
  const put = (name: string, path: string, value: unknown, code: string, openCode?: string) =>
    cases.push({ name, make: () => withField(valid, path, value), code, ...(openCode ? { openCode } : {}) });
  for (const [what, v] of WRONG_TYPES) {
    if (what !== 'an object') put(`encoding as ${what}`, 'encoding', v, 'INVALID_INPUT');
    put(`encoded as ${what}`, 'encoded', v, 'INVALID_INPUT');
    if (what !== 'an array') put(`accounts as ${what}`, 'accounts', v, 'INVALID_INPUT');
    put(`encoding.version as ${what}`, 'encoding.version', v, 'INVALID_INPUT');
    put(`encoding.type as ${what}`, 'encoding.type', v, 'INVALID_INPUT');
    if (what !== 'an array') put(`encoding.content as ${what}`, 'encoding.content', v, 'INVALID_INPUT');
    if (what !== 'an object') put(`accountProxies as ${what}`, 'accountProxies', v, 'INVALID_INPUT');
    if (what !== 'an object') put(`modifyPairs as ${what}`, 'modifyPairs', v, 'INVALID_INPUT');
  }
  cases.push({ name: 'the batch inside an array', make: () => [valid], code: 'INVALID_INPUT' });
  put('accounts[0] as a string', 'accounts', ['5Grw'], 'INVALID_INPUT');
  put('accounts[0] without meta', 'accounts', [{ address: '5Grw' }], 'INVALID_INPUT');
  put('a single-keystore content', 'encoding.content', ['pkcs8', 'sr25519'], 'UNSUPPORTED_FORMAT');
  put("version '9'", 'encoding.version', '9', 'UNSUPPORTED_VERSION');
  put("type ['rot13']", 'encoding.type', ['rot13'], 'UNSUPPORTED_FORMAT');
  put('encoded odd-length hex', 'encoded', '0x123', 'CORRUPT_DATA');
  put('encoded with a lone surrogate', 'encoded', 'AAA\ud800', 'CORRUPT_DATA');
  put('encoded truncated to 8 bytes', 'encoded', 'AAAAAAAAAAA=', 'OK', 'CORRUPT_DATA');
  cases.push({
    name: 'one flipped bit in the ciphertext',
    make: () => {
      const bytes = Uint8Array.from(atob(String(valid.encoded)), (c) => c.charCodeAt(0));
      bytes[bytes.length - 1]! ^= 1;
      return withField(valid, 'encoded', btoa(String.fromCharCode(...bytes)));
    },
    code: 'OK',
    openCode: 'WRONG_PASSWORD',
  });
  return cases;
}

/** Mutations of a valid Apps "export all" array (keystore at [0], keyless entry at [1]). */
export function appsAccountsCases(valid: Doc[]): HostileCase[] {
  const at = (i: number, path: string, value: unknown) => () => {
    const list = valid.map(clone);
    list[i] = withField(list[i]!, path, value);
    return list;
  };
  return [
    { name: 'an object instead of an array', make: () => valid[0], code: 'INVALID_INPUT' },
    { name: 'an item that is a string', make: () => ['x'], code: 'INVALID_INPUT' },
    { name: 'an item that is null', make: () => [null], code: 'INVALID_INPUT' },
    { name: 'an item that is an array', make: () => [[valid[0]]], code: 'INVALID_INPUT' },
    { name: 'address as a number', make: at(1, 'address', 5), code: 'INVALID_INPUT' },
    { name: 'meta as null', make: at(1, 'meta', null), code: 'INVALID_INPUT' },
    { name: 'meta as an array', make: at(0, 'meta', []), code: 'INVALID_INPUT' },
    { name: 'keyless address not SS58', make: at(1, 'address', 'nope'), code: 'INVALID_ADDRESS' },
    { name: 'keyless address odd hex', make: at(1, 'address', '0x123'), code: 'INVALID_ADDRESS' },
    { name: 'publicKey with a byte of 256', make: at(1, 'publicKey', { 0: 256 }), code: 'INVALID_INPUT' },
    { name: 'publicKey with a gap', make: at(1, 'publicKey', { 0: 1, 2: 3 }), code: 'INVALID_INPUT' },
    { name: 'publicKey as a string', make: at(1, 'publicKey', 'abc'), code: 'INVALID_INPUT' },
    { name: 'addressRaw of another key', make: at(1, 'addressRaw', { 0: 1 }), code: 'ADDRESS_MISMATCH' },
    { name: 'type as a number', make: at(1, 'type', 1), code: 'INVALID_INPUT' },
    { name: 'keystore version 7', make: at(0, 'encoding.version', '7'), code: 'UNSUPPORTED_VERSION' },
    {
      name: 'keystore key type bls',
      make: at(0, 'encoding.content', ['pkcs8', 'bls']),
      code: 'UNSUPPORTED_KEY_TYPE',
    },
    { name: 'keystore encoded odd hex', make: at(0, 'encoded', '0x1'), code: 'CORRUPT_DATA' },
  ];
}

/** Mutations of a valid Apps address-book array. */
export function addressBookCases(valid: Doc[]): HostileCase[] {
  const at = (path: string, value: unknown) => () => [withField(valid[0]!, path, value)];
  return [
    { name: 'an object instead of an array', make: () => valid[0], code: 'INVALID_INPUT' },
    { name: 'an item that is a number', make: () => [1], code: 'INVALID_INPUT' },
    { name: 'address missing', make: at('address', undefined), code: 'INVALID_INPUT' },
    { name: 'address as an object', make: at('address', {}), code: 'INVALID_INPUT' },
    { name: 'address not SS58', make: at('address', 'bob'), code: 'INVALID_ADDRESS' },
    { name: 'address with a lone surrogate', make: at('address', '5Grw\ud800'), code: 'INVALID_ADDRESS' },
    {
      name: 'address of 500 000 characters',
      make: at('address', '5'.repeat(500_000)),
      code: 'INVALID_ADDRESS',
    },
    { name: 'name as a number', make: at('name', 5), code: 'INVALID_INPUT' },
    { name: 'isFavorite as a string', make: at('isFavorite', 'yes'), code: 'INVALID_INPUT' },
  ];
}
