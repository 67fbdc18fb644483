// `keyport derive`: restores an account from a mnemonic, raw seed or dev phrase (with an
// optional derivation path), prints its address and public key, and optionally exports it as a
// v3 keystore.
import {
  COMPAT_SCRYPT,
  createKeystore,
  DEFAULT_SCRYPT,
  type DerivedAccount,
  deriveAccount,
  deriveLedgerAccount,
  deriveSlip10Account,
  formatAddress,
  KEY_TYPES,
  type KeyType,
  LEDGER_DEFAULT_PATH,
  type RawKeyCandidate,
  readSecretInput,
  resolveNetwork,
  wipe,
} from '@keyport/core';
import { u8aToHex } from '@polkadot/util';
import { type Command, choice, flag, needString, optString } from '../framework/command.ts';
import { EXIT, UsageError } from '../framework/errors.ts';
import {
  readNewPasswordFile,
  readPasswordFile,
  refuseExisting,
  writeFileAtomic,
} from '../framework/files.ts';
import { cliScrypt } from '../framework/scrypt.ts';
import { withoutWords } from '../report/secret-errors.ts';

type DeriveType = KeyType | 'ed25519-ledger';

/** The account of `type`: Ledger's derivation, SLIP-10 for an ed25519 `m/…` path, else polkadot-js's. */
function deriveAny(
  type: DeriveType,
  opts: { secret: string; ss58: number; path?: string; meta?: { name: string } },
): Promise<DerivedAccount> {
  if (type === 'ed25519-ledger') return deriveLedgerAccount(opts);
  if (type === 'ed25519' && opts.path?.startsWith('m/')) return deriveSlip10Account(opts);
  return deriveAccount({ ...opts, type });
}

/** The account of a ready key pair (SubWallet's secret QR); a path cannot apply to it. */
function keyAccount(
  key: RawKeyCandidate,
  ss58: number,
  meta: { name?: string },
  path: string | undefined,
): DerivedAccount {
  if (path !== undefined)
    throw new UsageError('--path does not apply to a secret key from a QR code (it is the key itself)');
  return {
    type: key.type,
    publicKey: key.publicKey,
    secretKey: key.secretKey,
    address: formatAddress(key.publicKey, key.type, ss58),
    meta: { ...meta },
    source: 'seed',
    warnings: [`the secret QR's key (${key.encoding})`],
  };
}

