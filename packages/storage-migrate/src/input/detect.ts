// Names what a text given to import is: keyport's bundle (plain or encrypted), a localStorage
// dump, a console copy of one, an extension storage dump, or one of core's formats.
import { type Detected, detectFormat, isPlainObject } from '@keyport/core';
import type { BundleSummary } from '../bundle/types.ts';
import { BUNDLE_FORMAT } from '../bundle/types.ts';
import { checkSummary } from '../bundle/validate.ts';
import { KEYRING_KEY } from '../classify.ts';
import { ASSIGNMENT_START, type ConsoleLayer, cleanText, unwrapConsoleText } from './console.ts';
import { isExtensionStorage, isStringRecord } from './dumps.ts';

/** What a JSON value is, before any console wrapping is considered. */
export type DetectedValue =
  | { readonly format: 'keyport-bundle'; readonly summary: BundleSummary | null; readonly undo: boolean }
  | { readonly format: 'keyport-bundle-encrypted'; readonly summary: BundleSummary | null }
  | { readonly format: 'localstorage-dump'; readonly count: number }
  | { readonly format: 'extension-storage'; readonly count: number; readonly records: number }
  | Detected;

/** What {@link detectInput} found. Nothing in it is secret. */
export type DetectedInput =
  | DetectedValue
  | {
      readonly format: 'console-copy';
      /** What was peeled off, outermost first. */
      readonly layers: readonly ConsoleLayer[];
      /** What the text inside is. */
      readonly inner: DetectedValue;
      /** Both readings of the quotes parsed and differed (the JS literal reading is used). */
      readonly ambiguous: boolean;
    };

/** The formats {@link detectInput} can report. */
export type InputFormat = DetectedInput['format'];

function summaryOf(obj: Record<string, unknown>): BundleSummary | null {
  try {
    checkSummary(obj.summary);
    return obj.summary as unknown as BundleSummary;
  } catch (e) {
    if (e instanceof Error && e.name === 'KeyportError') return null; // reported by decodeBundle
    throw e;
  }
}

/**
 * Detects what an already-parsed JSON value is.
 *
 * @example detectValue({ 'account:0x01': '{}' }) // { format: 'localstorage-dump', count: 1 }
 */
export function detectValue(value: unknown): DetectedValue {
  if (isPlainObject(value) && value.format === BUNDLE_FORMAT) {
    return Object.hasOwn(value, 'encryption')
      ? { format: 'keyport-bundle-encrypted', summary: summaryOf(value) }
      : { format: 'keyport-bundle', summary: summaryOf(value), undo: Object.hasOwn(value, 'undo') };
  }
  const core = detectFormat(value);
  if (core.format !== 'unknown' || !isPlainObject(value)) return core;
  if (isStringRecord(value)) return { format: 'localstorage-dump', count: Object.keys(value).length };
  if (isExtensionStorage(value)) {
    const keys = Object.keys(value);
    return {
      format: 'extension-storage',
      count: keys.length,
      records: keys.filter((k) => KEYRING_KEY.test(k)).length,
    };
  }
  return {
    format: 'unknown',
    reason:
      'a JSON object that is neither a localStorage dump (every value a string) nor an extension storage dump',
  };
}

/** The parsed JSON under any console wrapping, with the detection result. */
export interface Inspected {
  readonly detected: DetectedInput;
  /** The parsed JSON value (undefined for non-JSON text such as a mnemonic). */
  readonly value?: unknown;
  /** The JSON text `value` was parsed from (inside any console wrapping). */
  readonly json?: string;
}

/** Detection plus the parsed value, for readImportInput. Never throws. */
export function inspectText(text: string): Inspected {
  if (typeof text !== 'string') return { detected: { format: 'unknown', reason: 'input is not text' } };
  const clean = cleanText(text);
  if (clean === '') return { detected: { format: 'unknown', reason: 'input is empty' } };
  if (clean.startsWith('{') || clean.startsWith('[')) {
    let value: unknown;
    try {
      value = JSON.parse(clean);
    } catch (e) {
      if (!(e instanceof SyntaxError)) throw e;
      return { detected: { format: 'unknown', reason: 'text starts like JSON but does not parse as JSON' } };
    }
    return { detected: detectValue(value), value, json: clean };
  }
  const wrapped = /^['"`]/.test(clean) || ASSIGNMENT_START.test(clean);
  if (!wrapped) return { detected: detectFormat(clean) };
  let json: string;
  let layers: readonly ConsoleLayer[];
  let ambiguous: boolean;
  try {
    ({
      json,
      layers,
      ambiguous = false,
    } = unwrapConsoleText(clean) as { json: string; layers: ConsoleLayer[]; ambiguous?: boolean });
  } catch (e) {
    if (!(e instanceof Error && e.name === 'KeyportError')) throw e;
    return { detected: { format: 'unknown', reason: e.message } };
  }
  const value: unknown = JSON.parse(json);
  return { detected: { format: 'console-copy', layers, inner: detectValue(value), ambiguous }, value, json };
}

/**
 * Detects the format of a text given to import, without a password. Storage formats first
 * (keyport bundle, localStorage dump, console copy of JSON, extension storage), then core's
 * detectFormat (keystore, batch, Apps arrays, mnemonic, …). Never throws; `unknown` carries a
 * reason.
 *
 * @example detectInput(`'{"settings":"{}"}'`) // { format: 'console-copy', layers: ['single-quoted'], inner: { format: 'localstorage-dump', count: 1 }, ambiguous: false }
 */
export function detectInput(text: string): DetectedInput {
  return inspectText(text).detected;
}
