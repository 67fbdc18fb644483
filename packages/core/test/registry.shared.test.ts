// The format registry: every module is complete and named once, detection names each module's
// own documents, every reader of every module survives the shared hostile table (looped over
// the registry, so a new module is covered without a new test), and every writer's output is
// read back as the same format holding the same accounts.
import { fcParams, registryHostileFailures } from '@keyport/test-harness';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, secp256k1PairFromSeed } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBatch } from '../src/batch.ts';
import { coreRegistry, CORE_FORMATS as LIST } from '../src/registry/core.ts';
import type { FormatModule, HeldAccount, Holdings } from '../src/registry/types.ts';
import { nodeScrypt } from '../src/scrypt/node.ts';
import { COMPAT_SCRYPT } from '../src/scrypt/params.ts';
import { createWeb3 } from '../src/web3-crypto.ts';
import {
  addressBookCases,
  appsAccountsCases,
  batchCases,
  GENERIC_HOSTILE,
  type HostileCase,
  keystoreCases,
} from './hostile.ts';
import { BANANA_VECTORS } from './vectors/banana-split.ts';
import { KEYSTORE_VECTORS } from './vectors/keystore.ts';

const ALICE = KEYSTORE_VECTORS.find((v) => v.password === 'whoisalice')!;
const alice = JSON.parse(ALICE.json) as Record<string, unknown>;
const BOOK = [{ address: '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty', isFavorite: true, name: 'Bob' }];
const PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
const CORE_FORMATS: readonly FormatModule[] = LIST;
const open = { password: 'batch password', scrypt: nodeScrypt };

let batch: Record<string, unknown>;
let apps: Record<string, unknown>[];
let web3: unknown;

beforeAll(async () => {
  await cryptoWaitReady();
  batch = JSON.parse(
    JSON.stringify(await createBatch([alice], open.password, { params: COMPAT_SCRYPT, scrypt: nodeScrypt })),
  );
  const bob = new Keyring({ type: 'sr25519' }).addFromAddress(BOOK[0]!.address, {
    isExternal: true,
    name: 'Bob (QR)',
  });
  apps = [alice, JSON.parse(JSON.stringify(bob))];
  const key = new Uint8Array(32).fill(7);
  const eth = {
    type: 'ethereum',
    publicKey: secp256k1PairFromSeed(key.slice()).publicKey,
    secretKey: key,
    address: '',
    meta: {},
  } as const;
  web3 = await createWeb3(eth, open.password, { kdf: { kdf: 'pbkdf2', c: 1000 } });
});