/** `keyport derive --secret-file <f> …` */
export const derive: Command = {
  name: 'derive',
  usage:
    'keyport derive --secret-file <f> [--type sr25519|ed25519|ecdsa|ethereum|ed25519-ledger] [--path <derivation>] ' +
    '[--network <name|prefix>] [--json] [--export <out.json> --password-file <f> [--name <n>] [--compat] [--force]]',
  help: `options:
  --secret-file <f>     file holding a BIP39 mnemonic (12-24 words), a 0x raw seed (64 hex digits)
                        or a dev phrase/URI such as //Alice; one trailing newline is removed.
                        Also a secret QR text (secret:… from Polkadot Vault, SubWallet or Apps)
                        or subkey inspect output (text or JSON): the secret and key type inside
  --type <t>            key type: sr25519 (default), ed25519, ecdsa, ethereum, or ed25519-ledger
                        (a Ledger device's key from its 24 words, or 25 with the passphrase
                        word: what Apps' hdLedger computes; exported as an ed25519 account)
  --path <derivation>   derivation path appended to the secret: //hard, /soft, ///password,
                        or /m/44'/60'/0'/0/0 for ethereum; for ed25519-ledger the Ledger path
                        m/44'/354'/<account>'/0'/<address>' (default ${LEDGER_DEFAULT_PATH}, 434 for
                        Kusama); for ed25519 a path m/44'/354'/0'/0'/0' is SLIP-10 (Trust Wallet)
  --network <n>         SS58 network by name (polkadot, kusama, …) or prefix number; default 42
  --json                print {"address","publicKey","type"}
  --export <out.json>   also write the account as a v3 keystore encrypted with --password-file
  --password-file <f>   password of the exported keystore (one trailing newline removed)
  --name <n>            name stored in the exported keystore's meta
  --compat              encrypt with scrypt N=2^15 (wallets that reject the 2^17 default)
  --force               replace --export's file if it exists (otherwise keyport refuses)

The secret and the keystore password are never printed; for a mistyped mnemonic word keyport
names its position, not the word. Notes about input polkadot-js
ignores (e.g. ///password on a 0x seed) go to stderr.`,
  options: {
    'secret-file': { type: 'string' },
    type: { type: 'string' },
    path: { type: 'string' },
    network: { type: 'string' },
    json: { type: 'boolean' },
    export: { type: 'string' },
    'password-file': { type: 'string' },
    name: { type: 'string' },
    compat: { type: 'boolean' },
    force: { type: 'boolean' },
  },
  positionals: [0, 0],
  async run(io, args) {
    const secretFile = needString(args, 'secret-file');
    const given = choice(args, 'type', [...KEY_TYPES, 'ed25519-ledger']) as DeriveType | undefined;
    const out = optString(args, 'export');
    const passwordFile = optString(args, 'password-file');
    if (out !== undefined && passwordFile === undefined) {
      throw new UsageError('--export needs --password-file (the password of the new keystore)');
    }
    for (const only of ['password-file', 'compat', 'force', 'name']) {
      if (out === undefined && args.values[only] !== undefined)
        throw new UsageError(`--${only} needs --export`);
    }
    const network = optString(args, 'network');
    const ss58 =
      network === undefined ? 42 : resolveNetwork(/^\d+$/.test(network) ? Number(network) : network).prefix;
    const target = out === undefined ? undefined : io.path(out);
    if (target !== undefined) await refuseExisting(target, flag(args, 'force'));
    const secret = await readPasswordFile(io.path(secretFile), 'secret file');
    io.registerSecret(secret);
    const password =
      passwordFile === undefined
        ? undefined
        : await readNewPasswordFile(io.path(passwordFile), 'password file');
    if (password !== undefined) io.registerSecret(password);

    // A QR payload or subkey output: the secret inside, and the key type it settles.
    const input = await readSecretInput(secret).catch(withoutWords);
    if (input.secret !== undefined) io.registerSecret(input.secret);
    for (const w of input.warnings) io.err(`note: ${w}`);
    const type: DeriveType = given ?? input.type ?? 'sr25519';
    if (given !== undefined && input.type !== undefined && given !== input.type) {
      io.err(`note: the input says ${input.type}; --type ${given} is used as asked`);
    }
    const path = optString(args, 'path');
    const slip10 = type === 'ed25519' && path?.startsWith('m/') === true;
    const pathPassword = path?.indexOf('///') ?? -1;
    if (path !== undefined && pathPassword >= 0) io.registerSecret(path.slice(pathPassword + 3));
    const name = optString(args, 'name');
    const meta = name === undefined ? {} : { meta: { name } };
    const account =
      input.key !== undefined && (given === undefined || given === input.key.type)
        ? keyAccount(input.key, ss58, meta.meta ?? {}, path)
        : await deriveAny(type, {
            secret: input.secret ?? secret,
            ss58,
            ...meta,
            ...(path === undefined ? {} : { path }),
          }).catch(withoutWords);
    if (type === 'ed25519-ledger') {
      io.err('note: this key belongs to a Ledger device; anything derived here lives outside the hardware');
    }
    try {
      for (const w of account.warnings) io.err(`note: ${w}`);
      const publicKey = u8aToHex(account.publicKey);
      if (flag(args, 'json')) io.out(JSON.stringify({ address: account.address, publicKey, type }));
      else {
        io.out(`address     ${account.address}`);
        io.out(`public key  ${publicKey}`);
        const how = type === 'ed25519-ledger' ? ', stored as ed25519' : slip10 ? ', SLIP-10 derivation' : '';
        io.out(`type        ${type}${type === 'ethereum' ? '' : ` (ss58 prefix ${ss58}${how})`}`);
      }
      if (target !== undefined && password !== undefined) {
        const params = flag(args, 'compat') ? COMPAT_SCRYPT : DEFAULT_SCRYPT;
        const json = await createKeystore(account, password, { params, scrypt: cliScrypt, ss58 });
        await writeFileAtomic(target, JSON.stringify(json), { overwrite: flag(args, 'force') });
        io.err(`wrote ${target} (v3 keystore, scrypt N=2^${Math.log2(params.N)})`);
      }
    } finally {
      wipe(account);
    }
    return EXIT.OK;
  },
};
