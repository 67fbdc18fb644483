// AccountId and address derivation against upstream vectors (docs/vectors.md §2, from
// polkadot-js/common packages/keyring/src/{index,suri}.spec.ts and util-crypto's
// secp256k1/ethereum specs @ 9281daa) and against the real keyring for any account.
import { account, fcParams, throwsWithCode } from '@keyport/test-harness';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { accountId, formatAddress, wipe } from '../src/account.ts';

beforeAll(async () => {
  await cryptoWaitReady();
});

const ALICE_SR = '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d';

describe('formatAddress and accountId', () => {
  it('sr25519 //Alice encodes at prefixes 42, 0 and 252 as upstream', () => {
    expect(formatAddress(ALICE_SR, 'sr25519')).toBe('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY');
    expect(formatAddress(ALICE_SR, 'sr25519', 0)).toBe('15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5');
    expect(formatAddress(ALICE_SR, 'sr25519', 252)).toBe('xw8P6urbSAronL3zZFB7dg8p7LLSgKCUFDUgjohnf1iP434ic');
  });

  it('ecdsa: the AccountId is blake2_256 of the compressed key', () => {
    const potato = '0x02c6b6c664db5ef505477bba1cf2f1789c98796b9bb5fa21abd0ac4589bed980e7';
    expect(u8aToHex(accountId(potato, 'ecdsa'))).toBe(
      '0x0cfd0dd2c59a9987b9848919163931b6a42283ffd3d91e92c98b522525a7038f',
    );
    const alice = '0x020a1091341fe5664bfa1782d5e04779689068c916b04cb365ec3153755684d9a1';
    expect(formatAddress(alice, 'ecdsa')).toBe('5C7C2Z5sWbytvHpuLTvzKunnnRwQxft1jiqrLD5rhucQ5S9X');
  });

  it('ethereum: the AccountId is the H160, and the address its EIP-55 form', () => {
    const seedSock = '0x0381351b1b46d2602b0992bb5d5531f9c1696b0812feb2534b6884adc47e2e1d8b';
    expect(formatAddress(seedSock, 'ethereum')).toBe('0x31ea8795EE32D782C8ff41a5C68Dcbf0F5B27f6d');
    const dev = '0x02509540919faacf9ab52146c9aa40db68172d83777250b28e4679176e49ccdd9f';
    expect(formatAddress(dev, 'ethereum')).toBe('0xf24FF3a9CF04c71Dbc94D0b566f7A27B94566cac');
    expect(accountId(dev, 'ethereum').length).toBe(20);
    expect(formatAddress(accountId(dev, 'ethereum'), 'ethereum')).toBe(
      '0xf24FF3a9CF04c71Dbc94D0b566f7A27B94566cac',
    );
  });

  it('for any account, formatAddress is the keyring address and accountId its ui-keyring storage key', () => {
    fc.assert(
      fc.property(account({ meta: { extras: false } }), (a) => {
        expect(formatAddress(a.publicKey, a.type, a.ss58)).toBe(a.address);
        expect(`account:${u8aToHex(accountId(a.publicKey, a.type))}`).toBe(a.storageKey);
      }),
      fcParams(0.5),
    );
  });

  it('wrong key lengths, non-hex strings and bad prefixes are INVALID_INPUT', () => {
    throwsWithCode(() => accountId(new Uint8Array(33), 'sr25519'), 'INVALID_INPUT');
    throwsWithCode(() => accountId(new Uint8Array(32), 'ecdsa'), 'INVALID_INPUT');
    throwsWithCode(() => accountId('Alice', 'ed25519'), 'INVALID_INPUT');
    throwsWithCode(() => accountId('0x123', 'ed25519'), 'INVALID_INPUT');
    throwsWithCode(() => formatAddress(ALICE_SR, 'sr25519', 46), 'INVALID_INPUT');
    throwsWithCode(() => formatAddress(ALICE_SR, 'sr25519', 16384), 'INVALID_INPUT');
    throwsWithCode(() => accountId(ALICE_SR, 'bls' as never), 'UNSUPPORTED_KEY_TYPE');
  });
});

describe('wipe', () => {
  it('zeroes the secret key in place', () => {
    const acc = { secretKey: new Uint8Array(64).fill(7) };
    const view = acc.secretKey;
    wipe(acc);
    expect(view.every((b) => b === 0)).toBe(true);
  });
});
