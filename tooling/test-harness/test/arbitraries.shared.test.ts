// The arbitraries draw what they promise: hostile characters really appear, accounts are what
// the real keyring makes of their SURI, storages look like ui-keyring wrote them.
import { Keyring } from '@polkadot/keyring';
import { isHex, u8aToHex } from '@polkadot/util';
import { base64Decode, cryptoWaitReady, decodeAddress } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { account, KEY_TYPES, keylessJson } from '../src/accounts.ts';
import { extensionStorage } from '../src/extension.ts';
import { accountMeta } from '../src/meta.ts';
import { fcParams } from '../src/runs.ts';
import { appsStorage, keyringKey } from '../src/storage.ts';
import { hasLoneSurrogate, hostileString, password } from '../src/strings.ts';

beforeAll(async () => {
  await cryptoWaitReady();
});

const KEYRING = /^(account|address|contract):0x[0-9a-f]+$/;

describe('hostile strings', () => {
  it('draws quotes, backslashes, control characters, NUL, lone surrogates and emoji', () => {
    const joined = fc.sample(hostileString(), { numRuns: 400, seed: 1 }).join('');
    for (const probe of ['"', '\\', '\n', '\u0000', '\u001f', '😀', '\u202e']) {
      expect(joined.includes(probe)).toBe(true);
    }
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(joined)).toBe(true);
  });

  it('long strings reach 10k characters and passwords are never empty', () => {
    const long = fc.sample(hostileString({ long: true }), { numRuns: 200, seed: 2 });
    expect(Math.max(...long.map((s) => s.length))).toBeGreaterThanOrEqual(10_000);
    fc.assert(
      fc.property(password(), (pw) => pw.length > 0),
      fcParams(),
    );
  });
});

describe('meta', () => {
  it('JSON.parse(JSON.stringify(meta)) equals meta, with name and whenCreated always set', () => {
    fc.assert(
      fc.property(accountMeta(), (meta) => {
        expect(JSON.parse(JSON.stringify(meta))).toEqual(meta);
        expect(typeof meta.name).toBe('string');
        expect(Number.isInteger(meta.whenCreated)).toBe(true);
      }),
      fcParams(),
    );
  });
});

describe('accounts', () => {
  it('each account is what the real keyring makes of its SURI, with the PKCS8 key sizes', () => {
    fc.assert(
      fc.property(account(), (a) => {
        const again = new Keyring({ type: a.type, ss58Format: a.ss58 }).createFromUri(a.uri, {}, a.type);
        expect(u8aToHex(again.publicKey)).toBe(u8aToHex(a.publicKey));
        expect(a.address).toBe(again.address);
        const ecdsaLike = a.type === 'ecdsa' || a.type === 'ethereum';
        expect(a.publicKey.length).toBe(ecdsaLike ? 33 : 32);
        expect(a.secretKey.length).toBe(ecdsaLike ? 32 : 64);
        expect(a.jsonAddress).toBe(ecdsaLike ? u8aToHex(a.publicKey) : a.address);
        expect(a.storageKey).toMatch(/^account:0x[0-9a-f]+$/);
        expect(a.storageKey.length).toBe(
          a.type === 'ethereum' ? 'account:0x'.length + 40 : 'account:0x'.length + 64,
        );
      }),
      fcParams(0.3),
    );
  });

  it('every key type, secret kind and a derived path all appear', () => {
    const xs = fc.sample(account(), { numRuns: 120, seed: 3 });
    for (const t of KEY_TYPES) expect(xs.some((a) => a.type === t)).toBe(true);
    for (const k of ['mnemonic', 'seed', 'dev', 'raw']) expect(xs.some((a) => a.secretKind === k)).toBe(true);
    expect(
      xs.some((a) => a.type === 'sr25519' && /[^/]\/[^/]/.test(a.uri.replace(/^0x[0-9a-f]+/, 'x'))),
    ).toBe(true);
    expect(xs.some((a) => a.uri.includes('///'))).toBe(true);
    expect(xs.some((a) => a.type === 'ethereum' && a.uri.includes("/m/44'/60'"))).toBe(true);
  });

  it('a keyless copy is type none, holds no secret, and keeps the public key', () => {
    fc.assert(
      fc.property(account(), (a) => {
        const json = keylessJson(a);
        expect(json.encoding.type).toEqual(['none']);
        const body = base64Decode(json.encoded);
        expect(body.length).toBe(16 + 5 + a.publicKey.length);
        expect(u8aToHex(body.subarray(21))).toBe(u8aToHex(a.publicKey));
        expect(json.meta.isExternal).toBe(true);
      }),
      fcParams(0.2),
    );
  });
});

