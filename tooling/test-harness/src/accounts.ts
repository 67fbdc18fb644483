// Accounts of every key type and derivation, built by the real @polkadot/keyring (the reference
// keyport must match), never by keyport itself. Call `await cryptoWaitReady()` once (beforeAll)
// before drawing from these arbitraries.
import { Keyring } from '@polkadot/keyring';
import { DEV_PHRASE } from '@polkadot/keyring/defaults';
import { decodePair } from '@polkadot/keyring/pair/decode';
import type { KeyringPair } from '@polkadot/keyring/types';
import { u8aToHex } from '@polkadot/util';
import { decodeAddress } from '@polkadot/util-crypto';
import { entropyToMnemonic } from '@polkadot/util-crypto/mnemonic/bip39';
import fc from 'fast-check';
import { accountMeta, type MetaOptions } from './meta.ts';

/** The four key types polkadot-js keystores carry. */
export const KEY_TYPES = Object.freeze(['sr25519', 'ed25519', 'ecdsa', 'ethereum'] as const);

/** One of {@link KEY_TYPES}. */
export type KeyType = (typeof KEY_TYPES)[number];

/** An account drawn by {@link account}: the SURI, what the real keyring made of it, and meta. */
export interface HarnessAccount {
  /** The SURI given to `Keyring.createFromUri` (phrase or seed plus path). Secret: never print it. */
  uri: string;
  /** How the secret was given: BIP39 mnemonic, 0x seed, dev phrase (`//Alice`), or a short raw seed. */
  secretKind: 'mnemonic' | 'seed' | 'dev' | 'raw';
  type: KeyType;
  /** The SS58 prefix the address is written in (unused for ethereum). */
  ss58: number;
  /** JSON-stable metadata (see accountMeta). */
  meta: Record<string, unknown>;
  /** The unlocked @polkadot/keyring pair. Do not lock it: fast-check may reuse the value. */
  pair: KeyringPair;
  /** The public key as the keystore stores it (32 bytes; 33 compressed for ecdsa/ethereum). */
  publicKey: Uint8Array;
  /** The secret as the PKCS8 body stores it (64 bytes sr/ed25519, 32 ecdsa/ethereum). */
  secretKey: Uint8Array;
  /** `pair.address`: SS58 at `ss58`, or the checksummed H160 for ethereum. */
  address: string;
  /** What a keystore's `address` field holds: SS58, or the 0x compressed key for ecdsa/ethereum. */
  jsonAddress: string;
  /** The key ui-keyring stores it under: `account:0x` + account id (H160 for ethereum). */
  storageKey: string;
}

/** Options for {@link account}. */
export interface AccountOptions {
  /** Restrict the key types (default all four). */
  types?: readonly KeyType[];
  /** Restrict the secret kinds (default all). */
  secretKinds?: readonly HarnessAccount['secretKind'][];
  /** Options for the generated meta. */
  meta?: MetaOptions;
}

const junctionText = fc.oneof(
  fc.nat({ max: 2 ** 31 - 1 }).map(String),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,9}$/),
  fc.constantFrom('polkadot', 'kusama', 'westend', 'Alice', 'stash', '0x01020304'),
);

/** Substrate HDKD path: sr25519 takes hard and soft junctions, ed25519/ecdsa hard only. */
function substratePath(type: KeyType): fc.Arbitrary<string> {
  const sep = type === 'sr25519' ? fc.constantFrom('//', '/') : fc.constant('//');
  return fc
    .array(fc.tuple(sep, junctionText), { maxLength: 3 })
    .map((parts) => parts.map(([s, j]) => s + j).join(''));
}

/** BIP44 path for ethereum mnemonics; '' means the BIP32 master key (what polkadot-js does with no path). */
const ethereumPath: fc.Arbitrary<string> = fc.oneof(
  fc.constant("/m/44'/60'/0'/0/0"),
  fc.tuple(fc.nat({ max: 5 }), fc.nat({ max: 20 })).map(([a, i]) => `/m/44'/60'/${a}'/0/${i}`),
  fc.constant(''),
);

/** The `///password` part (mnemonics only; ignored by polkadot-js for ethereum and hex seeds). */
const mnemonicPassword = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9 ]{1,12}$/).map((p) => `///${p}`) },
);

const mnemonic = fc
  .constantFrom(16, 20, 24, 28, 32)
  .chain((n) => fc.uint8Array({ minLength: n, maxLength: n }))
  .map((entropy) => entropyToMnemonic(entropy));

const hexSeed = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => u8aToHex(b));

