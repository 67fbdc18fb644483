// Every public parser of core against the hostile-input table (test/hostile.ts) and random
// input: each must answer with the expected KeyportError code, and nothing else ever escapes.
import { fcParams } from '@keyport/test-harness';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAddressBook, parseAppsAccounts } from '../src/apps-array.ts';
import {
  parseBananaShard,
  readBananaShardLines,
  readBananaShards,
  scanBananaShards,
} from '../src/banana-shard.ts';
import { createBatch, openBatch, parseBatch } from '../src/batch.ts';
import { parseLedgerPath, readLedgerPhrase } from '../src/derive/ledger.ts';
import { describeKeystore, openKeystore, parseKeystore } from '../src/keystore/index.ts';
import { readLocateSecret } from '../src/locate/secret.ts';
import { parseTarget } from '../src/locate/target.ts';
import { parseQrText } from '../src/qr-text.ts';
import { nodeScrypt } from '../src/scrypt/node.ts';
import { COMPAT_SCRYPT } from '../src/scrypt/params.ts';
import { readSecretInput } from '../src/secret-input.ts';
import { parseSubkeyOutput } from '../src/subkey-output.ts';
import { parseWeb3 } from '../src/web3-keystore.ts';
import {
  addressBookCases,
  appsAccountsCases,
  batchCases,
  GENERIC_HOSTILE,
  type HostileCase,
  keystoreCases,
} from './hostile.ts';
import { KEYSTORE_VECTORS } from './vectors/keystore.ts';

const ALICE = KEYSTORE_VECTORS.find((v) => v.password === 'whoisalice')!;
const alice = JSON.parse(ALICE.json) as Record<string, unknown>;
const opts = { scrypt: nodeScrypt };

type Parser = (input: unknown) => unknown;
const PARSERS: Record<string, Parser> = {
  parseKeystore,
  describeKeystore,
  openKeystore: (x) => openKeystore(x, ALICE.password, opts),
  parseBatch,
  openBatch: (x) => openBatch(x, 'batch password', opts),
  parseAppsAccounts,
  parseAddressBook,
};

/** Runs `parse` and returns 'OK' or the KeyportError code; any other throw fails the test. */
async function outcome(parse: Parser, input: unknown): Promise<string> {
  try {
    await parse(input);
    return 'OK';
  } catch (e) {
    const err = e as { name?: string; code?: string; message?: string };
    if (err?.name !== 'KeyportError' || typeof err.code !== 'string') {
      throw new Error(`a non-Keyport exception escaped: ${String(err?.name)}: ${String(err?.message)}`);
    }
    return err.code;
  }
}

async function expectCases(parsers: Parser[], cases: readonly HostileCase[], open: boolean[]): Promise<void> {
  const failures: string[] = [];
  for (const c of cases) {
    const input = c.make();
    for (let i = 0; i < parsers.length; i++) {
      const want = open[i] ? (c.openCode ?? c.code) : c.code;
      const got = await outcome(parsers[i]!, input);
      if (got !== want) failures.push(`${c.name} [parser ${i}]: expected ${want}, got ${got}`);
    }
  }
  expect(failures).toEqual([]);
}

let batch: Record<string, unknown>;
let apps: Record<string, unknown>[];

beforeAll(async () => {
  await cryptoWaitReady();
  batch = JSON.parse(
    JSON.stringify(
      await createBatch([alice], 'batch password', { params: COMPAT_SCRYPT, scrypt: nodeScrypt }),
    ),
  );
  const bob = new Keyring({ type: 'sr25519' }).addFromAddress(
    '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty',
    {
      isExternal: true,
      name: 'Bob (QR)',
    },
  );
  apps = [alice, JSON.parse(JSON.stringify(bob))];
});

