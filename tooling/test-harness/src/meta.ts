// Account metadata as polkadot-js writers leave it (KeyringPair$Meta, docs/keystore-format.md §6), with
// hostile names and tags and free-form extra fields. Every value survives
// JSON.parse(JSON.stringify(meta)) unchanged, so "meta came back" can be checked with toEqual.
import fc from 'fast-check';
import { accountName, hostileString } from './strings.ts';

const HEX = '0123456789abcdef'.split('');

/**
 * `0x` + `bytes` random bytes as lowercase hex.
 *
 * @example hexBytes(32) // a genesis hash like '0x91b1…90c3'
 */
export function hexBytes(bytes: number): fc.Arbitrary<string> {
  return fc
    .string({ unit: fc.constantFrom(...HEX), minLength: bytes * 2, maxLength: bytes * 2 })
    .map((h) => `0x${h}`);
}

/** Genesis hashes of Polkadot, Kusama and Westend (docs/derivation.md §6), plus any 32-byte hash. */
export const KNOWN_GENESIS: readonly string[] = Object.freeze([
  '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3',
  '0xb0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe',
  '0xe143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e',
]);

/** `meta.genesisHash` as writers leave it: a known or random hash, null (Apps dev mode), or '' (extension "any chain"). */
export const genesisHash: fc.Arbitrary<string | null> = fc.oneof(
  fc.constantFrom(...KNOWN_GENESIS),
  hexBytes(32),
  fc.constant(null),
  fc.constant(''),
);

/** Millisecond timestamps between 2018 and 2100. */
export const timestamp: fc.Arbitrary<number> = fc.integer({ min: 1_514_764_800_000, max: 4_102_444_800_000 });

/**
 * The key keyport's parsers refuse with INVALID_INPUT (core's readJsonInput): `__proto__` can
 * reach a prototype through a later merge. Metadata carries it only when asked to;
 * `constructor` and `prototype` are ordinary keys and are drawn by default.
 */
export const PROTOTYPE_KEYS: readonly string[] = Object.freeze(['__proto__']);

function extraKey(prototypeKeys: boolean): fc.Arbitrary<string> {
  const known = fc.constantFrom(
    'source',
    'isHidden',
    'hardwareType',
    'parentAddress',
    'suri',
    'custom',
    'constructor',
    'prototype',
  );
  const hostile = hostileString({ minPieces: 1, maxPieces: 3 });
  if (prototypeKeys) return fc.oneof(known, hostile, fc.constantFrom(...PROTOTYPE_KEYS));
  return fc.oneof(
    known,
    hostile.filter((k) => !PROTOTYPE_KEYS.includes(k)),
  );
}

function hasPrototypeKey(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  if (Array.isArray(v)) return v.some(hasPrototypeKey);
  return Object.keys(v).some(
    (k) => PROTOTYPE_KEYS.includes(k) || hasPrototypeKey((v as Record<string, unknown>)[k]),
  );
}

/** JSON values that round-trip through JSON.stringify/parse (no -0, no undefined, no NaN). */
function jsonSafe(prototypeKeys: boolean): fc.Arbitrary<unknown> {
  const v = fc.jsonValue({ maxDepth: 2 }).map((x) => JSON.parse(JSON.stringify(x)) as unknown);
  return prototypeKeys ? v : v.filter((x) => !hasPrototypeKey(x));
}

/** Options for {@link accountMeta}. */
export interface MetaOptions {
  /** Allow very long names (10k+ characters) now and then (default false). */
  long?: boolean;
  /** Add free-form extra fields with hostile keys and JSON values (default true). */
  extras?: boolean;
  /** Let extra fields (and nested JSON) use the refused `__proto__` key (default false). */
  prototypeKeys?: boolean;
}

/**
 * `KeyringPair$Meta`-like objects: always `name` and `whenCreated`, sometimes `genesisHash`,
 * `tags`, `whenEdited`, `isHardware`, `isTesting` and free-form extras with hostile keys
 * (with `prototypeKeys`, also an own `__proto__` key: built with Object.fromEntries, so it is
 * data, not a prototype).
 *
 * @example fc.property(accountMeta(), (meta) => expect(restore(export(meta))).toEqual(meta))
 */
export function accountMeta(opts: MetaOptions = {}): fc.Arbitrary<Record<string, unknown>> {
  const base = fc.record(
    {
      name: accountName({ long: opts.long ?? false }),
      whenCreated: timestamp,
      genesisHash,
      tags: fc.array(hostileString({ maxPieces: 3 }), { maxLength: 3 }),
      whenEdited: timestamp,
      // Apps' Create modal writes false; true marks a keyless Ledger account (keylessJson's job).
      isHardware: fc.constant(false),
      isTesting: fc.boolean(),
    },
    { requiredKeys: ['name', 'whenCreated'] },
  );
  const extras =
    opts.extras === false
      ? fc.constant([] as [string, unknown][])
      : fc.array(fc.tuple(extraKey(opts.prototypeKeys ?? false), jsonSafe(opts.prototypeKeys ?? false)), {
          maxLength: 3,
        });
  return fc.tuple(base, extras).map(([b, more]) => {
    const known = new Set(Object.keys(b));
    const kept = more.filter(([k]) => !known.has(k));
    return Object.fromEntries([...Object.entries(b), ...kept]);
  });
}
