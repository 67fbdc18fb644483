// keyport locate: upstream vectors (test/vectors/locate.ts), the reference derivations for
// random phrases (deriveAccount = createFromUri, hdLedger), password guesses, raw secret keys,
// not-found counts and cancelling.
import { fcParams, rejectsWithCode, throwsWithCode } from '@keyport/test-harness';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import {
  cryptoWaitReady,
  hdLedger,
  keyExtractPath,
  keyFromPath,
  mnemonicToMiniSecret,
  sr25519PairFromSeed,
} from '@polkadot/util-crypto';
import { entropyToMnemonic } from '@polkadot/util-crypto/mnemonic/bip39';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveAccount } from '../src/derive/derive.ts';
import { families } from '../src/locate/families.ts';
import { KeyCache } from '../src/locate/keys.ts';
import { locate } from '../src/locate/locate.ts';
import { readLocateSecret } from '../src/locate/secret.ts';
import { parseTarget } from '../src/locate/target.ts';
import { encodeSs58 } from '../src/networks/ss58.ts';
import { DEV, LOCATE_VECTORS, SR25519_ENCODINGS } from './vectors/locate.ts';

beforeAll(() => cryptoWaitReady());

async function find(secret: string, address: string, options = {}) {
  return locate(readLocateSecret(secret), parseTarget(address), options);
}

