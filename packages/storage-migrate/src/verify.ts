// What Polkadot-JS Apps would show from a storage, found by running the real @polkadot/ui-keyring
// over a copy of it. Separate entry (`@keyport/storage-migrate/verify`): it pulls ui-keyring in.
// checkAgainstPlan (plan/check.ts) compares its result with a plan's prediction.
import { accountKey, addressKey, contractKey } from '@polkadot/ui-keyring/defaults';
import { Keyring } from '@polkadot/ui-keyring/Keyring';
import { env } from '@polkadot/ui-keyring/observable/env';
import type { KeyringJson, KeyringStore } from '@polkadot/ui-keyring/types';
import { classifyKey } from './classify.ts';
import { type AppsAccount, type AppsItem, type AppsView, byKey, nameOf } from './plan/apps-load.ts';
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
export interface ShownAccount extends AppsAccount {
  /** Set when a password was given for its key: whether it unlocked. */
  readonly unlocked?: boolean;
}

/** An address-book entry or contract Apps would list. */
export type ShownAddress = AppsItem;

/** What ui-keyring loaded, and what it did not (the lists sorted by key, as loadLikeApps gives them). */
export interface VerifyResult extends AppsView {
  readonly accounts: readonly ShownAccount[];
  /**
   * What ui-keyring printed while loading, masked: it prints whole records (an unencrypted
   * private key included) for records it cannot load; these lines name the key only.
   */
  readonly console: readonly string[];
}

// store.js semantics over any StorageLike: JSON values, raw-string fallback, `undefined` removes.
// `visit` hears each key (and its value) before ui-keyring reads it.
function keyringStore(
  storage: StorageLike,
  visit: (key: string, value: string | null) => void,
): KeyringStore {
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
        if (key === null) continue;
        const value = storage.getItem(key);
        visit(key, value);
        cb(key, read(value) as KeyringJson);
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

const CONSOLE_LEVELS = ['log', 'info', 'warn', 'error', 'debug'] as const;
const UNABLE = 'Keyring: Unable to load ';

/** Runs `fn` with console output captured; every line is replaced by `mask(level, text)`. */
function quietly<T>(fn: () => T, mask: (level: string, text: string) => string, lines: string[]): T {
  const saved = CONSOLE_LEVELS.map((level) => [level, console[level]] as const);
  for (const level of CONSOLE_LEVELS) {
    console[level] = (...args: unknown[]) => {
      lines.push(mask(level, args.map((a) => (typeof a === 'string' ? a : typeof a)).join(' ')));
    };
  }
  try {
    return fn();
  } finally {
    for (const [level, f] of saved) console[level] = f;
  }
}

interface Source {
  readonly key: string;
  readonly value: string;
}

/**
 * Loads a copy of `storage` into a fresh @polkadot/ui-keyring (through an injected store with
 * store.js semantics, never the global localStorage) and lists the accounts, address-book
 * entries and contracts Apps would show, where each is kept and which stored key it came from.
 * `storage` is not modified. ui-keyring's console output during the load is captured and
 * masked (`console`), never printed. ui-keyring keeps its lists in module-level state: do not
 * call this while a page uses ui-keyring's global keyring.
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
  const lists = { account: kr.accounts, address: kr.addresses, contract: kr.contracts } as const;
  const adds = Object.entries(lists).map(([, list]) => [list, list.add] as const);
  // Which stored key each list slot was loaded from, and every record text loaded into it.
  const sources = new Map<string, Source>();
  const loaded = new Map<string, Set<string>>();
  const unloadable = new Set<string>();
  const lines: string[] = [];
  let current: Source | undefined;
  clearLists(kr);
  for (const [name, list] of Object.entries(lists)) {
    const add = list.add;
    list.add = (store, address, json, type) => {
      if (current !== undefined) {
        const slot = `${name}:${address}`;
        sources.set(slot, current);
        loaded.set(slot, (loaded.get(slot) ?? new Set()).add(JSON.stringify(json)));
      }
      return add(store, address, json, type);
    };
  }
  try {
    quietly(
      () =>
        kr.loadAll({
          store: keyringStore(scratch, (key, value) => {
            current = { key, value: value ?? '' };
          }),
          ss58Format: options.ss58Format ?? 42,
          isDevelopment: options.isDevelopment ?? false,
          type: options.type ?? 'ed25519',
          ...(options.genesisHash === undefined ? {} : { genesisHash: options.genesisHash }),
        }),
      (level, text) => {
        if (current !== undefined && text.startsWith(`${UNABLE}${current.key}:`)) {
          unloadable.add(current.key);
          return `${UNABLE}${current.key} (the record is not shown)`;
        }
        return `ui-keyring printed a ${level} message of ${text.length} characters (not shown)`;
      },
      lines,
    );
    current = undefined;
    const accounts: ShownAccount[] = [];
    for (const { address, meta } of kr.getAccounts()) {
      const source = sources.get(`account:${address}`);
      if (source === undefined) continue; // a built-in dev account, not from this storage
      const key = accountKey(address);
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
        source: source.key,
        address,
        ...named(meta),
        type: pair.type,
        hasKey: holdsKey(source.value),
        ...(unlocked === undefined ? {} : { unlocked }),
      });
    }
    const listed = (
      list: 'address' | 'contract',
      items: { address: string; meta: unknown }[],
      keyOf: (a: string) => string,
    ): ShownAddress[] =>
      items.flatMap(({ address, meta }) => {
        const source = sources.get(`${list}:${address}`);
        return source === undefined
          ? []
          : [{ key: keyOf(address), source: source.key, address, ...named(meta) }];
      });
    const addresses = listed('address', kr.getAddresses(), addressKey);
    const contracts = listed('contract', kr.getContracts(), contractKey);
    const shown = new Set([...accounts, ...addresses, ...contracts].map((a) => a.source));
    const notShown = original
      .map(([k]) => k)
      .filter((k) => ['account', 'address', 'contract'].includes(classifyKey(k)) && !shown.has(k));
    const after = snapshot(scratch);
    const stored = new Map(original);
    // What ui-keyring changed in its store while loading: re-serialised or re-keyed records,
    // expired "recent" addresses. In development mode it also stores its own test accounts;
    // those are not changes to this storage.
    const keys = new Set([...stored.keys(), ...Object.keys(after)]);
    const rewritten = [...keys].filter((k) => {
      const now = Object.hasOwn(after, k) ? after[k] : undefined;
      if (stored.get(k) === now) return false;
      return stored.has(k) || !isBuiltIn(now);
    });
    const contested = [...loaded]
      .filter(([, texts]) => texts.size > 1)
      .map(([slot]) => {
        const list = slot.slice(0, slot.indexOf(':')) as keyof typeof lists;
        return { account: accountKey, address: addressKey, contract: contractKey }[list](
          slot.slice(list.length + 1),
        );
      });
    return {
      accounts: accounts.sort(byKey),
      addresses: addresses.sort(byKey),
      contracts: contracts.sort(byKey),
      rewritten: rewritten.sort(),
      unloadable: [...unloadable].sort(),
      contested: [...new Set(contested)].sort(),
      notShown: notShown.sort(),
      console: lines,
    };
  } finally {
    for (const [list, add] of adds) list.add = add;
    clearLists(kr);
    env.set(devBefore);
  }
}

function named(meta: unknown): { name?: string } {
  const name = nameOf(meta);
  return name === undefined ? {} : { name };
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
