// `keyport undo`: reverses a restore with the undo bundle it wrote beside the snapshot.
import { decodeBundle, undoImport } from '@keyport/storage-migrate';
import { type Command, flag, needString } from '../framework/command.ts';
import { EXIT } from '../framework/errors.ts';
import { optionalSecretFile, readText } from '../framework/files.ts';
import { cliScrypt } from '../framework/scrypt.ts';
import { flushSnapshot, loadSnapshot } from '../snapshot.ts';

/** `keyport undo <undo-bundle> --storage <snapshot.json>` */
export const undo: Command = {
  name: 'undo',
  usage: 'keyport undo <undo-bundle> --storage <snapshot.json> [--force] [--passphrase-file <f>]',
  help: `Puts back every item the import replaced and removes every item it created, then replaces
the snapshot atomically. keyport refuses when an item the import wrote has changed since
(undoing would lose that change) unless --force is given.

options:
  --storage <snapshot.json>  the snapshot the import wrote to
  --force                    undo even over items changed after the import
  --passphrase-file <f>      passphrase, if the undo bundle was encrypted afterwards`,
  options: {
    storage: { type: 'string' },
    force: { type: 'boolean' },
    'passphrase-file': { type: 'string' },
  },
  positionals: [1, 1],
  async run(io, args) {
    const file = io.path(args.positionals[0] as string);
    const storagePath = io.path(needString(args, 'storage'));
    const passphrase = await optionalSecretFile(io, args, 'passphrase-file', 'passphrase file');
    const bundle = await decodeBundle(await readText(file, 'undo bundle'), {
      scrypt: cliScrypt,
      ...(passphrase === undefined ? {} : { passphrase }),
    });
    const storage = await loadSnapshot(storagePath);
    const result = undoImport(bundle, storage, { now: io.now, force: flag(args, 'force') });
    await flushSnapshot(storagePath, storage);
    io.out(`undone: ${result.restored} item(s) put back, ${result.removed} removed from ${storagePath}`);
    return EXIT.OK;
  },
};
