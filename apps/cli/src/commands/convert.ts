// `keyport convert`: moves accounts between a keystore, a batch file and Apps' export-all array,
// optionally re-encrypting them under a new password or the compatible scrypt parameters.
import {
  type AppsAccountEntry,
  COMPAT_SCRYPT,
  changeKeystorePassword,
  createAppsAccounts,
  createBatch,
  DEFAULT_SCRYPT,
  describeKeystore,
  KeyportError,
  type KeystoreJson,
  unlockMany,
} from '@keyport/core';
import { type AccountFile, isKeyless, loadAccounts, skippedWarnings } from '../accounts.ts';
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
import { asWeb3, keystoreToWeb3, web3ToKeystore } from '../rescue-input.ts';

const TARGETS = ['keystore', 'batch', 'apps-array', 'web3'] as const;
type Target = (typeof TARGETS)[number];

function pick(io: Io, file: AccountFile, account: string | undefined): KeystoreJson[] {
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
  help: `<in> is a keystore, a batch file (extension or SubWallet), an Apps export-all array, or a
Web3 (Ethereum: geth, MetaMask, ethers) keystore.

  --to keystore     one account as a keystore (pick it with --account when <in> holds several)
  --to batch        every account in one batch file ("Export all accounts" of the extension),
                    encrypted with --new-password-file (default: --password-file); the accounts
                    inside keep their own passwords, as the extension does
  --to apps-array   Apps' export-all array (keyless Apps entries are carried over)
  --to web3         one polkadot-js ethereum account as a Web3 v3 keystore (scrypt 2^17) for
                    MetaMask, geth or ethers; a Web3 <in> converts --to keystore, into a
                    polkadot-js ethereum keystore (the password is needed for both)

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
    const to = choice(args, 'to', TARGETS) as Target | undefined;
    if (to === undefined) throw new UsageError('--to is required (keystore, batch, apps-array or web3)');
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
    const web3 = asWeb3(text);
    if (web3 !== undefined) {
      if (to !== 'keystore')
        throw new UsageError('a Web3 keystore converts --to keystore (then convert that file on)');
      if (password === undefined)
        throw new UsageError('a Web3 keystore needs --password-file (its password)');
      const json = await web3ToKeystore(web3, password, newPassword ?? password, params);
      await writeFileAtomic(out, JSON.stringify(json), { overwrite: force });
      io.err(
        `wrote ${out} (polkadot-js ethereum keystore ${json.address}, scrypt N=2^${Math.log2(params.N)})`,
      );
      return EXIT.OK;
    }
    const loaded = await loadAccounts(text, input, {
      batchPassword: async () => {
        if (password === undefined)
          throw new UsageError('a batch file needs --password-file (its batch password)');
        return password;
      },
      scrypt: cliScrypt,
    });
    for (const line of skippedWarnings(loaded)) io.err(line);
    const isBatch = loaded.format === 'batch' || loaded.format === 'subwallet-batch';
    const ownPassword = isBatch ? accountPassword : password;
    let keystores = pick(io, loaded, optString(args, 'account'));
    if (to === 'web3') {
      if (keystores.length !== 1) {
        throw new KeyportError(
          'INVALID_INPUT',
          `the input holds ${keystores.length} accounts; --to web3 writes one: choose it with --account <address>`,
          {
            count: keystores.length,
          },
        );
      }
      if (ownPassword === undefined)
        throw new UsageError('--to web3 needs --password-file (the account password)');
      const v3 = await keystoreToWeb3(keystores[0]!, ownPassword, newPassword ?? ownPassword);
      await writeFileAtomic(out, JSON.stringify(v3), { overwrite: force });
      io.err(`wrote ${out} (Web3 v3 keystore, scrypt N=2^17)`);
      return EXIT.OK;
    }

    if (to !== 'batch' && (newPassword !== undefined || compat)) {
      if (ownPassword === undefined) {
        throw new UsageError('re-encrypting the accounts needs their password (--password-file)');
      }
      keystores = await reencrypt(io, keystores, ownPassword, newPassword ?? ownPassword, params);
    }

    let outText: string;
    let what: string;
    if (to === 'keystore') {
      if (keystores.length !== 1) {
        throw new KeyportError(
          'INVALID_INPUT',
          `the input holds ${keystores.length} accounts; --to keystore writes one: choose it with --account <address>`,
          { count: keystores.length },
        );
      }
      outText = JSON.stringify(keystores[0]);
      what = 'keystore';
    } else if (to === 'batch') {
      const batchPassword = newPassword ?? password;
      if (batchPassword === undefined) {
        throw new UsageError(
          '--to batch needs --new-password-file (or --password-file) for the batch password',
        );
      }
      if (batchPassword === '') {
        throw new CliError(
          'EMPTY_PASSWORD',
          'the batch password is empty; keyport does not write unencrypted keys',
        );
      }
      if (loaded.external.length > 0) {
        io.err(
          `note: ${loaded.external.length} keyless entr(ies) left out: a batch file holds keystores only`,
        );
      }
      const batch = await createBatch(keystores, batchPassword, {
        params,
        scrypt: cliScrypt,
        ...(loaded.extras ? { extras: loaded.extras } : {}),
      });
      outText = JSON.stringify(batch);
      what = `batch file of ${keystores.length} account(s), scrypt N=2^${Math.log2(params.N)}`;
    } else {
      const entries: AppsAccountEntry[] = keystores.map((keystore) => ({ kind: 'keystore', keystore }));
      if (optString(args, 'account') === undefined) {
        for (const x of loaded.external) entries.push({ ...x, kind: 'external' });
      }
      outText = JSON.stringify(createAppsAccounts(entries), null, 2);
      what = `Apps array of ${entries.length} account(s)`;
    }
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
