// What Polkadot-JS Apps would show from a storage, found by running the real @polkadot/ui-keyring
// over a copy of it. Separate entry (`@keyport/storage-migrate/verify`): it pulls ui-keyring in.
import { accountKey, addressKey, contractKey } from '@polkadot/ui-keyring/defaults';
import { Keyring } from '@polkadot/ui-keyring/Keyring';
import { env } from '@polkadot/ui-keyring/observable/env';
import type { KeyringJson, KeyringStore } from '@polkadot/ui-keyring/types';
import { classifyKey } from './classify.ts';
import { holdsKey } from './plan/records.ts';
import { MemoryStorage, readAll, type StorageLike, snapshot } from './storage.ts';

/** The chain and mode Apps would load the keyring with. */
export interface VerifyOptions {
  /** SS58 prefix for the listed addresses; default 42. */
  readonly ss58Format?: number;
  /** Genesis hash of the connected chain; absent: no chain filter (genesis-bound entries shown). */
  readonly genesisHash?: `0x${string}`;
  /** Apps' development mode; default false. */
  readonly isDevelopment?: boolean;
  /** The keyring type Apps loads with: 'ethereum' on Ethereum-style chains; default 'ed25519'. */
  readonly type?: 'ed25519' | 'ethereum';
  /** Storage key (`account:0x…`) → password: each such account must unlock (decodePkcs8). */
  readonly passwords?: Readonly<Record<string, string>>;
}

/** An account Apps would list. */
export interface ShownAccount {
  readonly key: string;
  readonly address: string;
  readonly name?: string;
  readonly type: string;
  /** False for external, QR, hardware and multisig accounts. */
  readonly hasKey: boolean;
  /** Set when a password was given for it: whether it unlocked. */
  readonly unlocked?: boolean;
}

/** An address-book entry or contract Apps would list. */
export interface ShownAddress {
  readonly key: string;
  readonly address: string;
  readonly name?: string;
}

/** What ui-keyring loaded, and what it did not. */
export interface VerifyResult {
  readonly accounts: readonly ShownAccount[];
  readonly addresses: readonly ShownAddress[];
  readonly contracts: readonly ShownAddress[];
  /** `account:`/`address:`/`contract:` keys of the storage that none of the lists shows. */
  readonly notShown: readonly string[];
  /** Keys ui-keyring would rewrite (re-serialise, re-key) or delete on load. */
  readonly rewritten: readonly string[];
}

// store.js semantics over any StorageLike: JSON values, raw-string fallback, `undefined` removes.
function keyringStore(storage: StorageLike): KeyringStore {
  const read = (raw: string | null): unknown => {
    if (!raw) return undefined;
    try {
      return JSON.parse(raw);
    } catch {
      return raw; // store.js hands back a value it cannot parse as the raw string
    }
  };
  return {
    all: (cb) => {
      for (let i = storage.length - 1; i >= 0; i--) {
        const key = storage.key(i);
        if (key !== null) cb(key, read(storage.getItem(key)) as KeyringJson);
      }
    },
    get: (key, cb) => cb(read(storage.getItem(key)) as KeyringJson),
    remove: (key, cb) => {
      storage.removeItem(key);
      cb?.();
    },
    set: (key, value, cb) => {
      if (value === undefined) storage.removeItem(key);
      else storage.setItem(key, JSON.stringify(value));
      cb?.();
    },
  };
}

const NO_STORE: KeyringStore = {
  all: () => undefined,
  get: () => undefined,
  remove: () => undefined,
  set: () => undefined,
};

// ui-keyring keeps its lists in module-level subjects shared by every Keyring instance.
function clearLists(kr: Keyring): void {
  const dev = env.isDevelopment();
  env.set(true); // makes isTesting entries visible, so they are cleared too
  for (const list of [kr.accounts, kr.addresses, kr.contracts]) {
    for (const address of Object.keys(list.subject.getValue())) list.remove(NO_STORE, address);
  }
  env.set(dev);
}

