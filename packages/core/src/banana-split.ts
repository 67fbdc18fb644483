// Banana Split shards (Polkadot Vault; docs/rescue-formats.md "Banana Split"): each QR code is
//   {"v":1,"t":title,"r":required,"d":bits ‖ base64(id ‖ share),"n":base64(nonce24)}
// (version 0: no "v", hex instead of base64). Any `r` shards and the passphrase give the secret:
//   shares → secrets.js (GF(2^8) Shamir, the page's own library) → secretbox (MAC ‖ ciphertext)
//   key = scrypt(passphrase, SHA-512(title), N = 2^15, r = 8, p = 1)[0..32]
//   secret = XSalsa20-Poly1305 open(box, nonce, key), UTF-8 text (usually a mnemonic).
// The page turns a passphrase typed with spaces into words joined by "-", and so does this.
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { base64Decode, naclDecrypt, sha512AsU8a } from '@polkadot/util-crypto';
import secrets from 'secrets.js-grempe';
import { KeyportError } from './errors.ts';
import { isJsonObject, type JsonObject, readJsonInput } from './keystore/json-input.ts';
import { type ScryptBackend, wasmScrypt } from './scrypt/backend.ts';

/** The scrypt parameters both Banana Split implementations use. */
const BANANA_SCRYPT = Object.freeze({ N: 1 << 15, r: 8, p: 1 });

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

/** secrets.js's combine; it throws plain Errors for shares it cannot read. */
function combineShares(shares: string[]): Uint8Array {
  let hex: string;
  try {
    hex = secrets.combine(shares);
  } catch (e) {
    if (!(e instanceof Error)) throw e;
    throw new KeyportError('CORRUPT_DATA', 'the shards do not combine (a shard is damaged)');
  }
  if (!/^(?:[0-9a-f]{2})*$/i.test(hex))
    throw new KeyportError('CORRUPT_DATA', 'the shards do not combine into whole bytes');
  return hexToU8a(`0x${hex}`);
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

/**
 * The passphrase as the Banana Split page uses it: words typed with spaces are joined by "-".
 *
 * @example bananaPassphrase('excess torch  unfold fix') === 'excess-torch-unfold-fix'
 */
export function bananaPassphrase(typed: string): string {
  return typed.trim().split(/\s+/u).filter(Boolean).join('-');
}

/** What {@link combineBananaShards} returns. */
export interface CombinedBanana {
  /** The recovered secret (usually a mnemonic): a secret, handle with care. */
  readonly secret: string;
  readonly title: string;
  readonly version: 0 | 1;
  readonly used: number;
  readonly required: number;
}

/**
 * Recovers the secret from shards of one set and the passphrase.
 *
 * @throws INVALID_INPUT when shards of different sets are mixed (`details.problem` 'mixed'),
 * the same shard is given twice ('duplicate') or fewer than required ('not-enough', with
 * `have` and `need`); WRONG_PASSWORD when the passphrase is wrong (or a shard was altered).
 * @example const { secret } = await combineBananaShards(shards, 'excess torch unfold fix', { scrypt: nodeScrypt })
 */
export async function combineBananaShards(
  shards: readonly BananaShard[],
  passphrase: string,
  options: { readonly scrypt?: ScryptBackend } = {},
): Promise<CombinedBanana> {
  const first = shards[0];
  if (first === undefined)
    throw new KeyportError('INVALID_INPUT', 'no Banana Split shard given', {
      problem: 'not-enough',
      have: 0,
    });
  for (const s of shards) {
    if (
      s.title !== first.title ||
      s.required !== first.required ||
      s.nonce !== first.nonce ||
      s.version !== first.version
    ) {
      throw new KeyportError(
        'INVALID_INPUT',
        'the shards come from different Banana Split sets (their title, nonce, version or required count differ)',
        { problem: 'mixed' },
      );
    }
  }
  const ids = new Set(shards.map((s) => s.id));
  if (ids.size !== shards.length) {
    throw new KeyportError('INVALID_INPUT', 'the same shard is given twice', { problem: 'duplicate' });
  }
  if (shards.length < first.required) {
    throw new KeyportError(
      'INVALID_INPUT',
      `not enough shards: this set needs ${first.required}, ${shards.length} given`,
      { problem: 'not-enough', have: shards.length, need: first.required },
    );
  }
  const box = combineShares(shards.map((s) => s.share));
  const salt = sha512AsU8a(new TextEncoder().encode(first.title));
  const pw = new TextEncoder().encode(bananaPassphrase(passphrase));
  const dk = await (options.scrypt ?? wasmScrypt)(pw, salt, BANANA_SCRYPT);
  pw.fill(0);
  const key = dk.slice(0, 32);
  dk.fill(0);
  const plain = box.length > 16 ? naclDecrypt(box, hexToU8a(first.nonce), key) : null;
  key.fill(0);
  if (plain === null) {
    throw new KeyportError('WRONG_PASSWORD', 'the Banana Split passphrase is wrong (or a shard was altered)');
  }
  let secret: string;
  try {
    secret = new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    throw new KeyportError('CORRUPT_DATA', 'the recovered secret is not UTF-8 text');
  } finally {
    plain.fill(0);
  }
  return {
    secret,
    title: first.title,
    version: first.version,
    used: shards.length,
    required: first.required,
  };
}
