// detectFormat: names every real sample, never throws, never echoes a secret.
import { fcParams } from '@keyport/test-harness';
import { stringToU8a, u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, jsonEncrypt, mnemonicGenerate } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Detected, detectFormat } from '../src/detect.ts';
import { KEYSTORE_SAMPLES } from './detect.vectors.ts';
import { GENERIC_HOSTILE, HUGE_LENGTH } from './hostile.ts';

const DEV = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
const keystores = KEYSTORE_SAMPLES.map((s) => JSON.parse(s.text) as Record<string, unknown>);
const preview = keystores.map(({ address, meta }) => ({ address, meta }));

// Batch files are made the way ui-keyring's backupAccounts makes them (polkadot-js/ui
// packages/ui-keyring/src/Keyring.ts @ 1d667d4, docs/batch-and-arrays.md §1): jsonEncrypt of the JSON array
// of stored keystores with content ['batch-pkcs8'], plus the plaintext {address, meta} preview.
let batchEncrypted: Record<string, unknown>;
let batchPlain: Record<string, unknown>;

beforeAll(async () => {
  await cryptoWaitReady();
  const plain = stringToU8a(JSON.stringify(keystores));
  batchEncrypted = { ...jsonEncrypt(plain, ['batch-pkcs8'], 'batch password'), accounts: preview };
  // ui #449 (fd3176c, 2021-03-09) wrote the batch without a password: type ['none'].
  batchPlain = { ...jsonEncrypt(plain, ['batch-pkcs8']), accounts: preview };
});

