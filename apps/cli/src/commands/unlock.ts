// `keyport unlock`: decrypts every account of a keystore, batch file, Apps array, keyport bundle
// or storage dump with the given password(s) and reports, per address, ok or the error. Never
// prints a secret.
import {
  describeKeystore,
  type FormatModule,
  type Found,
  isKeyportError,
  KeyportError,
  type KeystoreJson,
  openKeystore,
  unlockMany,
  wipe,
} from '@keyport/core';
import { detectInput, importFormat, importRegistry, innermostFormat } from '@keyport/storage-migrate';
import { u8aToHex } from '@polkadot/util';
import { isKeyless, loadAccounts, loadStoredAccounts, skippedWarnings } from '../accounts.ts';
import { type Command, flag, needString, optString } from '../framework/command.ts';
import { describeError, EXIT, errorCode } from '../framework/errors.ts';
import { optionalSecretFile, readPasswordFile, readText } from '../framework/files.ts';
import type { Io } from '../framework/io.ts';
import { progressBar } from '../framework/progress.ts';
import { cliScrypt, scryptConcurrency } from '../framework/scrypt.ts';
import { quoted, shown } from '../framework/terminal.ts';

/** One line of `unlock --json`. */
interface UnlockLine {
  address: string;
  publicKey: string | null;
  type: string | null;
  ok: boolean;
  error?: string;
}

function publicFacts(json: KeystoreJson): { publicKey: string | null; type: string | null; name: string } {
  try {
    const info = describeKeystore(json);
    return { publicKey: info.publicKey ?? null, type: info.keyType ?? null, name: info.name ?? '' };
  } catch (e) {
    // A keystore that does not even describe fails to open too; its open error is what we report.
    if (!isKeyportError(e)) throw e;
    return { publicKey: null, type: null, name: '' };
  }
}

/** What unlock found in its file. */
interface Loaded {
  /** A batch file: its accounts take --account-password-file. */
  readonly batch: boolean;
  /** An encrypted keyport bundle, opened with --passphrase-file. */
  readonly encrypted: boolean;
  readonly keystores: readonly KeystoreJson[];
  /** Keyless entries of an Apps array. */
  readonly external: readonly { readonly address: string }[];
}

/**
 * unlock of a format with a `check` (its file's encryption is its accounts'): ok per account,
 * or one FAILED line when the password does not open it; exit 0 only when it opens.
 */
async function checkFile(
  io: Io,
  module: FormatModule,
  found: Found,
  password: string,
  json: boolean,
): Promise<number> {
  try {
    const { accounts, notes } = await (module.check as NonNullable<FormatModule['check']>)(found, {
      password,
      scrypt: cliScrypt,
    });
    if (json) io.out(JSON.stringify({ accounts: accounts.map((a) => ({ ...a, ok: true })) }));
    else for (const a of accounts) io.out(`ok      ${shown(a.address)}  ${shown(a.type)}`);
    for (const note of notes) io.err(`note: ${note}`);
    io.err(`${accounts.length} of ${accounts.length} account(s) unlocked`);
    return EXIT.OK;
  } catch (e) {
    if (!isKeyportError(e) || !['WRONG_PASSWORD', 'ADDRESS_MISMATCH', 'CORRUPT_DATA'].includes(e.code))
      throw e;
    if (json) {
      io.out(
        JSON.stringify({
          accounts: [{ address: null, publicKey: null, type: null, ok: false, error: errorCode(e) }],
        }),
      );
    } else io.out(`FAILED  ${describeError(e)}`);
    io.err('0 account(s) unlocked');
    return EXIT.FAILED;
  }
}

