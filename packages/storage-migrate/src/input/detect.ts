// Names what a text given to import is: keyport's bundle (plain or encrypted), a localStorage
// dump, a console copy of one, an extension storage dump, or one of core's formats, by asking
// the import registry (../registry.ts).
import type { ConsoleCopyFacts } from '../formats/console-copy.ts';
import { type DetectedInput, importRegistry } from '../registry.ts';

export type { DetectedInput } from '../registry.ts';

/** What a JSON value is, before any console wrapping is considered. */
export type DetectedValue = Exclude<DetectedInput, ConsoleCopyFacts>;

/** The formats {@link detectInput} can report. */
export type InputFormat = DetectedInput['format'];

/**
 * Detects the format of a text given to import, without a password. Storage formats first
 * (keyport bundle, localStorage dump, console copy of JSON, extension storage), then core's
 * formats (keystore, batch, Apps arrays, mnemonic, …). Never throws; `unknown` carries a reason.
 *
 * @example detectInput(`'{"settings":"{}"}'`) // { format: 'console-copy', layers: ['single-quoted'], inner: { format: 'localstorage-dump', count: 1 }, ambiguous: false }
 */
export function detectInput(text: string): DetectedInput {
  if (typeof text !== 'string') return { format: 'unknown', reason: 'input is not text' };
  return importRegistry.detect(text).detected;
}
