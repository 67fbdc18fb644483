// The shape every format module has: how to recognise it, name it, read it and, where keyport
// writes it, write it. A registry (registry.ts) is an ordered list of such modules; core's list
// is in core.ts, storage-migrate extends it with the storage formats. docs/architecture.md
// ("How to add a format") walks through adding one.
import type { AddressBookEntry, AppsExternalAccount } from '../apps-array.ts';
import type { BatchExtras, BatchSkipped } from '../batch.ts';
import type { KeystoreJson } from '../keystore/types.ts';
import type { ScryptBackend } from '../scrypt/backend.ts';
import type { ScryptParams } from '../scrypt/params.ts';
import type { SecretInput } from '../secret-input.ts';

/** What detection found: a format id plus secret-free facts (counts, flags, versions). */
export interface FormatFacts {
  readonly format: string;
}

/** Detection's answer when no format claims the input. `reason` never quotes a secret. */
export interface UnknownFormat {
  readonly format: 'unknown';
  readonly reason: string;
}

/** A module's "this looks like mine but is not": `reason` says what is wrong (no secret). */
export interface Miss {
  readonly miss: string;
}

/** A text match, with the JSON value found inside the text when there is one (a console copy). */
export interface TextMatch<D extends FormatFacts> {
  readonly detected: D;
  readonly value?: unknown;
  /** The JSON text `value` was parsed from, when it is not the input itself (inside quotes). */
  readonly json?: string;
}

/** What a registry's detection returns: the facts, and the parsed value when the input was JSON. */
export interface Found<D extends FormatFacts = FormatFacts> {
  readonly detected: D;
  /** The parsed JSON value (for a console copy, the value inside the quotes); else the text. */
  readonly value: unknown;
  /** The input text as given, when the input was text (a bundle's checksum reads it as written). */
  readonly text?: string;
  /** The JSON text `value` was parsed from (inside any quotes), for checks of the text itself such as repeated keys. */
  readonly json?: string;
  /** When nothing matched and a module's Miss is the reason: that module's id. */
  readonly missedBy?: string;
}

/** What a format holds, which says what the CLI and the page can do with it. */
export type Holds = 'accounts' | 'contacts' | 'storage' | 'secret';

/** The password a file is sealed with as a whole, asked for before it can be read. */
export interface Seal {
  /** What a person is asked for, e.g. 'Batch file password'. */
  readonly label: string;
  /** Which read option carries it: a batch file's `password`, a bundle's `passphrase`. */
  readonly option: 'password' | 'passphrase';
}

/** One account a format holds, at its position in the input. */
export type HeldAccount =
  | { readonly index: number; readonly keystore: KeystoreJson }
  | { readonly index: number; readonly external: AppsExternalAccount };

/**
 * What a file of accounts or contacts holds, in keyport's own terms: keystores still encrypted
 * under their own account passwords, keyless entries, address-book entries.
 */
export interface Holdings {
  readonly accounts: readonly HeldAccount[];
  readonly contacts: readonly AddressBookEntry[];
  /** Entries left out (key types keyport does not support), with their index. */
  readonly skipped: readonly BatchSkipped[];
  /** SubWallet's extra batch fields, carried when the accounts are written as a batch again. */
  readonly extras?: BatchExtras;
}

/** Options of {@link FormatModule.open}. */
export interface OpenOptions {
  /** The seal password (a batch file's); PASSWORD_REQUIRED when the format has a seal and none is given. */
  readonly password?: string;
  readonly scrypt?: ScryptBackend;
}

/** An account a password opened and checked: public facts only (what `unlock` prints). */
export interface CheckedAccount {
  readonly address: string;
  /** 0x-hex public key. */
  readonly publicKey: string;
  readonly type: string;
}

/** What {@link FormatModule.check} found: the accounts, and notes worth a line (no secret). */
export interface CheckedFile {
  readonly accounts: readonly CheckedAccount[];
  readonly notes: readonly string[];
}

/** One account or address line of a {@link FormatReport}. */
export interface ReportedAccount {
  /** Key type, null when the file does not say (batch previews, v0/v1 keystores). */
  type: string | null;
  address: string;
  name: string | null;
  /** True for keyless entries (external, multisig, QR, hardware, address book). */
  keyless?: boolean;
}

