// Errors about a secret, made safe for a terminal.
import { isKeyportError, KeyportError } from '@keyport/core';

/**
 * Rethrows `e`, replacing a mistyped-mnemonic error: the library names the word and its nearest
 * BIP39 word, and both are (a typo of) part of the secret, so on a terminal keyport names the
 * position only.
 *
 * @example await deriveAccount(opts).catch(withoutWords)
 */
export function withoutWords(e: unknown): never {
  if (isKeyportError(e, 'INVALID_MNEMONIC') && e.details.problem === 'unknown-word') {
    const { index, unknownCount } = e.details as { index?: number; unknownCount?: number };
    const more =
      typeof unknownCount === 'number' && unknownCount > 1 ? ` (${unknownCount} words are unknown)` : '';
    throw new KeyportError(
      'INVALID_MNEMONIC',
      `word ${index ?? '?'} of the mnemonic is not a BIP39 English word${more}; check it against your backup`,
      { problem: 'unknown-word', ...(typeof index === 'number' ? { index } : {}) },
    );
  }
  throw e;
}
