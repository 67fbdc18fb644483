// `keyport dump`: a localStorage snapshot file → a keyport bundle (plain or passphrase-encrypted).

import { dumpStorage, encodeBundle } from '@keyport/storage-migrate';
import { type Command, flag, needString, optString } from '../framework/command.ts';
import { EXIT } from '../framework/errors.ts';
import {
  exists,
  optionalSecretFile,
  readNewPasswordFile,
  refuseExisting,
  writeFileAtomic,
} from '../framework/files.ts';
import { cliScrypt } from '../framework/scrypt.ts';
import { summaryLine } from '../report/plan-report.ts';
import { loadSnapshot } from '../snapshot.ts';

/** `keyport dump --storage <snapshot.json> --out <bundle> …` */
export const dump: Command = {
  name: 'dump',
  usage:
    'keyport dump --storage <snapshot.json> --out <bundle> [--origin <url>] [--passphrase-file <f>] [--force]',
  help: `A snapshot file is a JSON object of key → string, exactly what JSON.stringify(localStorage)
gives; a missing file is an empty storage. The bundle keeps every value byte for byte, with a
checksum.

options:
  --storage <snapshot.json>  the localStorage snapshot to dump
  --out <bundle>             where to write the bundle
  --origin <url>             the origin the storage belongs to (e.g. https://polkadot.js.org)
  --passphrase-file <f>      encrypt the whole bundle with this passphrase (scrypt +
                             xsalsa20-poly1305); only the counts stay readable
  --force                    replace --out if it exists (otherwise keyport refuses)`,
  options: {
    storage: { type: 'string' },
    out: { type: 'string' },
    origin: { type: 'string' },
    'passphrase-file': { type: 'string' },
    force: { type: 'boolean' },
  },
  positionals: [0, 0],
  async run(io, args) {
    const storagePath = io.path(needString(args, 'storage'));
    const out = io.path(needString(args, 'out'));
    const force = flag(args, 'force');
    await refuseExisting(out, force);
    const passphrase = await optionalSecretFile(
      io,
      args,
      'passphrase-file',
      'passphrase file',
      readNewPasswordFile,
    );

    if (!(await exists(storagePath))) io.err(`note: ${storagePath} does not exist: dumping an empty storage`);
    const storage = await loadSnapshot(storagePath);
    const origin = optString(args, 'origin');
    const bundle = dumpStorage(storage, { origin: origin ?? null, now: io.now });
    const text = await encodeBundle(bundle, {
      scrypt: cliScrypt,
      ...(passphrase === undefined ? {} : { passphrase }),
    });
    await writeFileAtomic(out, text, { overwrite: force });
    io.out(`wrote ${out}: ${summaryLine(bundle.summary)}${passphrase === undefined ? '' : ', encrypted'}`);
    return EXIT.OK;
  },
};
