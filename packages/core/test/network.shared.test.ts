// resolveNetwork and the SS58 helpers: names, prefixes (registered or not), typed errors.
import { fcParams, throwsWithCode } from '@keyport/test-harness';
import { allNetworks } from '@polkadot/networks';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, decodeAddress, encodeAddress } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { listNetworks, resolveNetwork } from '../src/networks/networks.ts';
import { decodeSs58, encodeSs58, encodeSs58Bytes, isSs58Address, isSs58Of } from '../src/networks/ss58.ts';

beforeAll(async () => {
  await cryptoWaitReady();
});

const validPrefix = fc.integer({ min: 0, max: 16383 }).filter((n) => n !== 46 && n !== 47);

// Alice (//Alice, sr25519): polkadot-js/common keyring/src/suri.spec.ts @ 9281daa (docs/vectors.md §2).
const ALICE = '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d';
const ALICE_AT: [number, string][] = [
  [0, '15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5'],
  [42, '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY'],
  [252, 'xw8P6urbSAronL3zZFB7dg8p7LLSgKCUFDUgjohnf1iP434ic'],
];
// keyring/src/index.spec.ts fixtures (docs/vectors.md §1 #1 and #7): Kusama, and a `5…` address at prefix 44.
const KUSAMA_ADDRESS = 'FLiSDPCcJ6auZUGXALLj6jpahcP6adVFDBUQznPXUQ7yoqH';
const KUSAMA_KEY = '0x7a5469a761fce7b83f0b0b8fba53d039923fb38efe1b411262b78577a1bcdd5d';
const PREFIX_44_ADDRESS = '5PjeoaQzCoYbSi42aQRKB3Sx18StCaEAzCbGEEbWbZyfKS3H';
const PREFIX_44_KEY = '0x044adc4365288575acaaa1544e983b7e24255ad298fa0d09df8f4e96c458a923';

describe('resolveNetwork', () => {
  it('resolves names in any case and spacing, and display names', () => {
    const cases: [string, number, string][] = [
      ['polkadot', 0, 'polkadot'],
      [' KUSAMA ', 2, 'kusama'],
      ['Substrate', 42, 'substrate'],
      ['westend', 42, 'westend'],
      ['Polkadot Relay Chain', 0, 'polkadot'],
      ['social network', 252, 'social-network'],
    ];
    for (const [name, prefix, network] of cases) {
      expect(resolveNetwork(name)).toMatchObject({ prefix, network, known: true });
    }
    expect(resolveNetwork('westend').genesisHash).toEqual([
      '0xe143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e',
    ]);
  });

  it('resolves prefixes given as numbers or digits; 42 is substrate', () => {
    expect(resolveNetwork(0)).toMatchObject({ network: 'polkadot', displayName: 'Polkadot Relay Chain' });
    expect(resolveNetwork('2').network).toBe('kusama');
    expect(resolveNetwork(42).network).toBe('substrate');
    expect(resolveNetwork(252).network).toBe('social-network');
  });

  it('takes any valid prefix, registered or not (a fork with its own prefix)', () => {
    const registered = new Set(allNetworks.map((n) => n.prefix));
    fc.assert(
      fc.property(validPrefix, (prefix) => {
        const n = resolveNetwork(prefix);
        expect(n.prefix).toBe(prefix);
        expect(n.known).toBe(registered.has(prefix));
        if (!n.known) expect(n).toMatchObject({ network: 'unknown', genesisHash: [] });
      }),
      fcParams(0.5),
    );
    expect(resolveNetwork(7777)).toEqual({
      prefix: 7777,
      network: 'unknown',
      displayName: 'SS58 prefix 7777 (not in the registry)',
      known: false,
      genesisHash: [],
    });
  });

  it('every listed network resolves to itself by name, upper-cased name and prefix', () => {
    for (const n of listNetworks()) {
      expect(resolveNetwork(n.network)).toBe(n);
      expect(resolveNetwork(n.network.toUpperCase())).toBe(n);
      expect(resolveNetwork(n.prefix).prefix).toBe(n.prefix);
    }
  });

  it('an invalid prefix is UNKNOWN_NETWORK', () => {
    for (const bad of [-1, 46, 47, 16384, 1.5, Number.NaN, '99999']) {
      throwsWithCode(() => resolveNetwork(bad), 'UNKNOWN_NETWORK');
    }
  });

  it('an unknown name is UNKNOWN_NETWORK listing close names', () => {
    const e = throwsWithCode(() => resolveNetwork('polkadott'), 'UNKNOWN_NETWORK');
    expect(e.details.suggestions).toContain('polkadot');
    expect(e.message).toContain('"polkadot"');
    expect(throwsWithCode(() => resolveNetwork('kusma'), 'UNKNOWN_NETWORK').details.suggestions).toContain(
      'kusama',
    );
    throwsWithCode(() => resolveNetwork(''), 'UNKNOWN_NETWORK');
    throwsWithCode(() => resolveNetwork('reserved46'), 'UNKNOWN_NETWORK');
  });
});

