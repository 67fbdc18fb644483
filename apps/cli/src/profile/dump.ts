// `keyport dump --profile …`: one origin's localStorage, or one wallet extension's accounts, read
// from a browser profile on disk and written as a keyport bundle. An origin's bundle is byte for
// byte what the migrate page would have dumped in that browser (the same dumpStorage over the
// same strings); an extension's bundle holds its `account:0x…` records as Apps stores them (the
// same conversion `restore` applies to an extension storage dump). With --recover-deleted the
// bundle holds only the older values found in older files, never mixed with the live ones.
import {
  type ExtensionStore,
  exportTalismanAccounts,
  extensionMatcher,
  type LocalStorageStore,
  type ProfileData,
  type RecoveredEntry,
  WALLET_IDS,
  type WalletAccount,
  type WalletName,
  walletAccounts,
  walletOf,
} from '@keyport/browser-profile';
import { KeyportError } from '@keyport/core';
import {
  type Bundle,
  dumpStorage,
  encodeBundle,
  MemoryStorage,
  makeBundle,
  readImportInput,
} from '@keyport/storage-migrate';
import { flag, type ParsedArgs } from '../framework/command.ts';
import { EXIT, UsageError } from '../framework/errors.ts';
import { writeFileAtomic } from '../framework/files.ts';
import type { Io } from '../framework/io.ts';
import { cliScrypt } from '../framework/scrypt.ts';
import { showKey, summaryLine } from '../report/plan-report.ts';
import { type FirefoxStoreChoice, pickOriginStore, storeLabel } from './firefox-store.ts';
import { profilesAt, readWithProgress } from './read.ts';
import { holdsAppsData } from './summary.ts';

/** What to dump from the profile. */
export interface ProfileDumpRequest {
  readonly dir: string;
  readonly origin?: string;
  readonly extension?: string;
  readonly out: string;
  readonly force: boolean;
  readonly passphrase?: string;
  /** Firefox: which store an origin is read from when they differ (--firefox-store). */
  readonly firefoxStore?: FirefoxStoreChoice;
  /** Talisman: the user's Talisman password (--password-file), to export standard keystores. */
  readonly password?: string;
}

async function readAll(io: Io, req: ProfileDumpRequest, args: ParsedArgs): Promise<ProfileData[]> {
  const origin = req.origin;
  // A wallet name reads every extension: an unpacked or forked copy has another id and is
  // recognised by what it stores (see extensionBundle).
  const matcher =
    req.extension === undefined
      ? undefined
      : isWalletName(req.extension)
        ? () => true
        : extensionMatcher(req.extension);
  const out: ProfileData[] = [];
  for (const profile of await profilesAt(req.dir)) {
    out.push(
      await readWithProgress(io, profile, {
        salvage: flag(args, 'salvage'),
        filter: origin === undefined ? { origin: false, extension: matcher ?? false } : { extension: false },
      }),
    );
  }
  return out;
}

function isWalletName(arg: string): arg is WalletName {
  return Object.hasOwn(WALLET_IDS, arg);
}

function one<T extends LocalStorageStore | ExtensionStore>(
  found: { data: ProfileData; store: T }[],
  what: string,
  available: string[],
): { data: ProfileData; store: T } {
  if (found.length === 1) return found[0]!;
  if (found.length === 0) {
    throw new KeyportError(
      'INVALID_INPUT',
      `no ${what} in this profile${available.length > 0 ? `; found: ${available.map(showKey).join(', ')}` : ''}`,
      { field: what.startsWith('origin') ? '--origin' : '--extension' },
    );
  }
  throw new KeyportError(
    'INVALID_INPUT',
    `${what} is in ${found.length} profiles (${found.map((f) => showKey(f.data.profile.path)).join(', ')}): pass one profile folder with --profile`,
    { field: '--profile' },
  );
}

/** Fails (nothing written) when a store has no older values left, saying why that may be. */
function nothingRecoverable(data: ProfileData, store: LocalStorageStore | ExtensionStore): void {
  if (store.recoverable.length > 0) return;
  const why =
    data.profile.engine === 'firefox'
      ? 'Firefox erases deleted and overwritten values from its storage files'
      : 'no older values remain in its files (Chromium compacts them away as new writes arrive)';
  throw new KeyportError('INVALID_INPUT', `nothing to recover for ${showKey(store.name)}: ${why}`, {
    field: '--recover-deleted',
  });
}

function listRecovered<V>(io: Io, recovered: readonly RecoveredEntry<V>[]): void {
  for (const r of recovered) {
    const by =
      r.replacedAt === null ? 'its delete is no longer on disk' : `replaced by write #${r.replacedAt}`;
    io.err(`recovered ${showKey(r.key)}: ${r.status}, write #${r.seq} in ${showKey(r.file)}, ${by}`);
  }
}

async function originBundle(
  io: Io,
  req: ProfileDumpRequest,
  all: ProfileData[],
  recover: boolean,
): Promise<Bundle> {
  const origin = req.origin!;
  const stores = all.flatMap((data) =>
    [...data.localStorage, ...data.legacyLocalStorage].map((store) => ({ data, store })),
  );
  const found = all.flatMap((data) => {
    const store = pickOriginStore(data, origin, req.firefoxStore);
    return store === null ? [] : [{ data, store }];
  });
  const hit = one(
    found,
    `origin ${showKey(origin)}${req.firefoxStore ? ` in --firefox-store ${req.firefoxStore}` : ''}`,
    [...new Set(stores.filter((f) => holdsAppsData(f.store)).map((f) => f.store.name))],
  );
  if (hit.store.legacy !== undefined) io.err(`note: read from ${storeLabel(hit.store)}`);
  if (!recover) {
    // The page's own dump: dumpStorage over a storage holding exactly these strings.
    const storage = new MemoryStorage(hit.store.entries.map((e) => [e.key, e.value] as [string, string]));
    return dumpStorage(storage, { origin, now: io.now });
  }
  nothingRecoverable(hit.data, hit.store);
  listRecovered(io, hit.store.recoverable);
  return makeBundle(
    hit.store.recoverable.map((r) => ({ key: r.key, value: r.value })),
    { origin, now: io.now },
  );
}

