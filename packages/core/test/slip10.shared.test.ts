// SLIP-10 ed25519 (Trust Wallet) against the two user-reported Trust Wallet keys
// (trustwallet/wallet-core#1277, polkadot-js/common#1920): mnemonic → key → public key → address.
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveSlip10Account } from '../src/derive/slip10.ts';

beforeAll(() => cryptoWaitReady());

const TRUST = [
  {
    phrase: 'napkin protect market echo rent lawn purpose brief decline device season shell',
    key: '0xe7e1d5dd264800be8d701f6e66206de332edabfdb9192dd5739b69e0e0caae9a',
    publicKey: '0x6277e98755e3e7d8ccf00f52bfe1e1342af3cde9d1ef1d14e1c2124d0555f96f',
    address: '13E7KDY5TA8RTUwEwpSDFbgMdfb4n2jLHegjdgRNWU42SDdk',
  },
  {
    phrase: 'enhance chef explain another extend parade heart total brave escape together hobby',
    key: '0xa61c949af59758398a10f2c32c43ac08f83bd7e4a395c6467f18628625ef21a5',
    publicKey: '0xf6bbd4290f6561b27a6b828942d521a20ffe46eb1f88ce60c83d91fb9b2081ab',
    address: '16aWaS7en2Ly2CrqFGJaixLXnwUfDThAPAeaoCh4bqAewMnK',
  },
];

describe('SLIP-10 ed25519 (Trust Wallet)', () => {
  it('gives the Trust Wallet key, public key and address of both reported mnemonics', async () => {
    for (const v of TRUST) {
      const a = await deriveSlip10Account({ secret: v.phrase, ss58: 0 });
      expect(u8aToHex(a.secretKey.slice(0, 32))).toBe(v.key);
      expect(u8aToHex(a.publicKey)).toBe(v.publicKey);
      expect(a.address).toBe(v.address);
    }
  });

  it('refuses soft levels and malformed paths', async () => {
    for (const path of ["m/44'/354'/0'/0/0", 'm', "m/44'/2147483648'", '//polkadot']) {
      await expect(deriveSlip10Account({ secret: TRUST[0]!.phrase, path })).rejects.toMatchObject({
        code: 'INVALID_DERIVATION',
      });
    }
  });
});
