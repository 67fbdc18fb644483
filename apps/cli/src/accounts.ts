// The account files `unlock` and `convert` read, through the format registry: every format that
// holds accounts (a keystore, a batch file, Apps' export-all array, …); `unlock` also reads the
// accounts stored in a keyport bundle or a storage dump. Everything becomes a list of keystores,
// still encrypted under their own account passwords, plus the keyless entries.
import {
  type AppsExternalAccount,
  type BatchExtras,
  type BatchSkipped,
  describeKeystore,
  type FormatFacts,
  type FormatModule,
  type Holdings,
  KeyportError,
  type KeystoreJson,
  parseKeystore,
  type ScryptBackend,
} from '@keyport/core';
import {
  classifyKey,
  detectInput,
  type InputFormat,
  importFormat,
  importRegistry,
  readImportInput,
} from '@keyport/storage-migrate';
import { quoted } from './framework/terminal.ts';

/** What an account file holds. */
export interface AccountFile {
  /** The registry's id of the file's format (keystore, batch, apps-accounts, …). */
  readonly format: string;
  /** The format's registry module (its writer, its seal). */
  readonly module: FormatModule;
  /** Everything the file holds, as the registry read it. */
  readonly holdings: Holdings;
  /**
   * Keystores in file order, each still encrypted with its own account password; keyless
   * records (see isKeyless) included.
   */
  readonly keystores: readonly KeystoreJson[];
  /** Apps entries without a key (multisig, QR, hardware, injected). */
  readonly external: readonly AppsExternalAccount[];
  /** SubWallet's extra fields of a batch, to carry over. */
  readonly extras?: BatchExtras;
  /** Batch entries left out: key types keyport does not support (SubWallet's TON, Bitcoin, …). */
  readonly skipped: readonly BatchSkipped[];
  /** True when the file is sealed with a password of its own (a batch file's), besides its accounts'. */
  readonly sealed: boolean;
}

/** Options of loadAccounts. */
export interface LoadOptions {
  /** Asked for only when the file is sealed (a batch file): its password. */
  readonly batchPassword: () => Promise<string>;
  readonly scrypt: ScryptBackend;
  /** What the command reads, for the UNSUPPORTED_FORMAT message (default: the account formats). */
  readonly expected?: string;
}

/**
 * True when a keystore holds no secret: an unencrypted keyless record such as ui-keyring
 * writes for external, QR, hardware and multisig accounts. Nothing to unlock or re-encrypt.
 *
 * @example file.keystores.filter((k) => !isKeyless(k))
 */
export function isKeyless(json: KeystoreJson): boolean {
  return !describeKeystore(json).hasSecret;
}

/**
 * A one-line, secret-free description of what detection found, for messages: the format
 * module's own description.
 *
 * @example describeDetected(detectInput(text)) // 'a batch file of 3 account(s)'
 */
export function describeDetected(d: FormatFacts): string {
  if (d.format === 'unknown') return `not a known format (${(d as { reason?: string }).reason ?? '?'})`;
  return importFormat(d.format)?.describe(d) ?? d.format;
}

/** The labels of every format whose accounts `unlock` and `convert` read, for messages. */
function accountFormats(): string {
  const labels = importRegistry.formats.filter((f) => f.holds === 'accounts' && f.open).map((f) => f.label);
  return `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`;
}

/**
 * One warning line per batch entry loadAccounts left out (no secret in it; the address quoted).
 *
 * @example for (const line of skippedWarnings(file)) io.err(line)
 */
export function skippedWarnings(file: Pick<AccountFile, 'skipped'>): string[] {
  return file.skipped.map(
    (s) =>
      `warning: skipped batch entry ${s.index}${s.address === undefined ? '' : ` ${quoted(s.address)}`}: key type ${quoted(s.keyType ?? '?')} is not supported (sr25519, ed25519, ecdsa, ethereum)`,
  );
}

/**
 * Reads an account file through the format registry: any format that holds accounts. A sealed
 * file (a batch) asks for its password and is opened; the inner keystores stay encrypted.
 * `name` is the file name used in messages.
 *
 * @throws KeyportError UNSUPPORTED_FORMAT for any other format (naming what it is), and what
 * the format's reader throws (WRONG_PASSWORD for the batch).
 * @example const file = await loadAccounts(text, 'backup.json', { batchPassword, scrypt: nodeScrypt })
 */
