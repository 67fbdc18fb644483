// Keys a JSON object text names more than once. JSON.parse keeps the last value of a repeated
// key without a word; a dump that repeats a key holds two values for one storage item.

// A string literal (escapes included) or one of the characters that open, close or separate.
const TOKEN = /"(?:[^"\\]|\\.)*"|[{}[\],]/g;

/**
 * The keys the top-level object of `json` (valid JSON) names more than once, in order of their
 * second appearance.
 *
 * @example repeatedKeys('{"a":"1","b":"2","a":"3"}') // ['a']
 */
export function repeatedKeys(json: string): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  let depth = 0;
  let keyNext = false;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(json); m !== null; m = TOKEN.exec(json)) {
    const t = m[0];
    if (t.charCodeAt(0) === 0x22) {
      if (depth === 1 && keyNext) {
        const key = JSON.parse(t) as string;
        if (seen.has(key)) repeated.add(key);
        else seen.add(key);
        keyNext = false;
      }
    } else if (t === '{' || t === '[') {
      depth++;
      keyNext = depth === 1 && t === '{';
    } else if (t === '}' || t === ']') depth--;
    else if (depth === 1) keyNext = true;
  }
  return [...repeated];
}

/**
 * One warning per key a dump's JSON text (`json`, absent when unknown) names more than once:
 * JSON.parse kept its last value.
 *
 * @example repeatWarnings('{"a":"1","a":"2"}') // ['the file names the key "a" more than once; only its last value is imported']
 */
export function repeatWarnings(json: string | undefined): string[] {
  if (json === undefined) return [];
  return repeatedKeys(json).map(
    (key) =>
      `the file names the key ${JSON.stringify(key.slice(0, 80))} more than once; only its last value is imported`,
  );
}
