// The polkadot-js extension's chrome.storage.local as `chrome.storage.local.get(null)` returns it
// (docs/apps-storage.md §5): keyring records under the same `account:0x…` keys as Apps, but stored as
// objects, not JSON strings; `metadata:<genesisHash>` objects; `authUrls` and
// `defaultAuthAccounts` as JSON strings. Test accounts are never stored by the extension.
import fc from 'fast-check';
import { KNOWN_GENESIS } from './meta.ts';
import { anyAddress, keylessAccount, type StoredRecord } from './storage.ts';
import { hostileString } from './strings.ts';

/** The extension store's contents: key → structured-clone value (objects, strings). */
export type ExtensionStorage = Record<string, unknown>;

const chainMetadata = fc
  .record({
    genesisHash: fc.constantFrom(...KNOWN_GENESIS),
    chain: hostileString({ minPieces: 1, maxPieces: 3 }),
    specVersion: fc.nat({ max: 2_000_000 }),
    ss58Format: fc.constantFrom(0, 2, 42),
    tokenDecimals: fc.constantFrom(10, 12, 18),
    tokenSymbol: fc.constantFrom('DOT', 'KSM', 'WND'),
  })
  .map((m) => [
    `metadata:${m.genesisHash}`,
    { ...m, chainType: 'substrate', icon: 'polkadot', types: {}, userExtensions: {} },
  ]);

const authUrls = fc
  .array(fc.tuple(fc.constantFrom('polkadot.js.org', 'app.example', 'localhost:3000'), anyAddress), {
    maxLength: 2,
  })
  .map((sites) => {
    const value = Object.fromEntries(
      sites.map(([host, addr]) => [
        `https://${host}`,
        { authorizedAccounts: [addr], count: 0, id: host, origin: host, url: `https://${host}/` },
      ]),
    );
    return ['authUrls', JSON.stringify(value)];
  });

const defaultAuthAccounts = fc
  .array(anyAddress, { maxLength: 2 })
  .map((list) => ['defaultAuthAccounts', JSON.stringify(list)]);

/** Options for {@link extensionStorage}. */
export interface ExtensionStorageOptions {
  /** Keyed (encrypted) account records the store may hold (see appsStorage's `keyed`). */
  keyed?: readonly StoredRecord[];
  /** Most generated keyless (external / hardware) account records (default 2). */
  maxKeyless?: number;
  /**
   * Fewest account records (default 0). A dump without any has only string values and cannot
   * be told from a localStorage dump; ask for 1 where the format must be recognisable.
   */
  minAccounts?: number;
}

/**
 * A dump of the extension's chrome.storage.local: account records as objects (never
 * `isTesting`), chain metadata objects and the two JSON-string keys.
 *
 * @example fc.property(extensionStorage({ keyed: pool }), (dump) => { importText(JSON.stringify(dump)) … })
 */
export function extensionStorage(opts: ExtensionStorageOptions = {}): fc.Arbitrary<ExtensionStorage> {
  const { keyed = [], maxKeyless = 2, minAccounts = 0 } = opts;
  return fc
    .record({
      keyed: fc.subarray([...keyed]),
      keyless: fc.array(keylessAccount, { maxLength: maxKeyless }),
      metadata: fc.array(chainMetadata, { maxLength: 2 }),
      auth: fc.option(authUrls, { nil: undefined }),
      defaults: fc.option(defaultAuthAccounts, { nil: undefined }),
    })
    .filter(({ keyed, keyless }) => new Set([...keyed, ...keyless].map((r) => r.key)).size >= minAccounts)
    .map(({ keyed, keyless, metadata, auth, defaults }) => {
      const accounts = [...keyless, ...keyed].map((r): [string, unknown] => [
        r.key,
        { ...r.json, meta: { ...r.json.meta, isTesting: false } },
      ]);
      const rest = [...metadata, ...(auth ? [auth] : []), ...(defaults ? [defaults] : [])];
      return Object.fromEntries([...rest, ...accounts]);
    });
}