export async function loadAccounts(text: string, name: string, opts: LoadOptions): Promise<AccountFile> {
  const found = importRegistry.detect(text);
  const { detected } = found;
  const module = importFormat(detected.format);
  if (module?.holds !== 'accounts' || module.open === undefined) {
    throw new KeyportError(
      'UNSUPPORTED_FORMAT',
      `${name} is ${describeDetected(detected)}; expected ${opts.expected ?? accountFormats()}`,
      { format: detected.format },
    );
  }
  const sealed = module.seal?.option === 'password';
  const holdings = await module.open(found, {
    scrypt: opts.scrypt,
    ...(sealed ? { password: await opts.batchPassword() } : {}),
  });
  const keystores: KeystoreJson[] = [];
  const external: AppsExternalAccount[] = [];
  for (const a of holdings.accounts) {
    if ('keystore' in a) keystores.push(a.keystore);
    else external.push(a.external);
  }
  return {
    format: detected.format,
    module,
    holdings,
    keystores,
    external,
    ...(holdings.extras ? { extras: holdings.extras } : {}),
    skipped: holdings.skipped,
    sealed,
  };
}

/** The accounts `convert` works on: an account file's, or those stored in a bundle or dump. */
export type AccountList = Pick<AccountFile, 'keystores' | 'external' | 'extras' | 'skipped' | 'sealed'>;

/**
 * loadAccounts, or for a keyport bundle or storage dump (what `dump --profile --extension`
 * writes, say) the keystores of its `account:` records, still under their own passwords.
 *
 * @throws what loadAccounts and loadStoredAccounts throw; INVALID_INPUT when an account record
 * is not a keystore.
 * @example const { keystores } = await loadAnyAccounts(text, 'wallet.json', { batchPassword, scrypt })
 */
export async function loadAnyAccounts(text: string, name: string, opts: LoadOptions): Promise<AccountList> {
  if (importFormat(detectInput(text).format)?.holds !== 'storage') return loadAccounts(text, name, opts);
  const { keystores, unreadable } = await loadStoredAccounts(text, {
    batchPassword: '',
    scrypt: opts.scrypt,
  });
  if (unreadable.length > 0) {
    throw new KeyportError(
      'INVALID_INPUT',
      `${name}: ${unreadable.length} account item(s) are not keystores: ${unreadable[0]}`,
    );
  }
  return { keystores, external: [], skipped: [], sealed: false };
}

/** What a keyport bundle or storage dump holds for `unlock`: its stored accounts. */
export interface StoredAccounts {
  /** storage-migrate's name for the input (keyport-bundle, localstorage-dump, console-copy, …). */
  readonly format: InputFormat;
  /** For a console copy: what the text inside the quotes is (a batch file, say). */
  readonly inner?: InputFormat;
  /** Every `account:` item that is a keystore, keyless ones included (see isKeyless). */
  readonly keystores: readonly KeystoreJson[];
  /** One line per `account:` item that is not a keystore ui-keyring could load (key and code only). */
  readonly unreadable: readonly string[];
}

/**
 * Reads the accounts Apps or the extension stored, from anything `restore` reads: a keyport
 * bundle (encrypted: with `passphrase`), `JSON.stringify(localStorage)` output or a console copy
 * of it (or of a keystore or batch file: `batchPassword` opens a batch), an extension storage dump.
 * Values are never quoted in messages.
 *
 * @throws what readImportInput throws (PASSWORD_REQUIRED, WRONG_PASSWORD, CHECKSUM_MISMATCH, …).
 * @example const { keystores } = await loadStoredAccounts(text, { batchPassword, scrypt: pool })
 */
export async function loadStoredAccounts(
  text: string,
  opts: { readonly passphrase?: string; readonly batchPassword: string; readonly scrypt: ScryptBackend },
): Promise<StoredAccounts> {
  const source = await readImportInput(text, {
    scrypt: opts.scrypt,
    password: opts.batchPassword,
    ...(opts.passphrase === undefined ? {} : { passphrase: opts.passphrase }),
  });
  const keystores: KeystoreJson[] = [];
  const unreadable: string[] = [];
  for (const { key, value } of source.entries) {
    if (classifyKey(key) !== 'account') continue;
    try {
      keystores.push(parseKeystore(value));
    } catch (e) {
      if (!(e instanceof KeyportError)) throw e;
      unreadable.push(`${quoted(key.slice(0, 80))} is not a keystore (${e.code})`);
    }
  }
  return {
    format: source.format,
    ...(source.inner === undefined ? {} : { inner: source.inner }),
    keystores,
    unreadable,
  };
}
