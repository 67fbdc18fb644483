// Registry module of a BIP39 mnemonic, optionally followed by a derivation path and
// `///password` (docs/derivation.md). The words are checked by ../derive/mnemonic.ts.
import {
  checkMnemonic,
  isMnemonicWord,
  MNEMONIC_WORD_COUNTS,
  normaliseMnemonic,
} from '../derive/mnemonic.ts';
import type { FormatModule } from '../registry/types.ts';
import { secretReport, secretTail } from './secret-text.ts';

/** What detection reports for a mnemonic: its shape, never a word. */
export interface MnemonicFacts {
  readonly format: 'mnemonic';
  readonly wordCount: number;
  /** BIP39 English with a valid checksum (see checkMnemonic for why not). */
  readonly valid: boolean;
  readonly hasPath: boolean;
  readonly hasPassword: boolean;
}

/**
 * A mnemonic text: at least six words, three in four of them BIP39 English words.
 *
 * @example mnemonicFormat.describe({ format: 'mnemonic', wordCount: 12, … }) // 'a 12-word mnemonic (a secret: use derive --secret-file)'
 */
export const mnemonicFormat: FormatModule<MnemonicFacts> = {
  id: 'mnemonic',
  label: 'a mnemonic (secret phrase)',
  holds: 'secret',
  matchText(text) {
    const { head, hasPath, hasPassword } = secretTail(text);
    const words = normaliseMnemonic(head).split(' ');
    const known = words.filter(isMnemonicWord).length;
    if (words.length >= 6 && known * 4 >= words.length * 3) {
      return {
        format: 'mnemonic',
        wordCount: words.length,
        valid: checkMnemonic(head).ok,
        hasPath,
        hasPassword,
      };
    }
    if (MNEMONIC_WORD_COUNTS.includes(words.length)) {
      return { miss: `${words.length} words, but only ${known} are BIP39 English words` };
    }
    return undefined;
  },
  describe: (d) => `a ${d.wordCount}-word mnemonic (a secret: use derive --secret-file)`,
  report: ({ detected: d }) =>
    secretReport('mnemonic', {
      words: d.wordCount,
      valid: d.valid,
      path: d.hasPath,
      password: d.hasPassword,
    }),
};
