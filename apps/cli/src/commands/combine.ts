// `keyport combine`: recovers the secret of Polkadot Vault's Banana Split shards (the JSON text of
// each QR code) with the passphrase, and writes it to a file readable by its owner only. The
// secret is never printed. Format: docs/rescue-formats.md "Banana Split".
import { checkMnemonic, combineBananaShards, readBananaShards } from '@keyport/core';
import { type Command, flag, needString } from '../framework/command.ts';
import { EXIT } from '../framework/errors.ts';
import { readPasswordFile, readText, refuseExisting, writeFileAtomic } from '../framework/files.ts';
import { cliScrypt } from '../framework/scrypt.ts';

/** `keyport combine <shard-file>… --passphrase-file <f> --out <file>` */
export const combine: Command = {
  name: 'combine',
  usage: 'keyport combine <shard-file>… --passphrase-file <f> --out <file> [--force]',
  help: `Each <shard-file> holds the text of one Banana Split QR code (what a phone's QR scanner
shows: {"v":1,"t":…,"r":…,"d":…,"n":…}), or several, one per line. Versions 0 and 1. Give at
least as many shards as the set needs (r: more than half of those printed). Blank lines,
CRLF and a BOM are fine; any other line is an error naming it. keyport inspect <shard-file>
tells which sets a file holds and whether it is enough, without the passphrase.

options:
  --passphrase-file <f>   the passphrase handwritten on the sheets; words typed with spaces
                          work (they become words joined by -, as on the Banana Split page)
  --out <file>            where the recovered secret goes (mode 0600); never printed
  --force                 replace --out if it exists

Not enough shards, shards of different sets, the same shard twice or a wrong passphrase: exit 1
with a clear error, and nothing is written. When the secret is a mnemonic, keyport says so:
Vault's own keys are //<network> derivations of it (keyport locate finds which).`,
  options: {
    'passphrase-file': { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
  },
  positionals: [1, 255],
  async run(io, args) {
    const out = io.path(needString(args, 'out'));
    const force = flag(args, 'force');
    await refuseExisting(out, force);
    const passphrase = await readPasswordFile(
      io.path(needString(args, 'passphrase-file')),
      'passphrase file',
    );
    io.registerSecret(passphrase);
    io.registerSecret(passphrase.trim().split(/\s+/u).join('-'));
    const shards = [];
    for (const file of args.positionals) {
      shards.push(...readBananaShards(await readText(io.path(file), 'shard file')));
    }
    const result = await combineBananaShards(shards, passphrase, { scrypt: cliScrypt });
    io.registerSecret(result.secret);
    await writeFileAtomic(out, `${result.secret}\n`, { overwrite: force });
    io.err(
      `recovered the secret of ${JSON.stringify(result.title)} (version ${result.version}) from ${result.used} shard(s), ${result.required} required`,
    );
    io.err(`wrote ${out} (mode 0600)`);
    const mnemonic = checkMnemonic(result.secret);
    if (mnemonic.ok) {
      io.err(
        `note: it is a ${mnemonic.wordCount}-word mnemonic. Polkadot Vault's keys are //<network> derivations of it (//polkadot, //kusama, …); keyport locate --secret-file ${out} --address <address> finds which`,
      );
    } else {
      io.err('note: the secret is not a BIP39 mnemonic (Banana Split can hold any text)');
    }
    return EXIT.OK;
  },
};
