// Hostile strings: the characters that break hand-rolled JSON, console copies and terminals.
// Every name, password, storage key and value in the shared suites is drawn from here, so one
// list decides what "any string" means across keyport.
import fc from 'fast-check';

/**
 * Pieces that have broken real tools: JSON escapes (`"`, `\`), control characters and NUL,
 * line and paragraph separators, lone surrogates (not valid UTF-16, turned into U+FFFD by
 * TextEncoder), emoji and ZWJ sequences, RTL text and the RTL override, a BOM, combining marks,
 * and strings that look like code or like keyport's own markers.
 */
export const HOSTILE_PIECES: readonly string[] = Object.freeze([
  '"',
  "'",
  '`',
  '\\',
  '\\"',
  '\\\\',
  '\\n',
  '\\u0041',
  '\n',
  '\r\n',
  '\r',
  '\t',
  '\u0000',
  '\u0001',
  '\u001f',
  '\u007f',
  '\u0085',
  '\u2028',
  '\u2029',
  '\ud800',
  '\udfff',
  '\udc00\ud800',
  '😀',
  '👩‍👩‍👧',
  '🏳️‍🌈',
  '\u202e',
  '\u200f',
  'שלום',
  'مرحبا',
  '\ufeff',
  'é',
  'e\u0301',
  'Ǆ',
  '$' + '{x}',
  '%s',
  '</script>',
  '__proto__',
  'constructor',
  "'); //",
  '{"a":1}',
  '[]',
  'null',
  '0x',
  'account:0x00',
  ' ',
  '\u00a0',
]);

/** Options for {@link hostileString}. */
export interface HostileStringOptions {
  /** Fewest pieces joined (default 0, so '' can appear). */
  minPieces?: number;
  /** Most pieces joined (default 8). */
  maxPieces?: number;
  /** Also produce very long strings (10k–60k UTF-16 units) now and then (default false). */
  long?: boolean;
  /** Allow lone surrogates (not well-formed Unicode; default true). */
  loneSurrogates?: boolean;
}

const LONE = /\p{Cs}/u;

/** True when `s` holds a lone surrogate (JSON can carry it escaped; UTF-8 cannot). */
export function hasLoneSurrogate(s: string): boolean {
  return LONE.test(s);
}

const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_PIECES) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }) },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9 ._-]{1,8}$/) },
);

/**
 * Any string, biased toward the hostile pieces above (mixed with random graphemes, random
 * UTF-16 code units and plain ASCII).
 *
 * @example fc.assert(fc.property(hostileString(), (s) => decode(encode(s)) === s), fcParams())
 */
export function hostileString(opts: HostileStringOptions = {}): fc.Arbitrary<string> {
  const { minPieces = 0, maxPieces = 8, long = false, loneSurrogates = true } = opts;
  const p = loneSurrogates ? piece : piece.filter((s) => !hasLoneSurrogate(s));
  const joined = fc.array(p, { minLength: minPieces, maxLength: Math.max(minPieces, maxPieces) });
  const short = joined.map((parts) => parts.join(''));
  if (!long) return short;
  const veryLong = fc
    .tuple(fc.array(p, { minLength: 1, maxLength: 4 }), fc.integer({ min: 10_000, max: 60_000 }))
    .map(([parts, size]) => {
      const unit = parts.join('');
      const out = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
      // The cut may split a surrogate pair; keep the string well-formed when asked to.
      return loneSurrogates || !hasLoneSurrogate(out) ? out : `${out.slice(0, -1)}.`;
    });
  return fc.oneof({ weight: 9, arbitrary: short }, { weight: 1, arbitrary: veryLong });
}

/**
 * A non-empty password (polkadot-js treats '' as "no encryption"), with hostile characters.
 * Lone surrogates are drawn too: TextEncoder turns them into U+FFFD, in polkadot-js and in
 * keyport alike; `{ loneSurrogates: false }` keeps passwords well-formed Unicode.
 *
 * @example fc.asyncProperty(password(), async (pw) => { ... })
 */
export function password(opts: { long?: boolean; loneSurrogates?: boolean } = {}): fc.Arbitrary<string> {
  const hostile = hostileString({
    minPieces: 1,
    maxPieces: 6,
    long: opts.long ?? false,
    loneSurrogates: opts.loneSurrogates ?? true,
  });
  return fc.oneof(
    { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9]{1,16}$/) },
    { weight: 3, arbitrary: hostile.filter((s) => s.length > 0) },
  );
}

/**
 * An account or address-book name as a user might type or paste it: empty, plain, or hostile.
 *
 * @example fc.property(accountName(), (name) => restoredMeta.name === name)
 */
export function accountName(opts: { long?: boolean } = {}): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9 ]{1,16}$/) },
    { weight: 4, arbitrary: hostileString({ minPieces: 1, long: opts.long ?? false }) },
  );
}