/** `keyport unlock <file> --password-file <f> …` */
export const unlock: Command = {
  name: 'unlock',
  usage:
    'keyport unlock <file> --password-file <f> [--account-password-file <f>] [--passphrase-file <f>] [--json]',
  help: `<file> is a keystore (any version), a Web3 (Ethereum) keystore, a batch file ("Export all accounts" of the extension,
SubWallet's too), an Apps "export all" array, or anything restore reads: a keyport bundle, a
localStorage dump (or a console copy of one), an extension storage dump; of those, the stored
accounts. Every account is decrypted and its secret checked against its public key and address;
nothing secret is printed.

options:
  --password-file <f>          the password (one trailing newline removed). For a batch file it
                               opens the batch AND is tried on every account inside it, since
                               the extension's batch password is often the account password.
  --account-password-file <f>  for a batch file: the accounts' password, when it differs from
                               the batch password
  --passphrase-file <f>        the passphrase of an encrypted keyport bundle
  --json                       print {"accounts":[{"address","publicKey","type","ok","error"?}]}:
                               address as written in the file, publicKey 0x-hex (null when the
                               file does not carry it and the account did not unlock), error a
                               stable code such as WRONG_PASSWORD

Keyless accounts (external, multisig, QR, hardware) have nothing to unlock; they are listed on
stderr and skipped, as are stored account items that are not keystores. Exit 0 only when every
account unlocks.`,
  options: {
    'password-file': { type: 'string' },
    'account-password-file': { type: 'string' },
    'passphrase-file': { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: [1, 1],
  async run(io, args) {
    const file = io.path(args.positionals[0] as string);
    const password = await readPasswordFile(io.path(needString(args, 'password-file')), 'password file');
    io.registerSecret(password);
    const accountFile = optString(args, 'account-password-file');
    const accountPassword =
      (await optionalSecretFile(io, args, 'account-password-file', 'account password file')) ?? password;
    const passphrase = await optionalSecretFile(io, args, 'passphrase-file', 'passphrase file');
    const text = await readText(file, 'input');
    const found = importRegistry.detect(text);
    const module = importFormat(found.detected.format);
    // A file whose own encryption is its accounts' (a Web3 keystore) is checked in one pass.
    if (module?.check) return checkFile(io, module, found, password, flag(args, 'json'));

    const load = async (): Promise<Loaded> => {
      const detected = detectInput(text);
      // Storage (a bundle, a dump, a console copy): its stored accounts; else an account file.
      if (importFormat(detected.format)?.holds !== 'storage') {
        const loaded = await loadAccounts(text, file, {
          batchPassword: async () => password,
          scrypt: cliScrypt,
          expected: 'a keystore, a batch file, an Apps accounts array, a keyport bundle or a storage dump',
        });
        for (const line of skippedWarnings(loaded)) io.err(line);
        return {
          batch: loaded.sealed,
          encrypted: false,
          keystores: loaded.keystores,
          external: loaded.external,
        };
      }
      const stored = await loadStoredAccounts(text, {
        scrypt: cliScrypt,
        batchPassword: password,
        ...(passphrase === undefined ? {} : { passphrase }),
      });
      for (const line of stored.unreadable) io.err(`skipped ${line}`);
      const encrypted = innermostFormat(detected)?.seal?.option === 'passphrase';
      const batch = innermostFormat(detected)?.seal?.option === 'password';
      return { batch, encrypted, keystores: stored.keystores, external: [] };
    };
    const loaded = await load();
    if (accountFile !== undefined && !loaded.batch) {
      io.err('note: --account-password-file applies to batch files only; using --password-file');
    }
    if (passphrase !== undefined && !loaded.encrypted) {
      io.err('note: --passphrase-file applies to encrypted keyport bundles only; not used');
    }
    const secretPassword = loaded.batch ? accountPassword : password;
    const keyed = loaded.keystores.filter((k) => !isKeyless(k));
    const skipped = [...loaded.external, ...loaded.keystores.filter(isKeyless)];
    for (const x of skipped) io.err(`skipped ${shown(x.address)}: no key in the file (external account)`);
    if (keyed.length === 0) {
      throw new KeyportError('INVALID_INPUT', `${file} holds no account with a key to unlock`);
    }

    const bar = progressBar(io, 'unlocking', keyed.length);
    const results = await unlockMany(
      keyed,
      async (json) => {
        const account = await openKeystore(json, secretPassword, { scrypt: cliScrypt });
        const facts = { publicKey: u8aToHex(account.publicKey), type: account.type };
        wipe(account);
        return facts;
      },
      { concurrency: scryptConcurrency(), onProgress: ({ done }) => bar.update(done) },
    );
    bar.done();

    const lines: UnlockLine[] = [];
    const names: string[] = [];
    results.forEach((r, i) => {
      const json = keyed[i] as KeystoreJson;
      const facts = publicFacts(json);
      names.push(facts.name === '' ? '' : quoted(facts.name));
      lines.push(
        r.ok
          ? { address: json.address, publicKey: r.value.publicKey, type: r.value.type, ok: true }
          : {
              address: json.address,
              publicKey: facts.publicKey,
              type: facts.type,
              ok: false,
              error: errorCode(r.error),
            },
      );
      if (!r.ok && !flag(args, 'json')) names[i] = describeError(r.error);
    });
    const good = lines.filter((l) => l.ok).length;
    if (flag(args, 'json')) io.out(JSON.stringify({ accounts: lines }));
    else {
      const addresses = lines.map((l) => shown(l.address));
      const width = Math.max(0, ...addresses.map((a) => a.length));
      lines.forEach((l, i) => {
        const tail = names[i] ? `  ${names[i]}` : '';
        io.out(
          `${l.ok ? 'ok    ' : 'FAILED'}  ${addresses[i]!.padEnd(width)}  ${shown(l.type ?? '?').padEnd(8)}${tail}`,
        );
      });
    }
    io.err(`${good} of ${lines.length} account(s) unlocked`);
    return good === lines.length ? EXIT.OK : EXIT.FAILED;
  },
};
