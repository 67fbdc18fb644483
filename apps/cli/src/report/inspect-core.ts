// inspect for core's formats (keystores, batch files, Apps' arrays, secrets) and the report
// shape both halves of `keyport inspect` print.
import {
  type Detected,
  describeKeystore,
  parseAddressBook,
  parseAppsAccounts,
  parseBatch,
  readScryptHeader,
  type ScryptParams,
  stripBom,
} from '@keyport/core';
import { base64Decode } from '@polkadot/util-crypto';

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
