// BIP39 English mnemonics: normalisation and a check that says which word is wrong.
// Word list and checksum come from @polkadot/util-crypto (the same list its wasm bip39 uses).
import { mnemonicValidate } from '@polkadot/util-crypto';
import english from '@polkadot/util-crypto/mnemonic/wordlists/en';
import { KeyportError } from '../errors.ts';
import { nearest } from '../nearest.ts';

/** Word counts BIP39 (and polkadot-js `createFromUri`) accept. */
export const MNEMONIC_WORD_COUNTS: readonly number[] = Object.freeze([12, 15, 18, 21, 24]);

/** The 2048 BIP39 English words, in list order. */
export const BIP39_ENGLISH: readonly string[] = Object.freeze([...english]);

const WORDS = new Set(BIP39_ENGLISH);

/** Result of {@link checkMnemonic}. */
export type MnemonicCheck =
  | { readonly ok: true; readonly phrase: string; readonly wordCount: number }
  | { readonly ok: false; readonly error: KeyportError };

/**
 * Normalises a typed or pasted phrase: Unicode NFKD, lower case, any run of whitespace (spaces,
 * tabs, CR/LF, no-break and ideographic spaces) becomes one space, and the ends are trimmed.
 * Nothing else changes (no punctuation or numbering is removed).
 *
 * @example normaliseMnemonic('  Bottom\r\nDRIVE  obey ') === 'bottom drive obey'
 */
export function normaliseMnemonic(phrase: string): string {
  return phrase.normalize('NFKD').toLowerCase().split(/\s+/u).filter(Boolean).join(' ');
}

/** True when `word` (already normalised) is in the BIP39 English list. */
export function isMnemonicWord(word: string): boolean {
  return WORDS.has(word);
}

/**
 * The list word a mistyped `word` most likely meant: the one word sharing its first four letters
 * (BIP39 English words are unique in their first four), else the nearest by edit distance.
 */
export function suggestMnemonicWord(word: string): string {
  if (word.length >= 4) {
    const prefixed = BIP39_ENGLISH.filter((w) => w.startsWith(word.slice(0, 4)));
    if (prefixed.length === 1) return prefixed[0]!;
  }
  return nearest(word, BIP39_ENGLISH, 1)[0]!;
}

/**
 * Checks a BIP39 English mnemonic after {@link normaliseMnemonic}, without throwing.
 * The failure is a KeyportError INVALID_MNEMONIC whose `details.problem` is one of:
 * - `word-count`: details `{ wordCount, allowed }`;
 * - `unknown-word`: details `{ index (1-based), word, suggestion, unknownCount }` for the first
 *   word not in the list. The message names the position, that word and the suggestion: the word
 *   is not a valid BIP39 word, but it is a typo of a secret one, so do not log messages verbatim;
 * - `checksum`: every word is valid but the checksum fails (a wrong word or order); no words.
 *
 * @example
 * const r = checkMnemonic(input);
 * if (!r.ok) console.error(r.error.message); // "word 3 ("helo") is not a BIP39 English word; did you mean "hello"?"
 */
export function checkMnemonic(phrase: string): MnemonicCheck {
  const normalised = normaliseMnemonic(typeof phrase === 'string' ? phrase : '');
  const words = normalised === '' ? [] : normalised.split(' ');
  if (!MNEMONIC_WORD_COUNTS.includes(words.length)) {
    return fail(
      `mnemonic has ${words.length} word${words.length === 1 ? '' : 's'}; expected ${MNEMONIC_WORD_COUNTS.slice(0, -1).join(', ')} or 24`,
      { problem: 'word-count', wordCount: words.length, allowed: [...MNEMONIC_WORD_COUNTS] },
    );
  }
  const unknown = words.flatMap((word, i) => (WORDS.has(word) ? [] : [i]));
  if (unknown.length > 0) {
    const index = unknown[0]! + 1;
    const word = words[index - 1]!;
    const suggestion = suggestMnemonicWord(word);
    const more = unknown.length > 1 ? ` (${unknown.length} words are not in the list)` : '';
    return fail(
      `word ${index} ("${word}") is not a BIP39 English word; did you mean "${suggestion}"?${more}`,
      { problem: 'unknown-word', index, word, suggestion, unknownCount: unknown.length },
    );
  }
  if (!mnemonicValidate(normalised)) {
    return fail(
      `mnemonic checksum does not match: all ${words.length} words are BIP39 words, but one is wrong or they are out of order`,
      { problem: 'checksum', wordCount: words.length },
    );
  }
  return { ok: true, phrase: normalised, wordCount: words.length };
}

/**
 * Like {@link checkMnemonic} but returns the normalised phrase or throws its error.
 *
 * @throws INVALID_MNEMONIC (see checkMnemonic for `details`)
 * @example const phrase = assertMnemonic(' Bottom drive … walk\n')
 */
export function assertMnemonic(phrase: string): string {
  const result = checkMnemonic(phrase);
  if (!result.ok) throw result.error;
  return result.phrase;
}

function fail(message: string, details: Record<string, unknown>): MnemonicCheck {
  return { ok: false, error: new KeyportError('INVALID_MNEMONIC', message, details) };
}
