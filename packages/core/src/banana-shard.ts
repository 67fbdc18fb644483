// Banana Split shards (Polkadot Vault; docs/rescue-formats.md "Banana Split"): each QR code is
//   {"v":1,"t":title,"r":required,"d":bits ‖ base64(id ‖ share),"n":base64(nonce24)}
// (version 0: no "v", hex instead of base64). Reading a shard needs no crypto, so the registry
// (and the page) load this file alone; banana-split.ts combines shards.
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { base64Decode } from '@polkadot/util-crypto';
import { KeyportError } from './errors.ts';
import { isJsonObject, type JsonObject, readJsonInput } from './keystore/json-input.ts';

/** One parsed shard. Nothing in it is secret on its own. */
export interface BananaShard {
  readonly version: 0 | 1;
  readonly title: string;
  readonly required: number;
  /** The share's id (1..255). */
  readonly id: number;
  /** The share as secrets.js writes it: bits (base 36), id and data in hex. */
  readonly share: string;
  /** 24-byte secretbox nonce, hex. */
  readonly nonce: string;
}

const invalid = (field: string, msg: string) =>
  new KeyportError('INVALID_INPUT', `Banana Split shard: ${field} ${msg}`, { field });

/** True when a parsed JSON value looks like a Banana Split shard (t, r, d, n). */
export function isBananaShard(value: unknown): boolean {
  if (!isJsonObject(value as never)) return false;
  const o = value as JsonObject;
  return typeof o.t === 'string' && typeof o.d === 'string' && typeof o.n === 'string' && 'r' in o;
}

/**
 * Reads one shard: the JSON text of one QR code (or its parsed value).
 *
 * @throws INVALID_INPUT naming the field; UNSUPPORTED_VERSION for a version other than 0 or 1;
 * UNSUPPORTED_FORMAT for a share of other than 8 bits; CORRUPT_DATA for undecodable data.
 * @example parseBananaShard('{"v":1,"t":"Pssst","r":2,"d":"8Ad…","n":"a17T…"}').required === 2
 */
export function parseBananaShard(input: unknown): BananaShard {
  const o = readJsonInput(input, { maxLength: 64 * 1024, what: 'Banana Split shard' });
  if (!isJsonObject(o)) throw invalid('$', 'is not a JSON object');
  const v = o.v ?? 0;
  if (v !== 0 && v !== 1) {
    throw new KeyportError(
      'UNSUPPORTED_VERSION',
      `Banana Split shard: version ${JSON.stringify(v)} is not 0 or 1`,
      {
        field: 'v',
      },
    );
  }
  if (typeof o.t !== 'string') throw invalid('t', 'is not a string (the title)');
  const r = o.r;
  if (typeof r !== 'number' || !Number.isInteger(r) || r < 2 || r > 255) {
    throw invalid('r', 'is not a shard count from 2 to 255');
  }
  if (typeof o.d !== 'string' || o.d.length < 4) throw invalid('d', 'is not share data');
  if (typeof o.n !== 'string') throw invalid('n', 'is not a nonce string');
  if (o.d[0] !== '8') {
    throw new KeyportError(
      'UNSUPPORTED_FORMAT',
      'Banana Split shard: d is not an 8-bit share (its first character is not 8)',
      {
        field: 'd',
      },
    );
  }
  const body = decode(o.d.slice(1), v, 'd');
  const nonce = decode(o.n, v, 'n');
  if (nonce.length !== 24)
    throw new KeyportError('CORRUPT_DATA', `Banana Split shard: n is ${nonce.length} bytes; a nonce is 24`, {
      field: 'n',
    });
  if (body.length < 2 || body[0] === 0)
    throw new KeyportError('CORRUPT_DATA', 'Banana Split shard: d holds no share', { field: 'd' });
  return {
    version: v,
    title: o.t,
    required: r,
    id: body[0]!,
    share: `8${u8aToHex(body).slice(2)}`,
    nonce: u8aToHex(nonce),
  };
}

function decode(text: string, version: 0 | 1, field: string): Uint8Array {
  const ok =
    version === 0
      ? /^(?:[0-9a-f]{2})+$/i.test(text)
      : /^[A-Za-z0-9+/]+={0,2}$/.test(text) && text.length % 4 === 0;
  if (!ok) {
    throw new KeyportError(
      'CORRUPT_DATA',
      `Banana Split shard: ${field} is not ${version === 0 ? 'hex' : 'base64'}`,
      { field },
    );
  }
  return version === 0 ? hexToU8a(`0x${text}`) : base64Decode(text);
}

/** One shard of a text and the line it is on. */
export interface BananaShardLine {
  /** 1-based line number in the text as given (blank lines counted). */
  readonly line: number;
  readonly shard: BananaShard;
}

/** Lines are split at LF, CRLF or a lone CR; each line is trimmed (spaces, tabs, BOMs). */
const LINE_BREAK = /\r\n|\r|\n/;

