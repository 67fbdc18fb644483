// checkMnemonic: agrees with util-crypto's mnemonicValidate and says exactly what is wrong.
import { fcParams, throwsWithCode } from '@keyport/test-harness';
import { cryptoWaitReady, mnemonicGenerate, mnemonicValidate } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  assertMnemonic,
  BIP39_ENGLISH,
  checkMnemonic,
  MNEMONIC_WORD_COUNTS,
  normaliseMnemonic,
  suggestMnemonicWord,
} from '../src/derive/mnemonic.ts';
import { editDistance } from '../src/nearest.ts';

beforeAll(async () => {
  await cryptoWaitReady();
});

// Valid mnemonics from polkadot-js/common @ 9281daa: keyring/src/suri.spec.ts (DEV),
// util-crypto/src/mnemonic/toMiniSecret.spec.ts, sr25519/pair/testing.spec.ts, keyring/src/index.spec.ts,
// and polkadot-js/wasm bip39.rs (`legal winner …`); see docs/vectors.md §2–3.
const UPSTREAM_VALID = [
  'bottom drive obey lake curtain smoke basket hold race lonely fit walk',
  'seed sock milk update focus rotate barely fade car face mechanic mercy',
  'moral movie very draw assault whisper awful rebuild speed purity repeat card',
  'potato act energy ahead stone taxi receive fame gossip equip chest round',
  'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about',
  'legal winner thank year wave sausage worth useful legal winner thank yellow',
];
// util-crypto hd/ledger/index.spec.ts: 24 words plus a 25th ("testing") that Ledger takes as passphrase.
const LEDGER_25 =
  'open jelly jeans corn ketchup supreme brief element armed lens vault weather original scissors rug priority vicious lesson raven spot gossip powder person volcano testing';

const mnemonic = fc.constantFrom(12, 15, 18, 21, 24).map((n) => mnemonicGenerate(n as 12));
const listWord = fc.constantFrom(...BIP39_ENGLISH);

function failure(phrase: string) {
  const r = checkMnemonic(phrase);
  if (r.ok) throw new Error('expected checkMnemonic to fail');
  expect(r.error.code).toBe('INVALID_MNEMONIC');
  return r.error;
}

