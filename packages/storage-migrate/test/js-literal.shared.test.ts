// The JS string literal decoder agrees with the JavaScript engine itself (indirect eval, used
// here as the oracle only) on every literal, valid or not.
import { fcParams, hostileString, throwsWithCode } from '@keyport/test-harness';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeJsStringLiteral, encodeJsStringLiteral } from '../src/input/js-literal.ts';

// The engine as oracle: `[<src>\n]` in a sloppy-mode function. Inside brackets no semicolon is
// inserted, so the source must be one expression; with operators kept out of the generated text
// that expression can only be a single literal.
const evaluate = (src: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    const list = new Function(`return [${src}\n];`)() as unknown[];
    return list.length === 1 ? { ok: true, value: list[0] } : { ok: false };
  } catch {
    return { ok: false }; // the engine rejects the literal: the decoder must too
  }
};
const PUNCTUATION = /[!-/:-@[-`{-~]/;

// Literal bodies built from escape-heavy pieces, so both valid and invalid literals occur.
const bodyPiece = fc.oneof(
  fc.constantFrom(
    '\\n',
    '\\t',
    '\\b',
    '\\f',
    '\\v',
    '\\r',
    '\\0',
    '\\00',
    '\\08',
    '\\1',
    '\\12',
    '\\123',
    '\\377',
    '\\400',
    '\\47',
    '\\8',
    '\\9',
    '\\x41',
    '\\x4',
    '\\xg1',
    '\\u0041',
    '\\u004',
    '\\u{1F600}',
    '\\u{}',
    '\\u{110000}',
    '\\u{0000041}',
    '\\\n',
    '\\\r\n',
    '\\\r',
    '\\\u2028',
    '\\a',
    '\\\\',
    "\\'",
    '\\"',
    '\\`',
    '\\$',
    '${',
    '$',
    '\u2028',
    '\n',
    '\r\n',
    "'",
    '"',
    '`',
    '\\',
  ),
  fc.string({ unit: 'binary', maxLength: 3 }).filter((x) => !PUNCTUATION.test(x)),
  fc.stringMatching(/^[a-z0-9 ]{1,5}$/),
);
const literal = fc
  .tuple(fc.constantFrom("'", '"', '`'), fc.array(bodyPiece, { maxLength: 8 }))
  .map(([q, parts]) => q + parts.join('') + q);

describe('decodeJsStringLiteral', () => {
  it('decodes exactly what the engine evaluates, and rejects what it rejects', () => {
    fc.assert(
      fc.property(literal, (src) => {
        const oracle = evaluate(src);
        if (oracle.ok && typeof oracle.value === 'string')
          expect(decodeJsStringLiteral(src)).toBe(oracle.value);
        else throwsWithCode(() => decodeJsStringLiteral(src), 'INVALID_INPUT');
      }),
      fcParams(5),
    );
  });

  it('decode(encode(s, quote)) === s for any string and every quote style', () => {
    fc.assert(
      fc.property(
        hostileString({ long: true }),
        fc.constantFrom("'" as const, '"' as const, '`' as const),
        (s, q) => {
          const src = encodeJsStringLiteral(s, q);
          expect(decodeJsStringLiteral(src)).toBe(s);
          expect(evaluate(src)).toEqual({ ok: true, value: s });
        },
      ),
      fcParams(1),
    );
  });

  it('rejects unterminated literals, trailing text and substitutions with the offset', () => {
    for (const bad of ["'abc", "'a'b", '`$' + '{x}`', "'a\nb'", '"\\x4"', 'abc', '', "'\\", '`\\1`']) {
      const e = throwsWithCode(() => decodeJsStringLiteral(bad), 'INVALID_INPUT');
      expect(typeof e.details.index).toBe('number');
    }
  });

  it('reads the Annex B legacy octal escapes like a sloppy-mode console', () => {
    expect(decodeJsStringLiteral("'\\101\\1011\\08\\400\\8'")).toBe('AA1\u00008 08');
  });
});
