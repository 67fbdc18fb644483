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

/**
 * Reads shards from text: one shard's JSON, or several, one per line (blank lines skipped).
 *
 * @throws what parseBananaShard throws, with `details.line`.
 * @example readBananaShards(fileText).length
 */
export function readBananaShards(text: string): BananaShard[] {
  const lines = typeof text === 'string' ? text.split(/\r?\n/) : [];
  const out: BananaShard[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      out.push(parseBananaShard(line.trim()));
    } catch (e) {
      if (!(e instanceof KeyportError)) throw e;
      throw new KeyportError(e.code, `line ${i + 1}: ${e.message}`, { ...e.details, line: i + 1 });
    }
  });
  if (out.length === 0) throw invalid('$', 'text holds no shard');
  return out;
}
