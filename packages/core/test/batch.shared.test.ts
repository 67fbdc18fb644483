// Batch files (`batch-pkcs8`, docs/batch-and-arrays.md §1): keyport ↔ util-crypto's jsonEncrypt/jsonDecrypt
// in both directions, inner keystores keeping their own passwords, SubWallet's extras.
import {
  account,
  fcParams,
  keylessJson,
  makeAccount,
  password,
  rejectsWithCode,
} from '@keyport/test-harness';
import { DEV_PHRASE } from '@polkadot/keyring/defaults';
import type { KeyringPair$Json } from '@polkadot/keyring/types';
import { objectSpread, stringToU8a, u8aToString } from '@polkadot/util';
import { cryptoWaitReady, jsonDecrypt, jsonEncrypt } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBatch, openBatch, parseBatch } from '../src/batch.ts';
import { createKeystore, describeKeystore, openKeystore } from '../src/keystore/index.ts';
import { nodeScrypt } from '../src/scrypt/node.ts';
import { COMPAT_SCRYPT } from '../src/scrypt/params.ts';

beforeAll(async () => {
  await cryptoWaitReady();
});

const opts = { scrypt: nodeScrypt };
const sealed = { params: COMPAT_SCRYPT, scrypt: nodeScrypt };

/** Stored records as ui-keyring keeps them: unencrypted keystores (cheap) and keyless ones. */
const records = fc.array(
  account({ meta: { extras: false } }).chain((a) =>
    fc.constantFrom('keyed', 'keyless').map((k) => (k === 'keyed' ? a.pair.toJson() : keylessJson(a))),
  ),
  { maxLength: 4 },
);

/** What ui-keyring's backupAccounts writes, built with util-crypto (docs/batch-and-arrays.md §1). */
function upstreamBatch(list: { address: string; meta: unknown }[], pw: string) {
  return objectSpread({}, jsonEncrypt(stringToU8a(JSON.stringify(list)), ['batch-pkcs8'], pw), {
    accounts: list.map(({ address, meta }) => ({ address, meta })),
  });
}

describe('createBatch → openBatch', () => {
  it('openBatch(createBatch(ks, pw), pw) gives back the same records, and util-crypto decrypts it', async () => {
    await fc.assert(
      fc.asyncProperty(records, password(), async (list, pw) => {
        const batch = await createBatch(list, pw, sealed);
        const text = JSON.stringify(batch);
        expect(JSON.stringify((await openBatch(text, pw, opts)).keystores)).toBe(JSON.stringify(list));
        expect(parseBatch(text).accounts).toEqual(list.map(({ address, meta }) => ({ address, meta })));
        expect(u8aToString(jsonDecrypt(batch, pw))).toBe(JSON.stringify(list));
      }),
      fcParams(0.05),
    );
  });

  it('an empty password writes exactly what backupAccounts writes (type none)', async () => {
    await fc.assert(
      fc.asyncProperty(records, async (list) => {
        const ours = await createBatch(list, '');
        expect(JSON.stringify(ours)).toBe(JSON.stringify(upstreamBatch(list, '')));
        expect(JSON.stringify((await openBatch(ours, '')).keystores)).toBe(JSON.stringify(list));
      }),
      fcParams(0.3),
    );
  });

  it('opens what util-crypto writes at its 2^17 default', async () => {
    const list = [makeAccount('//Alice', 'sr25519', 42, { name: 'A "b" \\ c' }).pair.toJson()];
    const theirs = upstreamBatch(list, 'bätch');
    const opened = await openBatch(JSON.stringify(theirs), 'bätch', opts);
    expect(JSON.stringify(opened.keystores)).toBe(JSON.stringify(list));
  });

  it('inner keystores keep their own passwords; the batch password does not open them', async () => {
    const a = makeAccount('//Alice', 'ed25519', 0, { name: 'Alice' });
    const inner = await createKeystore(a, 'account pw', sealed);
    const batch = await createBatch([inner], 'batch pw', sealed);
    const [back] = (await openBatch(batch, 'batch pw', opts)).keystores;
    expect(back).toEqual(inner);
    await rejectsWithCode(openKeystore(back, 'batch pw', opts), 'WRONG_PASSWORD');
    expect((await openKeystore(back, 'account pw', opts)).address).toBe(a.address);
  });

  it('a wrong batch password is WRONG_PASSWORD, none PASSWORD_REQUIRED', async () => {
    const batch = await createBatch([], 'right', sealed);
    await rejectsWithCode(openBatch(batch, 'wrong', opts), 'WRONG_PASSWORD');
    await rejectsWithCode(openBatch(batch, '', opts), 'PASSWORD_REQUIRED');
  });

  it('keyless records survive a batch and describe themselves as having no secret', async () => {
    const keyless = keylessJson(makeAccount('//Bob', 'sr25519', 42, { name: 'Bob' }));
    const [back] = (await openBatch(await createBatch([keyless], ''), '')).keystores;
    expect(describeKeystore(back).hasSecret).toBe(false);
    const err = await rejectsWithCode(openKeystore(back, '', opts), 'UNSUPPORTED_FORMAT');
    expect(err.details.reason).toBe('no-secret');
  });
});

describe('batch contents that are not keystores', () => {
  it('a decrypted list with a non-keystore entry names its index', async () => {
    const good = makeAccount('//Alice', 'sr25519', 42, {}).pair.toJson();
    const bad = {
      ...jsonEncrypt(stringToU8a(JSON.stringify([good, { foo: 1 }])), ['batch-pkcs8'], ''),
      accounts: [],
    };
    const err = await rejectsWithCode(openBatch(bad, ''), 'INVALID_INPUT');
    expect(err.details.index).toBe(1);
  });

  it('decrypted text that is not a JSON list is CORRUPT_DATA', async () => {
    for (const plain of ['{"a":1}', 'not json', '\u0000']) {
      const bad = { ...jsonEncrypt(stringToU8a(plain), ['batch-pkcs8'], ''), accounts: [] };
      await rejectsWithCode(openBatch(bad, ''), 'CORRUPT_DATA');
    }
  });
});

