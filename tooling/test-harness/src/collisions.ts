// Keyring records as a hostile file or a damaged storage holds them: storage keys and `address`
// fields drawn independently from one small pool, so that records name each other's addresses,
// land on each other's keys when ui-keyring loads them (it stores each record under a key made
// from its own `address`), or fail to load. Used to hold keyport's model of Apps' load against
// the real ui-keyring.
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { base64Encode, encodeAddress } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { account, type HarnessAccount, KEY_TYPES } from './accounts.ts';
import { KNOWN_GENESIS } from './meta.ts';
import type { StorageRecord } from './storage.ts';
import { hostileString } from './strings.ts';

/**
 * A pool for {@link collidingRecords}: one account of each key type (drawn with `seed`) and its
 * keystore (`pair.toJson('pw')`). Call `await cryptoWaitReady()` first.
 *
 * @example const { pool, keystores } = collisionPool(11); collidingRecords({ pool, keystores })
 */
export function collisionPool(seed: number): {
  pool: HarnessAccount[];
  keystores: { encoded: string; encoding: unknown }[];
} {
  const pool = KEY_TYPES.map(
    (type, i) =>
      fc.sample(account({ types: [type], secretKinds: ['dev', 'seed'] }), { numRuns: 1, seed: seed + i })[0]!,
  );
  return { pool, keystores: pool.map((a) => a.pair.toJson('pw')) };
}

/** Options of {@link collidingRecords}. */
export interface CollidingOptions {
  /** Accounts whose addresses and keys the records reuse (a few of different key types). */
  readonly pool: readonly HarnessAccount[];
  /** Keystore JSON objects (pair.toJson) whose `encoded`/`encoding` the account records reuse. */
  readonly keystores?: readonly { encoded: string; encoding: unknown }[];
  /** Most records (default 8). */
  readonly maxRecords?: number;
  /** A time far in the past or the future of the test's clock for `whenCreated` (default now). */
  readonly now?: number;
}

const PREFIXES = ['account:', 'address:', 'contract:'] as const;

/**
 * A storage of `account:`/`address:`/`contract:` records with colliding keys and addresses:
 * keys are a pool account's own key (any prefix), its uppercase form, a random or empty hex, a
 * legacy SS58 key or junk; values are keystores (random `encoded`), keyless and address-book
 * records, contracts with and without an ABI, test/injected/recent records, and values that are
 * not records at all. Later duplicates of a key win.
 *
 * @example fc.property(collidingRecords({ pool }), (s) => expect(model(s)).toEqual(uiKeyring(s)))
 */