/** What `keyport inspect` prints about a file, without a password. Nothing in it is secret. */
export interface FormatReport {
  format: string;
  version?: string;
  encrypted?: boolean;
  scrypt?: ScryptParams;
  accounts: ReportedAccount[];
  /** Other facts worth a line: counts, origin, notes. */
  details?: Record<string, string | number | boolean | null>;
}

/** What a registry lends its modules: detection and lookup over the whole list (console copies recurse). */
export interface RegistryContext {
  /** Detects an already parsed JSON value with the whole registry. */
  detectValue(value: unknown): FormatFacts;
  /** The module of a format id. */
  byId(id: string): FormatModule | undefined;
}

/** Options of {@link FormatWriter.write}. */
export interface WriteOptions {
  /** The seal password of the written file (a batch file's). */
  readonly password?: string;
  /**
   * The accounts' own password, for a writer that must open each key to write it again in
   * another envelope (a format of its own encryption); the others copy keystores as they are.
   */
  readonly accountPassword?: string;
  readonly params?: ScryptParams;
  readonly scrypt?: ScryptBackend;
  readonly random?: (n: number) => Uint8Array;
}

/** How keyport writes a format from {@link Holdings}. */
export interface FormatWriter {
  /** The name a person picks it by (`convert --to <name>`). */
  readonly name: string;
  /** Which accounts it can take: 'one' (exactly one keystore) or 'many'. */
  readonly takes: 'one' | 'many';
  /** True when keyless entries are carried over (else they are left out). */
  readonly keepsKeyless: boolean;
  /** Writes the file's text. Throws INVALID_INPUT / PASSWORD_REQUIRED when the holdings do not fit. */
  write(holdings: Holdings, options: WriteOptions): Promise<string>;
}

/**
 * One format: how to recognise it (`matchValue` for parsed JSON, `matchText` for other text),
 * what to call it, what it holds and how to read, report and write it. Matchers never throw
 * and never put a secret in a Miss; the registry tries modules in order, the first match wins,
 * and when none matches the first Miss is the reason.
 *
 * @example registry line: `export const CORE_FORMATS = [keystoreFormat, …, myFormat] as const;`
 */
export interface FormatModule<D extends FormatFacts = FormatFacts> {
  /** The format id detection reports (`detected.format`). */
  readonly id: D['format'];
  /** A noun phrase for messages and the page: 'a batch ("export all accounts") file'. */
  readonly label: string;
  readonly holds: Holds;
  /** The password the whole file is sealed with, when it has one. */
  readonly seal?: Seal;
  /** Claims a parsed JSON object or array: its facts, a Miss, or undefined (not this format). */
  matchValue?(value: object, registry: RegistryContext): D | Miss | undefined;
  /** Claims trimmed non-JSON text (BOM stripped, not empty, not starting with `{` or `[`). */
  matchText?(text: string, registry: RegistryContext): D | TextMatch<D> | Miss | undefined;
  /**
   * True when `matchText` reads the text line by line (one record per line, such as one JSON
   * value per line): it then gets the text with its lines as given (BOM stripped, not trimmed,
   * so a Miss can name a line), and is asked also when the text starts like JSON but is not one
   * JSON document.
   */
  readonly readsLines?: boolean;
  /** One secret-free line for messages, with counts: 'a batch file of 3 account(s)'. */
  describe(detected: D): string;
  /** What `inspect` prints. Throws the format's typed errors on a malformed file. */
  report?(found: Found<D>, registry: RegistryContext): FormatReport | Promise<FormatReport>;
  /** The accounts or contacts the file holds (accounts stay encrypted under their own passwords). */
  open?(found: Found<D>, options: OpenOptions): Promise<Holdings>;
  /**
   * Present when the file's own encryption is its accounts' (a Web3 keystore): opens them with
   * the password and checks each key against its address, in one pass, where `open` would
   * re-encrypt them first. Throws WRONG_PASSWORD like `open`; secrets are wiped inside.
   */
  check?(found: Found<D>, options: OpenOptions): Promise<CheckedFile>;
  /**
   * Present when the format can stand where a secret is expected (derive, locate): the secret
   * inside, as readSecretInput returns it. Also called when this module's Miss was why nothing
   * matched (`found.detected` is then unknown), so that it throws the format's own typed error.
   */
  secret?(found: Found<D | UnknownFormat>): Promise<SecretInput>;
  /** Present when keyport writes this format. */
  readonly writer?: FormatWriter;
}
