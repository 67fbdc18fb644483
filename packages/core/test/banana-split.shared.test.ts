// Banana Split: the five official vector sets (test/vectors/banana-split.ts), every subset of
// the required size; fresh shards made the way the Banana Split page makes them, with its own
// libraries (secrets.js-grempe, scryptsy, tweetnacl); and every refusal.
import { fcParams, rejectsWithCode, throwsWithCode } from '@keyport/test-harness';
import { u8aToHex } from '@polkadot/util';
import { sha512AsU8a } from '@polkadot/util-crypto';
import fc from 'fast-check';
import scryptsy from 'scryptsy';
import secrets from 'secrets.js-grempe';
import nacl from 'tweetnacl';
import { describe, expect, it } from 'vitest';
import { parseBananaShard, readBananaShards } from '../src/banana-shard.ts';
import { bananaPassphrase, combineBananaShards } from '../src/banana-split.ts';
import { nodeScrypt } from '../src/scrypt/node.ts';
import { BANANA_VECTORS } from './vectors/banana-split.ts';

const opts = { scrypt: nodeScrypt };

function subsets<T>(items: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  return items.flatMap((x, i) => subsets(items.slice(i + 1), k - 1).map((rest) => [x, ...rest]));
}

/** What the Banana Split page's share() writes (src/util/crypto.ts), with its own libraries. */
function pageShare(
  secret: string,
  title: string,
  passphrase: string,
  total: number,
  required: number,
): string[] {
  const salt = sha512AsU8a(new TextEncoder().encode(title));
  const key = scryptsy(Buffer.from(passphrase, 'utf8'), Buffer.from(salt), 1 << 15, 8, 1, 32);
  const nonce = nacl.randomBytes(24);
  const box = nacl.secretbox(new TextEncoder().encode(secret), nonce, new Uint8Array(key));
  const shares = secrets.share(u8aToHex(box).slice(2), total, required);
  const b64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64');
  return shares.map((s) =>
    JSON.stringify({
      v: 1,
      t: title,
      r: required,
      d: s[0] + b64(s.slice(1)),
      n: Buffer.from(nonce).toString('base64'),
    }),
  );
}

describe('Banana Split', () => {
  it('every required-size subset of each official set recovers its secret (v0, v1, Rust A/B/C)', async () => {
    for (const v of BANANA_VECTORS) {
      const shards = v.shards.map((s) => parseBananaShard(s));
      expect(shards.every((s) => s.required === v.required)).toBe(true);
      for (const subset of subsets(shards, v.required)) {
        const out = await combineBananaShards(subset, v.passphrase, opts);
        expect(`${v.name}: ${out.secret}`).toBe(`${v.name}: ${v.secret}`);
      }
    }
  });

  it('a passphrase typed with spaces works, as on the Banana Split page', async () => {
    expect(bananaPassphrase('  excess torch\tunfold  fix ')).toBe('excess-torch-unfold-fix');
    const v = BANANA_VECTORS[1]!;
    const out = await combineBananaShards(
      readBananaShards(v.shards.join('\n')),
      'excess torch unfold fix',
      opts,
    );
    expect(out.secret).toBe(v.secret);
    expect(out.version).toBe(1);
  });

  it('a wrong passphrase is WRONG_PASSWORD; too few, mixed or repeated shards are INVALID_INPUT', async () => {
    const [a, b] = BANANA_VECTORS;
    const aShards = a!.shards.map((s) => parseBananaShard(s));
    await rejectsWithCode(
      combineBananaShards(aShards.slice(0, 2), 'amazing-daring-panda-horrors', opts),
      'WRONG_PASSWORD',
    );
    const few = await rejectsWithCode(
      combineBananaShards(aShards.slice(0, 1), a!.passphrase, opts),
      'INVALID_INPUT',
    );
    expect(few.details).toMatchObject({ problem: 'not-enough', have: 1, need: 2 });
    const mixed = [aShards[0]!, parseBananaShard(b!.shards[1]!)];
    expect(
      (await rejectsWithCode(combineBananaShards(mixed, a!.passphrase, opts), 'INVALID_INPUT')).details
        .problem,
    ).toBe('mixed');
    const twice = [aShards[0]!, aShards[0]!];
    expect(
      (await rejectsWithCode(combineBananaShards(twice, a!.passphrase, opts), 'INVALID_INPUT')).details
        .problem,
    ).toBe('duplicate');
  });

  it('recovers fresh shards made with the page libraries (any title, text and passphrase)', async () => {
    const cases = fc.sample(
      fc.tuple(
        fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }),
        fc.string({ minLength: 1, maxLength: 200, unit: 'grapheme' }),
        fc.array(fc.stringMatching(/^[a-z]{3,9}$/), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 2, max: 6 }),
      ),
      fcParams(0.05),
    );
    for (const [title, secret, words, total] of cases) {
      const required = Math.floor(total / 2) + 1;
      const shards = pageShare(secret, title, words.join('-'), total, required).map((s) =>
        parseBananaShard(s),
      );
      const out = await combineBananaShards(shards.slice(total - required), words.join(' '), opts);
      expect(out.secret).toBe(secret);
      expect(out.title).toBe(title);
    }
  });

  it('refuses broken shards with typed errors naming the field', () => {
    const good = JSON.parse(BANANA_VECTORS[1]!.shards[0]!);
    throwsWithCode(() => parseBananaShard({ ...good, v: 2 }), 'UNSUPPORTED_VERSION');
    throwsWithCode(() => parseBananaShard({ ...good, r: 1 }), 'INVALID_INPUT');
    throwsWithCode(() => parseBananaShard({ ...good, t: 5 }), 'INVALID_INPUT');
    throwsWithCode(() => parseBananaShard({ ...good, d: `9${good.d.slice(1)}` }), 'UNSUPPORTED_FORMAT');
    throwsWithCode(() => parseBananaShard({ ...good, d: '8A*==' }), 'CORRUPT_DATA');
    throwsWithCode(() => parseBananaShard({ ...good, n: 'AAAA' }), 'CORRUPT_DATA');
    expect(
      throwsWithCode(() => readBananaShards(`${BANANA_VECTORS[1]!.shards[0]}\n{"t":1}`), 'INVALID_INPUT')
        .details,
    ).toMatchObject({ line: 2 });
  });
});