/**
 * Loads a copy of `storage` into a fresh @polkadot/ui-keyring (through an injected store with
 * store.js semantics, never the global localStorage) and lists the accounts, address-book
 * entries and contracts Apps would show. `storage` is not modified. ui-keyring keeps its lists
 * in module-level state: do not call this while a page uses ui-keyring's global keyring.
 *
 * @example const { accounts, notShown } = await verifyWithUiKeyring(storage, { genesisHash })
 */
export async function verifyWithUiKeyring(
  storage: StorageLike,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  const original = readAll(storage);
  const scratch = new MemoryStorage(original);
  const kr = new Keyring();
  // A second KeyringOption.init throws process-wide; the option lists are not needed here.
  Object.defineProperty(kr, 'keyringOption', { value: { init: () => undefined, clear: () => undefined } });
  const devBefore = env.isDevelopment();
  clearLists(kr);
  try {
    kr.loadAll({
      store: keyringStore(scratch),
      ss58Format: options.ss58Format ?? 42,
      isDevelopment: options.isDevelopment ?? false,
      type: options.type ?? 'ed25519',
      ...(options.genesisHash === undefined ? {} : { genesisHash: options.genesisHash }),
    });
    const stored = new Map(original);
    const accounts: ShownAccount[] = [];
    for (const { address, meta } of kr.getAccounts()) {
      const key = accountKey(address);
      const value = stored.get(key);
      if (value === undefined) continue; // a built-in dev account, not from this storage
      const pair = kr.getPair(address);
      const password =
        options.passwords && Object.hasOwn(options.passwords, key) ? options.passwords[key] : undefined;
      let unlocked: boolean | undefined;
      if (password !== undefined) {
        try {
          pair.decodePkcs8(password);
          unlocked = true;
        } catch {
          unlocked = false; // the answer itself: this password does not open the stored key
        } finally {
          pair.lock();
        }
      }
      accounts.push({
        key,
        address,
        ...(typeof meta.name === 'string' ? { name: meta.name } : {}),
        type: pair.type,
        hasKey: holdsKey(value),
        ...(unlocked === undefined ? {} : { unlocked }),
      });
    }
    const listed = (items: { address: string; meta: { name?: string } }[], keyOf: (a: string) => string) =>
      items
        .map(({ address, meta }) => ({
          key: keyOf(address),
          address,
          ...(typeof meta.name === 'string' ? { name: meta.name } : {}),
        }))
        .filter((a) => stored.has(a.key));
    const addresses = listed(kr.getAddresses(), addressKey);
    const contracts = listed(kr.getContracts(), contractKey);
    const shown = new Set([...accounts, ...addresses, ...contracts].map((a) => a.key));
    const notShown = original
      .map(([k]) => k)
      .filter((k) => ['account', 'address', 'contract'].includes(classifyKey(k)) && !shown.has(k));
    const after = snapshot(scratch);
    // What ui-keyring changed in its store while loading: re-serialised or re-keyed records,
    // expired "recent" addresses. In development mode it also stores its own test accounts;
    // those are not changes to this storage.
    const keys = new Set([...stored.keys(), ...Object.keys(after)]);
    const rewritten = [...keys].filter((k) => {
      const now = Object.hasOwn(after, k) ? after[k] : undefined;
      if (stored.get(k) === now) return false;
      return stored.has(k) || !isBuiltIn(now);
    });
    return { accounts, addresses, contracts, notShown, rewritten: rewritten.sort() };
  } finally {
    clearLists(kr);
    env.set(devBefore);
  }
}

// In development mode ui-keyring stores its built-in test accounts too; they are not rewrites.
function isBuiltIn(value: string | undefined): boolean {
  if (value === undefined) return false;
  try {
    return (JSON.parse(value) as { meta?: { isTesting?: boolean } }).meta?.isTesting === true;
  } catch {
    return false; // not JSON: not one of ui-keyring's own records
  }
}