describe('checkMnemonic', () => {
  it('accepts the upstream mnemonics', () => {
    for (const m of UPSTREAM_VALID) expect(checkMnemonic(m)).toEqual({ ok: true, phrase: m, wordCount: 12 });
  });

  it('ok exactly when util-crypto mnemonicValidate is true, for any sequence of list words', () => {
    const words = fc
      .constantFrom(...MNEMONIC_WORD_COUNTS)
      .chain((n) => fc.array(listWord, { minLength: n, maxLength: n }));
    fc.assert(
      fc.property(
        fc.oneof(
          words.map((w) => w.join(' ')),
          mnemonic,
        ),
        (phrase) => {
          const r = checkMnemonic(phrase);
          expect(r.ok).toBe(mnemonicValidate(phrase));
          if (!r.ok) expect(r.error.details.problem).toBe('checksum');
        },
      ),
      fcParams(0.5),
    );
  });

  it('any case and whitespace of a valid mnemonic normalises back to it', () => {
    const space = fc.constantFrom(' ', '  ', '\t', '\r\n', '\n', '\u00a0', '\u3000');
    fc.assert(
      fc.property(mnemonic, fc.array(fc.tuple(space, fc.boolean())), space, (m, noise, edge) => {
        const messy = m
          .split(' ')
          .map((w, i) => {
            const [sep, upper] = noise[i % Math.max(1, noise.length)] ?? [' ', false];
            return (upper ? w.toUpperCase() : w) + sep;
          })
          .join('');
        expect(normaliseMnemonic(edge + messy)).toBe(m);
        expect(checkMnemonic(edge + messy)).toEqual({ ok: true, phrase: m, wordCount: m.split(' ').length });
      }),
      fcParams(0.5),
    );
  });

  it('a wrong word count says the count found and the counts allowed', () => {
    const words = BIP39_ENGLISH.slice(0, 30);
    for (let n = 0; n <= 30; n++) {
      if (MNEMONIC_WORD_COUNTS.includes(n)) continue;
      const e = failure(words.slice(0, n).join(' '));
      expect(e.details).toEqual({ problem: 'word-count', wordCount: n, allowed: [12, 15, 18, 21, 24] });
      expect(e.message).toContain(`has ${n} word`);
      expect(e.message).toContain('12, 15, 18, 21 or 24');
    }
    expect(failure(LEDGER_25).details.wordCount).toBe(25);
  });

  it('an unknown word gives its 1-based position, the word and the nearest list word', () => {
    const e = failure('bottom drive obey lake curtain smoke basket hold race lonly fit walk');
    expect(e.details).toEqual({
      problem: 'unknown-word',
      index: 10,
      word: 'lonly',
      suggestion: 'lonely',
      unknownCount: 1,
    });
    expect(e.message).toBe('word 10 ("lonly") is not a BIP39 English word; did you mean "lonely"?');
    // BIP39 words are unique in their first four letters, so a truncated word is found again.
    expect(
      failure('abandon abandon abandon abandon abandon abandon abandon abandon abandon aban abandon about')
        .details,
    ).toMatchObject({ index: 10, suggestion: 'abandon' });
  });

  it('for any typo of any word, the suggestion is a list word nearest to it (or sharing its first four letters)', () => {
    fc.assert(
      fc.property(
        mnemonic,
        fc.nat(),
        fc.nat(),
        fc.constantFrom('delete', 'insert', 'swap'),
        (m, at, pos, edit) => {
          const words = m.split(' ');
          const i = at % words.length;
          const w = words[i]!;
          const p = pos % w.length;
          const typo =
            edit === 'delete'
              ? w.slice(0, p) + w.slice(p + 1)
              : edit === 'insert'
                ? `${w.slice(0, p)}q${w.slice(p)}`
                : w.slice(0, p) + (w[p] === 'z' ? 'y' : 'z') + w.slice(p + 1);
          if (typo === '' || BIP39_ENGLISH.includes(typo)) return;
          words[i] = typo;
          const e = failure(words.join(' '));
          const firstUnknown = words.findIndex((x) => !BIP39_ENGLISH.includes(x));
          expect(e.details.index).toBe(firstUnknown + 1);
          expect(e.details.word).toBe(typo);
          const suggestion = e.details.suggestion as string;
          expect(BIP39_ENGLISH).toContain(suggestion);
          const best = Math.min(...BIP39_ENGLISH.map((x) => editDistance(typo, x)));
          const sharesPrefix = typo.length >= 4 && suggestion.startsWith(typo.slice(0, 4));
          expect(sharesPrefix || editDistance(typo, suggestion) === best).toBe(true);
          expect(e.message).toContain(`word ${firstUnknown + 1} ("${typo}")`);
          expect(e.message).toContain(`"${suggestion}"`);
        },
      ),
      fcParams(0.5),
    );
  });

  it('a failed checksum says so and names no word', () => {
    fc.assert(
      fc.property(mnemonic, fc.nat(), listWord, (m, at, replacement) => {
        const words = m.split(' ');
        words[at % words.length] = replacement;
        const phrase = words.join(' ');
        if (mnemonicValidate(phrase)) return;
        const e = failure(phrase);
        expect(e.details).toEqual({ problem: 'checksum', wordCount: words.length });
        // A fixed text with only the count in it: no word of the phrase can appear.
        expect(e.message).toBe(
          `mnemonic checksum does not match: all ${words.length} words are BIP39 words, but one is wrong or they are out of order`,
        );
      }),
      fcParams(0.5),
    );
  });

  it('non-text input fails as a word count of 0', () => {
    expect(failure(undefined as unknown as string).details).toMatchObject({
      problem: 'word-count',
      wordCount: 0,
    });
    expect(failure('   \n').details).toMatchObject({ wordCount: 0 });
  });

  it('assertMnemonic returns the normalised phrase or throws INVALID_MNEMONIC', () => {
    expect(assertMnemonic(` ${UPSTREAM_VALID[0]!.toUpperCase()}\n`)).toBe(UPSTREAM_VALID[0]);
    throwsWithCode(() => assertMnemonic('bottom drive obey'), 'INVALID_MNEMONIC');
  });

  it('suggestMnemonicWord finds a word again from its first four letters and from one-letter slips', () => {
    expect(suggestMnemonicWord('abou')).toBe('about');
    expect(suggestMnemonicWord('zoo')).toBe('zoo');
    expect(suggestMnemonicWord('walkk')).toBe('walk');
    expect(suggestMnemonicWord('curtian')).toBe('curtain');
  });
});
