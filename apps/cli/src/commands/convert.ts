// `keyport convert`: moves accounts between a keystore, a batch file and Apps' export-all array,
// optionally re-encrypting them under a new password or the compatible scrypt parameters.
import {
  COMPAT_SCRYPT,
  changeKeystorePassword,
  DEFAULT_SCRYPT,
  describeKeystore,
  type FormatModule,
  type FormatWriter,
  type HeldAccount,
  KeyportError,
  type KeystoreJson,
  unlockMany,
} from '@keyport/core';
import { importRegistry } from '@keyport/storage-migrate';
import { type AccountList, isKeyless, loadAnyAccounts, skippedWarnings } from '../accounts.ts';
import { type Command, choice, flag, needString, optString } from '../framework/command.ts';
import { CliError, EXIT, UsageError } from '../framework/errors.ts';
import {
  optionalSecretFile,
  readNewPasswordFile,
  readText,
  refuseExisting,
  writeFileAtomic,
} from '../framework/files.ts';
import type { Io } from '../framework/io.ts';
import { progressBar } from '../framework/progress.ts';
import { cliScrypt, scryptConcurrency } from '../framework/scrypt.ts';

/** The formats keyport writes, by the name `--to` takes (the first module of each writer name). */
const WRITERS = new Map<string, FormatModule & { writer: FormatWriter }>();
for (const f of importRegistry.formats) {
  if (f.writer && !WRITERS.has(f.writer.name))
    WRITERS.set(f.writer.name, f as FormatModule & { writer: FormatWriter });
}
const TARGETS = [...WRITERS.keys()];

function pick(io: Io, file: AccountList, account: string | undefined): KeystoreJson[] {
  if (account === undefined) return [...file.keystores];
  const hit = file.keystores.filter((k) => {
    if (k.address === account) return true;
    const info = describeKeystore(k);
    return info.publicKey !== undefined && info.publicKey.toLowerCase() === account.toLowerCase();
  });
  if (hit.length === 0) {
    throw new KeyportError('INVALID_INPUT', `no account with address or public key ${account} in the input`, {
      field: '--account',
    });
  }
  if (file.external.length > 0)
    io.err(`note: --account leaves out ${file.external.length} keyless entr(ies)`);
  return hit;
}