describe('SubWallet batch (docs/batch-and-arrays.md §5)', () => {
  const accountProxies = { 'proxy-1': { id: 'proxy-1', name: 'Main "wallet"' } };
  const modifyPairs = { '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY': { accountProxyId: 'proxy-1' } };

  it('accountProxies and modifyPairs are written after accounts and kept by parseBatch', async () => {
    const list = [makeAccount('//Alice', 'sr25519', 42, { name: 'Alice' }).pair.toJson()];
    const batch = await createBatch(list, 'pw', { ...sealed, extras: { accountProxies, modifyPairs } });
    expect(Object.keys(batch)).toEqual(['encoded', 'encoding', 'accounts', 'accountProxies', 'modifyPairs']);
    const parsed = parseBatch(JSON.stringify(batch));
    expect(parsed.accountProxies).toEqual(accountProxies);
    expect(parsed.modifyPairs).toEqual(modifyPairs);
    expect(JSON.stringify((await openBatch(parsed, 'pw', opts)).keystores)).toBe(JSON.stringify(list));
  });

  it('a SubWallet file (backupAccounts output plus extras) opens like a plain one', async () => {
    const list = [makeAccount('//Alice', 'sr25519', 42, { name: 'Alice' }).pair.toJson()];
    const file = { ...upstreamBatch(list, ''), accountProxies, modifyPairs };
    expect(parseBatch(file).modifyPairs).toEqual(modifyPairs);
    expect(await openBatch(file, '')).toEqual({ keystores: list, skipped: [] });
  });

  // SubWallet's batchExportV2 (Koniverse/SubWallet-Extension packages/extension-base/src/services/
  // keyring-service/context/handlers/Json.ts @ 06b66e9) is keyring.backupAccounts over every
  // account of the chosen proxies plus accountProxies/modifyPairs, so the inner list also holds
  // @subwallet/keyring pairs of types polkadot-js does not have ('ton', 'cardano', 'bitcoin-84',
  // …: extension-koni-ui src/constants/account.ts @ 354bad5; the bc1 address is SubWallet's own
  // mock ACCOUNT_DEV_BTC). Their records are shaped here from real polkadot-js records (same
  // pkcs8 layout) with the recorded type and address replaced; the bytes are not SubWallet's.
  function subwalletLike(type: string, address: string, from: KeyringPair$Json) {
    const encoding = { ...from.encoding, content: ['pkcs8', type] };
    return { ...from, encoding, address, meta: { name: `${type} account`, type } };
  }

  it('a SubWallet batch holding TON / Bitcoin / Cardano accounts: parseBatch lists all, openBatch gives the Polkadot ones and reports the rest', async () => {
    const alice = makeAccount('//Alice', 'sr25519', 42, { name: 'Alice' }).pair.toJson();
    const eth = makeAccount(`${DEV_PHRASE}/m/44'/60'/0'/0/0`, 'ethereum', 42, { name: 'EVM' }).pair.toJson();
    const ed = makeAccount('//ton', 'ed25519', 42, {}).pair.toJson();
    const k1 = makeAccount('//btc', 'ecdsa', 42, {}).pair.toJson();
    const ton = subwalletLike('ton', `UQ${'A'.repeat(46)}`, ed);
    const btc = subwalletLike('bitcoin-84', 'bc1qm34lsc65zpw79lxes69zkqmk6ee3ewf0j77s3h', k1);
    const ada = subwalletLike('cardano', `addr1${'q'.repeat(98)}`, ed);
    const list = [alice, ton, eth, btc, ada];
    const pairs = Object.fromEntries(
      list.map((r) => [r.address, { key: r.address, migrated: true, accountProxyId: 'proxy-1' }]),
    );
    const file = { ...upstreamBatch(list, ''), accountProxies, modifyPairs: pairs };
    const parsed = parseBatch(JSON.stringify(file));
    expect(parsed.accounts.map((a) => a.address)).toEqual(list.map((r) => r.address));
    expect(parsed.modifyPairs).toEqual(pairs);

    const { keystores, skipped } = await openBatch(parsed, '');
    expect(keystores).toEqual([alice, eth]);
    expect(skipped.map(({ index, keyType, address }) => ({ index, keyType, address }))).toEqual([
      { index: 1, keyType: 'ton', address: ton.address },
      { index: 3, keyType: 'bitcoin-84', address: btc.address },
      { index: 4, keyType: 'cardano', address: ada.address },
    ]);
    for (const s of skipped) {
      expect(s.reason).toContain(s.keyType);
      expect(s.reason).not.toContain(list[s.index]!.encoded);
    }
    const err = await rejectsWithCode(
      openBatch(parsed, '', { onUnsupported: 'throw' }),
      'UNSUPPORTED_KEY_TYPE',
    );
    expect(err.details.index).toBe(1);
  });

  it('an entry that is damaged (not just of another key type) still fails the whole batch', async () => {
    const alice = makeAccount('//Alice', 'sr25519', 42, { name: 'Alice' }).pair.toJson();
    const damaged = { ...alice, encoded: '0x1' };
    const err = await rejectsWithCode(openBatch(upstreamBatch([alice, damaged], ''), ''), 'CORRUPT_DATA');
    expect(err.details.index).toBe(1);
  });
});