describe('hostile inputs', () => {
  it('every parser refuses every generic hostile input with INVALID_INPUT', async () => {
    const failures: string[] = [];
    for (const c of GENERIC_HOSTILE) {
      const input = c.make();
      for (const [name, parse] of Object.entries(PARSERS)) {
        const got = await outcome(parse, input);
        if (got !== c.code) failures.push(`${name} / ${c.name}: expected ${c.code}, got ${got}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('keystore parsers give the expected code for every mutated field', async () => {
    await expectCases([parseKeystore, describeKeystore, PARSERS.openKeystore!], keystoreCases(alice), [
      false,
      false,
      true,
    ]);
  });

  it('batch parsers give the expected code for every mutated field', async () => {
    await expectCases([parseBatch, PARSERS.openBatch!], batchCases(batch), [false, true]);
  });

  it('the Apps accounts parser gives the expected code for every mutated item', async () => {
    expect((await outcome(parseAppsAccounts, apps)) === 'OK').toBe(true);
    await expectCases([parseAppsAccounts], appsAccountsCases(apps), [false]);
  });

  it('the address-book parser gives the expected code for every mutated item', async () => {
    const book = [
      { address: '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty', isFavorite: true, name: 'Bob' },
    ];
    expect(await outcome(parseAddressBook, book)).toBe('OK');
    await expectCases([parseAddressBook], addressBookCases(book), [false]);
  });

  it('the valid documents themselves pass every check (so the mutations are what fails)', async () => {
    expect(await outcome(parseKeystore, alice)).toBe('OK');
    expect(await outcome(PARSERS.openKeystore!, alice)).toBe('OK');
    expect(await outcome(PARSERS.openBatch!, batch)).toBe('OK');
  });
});

describe('random input never makes a non-Keyport exception escape', () => {
  const cheap = Object.entries(PARSERS).filter(([n]) => !n.startsWith('open'));

  it('any JSON value or text, into every shape parser', async () => {
    const input = fc.oneof(
      fc.jsonValue(),
      fc.json(),
      fc.string({ unit: 'binary' }),
      fc.anything({ withBigInt: true, withMap: true, withTypedArray: true, withNullPrototype: true }),
    );
    await fc.assert(
      fc.asyncProperty(input, async (x) => {
        for (const [, parse] of cheap) await outcome(parse, x);
      }),
      fcParams(2),
    );
  });

  it('any character change in a real keystore either parses or is a KeyportError', async () => {
    const text = ALICE.json;
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: text.length - 1 }),
        fc.string({ unit: 'binary', maxLength: 2 }),
        async (i, s) => {
          const mutated = text.slice(0, i) + s + text.slice(i + 1);
          for (const [, parse] of cheap) await outcome(parse, mutated);
        },
      ),
      fcParams(2),
    );
  });

  it('any byte flipped in a real keystore encoded is WRONG_PASSWORD or UNSAFE_SCRYPT_PARAMS (few runs: scrypt)', async () => {
    const bytes = Uint8Array.from(atob(String(alice.encoded)), (c) => c.charCodeAt(0));
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), async (i, x) => {
        const flipped = bytes.slice();
        flipped[i]! ^= x;
        const json = { ...alice, encoded: btoa(String.fromCharCode(...flipped)) };
        const code = await outcome(PARSERS.openKeystore!, json);
        expect(['WRONG_PASSWORD', 'UNSAFE_SCRYPT_PARAMS']).toContain(code);
      }),
      fcParams(0.05),
    );
  });
});

describe('no parser echoes its input', () => {
  const PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
  it('a mnemonic (or any text) fed where JSON is expected never appears in the error', async () => {
    for (const [name, parse] of Object.entries(PARSERS)) {
      for (const text of [PHRASE, `{"encoded": ${PHRASE}}`, `[${PHRASE}]`]) {
        try {
          await parse(text);
          throw new Error(`${name} accepted non-JSON text`);
        } catch (e) {
          const { message, details } = e as { message: string; details?: unknown };
          for (const word of ['bottom', 'drive', 'curtain', 'lonely']) {
            expect(`${name}: ${message} ${JSON.stringify(details ?? {})}`).not.toContain(word);
          }
        }
      }
    }
  });
});

describe('the rescue parsers (locate, Ledger, Web3, Banana Split, QR, subkey) on the hostile table', () => {
  const RESCUE: Record<string, Parser> = {
    parseTarget: (x) => parseTarget(x as string),
    readLocateSecret: (x) => readLocateSecret(x as string),
    readLedgerPhrase: (x) => readLedgerPhrase(x as string),
    parseLedgerPath: (x) => parseLedgerPath(x as string),
    parseWeb3,
    parseBananaShard,
    readBananaShards: (x) => readBananaShards(x as string),
    readBananaShardLines: (x) => readBananaShardLines(x as string),
    // Never throws for text: its error (the first bad line) is what a message would show.
    scanBananaShards: (x) => {
      const scan = scanBananaShards(x as string);
      if (scan.error !== undefined) throw scan.error;
      return scan;
    },
    parseQrText: (x) => parseQrText(x as string),
    parseSubkeyOutput,
    readSecretInput: (x) => readSecretInput(x as string),
  };

  it('every generic hostile input is refused with a KeyportError (or read), nothing else escapes', async () => {
    for (const c of GENERIC_HOSTILE) {
      const input = c.make();
      for (const [name, parse] of Object.entries(RESCUE)) {
        await outcome(parse, input).catch((e: Error) => {
          throw new Error(`${name} / ${c.name}: ${e.message}`);
        });
      }
    }
  });

  it('random text and JSON never make a non-Keyport exception escape, and a secret never shows in the message', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.json(), fc.constantFrom('secret:', 'substrate:', 'Secret phrase: x')),
        async (text) => {
          for (const parse of Object.values(RESCUE)) await outcome(parse, text);
        },
      ),
      fcParams(0.5),
    );
    const phrase = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
    for (const [name, parse] of Object.entries(RESCUE)) {
      for (const input of [`secret:${phrase}:zz`, `{"t":"${phrase}"}`, `substrate:${phrase}`]) {
        try {
          await parse(input);
        } catch (e) {
          expect(`${name}: ${(e as Error).message}`).not.toContain('sausage');
        }
      }
    }
  });
});
