// SpiderMonkey's structured clone format, the JSON-like subset (docs/browser-profiles.md §4.4):
// 64-bit little-endian words, each a 32-bit tag (high half) and 32-bit data (low half); a word
// whose tag is below 0xFFF00000 is a double. Strings carry their length and a Latin-1 flag in the
// data and are padded to 8 bytes; objects and arrays list key/value pairs up to END_OF_KEYS;
// back references point at earlier objects by their order of appearance. Anything else (Map,
// Set, typed arrays, blobs) is refused by name rather than guessed at.
import { corrupt, latin1, utf16le } from '../bytes.ts';

const FLOAT_MAX = 0xfff00000;
const HEADER = 0xfff10000;
const NULL = 0xffff0000;
const UNDEFINED = 0xffff0001;
const BOOLEAN = 0xffff0002;
const INT32 = 0xffff0003;
const STRING = 0xffff0004;
const DATE = 0xffff0005;
const ARRAY = 0xffff0007;
const OBJECT = 0xffff0008;
const BACK_REFERENCE = 0xffff000d;
const END_OF_KEYS = 0xffff0013;
const MAX_DEPTH = 512;

/**
 * Decodes a structured clone of JSON-like data: null, undefined, booleans, numbers, strings
 * (lone surrogates kept), Dates, arrays and plain objects (shared and cyclic references kept).
 *
 * @throws CORRUPT_DATA naming `file` for damaged data or a kind of value outside that subset.
 * @example decodeStructuredClone(unsnappy(row.data, file), file)
 */
export function decodeStructuredClone(bytes: Uint8Array, file: string): unknown {
  if (bytes.length % 8 !== 0) throw corrupt(file, 'a structured clone whose length is not a multiple of 8');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const objects: object[] = [];
  let pos = 0;
  const word = (): [number, number] => {
    if (pos + 8 > bytes.length) throw corrupt(file, 'a structured clone that ends early', pos);
    const w: [number, number] = [view.getUint32(pos + 4, true), view.getUint32(pos, true)];
    pos += 8;
    return w;
  };
  const peekTag = (): number => (pos + 8 <= bytes.length ? view.getUint32(pos + 4, true) : -1);
  const string = (data: number): string => {
    const narrow = (data & 0x80000000) !== 0;
    const length = data & 0x7fffffff;
    const n = narrow ? length : length * 2;
    if (pos + n > bytes.length) throw corrupt(file, 'a string longer than its structured clone', pos);
    const s = narrow ? latin1(bytes.subarray(pos, pos + n)) : utf16le(bytes.subarray(pos, pos + n), file);
    pos += Math.ceil(n / 8) * 8;
    return s;
  };
  const value = (depth: number): unknown => {
    if (depth > MAX_DEPTH) throw corrupt(file, `a structured clone nested deeper than ${MAX_DEPTH}`, pos);
    const at = pos;
    const [tag, data] = word();
    if (tag < FLOAT_MAX) return view.getFloat64(at, true);
    switch (tag) {
      case NULL:
        return null;
      case UNDEFINED:
        return undefined;
      case BOOLEAN:
        return data !== 0;
      case INT32:
        return data | 0;
      case STRING:
        return string(data);
      case DATE:
        word();
        return new Date(view.getFloat64(pos - 8, true));
      case ARRAY:
      case OBJECT: {
        const target: Record<string, unknown> | unknown[] = tag === ARRAY ? [] : {};
        objects.push(target);
        while (peekTag() !== END_OF_KEYS) {
          const [kt, kd] = word();
          const key = kt === INT32 ? String(kd | 0) : kt === STRING ? string(kd) : null;
          if (key === null)
            throw corrupt(file, 'an object key that is neither a string nor an integer', pos - 8);
          // defineProperty: a `__proto__` key stays an ordinary own property.
          Object.defineProperty(target, key, {
            value: value(depth + 1),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
        word();
        return target;
      }
      case BACK_REFERENCE: {
        const target = objects[data];
        if (target === undefined) throw corrupt(file, 'a back reference to an object not seen yet', at);
        return target;
      }
      default:
        throw corrupt(
          file,
          `a stored value of structured-clone type 0x${tag.toString(16)} (Map, Set, typed array, Blob or similar), which keyport does not read`,
          at,
        );
    }
  };
  if (peekTag() === HEADER) word();
  const out = value(0);
  if (pos !== bytes.length) throw corrupt(file, 'bytes after the end of a structured clone', pos);
  return out;
}
