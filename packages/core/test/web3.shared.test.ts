// Web3 Secret Storage v3: geth's own test vectors, the polkadot-js ethereum key as a V3 file,
// fresh files written by ethers (capitalised Crypto, x-ethers mnemonic), and round trips:
// what keyport writes, ethers reads, and back.
import { fcParams, rejectsWithCode } from '@keyport/test-harness';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, secp256k1PairFromSeed } from '@polkadot/util-crypto';
import { decryptKeystoreJsonSync, encryptKeystoreJsonSync, Wallet } from 'ethers';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeScrypt } from '../src/scrypt/node.ts';
import { createWeb3, openWeb3 } from '../src/web3-crypto.ts';
import { parseWeb3, web3KdfCost } from '../src/web3-keystore.ts';
import { GETH_VECTORS, PJS_ETHEREUM_V3, WIKI_ADDRESS } from './vectors/web3.ts';

beforeAll(() => cryptoWaitReady());
const opts = { scrypt: nodeScrypt };

describe('Web3 Secret Storage v3', () => {
  it("opens every entry of geth's v3_test_vector.json (pbkdf2, scrypt r=1 p=8, 31- and 30-byte keys)", async () => {
    for (const v of GETH_VECTORS) {
      const { account, padded } = await openWeb3(v.json, v.password, opts);
      expect(u8aToHex(account.secretKey)).toBe(`0x${v.priv.padStart(64, '0')}`);
      expect(padded).toBe(v.priv.length < 64);
      expect(account.type).toBe('ethereum');
      if (v.name.startsWith('wikipage')) expect(account.address).toBe(WIKI_ADDRESS);
    }
  });

  it('says what geth-default parameters cost without decrypting', () => {
    const geth = parseWeb3(GETH_VECTORS[0]!.json.replace('"r":1,"p":8', '"r":8,"p":1'));
    expect(web3KdfCost(geth.kdf)).toBe(
      'scrypt N=2^18, r=8, p=1: 256 MiB, 2× the work of a polkadot-js keystore at 2^17',
    );
  });

  it('opens the polkadot-js ethereum key as V3 (pbkdf2) to its key and address', async () => {
    const { account } = await openWeb3(PJS_ETHEREUM_V3.json, PJS_ETHEREUM_V3.password, opts);
    expect(u8aToHex(account.secretKey)).toBe(`0x${PJS_ETHEREUM_V3.priv}`);
    expect(account.address).toBe(PJS_ETHEREUM_V3.address);
  });

  it('a wrong password is WRONG_PASSWORD; a file whose address is another key is ADDRESS_MISMATCH', async () => {
    const v = GETH_VECTORS[2]!;
    await rejectsWithCode(openWeb3(v.json, 'bar', opts), 'WRONG_PASSWORD');
    const other = JSON.parse(PJS_ETHEREUM_V3.json);
    other.address = WIKI_ADDRESS.slice(2).toLowerCase();
    await rejectsWithCode(openWeb3(other, PJS_ETHEREUM_V3.password, opts), 'ADDRESS_MISMATCH');
  });

  it('reads fresh ethers files (Crypto, x-ethers): the key, and the mnemonic and path ethers stored', async () => {
    for (let i = 0; i < 2; i++) {
      const wallet = Wallet.createRandom();
      const password = i === 0 ? 'pw-ethers' : 'pässwörd 🔑';
      const json = encryptKeystoreJsonSync(
        {
          address: wallet.address,
          privateKey: wallet.privateKey,
          mnemonic: { entropy: wallet.mnemonic!.entropy, path: wallet.path!, locale: 'en' },
        },
        password,
        { scrypt: { N: 1 << 10 } },
      );
      expect(Object.keys(JSON.parse(json))).toContain('Crypto');
      const opened = await openWeb3(json, password, opts);
      expect(u8aToHex(opened.account.secretKey)).toBe(wallet.privateKey);
      expect(opened.account.address).toBe(wallet.address);
      expect(opened.mnemonic).toBe(wallet.mnemonic!.phrase);
      expect(opened.path).toBe("m/44'/60'/0'/0/0");
      expect(parseWeb3(json).capitalCrypto).toBe(true);
    }
  });

  it('openWeb3(createWeb3(key)) gives back the key, and ethers decrypts what keyport writes (scrypt and pbkdf2)', () => {
    return fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 32, maxLength: 32 }).filter((k) => k.some((b) => b !== 0) && k[0]! < 0xff),
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.constantFrom(
          { kdf: 'scrypt', N: 1 << 10, r: 8, p: 1 } as const,
          { kdf: 'pbkdf2', c: 1000 } as const,
        ),
        async (key, password, kdf) => {
          const { account } = await openWeb3(
            await createWeb3(
              {
                type: 'ethereum',
                publicKey: secp256k1PairFromSeed(key.slice()).publicKey,
                secretKey: key,
                address: '',
                meta: {},
              },
              password,
              { kdf, ...opts },
            ).then((j) => JSON.stringify({ ...j, address: undefined })),
            password,
            opts,
          );
          expect(u8aToHex(account.secretKey)).toBe(u8aToHex(key));
          const written = JSON.stringify(await createWeb3(account, password, { kdf, ...opts }));
          const theirs = decryptKeystoreJsonSync(written, password);
          expect(theirs.privateKey).toBe(u8aToHex(key));
          expect(theirs.address).toBe(account.address);
        },
      ),
      fcParams(0.1),
    );
  });
});