describe('SS58 helpers', () => {
  it('encode and decode the upstream addresses', () => {
    for (const [prefix, address] of ALICE_AT) {
      expect(encodeSs58(ALICE, prefix)).toBe(address);
      expect(u8aToHex(decodeSs58(address).publicKey)).toBe(ALICE);
      expect(decodeSs58(address).prefix).toBe(prefix);
    }
    expect(encodeSs58(ALICE, 'polkadot')).toBe(ALICE_AT[0]![1]);
    expect(decodeSs58(KUSAMA_ADDRESS)).toEqual({ publicKey: decodeAddress(KUSAMA_KEY), prefix: 2 });
    expect(u8aToHex(decodeSs58(KUSAMA_ADDRESS).publicKey)).toBe(KUSAMA_KEY);
    // A leading 5 does not mean prefix 42.
    expect(decodeSs58(PREFIX_44_ADDRESS).prefix).toBe(44);
    expect(u8aToHex(decodeSs58(PREFIX_44_ADDRESS).publicKey)).toBe(PREFIX_44_KEY);
  });

  it('decodeSs58(encodeSs58(key, prefix)) === {key, prefix}, and encodeSs58 equals util-crypto encodeAddress', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 33 }), validPrefix, (key, prefix) => {
        const address = encodeSs58(key, prefix);
        expect(address).toBe(encodeAddress(key, prefix));
        expect(decodeSs58(address)).toEqual({ publicKey: key, prefix });
      }),
      fcParams(0.5),
    );
  });

  it('encodeSs58Bytes(payload, prefix) is util-crypto encodeAddress(payload, prefix) for every payload length and prefix', () => {
    const payload = fc.oneof(
      ...[1, 2, 4, 8, 32, 33].map((n) => fc.uint8Array({ minLength: n, maxLength: n })),
      // Leading zero bytes are base58's leading '1's.
      fc.uint8Array({ minLength: 29, maxLength: 29 }).map((b) => Uint8Array.from([0, 0, 0, ...b])),
    );
    const prefix = fc.oneof(validPrefix, fc.constantFrom(0, 1, 42, 63, 64, 65, 255, 256, 16383));
    fc.assert(
      fc.property(payload, prefix, (bytes, p) => {
        expect(encodeSs58Bytes(bytes, p)).toBe(encodeAddress(bytes, p));
      }),
      fcParams(2),
    );
    throwsWithCode(() => encodeSs58Bytes(new Uint8Array(31), 42), 'INVALID_ADDRESS');
    throwsWithCode(() => encodeSs58Bytes(new Uint8Array(32), 47), 'UNKNOWN_NETWORK');
    throwsWithCode(() => encodeSs58Bytes(new Uint8Array(32), 16384), 'UNKNOWN_NETWORK');
    throwsWithCode(() => encodeSs58Bytes(new Uint8Array(32), 4.5), 'UNKNOWN_NETWORK');
  });

  it('isSs58Of(text, payload, prefix) is true exactly when text is encodeSs58Bytes(payload, prefix)', () => {
    const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
    const payload = fc.oneof(
      ...[1, 2, 4, 8, 32, 33].map((n) => fc.uint8Array({ minLength: n, maxLength: n })),
      fc.uint8Array({ minLength: 30, maxLength: 30 }).map((b) => Uint8Array.from([0, 0, ...b])),
    );
    // The address itself, or one changed: a character replaced, added or removed, a leading '1'.
    const edit = fc.oneof(
      fc.constant((a: string) => a),
      fc.tuple(fc.nat(), fc.nat(57)).map(([at, c]) => (a: string) => {
        const i = at % a.length;
        return a.slice(0, i) + alphabet[c] + a.slice(i + 1);
      }),
      fc.nat().map((at) => (a: string) => a.slice(0, at % a.length) + a.slice((at % a.length) + 1)),
      fc.constantFrom(
        (a: string) => `1${a}`,
        (a: string) => `${a}1`,
        (a: string) => ` ${a}`,
        (a: string) => a.toLowerCase(),
        (a: string) => a.repeat(2),
      ),
    );
    fc.assert(
      fc.property(payload, fc.oneof(validPrefix, fc.constantFrom(0, 42, 64)), edit, (bytes, p, change) => {
        const address = encodeAddress(bytes, p);
        const text = change(address);
        expect(isSs58Of(text, bytes, p)).toBe(text === address);
      }),
      fcParams(3),
    );
    expect(isSs58Of(ALICE_AT[1]![1], decodeAddress(ALICE), 42)).toBe(true);
    expect(isSs58Of(ALICE_AT[1]![1], decodeAddress(ALICE), 0)).toBe(false);
    for (const junk of [undefined, 42, '', '5'.repeat(61), `${ALICE_AT[1]![1]}\n`])
      expect(isSs58Of(junk, decodeAddress(ALICE), 42)).toBe(false);
    throwsWithCode(() => isSs58Of(ALICE_AT[1]![1], new Uint8Array(31), 42), 'INVALID_ADDRESS');
    throwsWithCode(() => isSs58Of(ALICE_AT[1]![1], decodeAddress(ALICE), 46), 'UNKNOWN_NETWORK');
  });

  it('a one-character change to an address is INVALID_ADDRESS or another valid address, never a crash', () => {
    const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        validPrefix,
        fc.nat(),
        fc.nat(57),
        (key, p, at, c) => {
          const address = encodeSs58(key, p);
          const i = at % address.length;
          const changed = address.slice(0, i) + alphabet[c] + address.slice(i + 1);
          if (changed === address) return;
          try {
            const d = decodeSs58(changed);
            expect(u8aToHex(d.publicKey) !== u8aToHex(key) || d.prefix !== p).toBe(true);
          } catch (e) {
            expect((e as { code?: string }).code).toBe('INVALID_ADDRESS');
          }
        },
      ),
      fcParams(0.5),
    );
  });

  it('decodeSs58 throws only INVALID_ADDRESS on any string; isSs58Address never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[1-9A-HJ-NP-Za-km-z]{0,50}$/)), (s) => {
        expect(typeof isSs58Address(s)).toBe('boolean');
        try {
          decodeSs58(s);
        } catch (e) {
          expect((e as { code?: string }).code).toBe('INVALID_ADDRESS');
        }
      }),
      fcParams(1),
    );
  });

  it('bad input has typed errors with a reason', () => {
    expect(throwsWithCode(() => decodeSs58(''), 'INVALID_ADDRESS').details.reason).toBe('not-a-string');
    expect(throwsWithCode(() => decodeSs58(ALICE), 'INVALID_ADDRESS').details.reason).toBe('not-base58');
    const bad = `${ALICE_AT[1]![1].slice(0, -1)}Z`;
    expect(throwsWithCode(() => decodeSs58(bad), 'INVALID_ADDRESS').details.reason).toBe('checksum');
    expect(
      throwsWithCode(() => decodeSs58(ALICE_AT[1]![1].slice(0, -3)), 'INVALID_ADDRESS').details.reason,
    ).toBe('length');
    throwsWithCode(() => encodeSs58(new Uint8Array(31)), 'INVALID_ADDRESS');
    throwsWithCode(() => encodeSs58('not hex'), 'INVALID_ADDRESS');
    throwsWithCode(() => encodeSs58(ALICE, 46), 'UNKNOWN_NETWORK');
  });
});
