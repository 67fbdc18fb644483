// `keyport inspect`: what a file is and which accounts it holds, without a password: format,
// version, scrypt parameters, and per account its key type, address and name.
import {
  type Detected,
  describeKeystore,
  detectFormat,
  KeyportError,
  parseAddressBook,
  parseAppsAccounts,
  parseBatch,
  readScryptHeader,
  type ScryptParams,
} from '@keyport/core';
import { base64Decode } from '@polkadot/util-crypto';
import { describeDetected } from '../accounts.ts';
import { type Command, flag } from '../cli/command.ts';
import { EXIT } from '../cli/errors.ts';
import { readText } from '../cli/files.ts';
import type { Io } from '../cli/io.ts';
import { inspectStorageInput } from './inspect-storage.ts';

/** One account or address line of an inspect report. */
export interface InspectedAccount {
  /** Key type, null when the file does not say (batch previews, v0/v1 keystores). */
  type: string | null;
  address: string;
  name: string | null;
  /** True for keyless entries (external, multisig, QR, hardware, address book). */
  keyless?: boolean;
}

/** What `inspect --json` prints. Nothing in it is secret. */
export interface InspectReport {
  format: string;
  version?: string;
  encrypted?: boolean;
  scrypt?: ScryptParams;
  accounts: InspectedAccount[];
  /** Other facts worth a line: counts, origin, notes. */
  details?: Record<string, string | number | boolean | null>;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function nameOf(meta: Record<string, unknown>): string | null {
  return typeof meta.name === 'string' ? meta.name : null;
}

function scryptOf(encoded: string, encrypted: boolean): ScryptParams | undefined {
  if (!encrypted || encoded.startsWith('0x')) return undefined;
  return readScryptHeader(base64Decode(encoded)).params;
}

/** The report for core's formats, or undefined when core does not know the format. */
export function inspectCoreFormat(text: string, detected: Detected): InspectReport | undefined {
  switch (detected.format) {
    case 'keystore': {
      const info = describeKeystore(stripBom(text));
      return {
        format: 'keystore',
        version: info.version,
        encrypted: info.encrypted,
        ...(info.scrypt ? { scrypt: info.scrypt } : {}),
        accounts: [
          {
            type: info.keyType ?? null,
            address: info.address,
            name: info.name ?? null,
            ...(info.hasSecret ? {} : { keyless: true }),
          },
        ],
      };
    }
    case 'batch':
    case 'subwallet-batch': {
      const value: unknown = JSON.parse(stripBom(text));
      const batch = parseBatch(detected.wrapped && Array.isArray(value) ? value[0] : value);
      const scrypt = scryptOf(batch.encoded, detected.encrypted);
      return {
        format: detected.format,
        version: batch.encoding.version,
        encrypted: detected.encrypted,
        ...(scrypt ? { scrypt } : {}),
        accounts: batch.accounts.map((a) => ({ type: null, address: a.address, name: nameOf(a.meta) })),
        details: { note: 'key types and account scrypt parameters are inside the encrypted part' },
      };
    }
    case 'apps-accounts':
      return {
        format: 'apps-accounts',
        accounts: parseAppsAccounts(stripBom(text)).map((e) => {
          if (e.kind === 'external') {
            return { type: e.type ?? null, address: e.address, name: nameOf(e.meta), keyless: true };
          }
          const info = describeKeystore(e.keystore);
          return {
            type: info.keyType ?? null,
            address: info.address,
            name: info.name ?? null,
            ...(info.hasSecret ? {} : { keyless: true }),
          };
        }),
      };
    case 'address-book':
      return {
        format: 'address-book',
        accounts: parseAddressBook(stripBom(text)).map((e) => ({
          type: null,
          address: e.address,
          name: e.name,
          keyless: true,
        })),
      };
    case 'mnemonic':
      return {
        format: 'mnemonic',
        accounts: [],
        details: {
          words: detected.wordCount,
          valid: detected.valid,
          path: detected.hasPath,
          password: detected.hasPassword,
          note: 'a secret; keyport derive --secret-file restores its account',
        },
      };
    case 'raw-seed':
      return {
        format: 'raw-seed',
        accounts: [],
        details: {
          path: detected.hasPath,
          password: detected.hasPassword,
          note: 'a secret; keyport derive --secret-file restores its account',
        },
      };
    case 'dev-uri':
      return { format: 'dev-uri', accounts: [], details: { password: detected.hasPassword } };
    case 'unknown':
      return undefined;
  }
}

function printReport(io: Io, r: InspectReport): void {
  io.out(`format      ${r.format}`);
  if (r.version !== undefined) io.out(`version     ${r.version}`);
  if (r.encrypted !== undefined) io.out(`encrypted   ${r.encrypted ? 'yes' : 'no'}`);
  if (r.scrypt)
    io.out(`scrypt      N=2^${Math.log2(r.scrypt.N)} (${r.scrypt.N}), p=${r.scrypt.p}, r=${r.scrypt.r}`);
  for (const [k, v] of Object.entries(r.details ?? {})) io.out(`${k.padEnd(11)} ${String(v)}`);
  if (r.accounts.length > 0) io.out(`accounts    ${r.accounts.length}`);
  const width = Math.max(0, ...r.accounts.map((a) => a.address.length));
  for (const a of r.accounts) {
    const type = (a.type ?? '?').padEnd(8);
    const name = a.name === null ? '' : `  ${JSON.stringify(a.name)}`;
    io.out(`  ${type}  ${a.address.padEnd(width)}${name}${a.keyless ? '  (no key)' : ''}`);
  }
}

/** `keyport inspect <file> [--json]` */
export const inspect: Command = {
  name: 'inspect',
  usage: 'keyport inspect <file> [--json]',
  help: `Reads keystores (versions 0-3), batch files, Apps' export-all and address-book arrays,
keyport bundles (plain or encrypted: only the counts are in clear), localStorage snapshots and
console copies, and says which format it is. Prints the version, the scrypt parameters and, for
each account, its key type ("?" where only the password would tell), address and name. A
mnemonic or seed file is recognised but never printed.

options:
  --json   print the report as one JSON object`,
  options: { json: { type: 'boolean' } },
  positionals: [1, 1],
  async run(io, args) {
    const file = io.path(args.positionals[0] as string);
    const text = await readText(file, 'input');
    const detected = detectFormat(text);
    const report = inspectCoreFormat(text, detected) ?? (await inspectStorageInput(text));
    if (!report) {
      throw new KeyportError('UNSUPPORTED_FORMAT', `${file} is ${describeDetected(detected)}`, {
        format: 'unknown',
      });
    }
    if (flag(args, 'json')) io.out(JSON.stringify(report));
    else printReport(io, report);
    return EXIT.OK;
  },
};