/** `keyport convert <in> --to keystore|batch|apps-array --out <path> …` */
export const convert: Command = {
  name: 'convert',
  usage:
    'keyport convert <in> --to keystore|batch|apps-array|web3 --out <path> [--password-file <f>] ' +
    '[--account-password-file <f>] [--new-password-file <f>] [--compat] [--account <address>] [--force]',
  help: `<in> is a keystore, a batch file (extension or SubWallet), an Apps export-all array, the
account records of a keyport bundle or storage dump (e.g. from dump --profile --extension), or a
Web3 (Ethereum: geth, MetaMask, ethers) keystore, opened with --password-file into a
polkadot-js ethereum keystore under the same password.

  --to keystore     one account as a keystore (pick it with --account when <in> holds several)
  --to batch        every account in one batch file ("Export all accounts" of the extension),
                    encrypted with --new-password-file (default: --password-file); the accounts
                    inside keep their own passwords, as the extension does
  --to apps-array   Apps' export-all array (keyless Apps entries are carried over)
  --to web3         one polkadot-js ethereum account as a Web3 v3 keystore (scrypt 2^17) that
                    MetaMask, geth and ethers open (its password needed)

options:
  --password-file <f>          password of <in>: the batch password for a batch file, the
                               account password for a keystore or Apps array
  --account-password-file <f>  for a batch <in>: the accounts' own password when it differs
  --new-password-file <f>      --to keystore/apps-array: re-encrypt every account under this
                               password; --to batch: the new batch password
  --compat                     encrypt what is (re-)encrypted with scrypt N=2^15 instead of the
                               2^17 default, for wallets that refuse 2^17; with --to keystore or
                               apps-array this re-encrypts the accounts (their password needed)
  --account <address>          keep only this account (address as written, or 0x public key)
  --force                      replace --out if it exists (otherwise keyport refuses)

Without --new-password-file or --compat, accounts are copied byte for byte (no password is
needed except to open a batch file). One trailing newline is removed from password files.`,
  options: {
    to: { type: 'string' },
    out: { type: 'string' },
    'password-file': { type: 'string' },
    'account-password-file': { type: 'string' },
    'new-password-file': { type: 'string' },
    compat: { type: 'boolean' },
    account: { type: 'string' },
    force: { type: 'boolean' },
  },
  positionals: [1, 1],
  async run(io, args) {
    const input = io.path(args.positionals[0] as string);
    const to = choice(args, 'to', TARGETS);
    if (to === undefined) throw new UsageError(`--to is required (${TARGETS.join(', ')})`);
    const out = io.path(needString(args, 'out'));
    const force = flag(args, 'force');
    await refuseExisting(out, force);
    const compat = flag(args, 'compat');
    const params = compat ? COMPAT_SCRYPT : DEFAULT_SCRYPT;

    const password = await optionalSecretFile(io, args, 'password-file', 'password file');
    const accountPassword =
      (await optionalSecretFile(io, args, 'account-password-file', 'account password file')) ?? password;
    const newPassword = await optionalSecretFile(
      io,
      args,
      'new-password-file',
      'new password file',
      readNewPasswordFile,
    );

    const text = await readText(input, 'input');
    const loaded = await loadAnyAccounts(text, input, {
      batchPassword: async () => {
        if (password === undefined)
          throw new UsageError('a batch file needs --password-file (its batch password)');
        return password;
      },
      scrypt: cliScrypt,
    });
    for (const line of skippedWarnings(loaded)) io.err(line);
    const ownPassword = loaded.sealed ? accountPassword : password;
    let keystores = pick(io, loaded, optString(args, 'account'));
    const target = WRITERS.get(to) as FormatModule & { writer: FormatWriter };

    // A sealed target (a batch) takes --new-password-file as its own password; any other
    // target re-encrypts the accounts themselves.
    if (target.seal === undefined && (newPassword !== undefined || compat)) {
      if (ownPassword === undefined) {
        throw new UsageError('re-encrypting the accounts needs their password (--password-file)');
      }
      keystores = await reencrypt(io, keystores, ownPassword, newPassword ?? ownPassword, params);
    }

    const { writer, seal } = target;
    if (writer.takes === 'one' && keystores.length !== 1) {
      throw new KeyportError(
        'INVALID_INPUT',
        `the input holds ${keystores.length} accounts; --to ${to} writes one: choose it with --account <address>`,
        { count: keystores.length },
      );
    }
    let sealPassword: string | undefined;
    if (seal !== undefined) {
      sealPassword = newPassword ?? password;
      const what = seal.label.toLowerCase();
      if (sealPassword === undefined) {
        throw new UsageError(`--to ${to} needs --new-password-file (or --password-file) for the ${what}`);
      }
      if (sealPassword === '') {
        throw new CliError('EMPTY_PASSWORD', `the ${what} is empty; keyport does not write unencrypted keys`);
      }
    }
    const accounts: HeldAccount[] = keystores.map((keystore, index) => ({ index, keystore }));
    if (!writer.keepsKeyless && loaded.external.length > 0) {
      io.err(
        `note: ${loaded.external.length} keyless entr(ies) left out: ${target.label} holds keystores only`,
      );
    } else if (writer.keepsKeyless && optString(args, 'account') === undefined) {
      for (const external of loaded.external) accounts.push({ index: accounts.length, external });
    }
    const outText = await writer.write(
      { accounts, contacts: [], skipped: [], ...(loaded.extras ? { extras: loaded.extras } : {}) },
      {
        params,
        scrypt: cliScrypt,
        ...(sealPassword === undefined ? {} : { password: sealPassword }),
        ...(ownPassword === undefined ? {} : { accountPassword: ownPassword }),
      },
    );
    const what = `${target.label} of ${accounts.length} account(s)${seal ? `, scrypt N=2^${Math.log2(params.N)}` : ''}`;
    await writeFileAtomic(out, outText, { overwrite: force });
    io.err(`wrote ${out} (${what})`);
    return EXIT.OK;
  },
};

async function reencrypt(
  io: Io,
  all: readonly KeystoreJson[],
  oldPassword: string,
  newPassword: string,
  params: typeof DEFAULT_SCRYPT,
): Promise<KeystoreJson[]> {
  // Keyless records hold nothing to re-encrypt: they are carried over as they are.
  const keystores = all.filter((k) => !isKeyless(k));
  const bar = progressBar(io, 're-encrypting', keystores.length);
  const results = await unlockMany(
    keystores,
    (json) => changeKeystorePassword(json, oldPassword, newPassword, { params, scrypt: cliScrypt }),
    { concurrency: scryptConcurrency(), onProgress: ({ done }) => bar.update(done) },
  );
  bar.done();
  const failed = results.findIndex((r) => !r.ok);
  const first = results[failed];
  if (first && !first.ok) {
    const n = results.filter((r) => !r.ok).length;
    const address = keystores[failed]?.address ?? '?';
    if (first.error instanceof KeyportError) {
      throw new KeyportError(
        first.error.code,
        `${n} account(s) could not be re-encrypted; first ${address}: ${first.error.message}`,
        { address },
      );
    }
    throw first.error;
  }
  const next = new Map(keystores.map((k, i) => [k, results[i]]));
  return all.map((k) => {
    const r = next.get(k);
    return r?.ok ? r.value : k;
  });
}
