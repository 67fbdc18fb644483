/**
 * Fills an EMPTY storage with sample data made by the real @polkadot/ui-keyring and ui-settings,
 * exactly as Polkadot-JS Apps would store it: one account per key type, a watch-only (external)
 * account, address-book entries, a contract with its ABI, settings and two non-keyring keys.
 * Loaded only by `?demo`.
 */
import { keyring } from '@polkadot/ui-keyring';
import { settings } from '@polkadot/ui-settings';
import { cryptoWaitReady, mnemonicGenerate } from '@polkadot/util-crypto';
import { DEMO_ACCOUNTS } from './demo-data.ts';

/** A minimal ink! metadata document, stored by Apps as a JSON string inside the contract meta. */
const FLIPPER_ABI = JSON.stringify({
  source: { hash: '0x00', language: 'ink! 5.0.0', compiler: 'rustc 1.80.0' },
  contract: { name: 'flipper', version: '5.0.0', authors: ['demo'] },
  spec: {
    constructors: [{ label: 'new', selector: '0x9bae9d5e', args: [], docs: ['"flip" a bool'] }],
    messages: [{ label: 'flip', selector: '0x633aa551', mutates: true, args: [], docs: [] }],
    events: [],
  },
  version: 5,
});

/** Astar's genesis hash (@polkadot/networks 14.0.3): Apps stamps a contract with its chain's. */
const ASTAR_GENESIS = '0x9eb76c5184c4ab8679d2d5d819fdf90b9c001403e9e17da2e14b6d8aec4029c6';

/** What the demo wrote, for the status line. */
export interface DemoResult {
  readonly written: number;
}

/**
 * Creates the demo data in `storage` through ui-keyring (which writes to this page's
 * localStorage). Refuses to touch a storage that already holds anything.
 *
 * @throws Error when `storage` is not empty
 * @example await fillDemo(localStorage)
 */
export async function fillDemo(storage: Storage): Promise<DemoResult> {
  if (storage.length !== 0) throw new Error('the demo only fills an empty storage');
  await cryptoWaitReady();
  keyring.loadAll({ ss58Format: 42, type: 'sr25519' });
  for (const account of DEMO_ACCOUNTS) {
    const phrase = mnemonicGenerate(12);
    const suri = account.type === 'ethereum' ? `${phrase}/m/44'/60'/0'/0/0` : phrase;
    keyring.addUri(suri, account.password, { name: account.name, tags: ['demo'] }, account.type);
  }
  const watch = keyring.createFromUri(mnemonicGenerate(12), {}, 'sr25519');
  keyring.addExternal(watch.address, { name: 'Demo watch-only (external)' });

  const friend = keyring.createFromUri(mnemonicGenerate(12), {}, 'sr25519');
  keyring.saveAddress(friend.address, { name: 'Demo friend' });
  const tricky = keyring.createFromUri(mnemonicGenerate(12), {}, 'ed25519');
  keyring.saveAddress(tricky.address, { name: 'Demo "quoted" name\twith a tab \\ and 🦊' });

  const contract = keyring.createFromUri(mnemonicGenerate(12), {}, 'sr25519');
  keyring.saveContract(contract.address, {
    contract: { abi: FLIPPER_ABI, genesisHash: ASTAR_GENESIS },
    genesisHash: ASTAR_GENESIS,
    name: 'Demo flipper contract',
    tags: [],
  });

  settings.set({ storage: 'on', uiTheme: 'dark', i18nLang: 'en' });
  // Keys Apps writes without ui-keyring: a JSON array and a plain (non-JSON) string.
  storage.setItem('polkadot-app-custom-endpoints', JSON.stringify(['ws://127.0.0.1:9944']));
  storage.setItem('lcUrl', 'light client demo value');
  return { written: storage.length };
}