describe('core format registry', () => {
  it('every module has a unique id, a label and a describe, and says what it holds', () => {
    const ids = CORE_FORMATS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of CORE_FORMATS) {
      expect([f.id, f.label.length > 0]).toEqual([f.id, true]);
      expect(['accounts', 'contacts', 'storage', 'secret']).toContain(f.holds);
      expect(typeof f.describe).toBe('function');
      expect(coreRegistry.byId(f.id)).toBe(f);
    }
  });

  it("detection names each module's own document, and the module opens or reports it", async () => {
    const docs: [string, unknown][] = [
      ['keystore', alice],
      ['batch', batch],
      ['subwallet-batch', { ...batch, accountProxies: {} }],
      ['apps-accounts', apps],
      ['address-book', BOOK],
      ['mnemonic', PHRASE],
      ['raw-seed', `0x${'ab'.repeat(32)}`],
      ['dev-uri', '//Alice'],
      ['web3-keystore', web3],
      ['banana-split-shard', BANANA_VECTORS[1]!.shards[0]!],
      [
        'qr-address',
        'substrate:5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty:0xe143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e',
      ],
      ['qr-secret', 'secret://Alice:e143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e'],
      [
        'subkey-output',
        { secretPhrase: '//Alice', secretSeed: '0x00', publicKey: '0x00', ss58Address: '5F' },
      ],
    ];
    expect(docs.map(([id]) => id).sort()).toEqual(CORE_FORMATS.map((f) => f.id).sort());
    for (const [id, doc] of docs) {
      const found = coreRegistry.detect(typeof doc === 'string' ? doc : JSON.stringify(doc));
      expect(found.detected.format).toBe(id);
      const m = coreRegistry.byId(id)!;
      const report = await m.report?.(found, coreRegistry);
      expect(report?.format).toBe(id);
      if (m.open) expect((await m.open(found, open)).skipped).toEqual([]);
    }
  });

  it('every reader of every module returns or throws a KeyportError on every hostile input', async () => {
    const cases: HostileCase[] = [
      ...GENERIC_HOSTILE,
      ...keystoreCases(alice),
      ...batchCases(batch),
      ...appsAccountsCases(apps),
      ...addressBookCases(BOOK),
    ];
    const failures: string[] = [];
    for (const c of cases) {
      const input = c.make();
      for (const x of typeof input === 'object' && input !== null ? [input, safeStringify(input)] : [input]) {
        for (const f of await registryHostileFailures(coreRegistry, x, { openOptions: open })) {
          failures.push(`${c.name}: ${f}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('random text and values: every reader returns or throws a KeyportError', async () => {
    const input = fc.oneof(fc.json(), fc.string({ unit: 'binary' }), fc.jsonValue());
    await fc.assert(
      fc.asyncProperty(input, async (x) => {
        expect(await registryHostileFailures(coreRegistry, x, { openOptions: open })).toEqual([]);
      }),
      fcParams(0.5),
    );
  });

  it('no reader puts a word of a mnemonic into its error', async () => {
    for (const m of CORE_FORMATS) {
      for (const text of [PHRASE, `{"encoded": "${PHRASE}"}`, `[${PHRASE}]`]) {
        const found = { detected: { format: m.id }, value: text, text } as never;
        for (const read of [() => m.report?.(found, coreRegistry), () => m.open?.(found, open)]) {
          try {
            await read();
          } catch (e) {
            const { message, details } = e as { message: string; details?: unknown };
            for (const word of ['bottom', 'curtain', 'lonely']) {
              expect(`${m.id}: ${message} ${JSON.stringify(details ?? {})}`).not.toContain(word);
            }
          }
        }
      }
    }
  });

  it('write then detect and open gives the same format and the same accounts, for every writer', async () => {
    const fromApps = await coreRegistry.byId('apps-accounts')!.open!(
      { detected: { format: 'apps-accounts' }, value: apps },
      {},
    );
    const fromWeb3 = await coreRegistry.byId('web3-keystore')!.open!(
      coreRegistry.detect(JSON.stringify(web3)),
      open,
    );
    const accounts = [...fromApps.accounts, ...fromWeb3.accounts.map((a) => ({ ...a, index: 2 }))];
    const options = { ...open, accountPassword: open.password, params: COMPAT_SCRYPT };
    const address = (a: HeldAccount) => ('keystore' in a ? a.keystore.address : a.external.address);
    for (const m of CORE_FORMATS) {
      if (!m.writer || !m.open) continue;
      // A one-account writer takes the first account it can write (Web3: the ethereum one).
      let given: Holdings | undefined;
      let text = '';
      for (const candidates of m.writer.takes === 'one'
        ? accounts.filter((a) => 'keystore' in a).map((a) => [a])
        : [accounts]) {
        try {
          given = { accounts: candidates, contacts: [], skipped: [] };
          text = await m.writer.write(given, options);
          break;
        } catch (e) {
          if ((e as { code?: string }).code !== 'UNSUPPORTED_KEY_TYPE') throw e;
          given = undefined;
        }
      }
      expect([m.writer.name, given !== undefined]).toEqual([m.writer.name, true]);
      const found = coreRegistry.detect(text);
      expect([m.writer.name, found.detected.format]).toEqual([
        m.writer.name,
        m.id === 'subwallet-batch' ? 'batch' : m.id,
      ]);
      const back = await m.open(found, open);
      const kept = given!.accounts.filter((a) => m.writer!.keepsKeyless || 'keystore' in a);
      expect(back.accounts.map(address)).toEqual(kept.map(address));
      // Formats that hold polkadot-js keystores keep them byte for byte.
      if (!m.check) expect(back.accounts).toEqual(kept.map((a, index) => ({ ...a, index })));
    }
  });
});

function safeStringify(x: object): string {
  try {
    return JSON.stringify(x) ?? '';
  } catch {
    return ''; // a cycle or a throwing getter: the value itself is the case
  }
}
