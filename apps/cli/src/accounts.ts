// The account files `unlock` and `convert` read: one keystore, a batch file (extension "export
// all", SubWallet's superset) or Apps' export-all array; `unlock` also reads the accounts stored
// in a keyport bundle or a storage dump. Everything becomes a list of keystores, still encrypted
// under their own account passwords, plus the keyless entries.
import {
  type AppsExternalAccount,
  type BatchExtras,
  type BatchSkipped,
  type Detected,
  describeKeystore,
  detectFormat,
  KeyportError,
  type KeystoreJson,
  openBatch,
  parseAppsAccounts,
  parseBatch,
  parseKeystore,
  type ScryptBackend,
  stripBom,
} from '@keyport/core';
import { classifyKey, detectInput, type InputFormat, readImportInput } from '@keyport/storage-migrate';

/** The formats accepted by loadAccounts. */
export type AccountFileFormat =
  | 'keystore'
  | 'batch'
  | 'subwallet-batch'
  | 'apps-accounts'
  | 'stored-accounts';

/** What an account file holds. */
export interface AccountFile {
  readonly format: AccountFileFormat;
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
}

/** Options of loadAccounts. */
export interface LoadOptions {
  /** Asked for only when the file is a batch: the batch password. */
  readonly batchPassword: () => Promise<string>;
  readonly scrypt: ScryptBackend;
  /** What the command reads, for the UNSUPPORTED_FORMAT message (default: the three formats above). */
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

/** A one-line, secret-free description of what detectFormat found, for messages. */
export function describeDetected(d: Detected): string {
  switch (d.format) {
    case 'keystore':
      return `a version ${d.version} keystore`;
    case 'batch':
    case 'subwallet-batch':
      return `a ${d.format === 'batch' ? '' : 'SubWallet '}batch file of ${d.count} account(s)`;
    case 'apps-accounts':
      return `an Apps accounts array of ${d.count} account(s)`;
    case 'address-book':
      return `an Apps address book of ${d.count} entr${d.count === 1 ? 'y' : 'ies'}`;
    case 'mnemonic':
      return `a ${d.wordCount}-word mnemonic (a secret: use derive --secret-file)`;
    case 'raw-seed':
      return 'a raw seed (a secret: use derive --secret-file)';
    case 'dev-uri':
      return 'a dev URI (use derive --secret-file)';
    case 'unknown':
      return `not a known format (${d.reason})`;
  }
}

/**
 * One warning line per batch entry loadAccounts left out (no secret in it; the address quoted).
 *
 * @example for (const line of skippedWarnings(file)) io.err(line)
 */
export function skippedWarnings(file: AccountFile): string[] {
  return file.skipped.map(
    (s) =>
      `warning: skipped batch entry ${s.index}${s.address === undefined ? '' : ` ${JSON.stringify(s.address)}`}: key type ${JSON.stringify(s.keyType ?? '?')} is not supported (sr25519, ed25519, ecdsa, ethereum)`,
  );
}

/**
 * Reads an account file. For a batch the batch password is asked for and the envelope opened;
 * the inner keystores stay encrypted. `name` is the file name used in messages.
 *
 * @throws KeyportError UNSUPPORTED_FORMAT for any other format (naming what it is), and what
 * parseKeystore, parseBatch, openBatch and parseAppsAccounts throw (WRONG_PASSWORD for the batch).
 * @example const file = await loadAccounts(text, 'backup.json', { batchPassword, scrypt: nodeScrypt })
 */
export async function loadAccounts(text: string, name: string, opts: LoadOptions): Promise<AccountFile> {
  const detected = detectFormat(text);
  switch (detected.format) {
    case 'keystore':
      return { format: 'keystore', keystores: [parseKeystore(stripBom(text))], external: [], skipped: [] };
    case 'batch':
    case 'subwallet-batch': {
      const value: unknown = JSON.parse(stripBom(text));
      const batch = detected.wrapped && Array.isArray(value) ? value[0] : value;
      const parsed = parseBatch(batch);
      const { keystores, skipped } = await openBatch(parsed, await opts.batchPassword(), {
        scrypt: opts.scrypt,
      });
      const extras: BatchExtras = {
        ...(parsed.accountProxies ? { accountProxies: parsed.accountProxies } : {}),
        ...(parsed.modifyPairs ? { modifyPairs: parsed.modifyPairs } : {}),
      };
      return { format: detected.format, keystores, external: [], extras, skipped };
    }
    case 'apps-accounts': {
      const entries = parseAppsAccounts(stripBom(text));
      const keystores: KeystoreJson[] = [];
      const external: AppsExternalAccount[] = [];
      for (const e of entries) {
        if (e.kind === 'keystore') keystores.push(e.keystore);
        else external.push(e);
      }
      return { format: 'apps-accounts', keystores, external, skipped: [] };
    }
    default: {
      // The account records stored in a keyport bundle or a storage dump (e.g. what
      // `dump --profile --extension` writes), still encrypted under their own passwords.
      const stored = detectInput(text).format;
      if (stored === 'keyport-bundle' || stored === 'localstorage-dump' || stored === 'extension-storage') {
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
        return { format: 'stored-accounts', keystores, external: [], skipped: [] };
      }
      throw new KeyportError(
        'UNSUPPORTED_FORMAT',
        `${name} is ${describeDetected(detected)}; expected ${opts.expected ?? 'a keystore, a batch file or an Apps accounts array'}`,
        { format: detected.format },
      );
    }
  }
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
      unreadable.push(`${JSON.stringify(key.slice(0, 80))} is not a keystore (${e.code})`);
    }
  }
  return {
    format: source.format,
    ...(source.inner === undefined ? {} : { inner: source.inner }),
    keystores,
    unreadable,
  };
}