async function extensionBundle(
  io: Io,
  req: ProfileDumpRequest,
  all: ProfileData[],
  recover: boolean,
): Promise<Bundle> {
  const arg = req.extension!;
  const local = all.flatMap((data) =>
    data.extensions.filter((s) => s.area === 'local').map((store) => ({ data, store })),
  );
  const byId = local.filter((f) => extensionMatcher(arg)(f.store.name));
  const found = byId.length > 0 || !isWalletName(arg) ? byId : local.filter((f) => walletOf(f.store) === arg);
  const wallets = local
    .filter((f) => walletOf(f.store) !== null)
    .map((f) => `${f.store.name} (${walletOf(f.store)})`);
  const hit = one(found, `extension ${showKey(arg)}`, wallets);
  const wallet = walletOf(hit.store);
  let items: readonly { key: string; value: unknown }[] = recover ? hit.store.recoverable : hit.store.entries;
  if (wallet === 'talisman') items = await talismanItems(io, hit.store, req.password, recover);
  if (recover) {
    nothingRecoverable(hit.data, hit.store);
    listRecovered(io, hit.store.recoverable);
  }
  const dumpObject: Record<string, unknown> = {};
  for (const e of items) Object.defineProperty(dumpObject, e.key, { value: e.value, enumerable: true });
  const source = await readImportInput(JSON.stringify(dumpObject), { now: io.now });
  if (!recover && (source.format !== 'extension-storage' || source.entries.length === 0)) {
    throw new KeyportError(
      'INVALID_INPUT',
      `extension ${showKey(hit.store.name)} holds no account:0x… keystore records (${hit.store.entries.length} item(s) in its storage)`,
      { field: '--extension' },
    );
  }
  for (const w of source.warnings) io.err(`warning: ${w}`);
  const entries = source.format === 'extension-storage' ? source.entries : [];
  return makeBundle(entries, { origin: null, now: io.now });
}

/**
 * Talisman's keystore records re-encrypted under the user's own password (they are stored under
 * a password derived from it); without the password, or for accounts of Talisman's newer keyring,
 * the accounts are listed and the reason given.
 */
async function talismanItems(
  io: Io,
  store: ExtensionStore,
  password: string | undefined,
  recover: boolean,
): Promise<{ key: string; value: unknown }[]> {
  const accounts = walletAccounts(store);
  const list = (what: string, only: (a: WalletAccount) => boolean) => {
    for (const a of accounts.filter(only)) {
      io.err(`${what} talisman account ${showKey(a.address)}${a.name ? ` ${showKey(a.name)}` : ''}`);
    }
  };
  if (password === undefined || recover) {
    list('found', () => true);
    throw new KeyportError(
      'UNSUPPORTED_FORMAT',
      recover
        ? 'older Talisman records are encrypted under a password derived from yours; recover them with Talisman itself'
        : "Talisman encrypts its keys under a password derived from yours (bcrypt with its own salt): pass --password-file with your Talisman password to export its keystore records re-encrypted under that password; accounts of Talisman's newer keyring (listed above) can only be exported from Talisman",
      { field: '--password-file' },
    );
  }
  const { keystores, notExported } = await exportTalismanAccounts(store, password, { scrypt: cliScrypt });
  list(
    "not exported (Talisman's newer keyring, AES-GCM under a derived key: export it from Talisman):",
    (a) => notExported.includes(a),
  );
  if (keystores.length === 0) {
    throw new KeyportError(
      'UNSUPPORTED_FORMAT',
      'this Talisman storage holds no keystore records keyport can export',
      {
        field: '--extension',
      },
    );
  }
  return keystores.map(([key, value]) => ({ key, value }));
}

/**
 * Runs `dump --profile`: reads the profile(s), builds the bundle and writes it.
 *
 * @throws KeyportError INVALID_INPUT (origin or extension not found, or in several profiles),
 * UNSUPPORTED_FORMAT (Talisman), CORRUPT_DATA (a damaged file, without --salvage).
 */
export async function dumpProfile(io: Io, req: ProfileDumpRequest, args: ParsedArgs): Promise<number> {
  if ((req.origin === undefined) === (req.extension === undefined)) {
    throw new UsageError(
      'dump --profile needs exactly one of --origin <origin> or --extension <id|polkadot-js|subwallet|talisman>',
    );
  }
  const recover = flag(args, 'recover-deleted');
  const all = await readAll(io, req, args);
  const bundle =
    req.origin !== undefined
      ? await originBundle(io, req, all, recover)
      : await extensionBundle(io, req, all, recover);
  const text = await encodeBundle(bundle, {
    scrypt: cliScrypt,
    ...(req.passphrase === undefined ? {} : { passphrase: req.passphrase }),
  });
  await writeFileAtomic(req.out, text, { overwrite: req.force });
  const what = recover ? 'recovered older values (not the current ones)' : summaryLine(bundle.summary);
  io.out(
    `wrote ${req.out}: ${recover ? `${bundle.entries.length} ` : ''}${what}${req.passphrase === undefined ? '' : ', encrypted'}`,
  );
  if (
    !recover &&
    req.origin !== undefined &&
    !all.some((d) => [...d.localStorage, ...d.legacyLocalStorage].some(holdsAppsData))
  ) {
    io.err('note: this origin holds no Apps keyring data (account:, address:, contract:)');
  }
  return EXIT.OK;
}
