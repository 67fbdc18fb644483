// What the three secret texts (mnemonic, raw seed, dev URI) share: the derivation path and
// `///password` tail after the secret, and their inspect report, which names the shape and
// never a word of the secret.
import type { FormatReport } from '../registry/types.ts';

/** Where the secret ends and whether a path or a `///password` follows. */
export interface SecretTail {
  /** The text before the first `/`, trimmed. */
  readonly head: string;
  readonly hasPath: boolean;
  readonly hasPassword: boolean;
}

/**
 * Splits `secret//path///password` text without keeping any of it but the head.
 *
 * @example secretTail('0xab…//hard') // { head: '0xab…', hasPath: true, hasPassword: false }
 */
export function secretTail(text: string): SecretTail {
  const cut = text.indexOf('/');
  return {
    head: (cut === -1 ? text : text.slice(0, cut)).trim(),
    hasPath: cut !== -1 && !text.slice(cut).startsWith('///'),
    hasPassword: text.includes('///'),
  };
}

/** What inspect says about a secret: its shape and the command that restores its account. */
export function secretReport(format: string, details: Record<string, number | boolean>): FormatReport {
  return {
    format,
    accounts: [],
    details: { ...details, note: 'a secret; keyport derive --secret-file restores its account' },
  };
}
