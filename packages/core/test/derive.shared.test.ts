// deriveAccount: the upstream SURI and Vault vectors, the refusals, and a property against the
// oracle, @polkadot/keyring's createFromUri.
import { fcParams, rejectsWithCode } from '@keyport/test-harness';
import { Keyring } from '@polkadot/keyring';
import { decodePair } from '@polkadot/keyring/pair/decode';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, mnemonicGenerate, sr25519Sign, sr25519Verify } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DerivedAccount, deriveAccount } from '../src/derive/derive.ts';
import { VAULT_PRESETS } from '../src/derive/vault.ts';
import type { KeyType } from '../src/keystore/types.ts';
import { decodeSs58 } from '../src/networks/ss58.ts';
import {
  DEV,
  ECDSA_POTATO_ACCOUNT_ID,
  ETH_SEED_SOCK_MASTER_SECRET,
  ETH_SEED_SOCK_SECRET,
  SURI_VECTORS,
  VAULT_VECTORS,
} from './derive.vectors.ts';

beforeAll(async () => {
  await cryptoWaitReady();
});

const SEED_SOCK = 'seed sock milk update focus rotate barely fade car face mechanic mercy';

/**
 * What @polkadot/keyring makes of a SURI: the oracle. schnorrkel gives a soft-derived sr25519
 * secret a random nonce (its last 32 bytes), so for sr25519 only the scalar half is compared and
 * callers check the whole key by signing.
 */
function oracle(suri: string, type: KeyType, ss58: number) {
  const pair = new Keyring({ type, ss58Format: ss58 }).createFromUri(suri, {}, type);
  const pkcs8 = pair.encodePkcs8();
  const secret = decodePair(undefined, pkcs8, ['none']).secretKey;
  const secretKey = u8aToHex(type === 'sr25519' ? secret.subarray(0, 32) : secret);
  return { publicKey: u8aToHex(pair.publicKey), secretKey, address: pair.address };
}

describe('deriveAccount: upstream vectors (docs/vectors.md §2)', () => {
  for (const v of SURI_VECTORS) {
    it(`${v.type} ${v.suri.replace(DEV, 'DEV').replace(SEED_SOCK, 'seed sock …')} at ss58 ${v.ss58}`, async () => {
      const a = await deriveAccount({ secret: v.suri, type: v.type, ss58: v.ss58 });
      if (v.publicKey) expect(u8aToHex(a.publicKey)).toBe(v.publicKey);
      if (v.address) expect(a.address).toBe(v.address);
      expect(a.type).toBe(v.type);
    });
  }

  it('the same vectors with the path given separately from the secret', async () => {
    for (const v of SURI_VECTORS) {
      const cut = v.suri.startsWith('//') ? -1 : v.suri.indexOf('/');
      if (cut <= 0) continue;
      const a = await deriveAccount({
        secret: v.suri.slice(0, cut),
        path: v.suri.slice(cut),
        type: v.type,
        ss58: v.ss58,
      });
      if (v.publicKey) expect(u8aToHex(a.publicKey)).toBe(v.publicKey);
      if (v.address) expect(a.address).toBe(v.address);
    }
  });

  it('ecdsa address is the SS58 of blake2_256(compressed key)', async () => {
    const a = await deriveAccount({
      secret: 'potato act energy ahead stone taxi receive fame gossip equip chest round',
      type: 'ecdsa',
    });
    expect(u8aToHex(decodeSs58(a.address).publicKey)).toBe(ECDSA_POTATO_ACCOUNT_ID);
  });

  it('ethereum BIP44 key and, without a path, the BIP32 master key with a warning', async () => {
    const a = await deriveAccount({ secret: SEED_SOCK, type: 'ethereum', path: "/m/44'/60'/0'/0/0" });
    expect(u8aToHex(a.secretKey)).toBe(ETH_SEED_SOCK_SECRET);
    expect(a.warnings).toEqual([]);
    const master = await deriveAccount({ secret: SEED_SOCK, type: 'ethereum' });
    expect(u8aToHex(master.secretKey)).toBe(ETH_SEED_SOCK_MASTER_SECRET);
    expect(master.warnings.join(' ')).toContain("m/44'/60'/0'/0/0");
  });

  it('secret key forms: 64 bytes for sr25519/ed25519, 32 for ecdsa/ethereum; 33-byte keys for secp256k1', async () => {
    const sizes = { sr25519: [64, 32], ed25519: [64, 32], ecdsa: [32, 33], ethereum: [32, 33] } as const;
    for (const [type, [secret, pub]] of Object.entries(sizes)) {
      const path = type === 'ethereum' ? "/m/44'/60'/0'/0/0" : '//Alice';
      const a = await deriveAccount({ secret: DEV, path, type: type as KeyType });
      expect([a.secretKey.length, a.publicKey.length]).toEqual([secret, pub]);
    }
  });
});

