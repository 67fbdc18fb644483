// Round-trip matrix, batch row: the extension's "Export all accounts" file (content
// ['batch-pkcs8']) written by keyport's createBatch, read back by every path that takes one.
// Inner keystores keep their own passwords; most are unencrypted here to spend scrypt on the
// batch envelope, a few are encrypted so "each keeps its own password" is exercised.
import {
  COMPAT_SCRYPT,
  createBatch,
  createKeystore,
  openBatch,
  openKeystore,
  parseBatch,
} from '@keyport/core';
import { nodeScrypt } from '@keyport/core/scrypt-node';
import { account, fcParams, type HarnessAccount, password } from '@keyport/test-harness';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex, u8aToString } from '@polkadot/util';
import { cryptoWaitReady, jsonDecrypt } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectSameAccount, expectSameStorage, restoreText, SCRYPT_RUNS } from './support.ts';

beforeAll(async () => {
  await cryptoWaitReady();
});

const compat = { params: COMPAT_SCRYPT, scrypt: nodeScrypt };

/** 1–4 accounts, each with its own password ('' = stored unencrypted). */
const members = fc.array(
  fc.tuple(
    account(),
    fc.oneof({ weight: 3, arbitrary: fc.constant('') }, { weight: 1, arbitrary: password() }),
  ),
  { minLength: 1, maxLength: 4 },
);

async function keystoresOf(list: [HarnessAccount, string][]) {
  return Promise.all(list.map(([a, pw]) => createKeystore(a, pw, compat)));
}

describe('batch file (batch-pkcs8, compat 2^15)', () => {
  it('parseBatch lists every account address and meta without a password', async () => {
    await fc.assert(
      fc.asyncProperty(members, password(), async (list, batchPw) => {
        const keystores = await keystoresOf(list);
        const batch = parseBatch(JSON.stringify(await createBatch(keystores, batchPw, compat)));
        expect(batch.accounts).toEqual(keystores.map(({ address, meta }) => ({ address, meta })));
        expect(batch.encoding.content).toEqual(['batch-pkcs8']);
      }),
      fcParams(SCRYPT_RUNS),
    );
  });

  it('openBatch gives back the identical keystores, and each opens to its account with its own password', async () => {
    await fc.assert(
      fc.asyncProperty(members, password(), async (list, batchPw) => {
        const keystores = await keystoresOf(list);
        const text = JSON.stringify(await createBatch(keystores, batchPw, compat));
        const { keystores: inner, skipped } = await openBatch(text, batchPw, { scrypt: nodeScrypt });
        expect(inner).toEqual(keystores);
        expect(skipped).toEqual([]);
        for (const [i, [a, pw]] of list.entries()) {
          expectSameAccount(await openKeystore(inner[i], pw, { scrypt: nodeScrypt }), a);
        }
      }),
      fcParams(SCRYPT_RUNS),
    );
  });

  it('@polkadot/util-crypto jsonDecrypt opens the batch to the same keystores, which @polkadot/keyring loads', async () => {
    await fc.assert(
      fc.asyncProperty(members, password(), async (list, batchPw) => {
        const keystores = await keystoresOf(list);
        const batch = JSON.parse(JSON.stringify(await createBatch(keystores, batchPw, compat)));
        const inner = JSON.parse(u8aToString(jsonDecrypt(batch, batchPw)));
        expect(inner).toEqual(keystores);
        for (const [i, [a]] of list.entries()) {
          const pair = new Keyring({ type: a.type }).createFromJson(inner[i]);
          expect(u8aToHex(pair.publicKey)).toBe(u8aToHex(a.publicKey));
        }
      }),
      fcParams(SCRYPT_RUNS),
    );
  });
});

describe('batch file into storage', () => {
  it('readImportInput with the batch password: every keystore unchanged under its account key (a later copy wins), each opens', async () => {
    await fc.assert(
      fc.asyncProperty(members, password(), async (list, batchPw) => {
        const keystores = await keystoresOf(list);
        const text = JSON.stringify(await createBatch(keystores, batchPw, compat));
        const { source, after } = await restoreText(text, { password: batchPw });
        expect(source.format).toBe('batch');
        const last = new Map(list.map(([a, pw], i) => [a.storageKey, { a, pw, json: keystores[i]! }]));
        expectSameStorage(
          after,
          Object.fromEntries([...last].map(([k, { json }]) => [k, JSON.stringify(json)])),
        );
        for (const [key, { a, pw }] of last) {
          expectSameAccount(await openKeystore(after[key], pw, { scrypt: nodeScrypt }), a);
        }
      }),
      fcParams(SCRYPT_RUNS),
    );
  });
});