export function collidingRecords(opts: CollidingOptions): fc.Arbitrary<StorageRecord> {
  const pool = opts.pool;
  const now = opts.now ?? Date.now();
  const member = fc.constantFrom(...pool);
  const key = fc
    .tuple(
      fc.constantFrom(...PREFIXES, 'account:', 'account:', 'address:'),
      fc.oneof(
        { weight: 6, arbitrary: member.map((a) => a.storageKey.slice('account:'.length)) },
        {
          weight: 2,
          arbitrary: member.map((a) =>
            a.storageKey.slice('account:'.length).toUpperCase().replace('0X', '0x'),
          ),
        },
        { weight: 2, arbitrary: fc.uint8Array({ minLength: 0, maxLength: 33 }).map((b) => u8aToHex(b)) },
        { weight: 1, arbitrary: member.map((a) => a.address) },
        { weight: 1, arbitrary: fc.constantFrom('0xzz', '0x', 'junk', '0x00:extra') },
      ),
    )
    .map(([prefix, rest]) => prefix + rest);
  // The canonical SS58 (prefix 42, what a keyring loaded at 42 re-encodes) of a pool account's
  // own key, as a record filed under that key holds it; ethereum H160 keys have none.
  const canonical = member
    .filter((a) => a.storageKey.length === 'account:0x'.length + 64)
    .map((a) => encodeAddress(hexToU8a(a.storageKey.slice('account:'.length)), 42));
  const address = fc.oneof(
    { weight: 6, arbitrary: member.map((a) => a.jsonAddress) },
    { weight: 4, arbitrary: canonical },
    { weight: 2, arbitrary: member.map((a) => a.address) },
    // The canonical address with its last character changed: a checksum ui-keyring's decode of an
    // address-book entry ignores (it lists the re-encoded address).
    { weight: 1, arbitrary: canonical.map((a) => a.slice(0, -1) + (a.endsWith('2') ? '3' : '2')) },
    { weight: 1, arbitrary: member.map((a) => u8aToHex(a.publicKey)) },
    {
      weight: 1,
      arbitrary: member.map((a) => a.storageKey.slice('account:'.length).toUpperCase().replace('0X', '0x')),
    },
    { weight: 1, arbitrary: fc.constantFrom<unknown>('5F', '0x', '0x1', 42, null, undefined, '') },
  );
  const name = fc.oneof(fc.constantFrom('Alice', 'Bob', 'alice', 'Savings'), hostileString({ maxPieces: 2 }));
  const when = fc.constantFrom(0, now - 1e9, now + 1e9, '12', undefined);
  // Mostly plain flags; sometimes the rarer ones that change what ui-keyring does.
  const rarely = fc.constantFrom(false, false, false, true);
  const meta = fc.oneof(
    {
      weight: 8,
      arbitrary: fc.record(
        {
          name,
          whenCreated: when,
          isTesting: rarely,
          isInjected: rarely,
          isRecent: rarely,
          isExternal: fc.constant(true),
          genesisHash: fc.constantFrom(...KNOWN_GENESIS, null),
          contract: fc.oneof(
            fc.constant({ abi: '{}' }),
            fc.constantFrom(...KNOWN_GENESIS, null).map((genesisHash) => ({ abi: '{}', genesisHash })),
            fc.constant('yes'),
          ),
        },
        { requiredKeys: [] },
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 5, 'meta', [], undefined) },
  );
  const generated = fc.record({
    encoded: fc.oneof(
      { weight: 4, arbitrary: fc.uint8Array({ minLength: 60, maxLength: 120 }).map((b) => base64Encode(b)) },
      { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 40 }).map((b) => u8aToHex(b)) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>('', '!!', 7, undefined) },
    ),
    encoding: fc.oneof(
      {
        weight: 4,
        arbitrary: fc
          .tuple(fc.constantFrom('sr25519', 'ed25519', 'ecdsa', 'ethereum', 'rsa'), fc.boolean())
          .map(([type, scrypt]) => ({
            content: ['pkcs8', type],
            type: scrypt ? ['scrypt', 'xsalsa20-poly1305'] : ['none'],
            version: '3',
          })),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom<unknown>(
          { content: 'pkcs8', type: 'none', version: '2' },
          { content: ['pkcs8', 'sr25519'], type: 'xsalsa20-poly1305', version: '0' },
          {},
          null,
        ),
      },
    ),
  });
  const stored = (opts.keystores ?? []).map((k) => ({ encoded: k.encoded, encoding: k.encoding }));
  const keyPart = stored.length === 0 ? generated : fc.oneof(generated, fc.constantFrom(...stored));
  const keystoreLike = fc
    .tuple(address, keyPart, meta)
    .map(([address, { encoded, encoding }, meta]) => JSON.stringify({ address, encoded, encoding, meta }));
  const plain = fc.record({ address, meta }, { requiredKeys: ['meta'] }).map((r) => JSON.stringify(r));
  const junk = fc.constantFrom('', 'not json', '5', 'null', '[]', '"text"', '{}', '{"meta":{}}');
  const value = fc.oneof(
    { weight: 4, arbitrary: keystoreLike },
    { weight: 4, arbitrary: plain },
    { weight: 1, arbitrary: junk },
  );
  return fc
    .array(fc.tuple(key, value), { maxLength: opts.maxRecords ?? 8 })
    .map((pairs) => Object.fromEntries(pairs));
}