// Apps' export-all array (polkadot-js/apps packages/page-accounts/src/modals/ExportAll.tsx @ 580abfe,
// docs/batch-and-arrays.md §4): keystores for in-browser accounts, JSON.stringify'd KeyringPair objects for
// multisig/QR entries (enumerable getters kept).
const appsArray = [
  keystores[0],
  keystores[7],
  {
    address: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY',
    addressRaw: { 0: 212, 1: 53 },
    isLocked: true,
    meta: { isMultisig: true, threshold: 2, who: ['5Grw…', '5FHn…'], name: 'multi', isExternal: true },
    publicKey: { 0: 212, 1: 53 },
    type: 'sr25519',
  },
];
// Apps' address book (apps packages/page-addresses/src/Contacts/Export.tsx, PR #11383; docs/batch-and-arrays.md §4).
const addressBook = [
  { address: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY', name: 'Alice', isFavorite: true },
  {
    address: 'FLiSDPCcJ6auZUGXALLj6jpahcP6adVFDBUQznPXUQ7yoqH',
    name: 'with "quotes" \\ and\nnewline',
    isFavorite: false,
  },
];

describe('detectFormat on real and reference samples', () => {
  for (const sample of KEYSTORE_SAMPLES) {
    it(`keystore: ${sample.label} (${sample.source})`, () => {
      expect(detectFormat(sample.text)).toEqual(sample.expected);
      expect(detectFormat(JSON.parse(sample.text))).toEqual(sample.expected);
      // As saved by editors on Windows, with a BOM, CRLF and indentation.
      const windows = `\uFEFF${JSON.stringify(JSON.parse(sample.text), null, 2).replaceAll('\n', '\r\n')}\r\n`;
      expect(detectFormat(windows)).toEqual(sample.expected);
    });
  }

  it('batch (extension export-all), encrypted and the early unencrypted form, bare or in [ ]', () => {
    const count = keystores.length;
    expect(detectFormat(JSON.stringify(batchEncrypted))).toEqual({
      format: 'batch',
      count,
      encrypted: true,
      wrapped: false,
    });
    expect(detectFormat(JSON.stringify(batchPlain))).toEqual({
      format: 'batch',
      count,
      encrypted: false,
      wrapped: false,
    });
    expect(detectFormat(JSON.stringify([batchEncrypted]))).toEqual({
      format: 'batch',
      count,
      encrypted: true,
      wrapped: true,
    });
  });

  it('subwallet-batch: a batch with accountProxies / modifyPairs (SubWallet KeyringPairs$JsonV2)', () => {
    const sub = {
      ...batchEncrypted,
      accountProxies: { 'proxy-1': { id: 'proxy-1', name: 'Main' } },
      modifyPairs: { [keystores[0]!.address as string]: { key: 'x', applied: true, migrated: true } },
    };
    expect(detectFormat(JSON.stringify(sub))).toMatchObject({ format: 'subwallet-batch', encrypted: true });
    expect(detectFormat(JSON.stringify({ ...batchEncrypted, modifyPairs: {} })).format).toBe(
      'subwallet-batch',
    );
  });

  it('apps-accounts and address-book arrays', () => {
    expect(detectFormat(JSON.stringify(appsArray, null, 2))).toEqual({
      format: 'apps-accounts',
      count: 3,
      withKey: 2,
    });
    expect(detectFormat(JSON.stringify(addressBook))).toEqual({ format: 'address-book', count: 2 });
  });

  it('mnemonics, seeds and dev URIs, reporting shape but never words', () => {
    const cases: [string, Detected][] = [
      [DEV, { format: 'mnemonic', wordCount: 12, valid: true, hasPath: false, hasPassword: false }],
      [
        `\uFEFF ${DEV.toUpperCase().replaceAll(' ', '\r\n')}\r\n`,
        { format: 'mnemonic', wordCount: 12, valid: true, hasPath: false, hasPassword: false },
      ],
      [
        `${DEV}//polkadot///secret pw`,
        { format: 'mnemonic', wordCount: 12, valid: true, hasPath: true, hasPassword: true },
      ],
      [`${DEV}///pw`, { format: 'mnemonic', wordCount: 12, valid: true, hasPath: false, hasPassword: true }],
      [
        DEV.split(' ').slice(0, 11).join(' '),
        { format: 'mnemonic', wordCount: 11, valid: false, hasPath: false, hasPassword: false },
      ],
      [
        DEV.replace('lonely', 'lonly'),
        { format: 'mnemonic', wordCount: 12, valid: false, hasPath: false, hasPassword: false },
      ],
      [
        DEV.replace('fit walk', 'walk fit'),
        { format: 'mnemonic', wordCount: 12, valid: false, hasPath: false, hasPassword: false },
      ],
      [`0x${'ab'.repeat(32)}`, { format: 'raw-seed', hasPath: false, hasPassword: false }],
      [`0x${'AB'.repeat(32)}//hard\n`, { format: 'raw-seed', hasPath: true, hasPassword: false }],
      ['//Alice', { format: 'dev-uri', hasPassword: false }],
      ['//Alice//stash///pw', { format: 'dev-uri', hasPassword: true }],
    ];
    for (const [text, expected] of cases) expect(detectFormat(text)).toEqual(expected);
  });

  it('unknown inputs carry a reason that names what was found', () => {
    const cases: [unknown, RegExp][] = [
      ['', /empty/],
      ['\uFEFF \r\n', /empty/],
      ['hello', /not JSON and not a mnemonic/],
      ['{}', /without encoding\.content/],
      ['{"encoded":"abc"}', /no encoding/],
      ['{"encoding":"x","encoded":"abc"}', /encoding is not an object/],
      ['{"encoding":{"content":["pkcs8","sr25519"]}}', /no encoded string/],
      ['{"encoding":{"content":["pkcs8","rsa"],"version":"3"},"encoded":"x"}', /key type "rsa"/],
      ['{"encoding":{"content":["something"]},"encoded":"x"}', /"something"/],
      ['{"address":"5Grw","meta":{}}', /address entry, not a keystore/],
      ['{"address": "5Grw", "encoded": ', /does not parse/],
      ['[]', /empty JSON array/],
      ['[1,2]', /item 1 is not an object/],
      ['[{"address":"5Grw"}]', /neither meta/],
      ['[{"address":"a","meta":{}},{"address":"b","name":"c"}]', /mixes/],
      ['"a JSON string"', /JSON string/],
      [`0x${'ab'.repeat(64)}`, /64 bytes.*expanded secret key/],
      ['0x12345', /not whole bytes/],
      ['//', /not a derivation path/],
      [
        'ａｂｃ ｄｅｆ ｇｈｉ ｊｋｌ ｍｎｏ ｐｑｒ ｓｔｕ ｖｗｘ ｙｚａ ｂｃｄ ｅｆｇ ｈｉｊ',
        /12 words, but only 0/,
      ],
      [42, /a number/],
      [null, /null/],
      [undefined, /undefined/],
    ];
    for (const [input, reason] of cases) {
      const d = detectFormat(input);
      expect(d.format).toBe('unknown');
      expect(d.format === 'unknown' && d.reason).toMatch(reason);
    }
  });
});

const fields = (d: Detected) => Object.entries(d).filter(([k]) => k !== 'format');

describe('detectFormat on hostile input', () => {
  it('never throws on any value or string, and always names a known format', () => {
    const formats = [
      'keystore',
      'batch',
      'subwallet-batch',
      'apps-accounts',
      'address-book',
      'mnemonic',
      'raw-seed',
      'dev-uri',
      'unknown',
    ];
    const texts = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.json(),
      fc
        .constantFrom(...KEYSTORE_SAMPLES.map((s) => s.text))
        .chain((t) =>
          fc.tuple(fc.nat(t.length), fc.nat(t.length)).map(([a, b]) => t.slice(0, a) + t.slice(b)),
        ),
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.anything({ withNullPrototype: true, withObjectString: true }), texts),
        (input) => {
          expect(formats).toContain(detectFormat(input).format);
        },
      ),
      fcParams(2),
    );
  });

  it('every case of the shared hostile table is unknown, never a throw', () => {
    for (const c of GENERIC_HOSTILE) {
      const d = detectFormat(c.make());
      expect([c.name, d.format]).toEqual([c.name, 'unknown']);
    }
    expect(detectFormat(`{${' '.repeat(HUGE_LENGTH)}}`)).toMatchObject({ format: 'unknown' });
  });

  it('survives throwing getters, proxies, __proto__ keys, lone surrogates and huge input', () => {
    const throwing = Object.defineProperty({}, 'encoding', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const proxy = new Proxy(
      {},
      {
        getOwnPropertyDescriptor: () => {
          throw new Error('trap');
        },
        has: () => {
          throw new Error('trap');
        },
      },
    );
    const hostile: unknown[] = [
      throwing,
      proxy,
      [proxy],
      JSON.parse('{"__proto__":{"encoding":{"content":["pkcs8","sr25519"]}},"encoded":"x"}'),
      '{"__proto__":{"encoding":{"content":["batch-pkcs8"]}},"encoded":"x"}',
      `{"encoded":"\ud800","encoding":{"content":["pkcs8","\udfff"]}}`,
      '\ud800\udc00\ud800',
      `[${'{"address":"a","meta":{}},'.repeat(20_000)}{"address":"a","meta":{}}]`,
      'abandon '.repeat(100_000),
      '['.repeat(100_000),
    ];
    for (const input of hostile) {
      const d = detectFormat(input);
      expect(typeof d.format).toBe('string');
    }
    expect(detectFormat(throwing)).toEqual({
      format: 'unknown',
      reason: 'input could not be inspected (Error)',
    });
  });

  it('what it reports about any mnemonic, seed or dev URI holds no text of the input', () => {
    const words = fc.constantFrom(12, 15, 18, 21, 24).map((n) => mnemonicGenerate(n as 12));
    const secretText = fc.oneof(
      fc.tuple(words, fc.constantFrom('', '//hard', '/soft//x', '///my password')).map(([w, p]) => w + p),
      fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => u8aToHex(b)),
      fc.stringMatching(/^\/\/[A-Za-z]{1,8}(\/\/\/[a-z]{1,8})?$/),
    );
    fc.assert(
      fc.property(secretText, (text) => {
        const d = detectFormat(text);
        expect(['mnemonic', 'raw-seed', 'dev-uri']).toContain(d.format);
        for (const [, value] of fields(d)) expect(['number', 'boolean']).toContain(typeof value);
      }),
      fcParams(0.5),
    );
  });
});
