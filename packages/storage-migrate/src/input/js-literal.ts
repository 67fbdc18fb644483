// A decoder for one JavaScript string literal ('…', "…" or a template `…` without
// substitutions), exactly as a browser console in sloppy mode evaluates it (ECMA-262 §12.9.4 and
// Annex B.1.2 legacy octal escapes; §13.2.8.6 template values). No eval.
import { KeyportError } from '@keyport/core';

const SINGLE: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

function fail(message: string, index: number): never {
  throw new KeyportError('INVALID_INPUT', `JavaScript string literal: ${message} at offset ${index}`, {
    index,
  });
}

function isLineTerminator(c: string): boolean {
  return c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029';
}

function isHex(c: string | undefined): boolean {
  return c !== undefined && /^[0-9a-fA-F]$/.test(c);
}

function isOctal(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '7';
}

/**
 * Decodes a single JS string literal spanning the whole of `text` (no surrounding whitespace).
 * Quotes `'` and `"` follow string-literal rules (legacy octal escapes allowed, raw line breaks
 * not); backticks follow template rules (no `${`, no octal escapes, raw CR and CRLF read as LF).
 *
 * @throws INVALID_INPUT naming the offset of the first problem (unterminated literal, bad
 * escape, raw line break, text after the closing quote, a template substitution).
 * @example decodeJsStringLiteral(`'{"a":"x\\\\"y"}'`) // '{"a":"x\\"y"}'
 */
export function decodeJsStringLiteral(text: string): string {
  if (typeof text !== 'string') fail('the input must be a string', 0);
  const quote = text[0];
  if (quote !== "'" && quote !== '"' && quote !== '`') fail('must start with a quote', 0);
  const template = quote === '`';
  let out = '';
  let i = 1;
  for (;;) {
    if (i >= text.length) fail('unterminated literal', i);
    const c = text[i]!;
    if (c === quote) {
      if (i !== text.length - 1) fail('text after the closing quote', i + 1);
      return out;
    }
    if (c === '\\') {
      i = readEscape(text, i + 1, template, (s) => {
        out += s;
      });
      continue;
    }
    if (template && c === '$' && text[i + 1] === '{')
      fail('a template substitution ($ then {) is not data', i);
    if (c === '\n' || c === '\r') {
      if (!template) fail('raw line break inside a quoted string', i);
      out += '\n';
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    out += c;
    i++;
  }
}

// Reads the escape after a backslash at `i`; returns the index after it.
function readEscape(text: string, i: number, template: boolean, emit: (s: string) => void): number {
  const c = text[i];
  if (c === undefined) fail('unterminated literal', i);
  if (isLineTerminator(c)) return c === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1; // line continuation
  if (Object.hasOwn(SINGLE, c)) {
    emit(SINGLE[c]!);
    return i + 1;
  }
  if (c === 'x') {
    if (!isHex(text[i + 1]) || !isHex(text[i + 2])) fail('\\x needs two hex digits', i - 1);
    emit(String.fromCharCode(Number.parseInt(text.slice(i + 1, i + 3), 16)));
    return i + 3;
  }
  if (c === 'u') return unicodeEscape(text, i, emit);
  if (c >= '0' && c <= '9') {
    if (c === '0' && !(text[i + 1]! >= '0' && text[i + 1]! <= '9')) {
      emit('\0');
      return i + 1;
    }
    if (template) fail('octal and \\8 \\9 escapes are not allowed in a template', i - 1);
    if (c === '8' || c === '9') {
      emit(c);
      return i + 1;
    }
    // Annex B legacy octal: up to three digits for a 0-3 lead, up to two for 4-7.
    let end = i + 1;
    const max = c <= '3' ? i + 3 : i + 2;
    while (end < max && isOctal(text[end])) end++;
    emit(String.fromCharCode(Number.parseInt(text.slice(i, end), 8)));
    return end;
  }
  emit(c); // a non-escape character stands for itself: \' \" \\ \` \$ \a …
  return i + 1;
}

function unicodeEscape(text: string, i: number, emit: (s: string) => void): number {
  if (text[i + 1] === '{') {
    let end = i + 2;
    while (isHex(text[end])) end++;
    if (end === i + 2 || text[end] !== '}') fail('\\u{…} needs hex digits and a closing brace', i - 1);
    const cp = Number.parseInt(text.slice(i + 2, end), 16);
    if (!(cp <= 0x10ffff)) fail('\\u{…} is beyond U+10FFFF', i - 1);
    emit(String.fromCodePoint(cp));
    return end + 1;
  }
  const hex = text.slice(i + 1, i + 5);
  if (hex.length !== 4 || ![...hex].every(isHex)) fail('\\u needs four hex digits', i - 1);
  emit(String.fromCharCode(Number.parseInt(hex, 16)));
  return i + 5;
}

/**
 * The inverse used to build test inputs and docs: `s` as a single-quoted JS literal, the way a
 * Chromium console displays a string result (backslash, quote, control characters and lone
 * surrogates escaped).
 *
 * @example encodeJsStringLiteral('it\'s') // "'it\\'s'"
 */
export function encodeJsStringLiteral(s: string, quote: "'" | '"' | '`' = "'"): string {
  let out = quote;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const code = c.charCodeAt(0);
    if (c === quote || c === '\\') out += `\\${c}`;
    else if (quote === '`' && c === '$') out += '\\$';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029)
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    else if (code >= 0xd800 && code <= 0xdfff) {
      const next = s.charCodeAt(i + 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        out += c + s[i + 1];
        i++;
      } else out += `\\u${code.toString(16)}`;
    } else out += c;
  }
  return out + quote;
}
