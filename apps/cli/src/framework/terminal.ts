// What a terminal must never receive from a file: control characters (ESC starts the sequences
// that move the cursor, erase lines, recolour text or set the window title; CR and LF fake
// lines), C1 controls (U+009B is a one-character ESC [), and the invisible characters that
// reorder or hide text (bidi controls such as U+202E, zero-width characters, line and paragraph
// separators, lone surrogates). Each is shown as a visible `\uXXXX` escape, which is also what it
// means inside a JSON string, so `--json` lines stay valid JSON.

// Every unsafe character, for one field of a file.
const UNSAFE_IN_FIELD =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// The same but LF, for whole output lines (the CLI's own line breaks).
const UNSAFE_IN_LINE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// What JSON.stringify leaves as it is of the above (it escapes C0, quotes and lone surrogates).
const UNSAFE_IN_JSON =
  /[\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\ufff9-\ufffb]/g;

function visible(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * A field taken from a file (an address, a key, an origin), printable on a terminal as it is:
 * every control, direction or invisible character shown as `\uXXXX`.
 *
 * @example shown('5Grw\u001b[2K') // '5Grw\\u001b[2K'
 */
export function shown(text: string): string {
  return text.replace(UNSAFE_IN_FIELD, visible);
}

/**
 * A name taken from a file, in double quotes with JSON's escapes plus the invisible and
 * direction characters JSON leaves alone.
 *
 * @example quoted('Bob\u202e') // '"Bob\\u202e"'
 */
export function quoted(text: string): string {
  return JSON.stringify(text).replace(UNSAFE_IN_JSON, visible);
}

/**
 * The last safety net of every line the CLI prints: whatever slipped past `shown`/`quoted`
 * (a library message quoting a key, a bundle's origin) is escaped too; the CLI's own line
 * breaks (LF) stay, and `keep` may name one more character the CLI itself writes (the progress
 * bar's CR).
 *
 * @example safeLine('ok\u001b]0;title\u0007') // 'ok\\u001b]0;title\\u0007'
 */
export function safeLine(text: string, keep?: '\r'): string {
  return text.replace(UNSAFE_IN_LINE, (ch) => (ch === keep ? ch : visible(ch)));
}
