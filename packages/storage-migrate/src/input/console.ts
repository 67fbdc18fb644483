// Text copied from a browser console after `JSON.stringify(localStorage)` (docs/apps-storage.md §9):
// the JSON itself, a quoted JS string literal of it (Chromium shows '…', Firefox "…", either may
// use `…`), the wiki's `raw = '…'` line, or a JSON string of the JSON (double-encoded). Peeled
// here, layer by layer, down to JSON text; nothing is evaluated. A double-encoded text is just
// one quoted layer more.

import { KeyportError, stripBom } from '@keyport/core';
import { decodeJsStringLiteral } from './js-literal.ts';

/** One layer peeled off console-copied text. */
export type ConsoleLayer =
  | 'assignment' // raw = '…';
  | 'single-quoted' // '…' decoded as a JS literal
  | 'double-quoted' // "…" decoded as a JS literal (also a JSON string)
  | 'template' // `…`
  | 'quoted-raw'; // quotes added around unescaped text (the wiki's step 5), stripped as is

/** The JSON text under the console wrapping, and what was peeled off. */
export interface Unwrapped {
  readonly json: string;
  readonly layers: readonly ConsoleLayer[];
  /** Set when both readings of a quoted text were valid JSON and differed; the JS reading won. */
  readonly ambiguous?: true;
}

const MAX_LAYERS = 6;
/** `raw =`, `var raw =`, `let x=`: the left side of the wiki's assignment line. */
export const ASSIGNMENT_START = /^(?:(?:var|let|const)\s+)?[A-Za-z_$][\w$]{0,63}\s*=(?!=)/;
const QUOTES: Record<string, ConsoleLayer> = { "'": 'single-quoted', '"': 'double-quoted', '`': 'template' };

/** Strips a byte-order mark and surrounding whitespace (CR and LF included). */
export function cleanText(text: string): string {
  return stripBom(text).trim();
}

function sameJson(a: { value: unknown }, b: { value: unknown }): boolean {
  return JSON.stringify(a.value) === JSON.stringify(b.value);
}

function parses(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    // not JSON: the caller tries the other reading
    return undefined;
  }
}

/**
 * Peels console wrappings off `text` until JSON text remains. Plain JSON comes back with no
 * layers. A quoted text is read as the JS literal the console displayed; when that is not JSON
 * but the text between the quotes is, the quotes were added by hand and are just stripped.
 *
 * @throws INVALID_INPUT when no reading gives JSON (e.g. a truncated copy).
 * @example unwrapConsoleText(`raw = '{"a":"b"}';`) // { json: '{"a":"b"}', layers: ['assignment', 'single-quoted'] }
 */
export function unwrapConsoleText(text: string): Unwrapped {
  if (typeof text !== 'string') throw new KeyportError('INVALID_INPUT', 'console text must be a string');
  let current = cleanText(text);
  const layers: ConsoleLayer[] = [];
  let ambiguous = false;
  for (let depth = 0; depth <= MAX_LAYERS; depth++) {
    const first = current[0];
    if (first !== undefined && Object.hasOwn(QUOTES, first)) {
      const raw = current.length >= 2 && current.endsWith(first) ? current.slice(1, -1) : undefined;
      let decoded: string | undefined;
      let literalError: unknown;
      try {
        decoded = decodeJsStringLiteral(current);
      } catch (e) {
        literalError = e;
      }
      const viaLiteral = decoded === undefined ? undefined : parses(decoded);
      const viaRaw = raw === undefined ? undefined : parses(raw);
      if (decoded !== undefined && (viaLiteral !== undefined || viaRaw === undefined)) {
        // a JSON string inside is one more layer; plain text that is not JSON fails below
        if (viaLiteral !== undefined && viaRaw !== undefined && !sameJson(viaLiteral, viaRaw))
          ambiguous = true;
        layers.push(QUOTES[first]!);
        current = decoded.trim();
        continue;
      }
      if (viaRaw !== undefined && raw !== undefined) {
        layers.push('quoted-raw');
        current = raw.trim();
        continue;
      }
      throw new KeyportError(
        'INVALID_INPUT',
        `the quoted text is neither a JavaScript string literal nor quoted JSON (${(literalError as Error)?.message ?? 'not JSON'}); was the copy cut short?`,
      );
    }
    const assigned = layers.length === 0 ? ASSIGNMENT_START.exec(current) : null;
    if (assigned) {
      layers.push('assignment');
      current = current.slice(assigned[0].length).trim();
      if (current.endsWith(';')) current = current.slice(0, -1).trimEnd();
      continue;
    }
    if (parses(current) === undefined) {
      throw new KeyportError('INVALID_INPUT', 'the text is not JSON, nor a console copy of JSON');
    }
    return ambiguous ? { json: current, layers, ambiguous: true } : { json: current, layers };
  }
  throw new KeyportError('INVALID_INPUT', `more than ${MAX_LAYERS} layers of quoting: not a console copy`);
}