/** A SURI of the given kind and key type, valid for polkadot-js's createFromUri. */
function suri(kind: HarnessAccount['secretKind'], type: KeyType): fc.Arbitrary<string> {
  const path = type === 'ethereum' ? ethereumPath : substratePath(type);
  switch (kind) {
    case 'mnemonic':
      return fc
        .tuple(mnemonic, path, type === 'ethereum' ? fc.constant('') : mnemonicPassword)
        .map(([m, p, pw]) => m + p + pw);
    case 'seed':
      // polkadot-js derives an ethereum hex seed "only once": no path.
      return type === 'ethereum' ? hexSeed : fc.tuple(hexSeed, path).map(([s, p]) => s + p);
    case 'dev':
      return type === 'ethereum'
        ? fc.constant(`${DEV_PHRASE}/m/44'/60'/0'/0/0`)
        : fc
            .tuple(fc.constantFrom('Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'), path)
            .map(([n, p]) => `//${n}${p}`);
    case 'raw':
      // Up to 32 characters, padded with spaces by polkadot-js (the `Alice` test pairs' form).
      return fc.stringMatching(/^[A-Za-z0-9]{1,32}$/);
  }
}

/** Known SS58 prefixes (Polkadot, Kusama, generic, Astar, a two-byte one) or any valid one. */
export const ss58Prefix: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, 2, 42, 5, 1284),
  fc.integer({ min: 0, max: 16383 }).filter((n) => n !== 46 && n !== 47),
);

/**
 * Makes the HarnessAccount for one SURI with the real keyring (no fast-check involved), for
 * fixed cases beside the properties.
 *
 * @example const alice = makeAccount('//Alice', 'sr25519', 42, { name: 'Alice' })
 */
export function makeAccount(
  uri: string,
  type: KeyType,
  ss58: number,
  meta: Record<string, unknown>,
  secretKind: HarnessAccount['secretKind'] = 'mnemonic',
): HarnessAccount {
  const keyring = new Keyring({ type, ss58Format: ss58 });
  const pair = keyring.createFromUri(uri, meta, type);
  const plain = pair.encodePkcs8();
  const secretKey = decodePair(undefined, plain, ['none']).secretKey.slice();
  plain.fill(0);
  const json = pair.toJson();
  const shown = `makeAccount(${JSON.stringify(uri)}, '${type}', ${ss58}, ${fc.stringify(meta)}, '${secretKind}')`;
  const made: HarnessAccount = {
    uri,
    secretKind,
    type,
    ss58,
    meta,
    pair,
    publicKey: pair.publicKey.slice(),
    secretKey,
    address: pair.address,
    jsonAddress: json.address,
    storageKey: `account:${u8aToHex(decodeAddress(pair.address, true))}`,
  };
  // fast-check prints counterexamples with this: the call that rebuilds the account, not the pair.
  Object.defineProperty(made, fc.toStringMethod, { value: () => shown, enumerable: false });
  return made;
}

/**
 * Accounts of every key type and secret kind (mnemonic of 12–24 words, 0x seed, dev phrase,
 * short raw seed) with derivation paths (`//hard`, `/soft` for sr25519, `///password`, BIP44 for
 * ethereum) at any SS58 prefix, made by the real @polkadot/keyring, with hostile meta.
 *
 * @example
 * fc.asyncProperty(account(), password(), async (a, pw) => {
 *   const json = await createKeystore(toUnlocked(a), pw, { params: COMPAT_SCRYPT });
 *   expect((await openKeystore(json, pw)).publicKey).toEqual(a.publicKey);
 * })
 */
export function account(opts: AccountOptions = {}): fc.Arbitrary<HarnessAccount> {
  const types = opts.types ?? KEY_TYPES;
  const kinds = opts.secretKinds ?? (['mnemonic', 'seed', 'dev', 'raw'] as const);
  return fc
    .tuple(fc.constantFrom(...types), fc.constantFrom(...kinds))
    .chain(([type, kind]) =>
      fc.record({
        type: fc.constant(type),
        kind: fc.constant(kind),
        uri: suri(kind, type),
        ss58: ss58Prefix,
        meta: accountMeta(opts.meta),
      }),
    )
    .map(({ type, kind, uri, ss58, meta }) => makeAccount(uri, type, ss58, meta, kind));
}

/**
 * A keyless copy of an account as ui-keyring's addExternal stores it (QR, Ledger, multisig):
 * `encoding.type` `['none']`, a PKCS8 body with no secret, `meta.isExternal: true`.
 *
 * @example keylessJson(alice) // { encoded: 'MFMC…', encoding: { type: ['none'], … }, address, meta }
 */
export function keylessJson(a: HarnessAccount): ReturnType<KeyringPair['toJson']> {
  const keyring = new Keyring({ type: a.type, ss58Format: a.ss58 });
  const external = keyring.addFromAddress(a.jsonAddress, { ...a.meta, isExternal: true }, null, a.type);
  return external.toJson();
}