describe('storages', () => {
  it('Apps storages hold strings; keyring records parse and sit under the key of their address', () => {
    fc.assert(
      fc.property(appsStorage(), (storage) => {
        for (const [key, value] of Object.entries(storage)) {
          expect(typeof value).toBe('string');
          if (!KEYRING.test(key)) continue;
          const record = JSON.parse(value) as { address: string; meta: unknown };
          expect(typeof record.meta).toBe('object');
          const prefix = key.slice(0, key.indexOf(':') + 1) as 'account:' | 'address:' | 'contract:';
          if (prefix === 'account:' && isHex(record.address) && record.address.length === 68) continue;
          expect(keyringKey(prefix, record.address)).toBe(key);
        }
      }),
      fcParams(0.2),
    );
  });

  it('Apps storages include raw non-JSON values, contracts with JSON-in-string ABIs, and settings', () => {
    const xs = fc.sample(appsStorage(), { numRuns: 60, seed: 4 });
    const all = Object.assign({}, ...xs) as Record<string, string>;
    expect(all.lcUrl?.startsWith('light://')).toBe(true);
    const contract = Object.entries(all).find(([k]) => k.startsWith('contract:0x'));
    const abi = (JSON.parse(contract![1]) as { meta: { contract: { abi: string } } }).meta.contract.abi;
    expect(typeof JSON.parse(abi)).toBe('object');
    expect(typeof (JSON.parse(all.settings!) as { apiUrl: string }).apiUrl).toBe('string');
    expect(Object.keys(all).some((k) => k.startsWith('address:0x'))).toBe(true);
  });

  it('extension dumps store account records as objects under the account id', () => {
    fc.assert(
      fc.property(extensionStorage(), (dump) => {
        for (const [key, value] of Object.entries(dump)) {
          if (key.startsWith('account:')) {
            const rec = value as { address: string; encoded: string };
            expect(typeof rec.encoded).toBe('string');
            const raw = isHex(rec.address) ? rec.address : u8aToHex(decodeAddress(rec.address));
            if (raw.length !== 68) expect(key).toBe(`account:${raw}`);
          } else if (key === 'authUrls' || key === 'defaultAuthAccounts') {
            expect(typeof value).toBe('string');
          } else {
            expect(key.startsWith('metadata:0x')).toBe(true);
          }
        }
      }),
      fcParams(0.2),
    );
  });
});

describe('library contract', () => {
  it('meta has no __proto__ key unless asked; passwords are well-formed only when asked', () => {
    fc.assert(
      fc.property(password({ loneSurrogates: false }), accountMeta(), (pw, meta) => {
        expect(hasLoneSurrogate(pw)).toBe(false);
        expect(JSON.stringify(meta).match(/"__proto__":/)).toBe(null);
      }),
      fcParams(),
    );
    const risky = fc.sample(accountMeta({ prototypeKeys: true }), { numRuns: 300, seed: 5 });
    expect(risky.some((m) => Object.hasOwn(m, '__proto__'))).toBe(true);
    const plain = fc.sample(accountMeta(), { numRuns: 300, seed: 5 });
    expect(plain.some((m) => Object.hasOwn(m, 'constructor'))).toBe(true);
    expect(fc.sample(password(), { numRuns: 300, seed: 6 }).some(hasLoneSurrogate)).toBe(true);
  });
});