/** What {@link scanBananaShards} found in a text. */
export interface BananaShardScan {
  /** The shards read, in line order (all of them when there is no error). */
  readonly shards: readonly BananaShardLine[];
  /** The first line that is not a shard: parseBananaShard's error, prefixed `line N:`, with `details.line`. */
  readonly error?: KeyportError;
  /** True when a line that failed has a shard's fields (t, r, d, n): a shard, but broken. */
  readonly shaped: boolean;
}

function hasShardFields(line: string): boolean {
  if (!line.startsWith('{') || line.length > 64 * 1024) return false;
  try {
    return isBananaShard(JSON.parse(line));
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
    return false;
  }
}

/**
 * Reads text as shards, one shard's JSON per line (blank lines skipped): the one rule of what a
 * shard file holds, for `keyport combine` (readBananaShards) and for detection
 * (formats/banana-split.ts), which must tell "not shards" from "shards with a bad line". Stops
 * at the first bad line once a shard (or a broken one) has been seen. Never throws for text.
 *
 * @example scanBananaShards('{"v":1,…}\r\n\r\n{"v":1,…}').shards.map((s) => s.line) // [1, 3]
 */
export function scanBananaShards(text: string): BananaShardScan {
  const lines = typeof text === 'string' ? text.split(LINE_BREAK) : [];
  const shards: BananaShardLine[] = [];
  let error: KeyportError | undefined;
  let shaped = false;
  for (let i = 0; i < lines.length; i++) {
    if (error !== undefined && (shaped || shards.length > 0)) break;
    const line = lines[i]!.trim();
    if (line === '') continue;
    try {
      shards.push({ line: i + 1, shard: parseBananaShard(line) });
    } catch (e) {
      if (!(e instanceof KeyportError)) throw e;
      error ??= new KeyportError(e.code, `line ${i + 1}: ${e.message}`, { ...e.details, line: i + 1 });
      shaped ||= hasShardFields(line);
    }
  }
  return error === undefined ? { shards, shaped } : { shards, error, shaped };
}

/**
 * Reads shards from text, one shard's JSON per line (blank lines skipped), with their lines.
 *
 * @throws what parseBananaShard throws, prefixed `line N:` and with `details.line`;
 * INVALID_INPUT when the text holds no shard.
 * @example readBananaShardLines('{"v":1,…}\r\n\r\n{"v":1,…}').map((s) => s.line) // [1, 3]
 */
export function readBananaShardLines(text: string): BananaShardLine[] {
  const { shards, error } = scanBananaShards(text);
  if (error !== undefined) throw error;
  if (shards.length === 0) throw invalid('$', 'text holds no shard');
  return [...shards];
}

/**
 * Reads shards from text: one shard's JSON, or several, one per line (blank lines skipped);
 * what `keyport combine` reads from each file.
 *
 * @throws what readBananaShardLines throws.
 * @example readBananaShards(fileText).length
 */
export function readBananaShards(text: string): BananaShard[] {
  return readBananaShardLines(text).map((s) => s.shard);
}

/**
 * True when two shards belong to the same set: the same title, required count, nonce and
 * version (what combining needs; the nonce is what tells apart two sets of one title).
 *
 * @example sameBananaSet(a, b) // false for shards of two splits of the same secret
 */
export function sameBananaSet(a: BananaShard, b: BananaShard): boolean {
  return a.title === b.title && a.required === b.required && a.nonce === b.nonce && a.version === b.version;
}

/** The shards of one set that a text holds. Nothing in it is secret. */
export interface BananaSetLines {
  readonly title: string;
  readonly version: 0 | 1;
  readonly required: number;
  /** The lines of its distinct shards, in order. */
  readonly lines: readonly number[];
  /** Their shard ids, in the same order. */
  readonly ids: readonly number[];
  /** Lines that repeat a shard already given (combine refuses a shard twice). */
  readonly repeated: readonly number[];
}

/**
 * Groups shards into their sets (sameBananaSet), in the order the sets first appear.
 *
 * @example bananaSets(readBananaShardLines(text)).map((s) => [s.title, s.ids.length, s.required])
 */
export function bananaSets(shards: readonly BananaShardLine[]): BananaSetLines[] {
  const sets: { first: BananaShard; lines: number[]; ids: number[]; repeated: number[] }[] = [];
  for (const { line, shard } of shards) {
    let set = sets.find((s) => sameBananaSet(s.first, shard));
    if (set === undefined) {
      set = { first: shard, lines: [], ids: [], repeated: [] };
      sets.push(set);
    }
    if (set.ids.includes(shard.id)) set.repeated.push(line);
    else {
      set.lines.push(line);
      set.ids.push(shard.id);
    }
  }
  return sets.map(({ first, lines, ids, repeated }) => ({
    title: first.title,
    version: first.version,
    required: first.required,
    lines,
    ids,
    repeated,
  }));
}
