// An unpacked test wallet extension, written to a folder at test time, that stores exactly what
// the polkadot{.js} extension keeps in storage.local (docs/browser-profiles.md §5): `account:0x…`
// keystore objects made by the real @polkadot/keyring, `metadata:<genesis>`, `authUrls` and
// `defaultAuthAccounts` as JSON strings. It then removes one account (the "forgotten" one) in a
// second write, and reports storage.local.get(null) as its oracle.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_PHRASE, Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { FIXTURE_PASSWORD } from './apps-data.ts';

/** The Firefox add-on id of the test extension. */
export const TEST_EXTENSION_GECKO_ID = 'keyport-fixture@example.org';

/** What the test extension stores, and the key it removes afterwards. */
export interface WalletFixture {
  readonly data: Record<string, unknown>;
  readonly removed: string;
}

/**
 * The polkadot{.js}-shaped storage.local content: 3 accounts (one of which is removed later),
 * chain metadata, authUrls and defaultAuthAccounts.
 */
export async function walletStorage(): Promise<WalletFixture> {
  await cryptoWaitReady();
  const kr = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const data: Record<string, unknown> = {};
  const names = ['ext "one" \\', 'ext ✓ two', 'ext forgotten'];
  const keys: string[] = [];
  names.forEach((name, i) => {
    const pair = kr.addFromUri(`${DEV_PHRASE}//ext//${i}`, { name, whenCreated: 1_700_000_000_000 + i });
    const key = `account:${u8aToHex(pair.publicKey)}`;
    keys.push(key);
    data[key] = pair.toJson(FIXTURE_PASSWORD);
  });
  const genesis = '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3';
  data[`metadata:${genesis}`] = {
    chain: 'Polkadot',
    genesisHash: genesis,
    specVersion: 1_003_000,
    ss58Format: 0,
  };
  data.authUrls = JSON.stringify({
    'https://polkadot.js.org': { count: 0, id: 'x', origin: 'Apps', url: 'https://polkadot.js.org' },
  });
  data.defaultAuthAccounts = JSON.stringify([(data[keys[0]!] as { address: string }).address]);
  return { data, removed: keys[2]! };
}

/**
 * Writes the test extension for `browser` into `dir`: Chromium gets an MV3 service worker,
 * Firefox an MV2 background script with a gecko id that POSTs its storage to `reportUrl`.
 */
export function writeTestExtension(
  dir: string,
  browser: 'chromium' | 'firefox',
  fixture: WalletFixture,
  reportUrl?: string,
): void {
  mkdirSync(dir, { recursive: true });
  const api = browser === 'chromium' ? 'chrome' : 'browser';
  const script = `
const DATA = ${JSON.stringify(fixture.data)};
const REMOVED = ${JSON.stringify(fixture.removed)};
async function setup() {
  const done = await ${api}.storage.local.get('__done');
  if (!done.__done) {
    await ${api}.storage.local.set(DATA);
    await ${api}.storage.local.remove(REMOVED);
  }
  const all = await ${api}.storage.local.get(null);
  ${reportUrl ? `await fetch(${JSON.stringify(reportUrl)}, { method: 'POST', body: JSON.stringify(all) });` : ''}
  return all;
}
globalThis.keyportReady = setup();
`;
  writeFileSync(join(dir, 'background.js'), script);
  const manifest =
    browser === 'chromium'
      ? {
          manifest_version: 3,
          name: 'keyport fixture wallet',
          version: '1.0',
          permissions: ['storage'],
          background: { service_worker: 'background.js' },
        }
      : {
          manifest_version: 2,
          name: 'keyport fixture wallet',
          version: '1.0',
          permissions: ['storage', 'http://127.0.0.1/*'],
          background: { scripts: ['background.js'] },
          browser_specific_settings: { gecko: { id: TEST_EXTENSION_GECKO_ID } },
        };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
}