describe('deriveAccount: Polkadot Vault keys (parity-signer tests, docs/vectors.md §2)', () => {
  for (const v of VAULT_VECTORS) {
    it(`DEV at path "${v.path}"`, async () => {
      const a = await deriveAccount({ secret: DEV, path: v.path });
      expect(u8aToHex(a.publicKey)).toBe(v.publicKey);
      if (v.ss58_42) expect(a.address).toBe(v.ss58_42);
      if (v.network) {
        const n = await deriveAccount({ secret: DEV, path: v.path, ss58: v.network.prefix });
        expect(n.address).toBe(v.network.address);
      }
    });
  }

  it('VAULT_PRESETS give the Vault default keys at their networks', async () => {
    for (const preset of Object.values(VAULT_PRESETS)) {
      const v = VAULT_VECTORS.find((x) => x.path === preset.path)!;
      const a = await deriveAccount({ secret: DEV, path: preset.path, ss58: preset.network });
      expect(a.address).toBe(v.network!.address);
      expect(a.address).toBe(
        (await deriveAccount({ secret: DEV, path: preset.path, ss58: preset.prefix })).address,
      );
    }
  });
});

describe('deriveAccount: input handling', () => {
  it('a mnemonic in any case and spacing derives the same key', async () => {
    const messy = `  ${DEV.toUpperCase().replaceAll(' ', ' \r\n\t ')}\n`;
    const a = await deriveAccount({ secret: messy, path: '//Alice' });
    expect(a.address).toBe('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY');
    expect(a.source).toBe('mnemonic');
  });

  it('ignores what polkadot-js ignores, with a warning, and derives the same key', async () => {
    const seed = '0x9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
    const plain = await deriveAccount({ secret: seed });
    const withPw = await deriveAccount({ secret: `${seed}///pw` });
    expect(withPw.address).toBe(plain.address);
    expect(withPw.warnings.length).toBe(1);
    const eth = await deriveAccount({ secret: SEED_SOCK, type: 'ethereum', path: "/m/44'/60'/0'/0/0///pw" });
    expect(u8aToHex(eth.secretKey)).toBe(ETH_SEED_SOCK_SECRET);
    expect(eth.warnings.join(' ')).toContain('///password');
    const ethSeed = await deriveAccount({ secret: `${seed}//hard`, type: 'ethereum' });
    expect(ethSeed.address).toBe((await deriveAccount({ secret: seed, type: 'ethereum' })).address);
    expect(ethSeed.warnings.join(' ')).toContain('path is ignored');
  });

  it('dev URIs, raw text seeds and network names are accepted', async () => {
    expect((await deriveAccount({ secret: '//Alice', ss58: 'Polkadot' })).address).toBe(
      '15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5',
    );
    const raw = await deriveAccount({ secret: 'Alice', type: 'ed25519' });
    // polkadot-js/common keyring/src/pair/toJson.spec.ts: the `alice` test pair (docs/vectors.md §1 #9)
    expect(raw.address).toBe('5GoKvZWG5ZPYL1WUovuHW3zJBWBP5eT8CbqjdRY4Q6iMaQua');
    expect(raw.source).toBe('raw');
  });

  const secretWords = DEV.split(' ');
  const refusals: [string, Parameters<typeof deriveAccount>[0], string][] = [
    ['ed25519 soft junction', { secret: DEV, path: '/soft', type: 'ed25519' }, 'INVALID_DERIVATION'],
    ['ecdsa soft junction', { secret: DEV, path: '//hard/soft', type: 'ecdsa' }, 'INVALID_DERIVATION'],
    ['ethereum substrate path', { secret: DEV, path: '//hard', type: 'ethereum' }, 'INVALID_DERIVATION'],
    ['ethereum //Alice', { secret: '//Alice', type: 'ethereum' }, 'INVALID_DERIVATION'],
    [
      'ethereum index ≥ 2^31',
      { secret: DEV, path: "/m/44'/60'/2147483648", type: 'ethereum' },
      'INVALID_DERIVATION',
    ],
    ['path without leading /', { secret: DEV, path: 'hard' }, 'INVALID_DERIVATION'],
    ['empty junction', { secret: DEV, path: '//' }, 'INVALID_DERIVATION'],
    ['empty junction at the end', { secret: DEV, path: '/a//' }, 'INVALID_DERIVATION'],
    ['short 0x seed', { secret: '0x1234' }, 'INVALID_SEED'],
    ['0x seed of 33 bytes', { secret: `0x${'ab'.repeat(33)}` }, 'INVALID_SEED'],
    ['raw seed over 32 bytes', { secret: 'a'.repeat(33) }, 'INVALID_SEED'],
    ['raw seed of 32 chars but 48 bytes', { secret: 'é'.repeat(16) }, 'INVALID_SEED'],
    ['raw seed with punctuation', { secret: 'my-seed!' }, 'INVALID_SEED'],
    ['empty secret', { secret: '  \n' }, 'INVALID_SEED'],
    ['path only', { secret: '/soft' }, 'INVALID_SEED'],
    ['11 BIP39 words', { secret: secretWords.slice(0, 11).join(' ') }, 'INVALID_MNEMONIC'],
    ['3 BIP39 words (short enough for a raw seed)', { secret: 'bottom drive obey' }, 'INVALID_MNEMONIC'],
    ['a mistyped word', { secret: DEV.replace('lonely', 'lonley') }, 'INVALID_MNEMONIC'],
    [
      'a bad checksum',
      { secret: DEV.replace('walk', 'fit').replace('fit walk', 'walk fit') },
      'INVALID_MNEMONIC',
    ],
    ['unknown key type', { secret: DEV, type: 'rsa' as KeyType }, 'UNSUPPORTED_KEY_TYPE'],
    ['reserved ss58 prefix', { secret: DEV, ss58: 46 }, 'UNKNOWN_NETWORK'],
    ['unknown network name', { secret: DEV, ss58: 'polkadott' }, 'UNKNOWN_NETWORK'],
  ];
  for (const [name, options, code] of refusals) {
    it(`refuses ${name} with ${code}, and the message holds no secret word`, async () => {
      const e = await rejectsWithCode(deriveAccount(options), code);
      const text = `${e.message} ${JSON.stringify(e.details)}`;
      const leaked = secretWords.filter((w) => w.length > 3 && new RegExp(`\\b${w}\\b`).test(text));
      expect(leaked).toEqual([]);
    });
  }
});