describe('locate', () => {
  it('finds every upstream vector with its key type and path', async () => {
    for (const v of LOCATE_VECTORS) {
      const result = await find(v.secret, v.address, { deep: v.deep === true });
      expect(result.found ? v.source : `${v.source}: not found`).toBe(v.source);
      if (result.found)
        expect({ source: v.source, type: result.hit.type, path: result.hit.path }).toEqual({
          source: v.source,
          type: v.type,
          path: v.path,
        });
    }
  });

  it('finds an address given as a 0x public key, in any SS58 prefix, and an ecdsa key by its AccountId', async () => {
    const kusama = await deriveAccount({ secret: DEV, path: '//7', ss58: 2 });
    const byKey = await find(DEV, u8aToHex(kusama.publicKey));
    expect(byKey.found && byKey.hit.path).toBe('//7');
    expect((await find(DEV, kusama.address)).found).toBe(true);
    const ecdsa = await deriveAccount({ secret: DEV, type: 'ecdsa', path: '//3' });
    const hit = await find(DEV, ecdsa.address);
    expect(hit.found && { type: hit.hit.type, path: hit.hit.path }).toEqual({ type: 'ecdsa', path: '//3' });
    const byPublic = await find(DEV, u8aToHex(ecdsa.publicKey));
    expect(byPublic.found && byPublic.hit.type).toBe('ecdsa');
  });

  it('the cached search equals createFromUri (deriveAccount) and hdLedger for random phrases and candidates', async () => {
    const picks = fc.oneof(
      fc.nat({ max: 19 }).map((i) => ({ type: 'sr25519', path: `//polkadot//${i}` })),
      fc.nat({ max: 99 }).map((i) => ({ type: 'sr25519', path: `//${i}` })),
      fc.nat({ max: 19 }).map((i) => ({ type: 'sr25519', path: `/${i}` })),
      fc.nat({ max: 99 }).map((i) => ({ type: 'ed25519', path: `//${i}` })),
      fc.nat({ max: 99 }).map((i) => ({ type: 'ethereum', path: `m/44'/60'/0'/0/${i}` })),
      fc.tuple(fc.constantFrom(354, 434), fc.nat({ max: 19 }), fc.nat({ max: 19 })).map(([s, a, i]) => ({
        type: 'ed25519-ledger',
        path: `m/44'/${s}'/${a}'/0'/${i}'`,
      })),
    );
    const cases = fc.sample(fc.tuple(fc.uint8Array({ minLength: 16, maxLength: 16 }), picks), fcParams(0.05));
    for (const [entropy, pick] of cases) {
      const phrase = entropyToMnemonic(entropy);
      let address: string;
      if (pick.type === 'ed25519-ledger') address = encodeSs58(hdLedger(phrase, pick.path).publicKey, 0);
      else {
        const type = pick.type as 'sr25519' | 'ed25519' | 'ethereum';
        const path = type === 'ethereum' ? `/${pick.path}` : pick.path;
        address = (await deriveAccount({ secret: phrase, type, path })).address;
      }
      const result = await find(phrase, address);
      expect(result.found && { type: result.hit.type, path: result.hit.path }).toEqual(pick);
    }
  });

  it("the cache's sr25519 keys (wasm steps) have util-crypto keyFromPath's public keys and secret scalars", () => {
    const junction = fc.tuple(
      fc.boolean(),
      fc.oneof(fc.nat({ max: 200 }).map(String), fc.constantFrom('polkadot', 'kusama', 'x y')),
    );
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.array(junction, { minLength: 1, maxLength: 4 }),
        (seed, steps) => {
          const path = steps.map(([soft, name]) => `${soft ? '/' : '//'}${name}`).join('');
          const cache = new KeyCache({ seed: seed.slice() }, '');
          const mine = cache.pair('sr25519', path);
          const theirs = keyFromPath(sr25519PairFromSeed(seed), keyExtractPath(path).path, 'sr25519');
          expect(u8aToHex(mine.publicKey)).toBe(u8aToHex(theirs.publicKey));
          expect(u8aToHex(mine.secretKey.subarray(0, 32))).toBe(u8aToHex(theirs.secretKey.subarray(0, 32)));
          cache.wipe();
        },
      ),
      fcParams(0.3),
    );
  });

  it('a path written after the secret is tried first', async () => {
    const target = await deriveAccount({ secret: DEV, path: '//foo/bar' });
    const result = await find(`${DEV}//foo/bar`, target.address);
    expect(result.found && result.hit.family).toBe('given');
    expect(result.searched).toBe(1);
  });

  it('password guesses: the hit names the guess, never the password', async () => {
    const target = await deriveAccount({ secret: `${DEV}//polkadot///hunter2` });
    const miss = await find(DEV, target.address);
    expect(miss.found).toBe(false);
    const result = await find(DEV, target.address, { passwords: ['nope', 'hunter2'] });
    expect(result.found && result.hit).toMatchObject({ type: 'sr25519', path: '//polkadot', password: 2 });
    expect(
      JSON.stringify({ ...result, hit: result.found ? { ...result.hit, publicKey: 0 } : 0 }),
    ).not.toContain('hunter2');
  });

  it('nothing found: searched counts every candidate of every family that applies', async () => {
    const other = await deriveAccount({ secret: DEV, path: '//not-searched' });
    const result = await find(DEV, other.address);
    expect(result.found).toBe(false);
    const total = families({ deep: false, prefix: 42 })
      .filter((f) => f.keyTypes.some((t) => t !== 'ethereum'))
      .reduce((n, f) => n + f.size, 0);
    expect(result.searched).toBe(total);
    expect(!result.found && result.searchedFamilies.length).toBeGreaterThan(5);
    // An H160 only runs the ethereum families.
    const eth = await find(DEV, '0x0000000000000000000000000000000000000001');
    expect(eth.searched).toBe(101);
  });

  it('--deep adds every Ledger slip44 and //0…//999', async () => {
    const astar = LOCATE_VECTORS.find((v) => v.path.includes("810'"))!;
    // Prefix 0 does not name Astar, so the default search misses slip44 810; deep finds it.
    expect((await find(astar.secret, astar.address)).found).toBe(false);
    const deep = await find(astar.secret, astar.address, { deep: true });
    expect(deep.found && deep.hit.path).toBe(astar.path);
    // Given as an Astar (prefix 5) address, the default search tries Astar's slip44 810.
    const asAstar = encodeSs58(parseTarget(astar.address).bytes, 5);
    expect((await find(astar.secret, asAstar)).found).toBe(true);
  });

  it('reports progress and stops when cancelled', async () => {
    const seen: number[] = [];
    const other = await deriveAccount({ secret: DEV, path: '//nowhere' });
    const controller = new AbortController();
    await rejectsWithCode(
      find(DEV, other.address, {
        signal: controller.signal,
        onProgress: ({ searched }: { searched: number }) => {
          seen.push(searched);
          if (searched >= 400) controller.abort();
        },
      }),
      'CANCELLED',
    );
    expect(seen.length).toBeGreaterThan(2);
  });

  it('a raw 64-byte sr25519 secret is matched in both encodings (pjs and schnorrkel)', async () => {
    const pjs = u8aToHex(sr25519PairFromSeed(mnemonicToMiniSecret(DEV)).secretKey);
    expect(pjs).toBe(SR25519_ENCODINGS.pjs);
    for (const [encoding, hex] of [
      ['sr25519-ed25519-bytes', SR25519_ENCODINGS.pjs],
      ['sr25519-schnorrkel', SR25519_ENCODINGS.schnorrkel],
    ] as const) {
      const result = await find(hex, SR25519_ENCODINGS.publicKey);
      expect(result.found && result.hit).toMatchObject({ type: 'sr25519', encoding });
    }
    expect(
      (await find(SR25519_ENCODINGS.pjs, encodeSs58(hexToU8a(SR25519_ENCODINGS.publicKey).reverse()))).found,
    ).toBe(false);
  });

  it('refuses bad targets and secrets with typed errors', () => {
    for (const bad of ['', 'hello', '0x1234', '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ'])
      throwsWithCode(() => parseTarget(bad), 'INVALID_ADDRESS');
    throwsWithCode(() => readLocateSecret(''), 'INVALID_SEED');
    throwsWithCode(() => readLocateSecret('0x1234'), 'INVALID_SEED');
    throwsWithCode(() => readLocateSecret(DEV.replace('bottom', 'bottle')), 'INVALID_MNEMONIC');
    throwsWithCode(() => readLocateSecret(`${DEV}/m/44'/x`), 'INVALID_DERIVATION');
  });
});
