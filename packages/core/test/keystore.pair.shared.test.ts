// pairFromSecret recomputes the public key of a stored secret with util-crypto alone, for
// every key type and both secret forms (32-byte seed, 64-byte expanded secret).
import { fcParams, throwsWithCode } from '@keyport/test-harness';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import {
  cryptoWaitReady,
  ed25519PairFromSeed,
  secp256k1PairFromSeed,
  sr25519PairFromSeed,
} from '@polkadot/util-crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { pairFromSecret } from '../src/keystore/pair.ts';

beforeAll(async () => {
  await cryptoWaitReady();
});

const seeds = fc.uint8Array({ minLength: 32, maxLength: 32 }).filter((s) => s.some((b) => b !== 0));

describe('pairFromSecret', () => {
  it('sr25519: the 64-byte secret yields the public key sr25519PairFromSeed gave it', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const ref = sr25519PairFromSeed(seed);
        expect(u8aToHex(pairFromSecret('sr25519', ref.secretKey).publicKey)).toBe(u8aToHex(ref.publicKey));
        expect(u8aToHex(pairFromSecret('sr25519', seed).publicKey)).toBe(u8aToHex(ref.publicKey));
      }),
      fcParams(0.5),
    );
  });

  it('sr25519: the known half-ed25519 pair of polkadot-js/wasm sr25519.rs', () => {
    const full = hexToU8a(
      '0x28b0ae221c6bb06856b287f60d7ea0d98552ea5a16db16956849aa371db3eb51fd190cce74df356432b410bd64682309d6dedb27c76845daf388557cbac3ca3446ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a',
    );
    expect(u8aToHex(pairFromSecret('sr25519', full.subarray(0, 64)).publicKey)).toBe(
      u8aToHex(full.subarray(64)),
    );
  });

  it('ed25519 and secp256k1: seed and expanded forms give util-crypto’s public key', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const ed = ed25519PairFromSeed(seed);
        expect(u8aToHex(pairFromSecret('ed25519', ed.secretKey).publicKey)).toBe(u8aToHex(ed.publicKey));
        expect(u8aToHex(pairFromSecret('ed25519', seed).publicKey)).toBe(u8aToHex(ed.publicKey));
        const k = secp256k1PairFromSeed(seed);
        expect(u8aToHex(pairFromSecret('ecdsa', seed).publicKey)).toBe(u8aToHex(k.publicKey));
        expect(u8aToHex(pairFromSecret('ethereum', seed).publicKey)).toBe(u8aToHex(k.publicKey));
      }),
      fcParams(0.5),
    );
  });

  it('returns a secret the caller may wipe without touching the input', () => {
    const seed = new Uint8Array(32).fill(9);
    for (const type of ['sr25519', 'ed25519', 'ecdsa', 'ethereum'] as const) {
      pairFromSecret(type, seed).secretKey.fill(0);
      expect(seed.every((b) => b === 9)).toBe(true);
    }
  });

  it('inconsistent or impossible secrets are CORRUPT_DATA', () => {
    const ed = ed25519PairFromSeed(new Uint8Array(32).fill(1)).secretKey;
    ed[63]! ^= 1;
    throwsWithCode(() => pairFromSecret('ed25519', ed), 'CORRUPT_DATA');
    throwsWithCode(() => pairFromSecret('ecdsa', new Uint8Array(32)), 'CORRUPT_DATA');
    throwsWithCode(() => pairFromSecret('ecdsa', new Uint8Array(32).fill(0xff)), 'CORRUPT_DATA');
    throwsWithCode(() => pairFromSecret('ecdsa', new Uint8Array(64).fill(1)), 'CORRUPT_DATA');
    throwsWithCode(() => pairFromSecret('sr25519', new Uint8Array(48)), 'CORRUPT_DATA');
  });
});
