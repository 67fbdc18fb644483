// Every `keyport` command, in the order `keyport --help` lists them. Each command module is
// loaded only when it runs, so `keyport inspect` never loads ui-keyring or the scrypt pool.
import type { Command } from '../framework/command.ts';

/** A command's name and one-line summary, and how to load the rest. */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  load(): Promise<Command>;
}

/** The commands of `keyport`. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'inspect',
    summary: 'say what a file is and which accounts it holds (no password needed)',
    load: async () => (await import('./inspect.ts')).inspect,
  },
  {
    name: 'unlock',
    summary: 'check that every account of a keystore, batch file or Apps array unlocks',
    load: async () => (await import('./unlock.ts')).unlock,
  },
  {
    name: 'derive',
    summary: 'restore an account from a mnemonic, raw seed or dev phrase; optionally export it',
    load: async () => (await import('./derive.ts')).derive,
  },
  {
    name: 'locate',
    summary: 'find which key type and derivation path of a secret gives an address',
    load: async () => (await import('./locate.ts')).locate,
  },
  {
    name: 'combine',
    summary: "recover the secret of Polkadot Vault's Banana Split shards with their passphrase",
    load: async () => (await import('./combine.ts')).combine,
  },
  {
    name: 'convert',
    summary: 'convert between a keystore, a batch file and an Apps array; re-encrypt on request',
    load: async () => (await import('./convert.ts')).convert,
  },
  {
    name: 'profiles',
    summary: 'find browser profiles on disk and list their Apps origins and wallet extensions',
    load: async () => (await import('./profiles.ts')).profiles,
  },
  {
    name: 'dump',
    summary:
      'write a localStorage snapshot, or an origin or wallet read from a browser profile, as a keyport bundle',
    load: async () => (await import('./dump.ts')).dump,
  },
  {
    name: 'restore',
    summary: 'import a bundle, dump, keystore, batch or Apps array into a snapshot file, with undo',
    load: async () => (await import('./restore.ts')).restore,
  },
  {
    name: 'undo',
    summary: 'reverse a restore with the undo bundle it wrote',
    load: async () => (await import('./undo.ts')).undo,
  },
];