/** The comparable view of a derived account (see oracle), after checking an sr25519 key signs. */
function view(a: DerivedAccount) {
  if (a.type === 'sr25519') {
    const message = new Uint8Array([1, 2, 3]);
    const signature = sr25519Sign(message, { publicKey: a.publicKey, secretKey: a.secretKey });
    expect(sr25519Verify(message, signature, a.publicKey)).toBe(true);
  }
  const secret = a.type === 'sr25519' ? a.secretKey.subarray(0, 32) : a.secretKey;
  return { publicKey: u8aToHex(a.publicKey), secretKey: u8aToHex(secret), address: a.address };
}

// Arbitraries: every input createFromUri accepts, by key type.
const junction = fc.oneof(
  fc.nat({ max: 2 ** 31 - 1 }).map(String),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,9}$/),
  fc.constantFrom('polkadot', 'kusama', 'westend', 'Alice', 'stash', '0x01020304', '9007199254740993'),
);
const substratePath = (type: KeyType) =>
  fc
    .array(fc.tuple(type === 'sr25519' ? fc.constantFrom('//', '/') : fc.constant('//'), junction), {
      maxLength: 4,
    })
    .map((parts) => parts.map(([s, j]) => s + j).join(''));
const ethPath = fc.oneof(
  fc.constant(''),
  fc.tuple(fc.nat({ max: 9 }), fc.nat({ max: 2 ** 31 - 1 })).map(([a, i]) => `/m/44'/60'/${a}'/0/${i}`),
);
const password = fc.oneof(
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9 ]{0,12}$/).map((p) => `///${p}`) },
);
const mnemonic = fc.constantFrom(12, 15, 18, 21, 24).map((n) => mnemonicGenerate(n as 12));
const hexSeed = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => u8aToHex(b));
const ss58 = fc.oneof(
  fc.constantFrom(0, 2, 42, 252, 1284),
  fc.integer({ min: 0, max: 16383 }).filter((n) => n !== 46 && n !== 47),
);

const input = fc.constantFrom<KeyType>('sr25519', 'ed25519', 'ecdsa', 'ethereum').chain((type) => {
  const path = type === 'ethereum' ? ethPath : substratePath(type);
  return fc.record({
    type: fc.constant(type),
    ss58,
    secret: fc.oneof(mnemonic, hexSeed, fc.constant(DEV)),
    path: fc.tuple(path, password).map(([p, pw]) => p + pw),
  });
});

describe('deriveAccount against @polkadot/keyring', () => {
  it('deriveAccount equals createFromUri for random mnemonics and seeds, every key type, path and ss58', async () => {
    await fc.assert(
      fc.asyncProperty(input, async ({ type, ss58, secret, path }) => {
        const expected = oracle(secret + path, type, ss58);
        const a = await deriveAccount({ secret, path, type, ss58 });
        expect(view(a)).toEqual(expected);
      }),
      fcParams(0.4),
    );
  });

  it('deriveAccount equals createFromUri for dev URIs and raw text seeds', async () => {
    const raw = fc.stringMatching(/^[A-Za-z0-9]{1,32}$/).filter((s) => !/^0x/i.test(s));
    const cases = fc.constantFrom<KeyType>('sr25519', 'ed25519', 'ecdsa').chain((type) =>
      fc.record({
        type: fc.constant(type),
        ss58,
        secret: fc.oneof(
          raw,
          fc
            .tuple(fc.constantFrom('Alice', 'Bob', 'Ferdie'), substratePath(type))
            .map(([n, p]) => `//${n}${p}`),
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(cases, async ({ type, ss58: prefix, secret }) => {
        const expected = oracle(secret, type, prefix);
        const a = await deriveAccount({ secret, type, ss58: prefix });
        expect(view(a)).toEqual(expected);
      }),
      fcParams(0.3),
    );
  });
});
