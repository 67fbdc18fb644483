// Apps-like localStorage made by the REAL @polkadot/ui-keyring (through an injected store with
// store.js's semantics: every value JSON.stringify'd), plus the strings that break naive readers:
// quotes, backslashes, emoji, non-Latin-1 text (which makes Chromium store a whole value as
// UTF-16), a lone surrogate, NUL, the empty string, a non-Latin-1 key and a 1 MiB value.
import { DEV_PHRASE, Keyring } from '@polkadot/keyring';
import keyring from '@polkadot/ui-keyring';
import type { KeyringJson } from '@polkadot/ui-keyring/types';
import { cryptoWaitReady } from '@polkadot/util-crypto';

/** Public test passwords of the generated accounts (never real secrets). */
export const FIXTURE_PASSWORD = 'fixture "pw" \\ 1';

const POLKADOT = '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3';

let made: Promise<Record<string, string>> | undefined;

/**
 * The keyring part of an Apps storage: 3 accounts (sr25519, ed25519, ethereum) with awkward
 * names, 2 address-book entries, 1 contract with an ABI. Made once per process (ui-keyring is a
 * singleton), encrypted at scrypt N=2^17 as Apps does.
 */
export function uiKeyringEntries(): Promise<Record<string, string>> {
  made ??= (async () => {
    await cryptoWaitReady();
    const stored = new Map<string, string>();
    keyring.loadAll({
      ss58Format: 42,
      type: 'sr25519',
      store: {
        all: (cb: (key: string, value: KeyringJson) => void) => {
          for (const [k, v] of stored) cb(k, JSON.parse(v) as KeyringJson);
        },
        get: (key: string, cb: (value: KeyringJson) => void) => {
          const v = stored.get(key);
          cb((v === undefined ? null : JSON.parse(v)) as KeyringJson);
        },
        remove: (key: string, cb?: () => void) => {
          stored.delete(key);
          cb?.();
        },
        set: (key: string, value: unknown, cb?: () => void) => {
          stored.set(key, JSON.stringify(value));
          cb?.();
        },
      },
    });
    const accounts: [string, 'sr25519' | 'ed25519' | 'ethereum', string][] = [
      [`${DEV_PHRASE}//fixture//sr`, 'sr25519', 'main "hot" wallet \\ ✓'],
      [`${DEV_PHRASE}//fixture//ed`, 'ed25519', 'Ærøskøbing café'],
      [`${DEV_PHRASE}/m/44'/60'/0'/0/3`, 'ethereum', 'eth 🦄 中文'],
    ];
    for (const [suri, type, name] of accounts) keyring.addUri(suri, FIXTURE_PASSWORD, { name }, type);
    const book = new Keyring({ type: 'sr25519', ss58Format: 42 });
    keyring.saveAddress(book.addFromUri(`${DEV_PHRASE}//book//0`).address, { name: 'Bob "the" builder' });
    keyring.saveAddress(book.addFromUri(`${DEV_PHRASE}//book//1`).address, { name: 'C:\\path 👩‍👩‍👧' });
    keyring.saveContract(book.addFromUri(`${DEV_PHRASE}//contract`).address, {
      contract: {
        abi: JSON.stringify({
          contract: { name: 'flipper "v2"' },
          spec: { docs: ['tab\there', 'quote "x"'] },
        }),
        genesisHash: POLKADOT,
      },
      genesisHash: POLKADOT,
      name: 'flipper',
      tags: [],
    });
    return Object.fromEntries(stored);
  })();
  return made;
}

/**
 * A whole Apps-like origin: uiKeyringEntries plus settings and the awkward strings. With
 * `big`, one 1 MiB value (half Latin-1, half CJK so it is stored as UTF-16 by Chromium).
 *
 * @example const entries = await appsLikeStorage({ big: true })
 */
export async function appsLikeStorage(opts: { big?: boolean } = {}): Promise<Record<string, string>> {
  return {
    ...(await uiKeyringEntries()),
    settings: JSON.stringify({ apiUrl: 'wss://rpc.polkadot.io', i18nLang: 'default', storage: 'on' }),
    'polkadot-app-custom-endpoints': JSON.stringify(['wss://a.example/"quoted"']),
    'quote"key': 'say "hi" \\ back\\slash',
    'k-😀': 'a key that is not Latin-1',
    latin1: 'café ÿ ß',
    lone: 'x\ud800y',
    nul: 'a\u0000b',
    empty: '',
    ...(opts.big ? { big: `${'x'.repeat(512 * 1024)}${'中'.repeat(256 * 1024)}` } : {}),
  };
}
