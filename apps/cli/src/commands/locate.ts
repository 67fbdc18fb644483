// `keyport locate`: which key type and derivation path of a secret gives an address ("my phrase
// gives a different address"). The search runs in core (locate); this prints progress on stderr,
// the answer and what to type into Apps or the extension, and with --json a last line
// {"found":true,"type":…,"path":…} or {"found":false,"searched":N}.
import {
  formatAddress,
  type LocateResult,
  type LocateSecret,
  locateAdvice,
  locate as locateKey,
  parseTarget,
  readLocateSecret,
  readSecretInput,
  wipeLocateSecret,
} from '@keyport/core';
import { type Command, flag, needString, optString } from '../framework/command.ts';
import { EXIT } from '../framework/errors.ts';
import { readPasswordFile, readText } from '../framework/files.ts';
import type { Io } from '../framework/io.ts';
import { progressBar } from '../framework/progress.ts';
import { withoutWords } from '../report/secret-errors.ts';

/** The password guesses of --passwords-file: one per line, empty lines skipped, with line numbers. */
async function readGuesses(
  io: Io,
  file: string | undefined,
): Promise<{ guesses: string[]; lines: number[] }> {
  if (file === undefined) return { guesses: [], lines: [] };
  const text = await readText(io.path(file), 'passwords file');
  const guesses: string[] = [];
  const lines: number[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line === '') return;
    io.registerSecret(line);
    guesses.push(line);
    lines.push(i + 1);
  });
  return { guesses, lines };
}

/** `keyport locate --secret-file <f> --address <a> …` */
export const locate: Command = {
  name: 'locate',
  usage: 'keyport locate --secret-file <f> --address <address> [--deep] [--passwords-file <f>] [--json]',
  help: `Finds which key type and derivation path of a secret gives an address, for "my phrase gives
a different address". The secret file holds a BIP39 mnemonic (12-24 words; 25 for a Ledger
phrase with its passphrase word), a 0x seed, a raw 64-byte secret key, a dev URI, a secret QR
text or subkey inspect output; a path written after the phrase is tried first. The address may be an SS58 address of any network, a
0x public key or AccountId (64 hex digits), a 0x compressed secp256k1 key (66) or an H160 (40).

Candidates, most likely first, stopping at the first hit: root keys (sr25519, ed25519, ecdsa);
Polkadot Vault //<network> for every known network and //polkadot|kusama|westend//0..19;
Talisman/SubWallet/Brave //0..//99; soft /0../19; ethereum m/44'/60'/0'/0/0..99; Ledger
m/44'/<354|434|the address's chain>'/0..19'/0'/0..19'; Trust Wallet's SLIP-10 m/44'/354'/0'/0'/0';
polkadot-js's 2020 ethereum key; ed25519 and ecdsa at the Substrate paths. About 1 700 keys.

options:
  --secret-file <f>      the secret (one trailing newline removed); never printed
  --address <a>          the address or key to find
  --deep                 also every Ledger slip44 (31 chains), //0..//999, Vault //<net>//0..99,
                         soft /0../99, ethereum 0..999 (about 16 000 keys, several seconds)
  --passwords-file <f>   one guess per line: each re-runs the search with it as the ///password
                         (Substrate keys) and the BIP39 passphrase (Ledger 25th word, ethereum)
  --json                 print as the last line {"found":true,"type":"…","path":"…"} (plus
                         "passwordLine" when a guess matched) or {"found":false,"searched":N}

Progress goes to stderr. Exit 0 when found, 1 when not (or on a bad input), 2 on bad usage.`,
  options: {
    'secret-file': { type: 'string' },
    address: { type: 'string' },
    deep: { type: 'boolean' },
    'passwords-file': { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: [0, 0],
  async run(io, args) {
    const target = parseTarget(needString(args, 'address'));
    const text = await readPasswordFile(io.path(needString(args, 'secret-file')), 'secret file');
    io.registerSecret(text);
    const { guesses, lines } = await readGuesses(io, optString(args, 'passwords-file'));
    let secret: LocateSecret;
    try {
      // A QR payload or subkey output: the secret inside it.
      const input = await readSecretInput(text);
      for (const w of input.warnings) io.err(`note: ${w}`);
      if (input.secret !== undefined) io.registerSecret(input.secret);
      secret = input.key
        ? { raw: [input.key], passphrase: '', path: '', warnings: [] }
        : readLocateSecret(input.secret!);
    } catch (e) {
      withoutWords(e);
    }
    for (const w of secret.warnings) io.err(`note: ${w}`);

    let bar: ReturnType<typeof progressBar> | undefined;
    let family = '';
    let result: LocateResult;
    try {
      result = await locateKey(secret, target, {
        deep: flag(args, 'deep'),
        passwords: guesses,
        onProgress: (p) => {
          bar ??= progressBar(io, 'searching', p.total);
          bar.update(p.searched);
          if (!io.stderrIsTTY && p.family !== family) io.err(`searching ${p.family}`);
          family = p.family;
        },
      });
    } finally {
      bar?.done();
      wipeLocateSecret(secret);
    }

    const json = flag(args, 'json');
    if (!result.found) {
      io.out(`not found among ${result.searched} keys; searched:`);
      for (const f of result.searchedFamilies) io.out(`  ${f}`);
      io.out('a ///password cannot be enumerated: try --passwords-file; --deep widens the search');
      if (json) io.out(JSON.stringify({ found: false, searched: result.searched }));
      return EXIT.FAILED;
    }
    const { hit } = result;
    const keyType = hit.type === 'ed25519-ledger' ? 'ed25519' : hit.type;
    const address = formatAddress(hit.publicKey, keyType, target.prefix ?? 42);
    io.out(
      `found       ${hit.type}${hit.path === '' ? ' (no path)' : ` ${hit.path}`} after ${result.searched} keys`,
    );
    io.out(`address     ${address}`);
    if (hit.password !== undefined)
      io.out(`password    line ${lines[hit.password - 1]} of the passwords file`);
    for (const line of locateAdvice(hit)) io.out(`  ${line}`);
    if (json) {
      const passwordLine = hit.password === undefined ? {} : { passwordLine: lines[hit.password - 1] };
      io.out(JSON.stringify({ found: true, type: hit.type, path: hit.path, ...passwordLine }));
    }
    return EXIT.OK;
  },
};
