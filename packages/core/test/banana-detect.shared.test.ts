// Detection and inspect's report of Banana Split shard files, over the five official sets
// (test/vectors/banana-split.ts): one shard per line as `keyport combine` reads them, with LF,
// CRLF, lone CR, blank lines and BOMs; mixed sets, a shard given twice, too few shards and a bad
// line; and no shard's data in anything detection or the report says.
import { describe, expect, it } from 'vitest';
import { bananaSets, parseBananaShard, readBananaShardLines, readBananaShards } from '../src/banana-shard.ts';
import { coreRegistry } from '../src/registry/core.ts';
import type { Found } from '../src/registry/types.ts';
import { BANANA_VECTORS } from './vectors/banana-split.ts';

const byName = (name: string) => BANANA_VECTORS.find((v) => v.name === name)!;
const [V0, V1, A, B, C] = ['js-v0', 'js-v1', 'rust-a', 'rust-b', 'rust-c'].map(byName) as [
  ReturnType<typeof byName>,
  ReturnType<typeof byName>,
  ReturnType<typeof byName>,
  ReturnType<typeof byName>,
  ReturnType<typeof byName>,
];
const MODULE = coreRegistry.byId('banana-split-shard')!;
const idOf = (shard: string) => parseBananaShard(shard).id;

/** What detection and the report say about `text`, as one string (for "no shard data in it"). */
async function inspect(text: string) {
  const found = coreRegistry.detect(text);
  const report = found.detected.format === 'unknown' ? undefined : await MODULE.report!(found, coreRegistry);
  return { found, report, said: JSON.stringify([found.detected, report]) };
}

/** Every `d` and `n` of a vector set: shard data, which nothing may print. */
const shardData = (shards: readonly string[]) =>
  shards.flatMap((s) => {
    const { d, n } = JSON.parse(s) as { d: string; n: string };
    return [d.slice(1, 21), n.slice(0, 16)];
  });

function expectNoShardData(said: string, shards: readonly string[]): void {
  for (const part of shardData(shards)) expect(said.includes(part)).toBe(false);
}

describe('Banana Split shard files: detection and report', () => {
  it('a file of every official set, one shard per line (LF, CRLF, CR, blank lines, BOM), is that set, enough to combine', async () => {
    const layouts = [
      (s: readonly string[]) => s.join('\n'),
      (s: readonly string[]) => `${s.join('\r\n')}\r\n`,
      (s: readonly string[]) => s.join('\r'),
      (s: readonly string[]) => `\uFEFF\n\n  ${s.join('\n\n\t')}\n\n`,
    ];
    for (const v of BANANA_VECTORS) {
      for (const layout of layouts) {
        const text = layout(v.shards);
        const { found, report, said } = await inspect(text);
        expect([v.name, found.detected]).toEqual([
          v.name,
          expect.objectContaining({ format: 'banana-split-shard', shards: 3, sets: 1, enough: true }),
        ]);
        // The same shards combine reads (one line rule).
        const ids = v.shards.map(idOf);
        expect(readBananaShards(text).map((s) => s.id)).toEqual(ids);
        expect(report).toMatchObject({
          format: 'banana-split-shard',
          version: v === V0 ? '0' : '1',
          encrypted: true,
          details: {
            shards: 3,
            title: JSON.parse(v.shards[0]!).t,
            required: v.required,
            ids: ids.join(', '),
            enough: true,
          },
        });
        expect(String(report!.details!.note)).toMatch(/^the file alone holds enough shards: keyport combine/);
        expectNoShardData(said, v.shards);
      }
    }
  });

  it('lines are numbered as in the file: blank lines and a leading BOM line count', () => {
    const text = `\uFEFF\r\n${A.shards[0]}\r\n\r\n${A.shards[2]}`;
    expect(readBananaShardLines(text).map((s) => s.line)).toEqual([2, 4]);
  });

  it('too few shards of a set: not enough, how many more, and combine with the other files', async () => {
    for (const v of [C, V1]) {
      const have = v.required - 1;
      const { found, report } = await inspect(v.shards.slice(0, have).join('\n'));
      expect(found.detected).toMatchObject({ shards: have, enough: false, required: v.required });
      const more = v.required - have;
      expect(report!.details).toMatchObject({ enough: false });
      expect(String(report!.details!.note)).toContain(
        `add ${more} more shard${more === 1 ? '' : 's'} of the set`,
      );
      expect(String(report!.details!.note)).toContain('<file(s) with the other shards>');
    }
    // One shard alone keeps the one-shard report (its id).
    const one = await inspect(`${B.shards[1]}\n`);
    expect(one.report!.details).toMatchObject({
      shards: 1,
      id: idOf(B.shards[1]!),
      required: 2,
      enough: false,
    });
    expect(MODULE.describe(one.found.detected as never)).toBe(
      'a Banana Split shard of "terrible\\"truth\\\\\\"escaping" (2 needed; use combine)',
    );
  });

  it('shards of two sets: each set with its title, version, threshold and lines; the file alone does not combine', async () => {
    const text = `${V0.shards[0]}\n${C.shards[1]}\n${V0.shards[2]}\n${A.shards[0]}`;
    const { found, report, said } = await inspect(text);
    expect(found.detected).toMatchObject({ shards: 4, sets: 3, enough: false });
    expect(report!.version).toBe('0, 1');
    expect(report!.details).toMatchObject({
      shards: 4,
      sets: 3,
      enough: false,
      'set 1': '"Very secret info" (version 0, 2 needed): 2 shards, lines 1, 3 (ids 3, 2); enough',
      'set 2':
        '"alice has too many friends" (version 1, 3 needed): 1 shard, line 2 (id 2); add 2 more shards of the set',
      'set 3':
        '"Alice tries BananaSplit again" (version 1, 2 needed): 1 shard, line 4 (id 1); add 1 more shard of the set',
    });
    expect(String(report!.details!.note)).toMatch(/^combine takes one set/);
    expect(MODULE.describe(found.detected as never)).toBe(
      '4 Banana Split shards of 3 sets (combine takes one set)',
    );
    expectNoShardData(said, [...V0.shards, ...C.shards, ...A.shards]);
  });

  it('a shard given twice: the line to delete (combine refuses it), counted once', async () => {
    const { report } = await inspect(`${A.shards[0]}\n${A.shards[1]}\n${A.shards[0]}`);
    const ids = `${idOf(A.shards[0]!)}, ${idOf(A.shards[1]!)}`;
    expect(report!.details).toMatchObject({ shards: 3, ids, repeated: 'line 3', enough: false });
    expect(String(report!.details!.note)).toMatch(
      /^delete line 3 \(a shard given twice\), then: keyport combine/,
    );
    expect(bananaSets(readBananaShardLines(`${A.shards[0]}\n${A.shards[0]}`))[0]!.repeated).toEqual([2]);
  });

  it('a bad line among shards is a Miss naming the line, and report throws the typed error combine gives', async () => {
    const cases: [string, RegExp, number][] = [
      [`${A.shards[0]}\nbottom drive obey lake curtain`, /^line 2: Banana Split shard is not valid JSON/, 2],
      [`\uFEFF${A.shards[0]}\r\n\r\n{"v":1,"t":"x","r":1}`, /^line 3: Banana Split shard: r is not/, 3],
      [`Shards:\n${A.shards[1]}`, /^line 1: /, 1],
      [`\r\n\r\n${A.shards[0]}\r\nnot a shard`, /^line 4: Banana Split shard is not valid JSON/, 4],
      [
        `{"t":"x","r":2,"d":"8zzzz","n":"00"}\n{"t":"x","r":2,"d":"8zzzz","n":"00"}`,
        /^line 1: .*d is not hex/,
        1,
      ],
    ];
    for (const [text, reason, line] of cases) {
      const { found } = await inspect(text);
      expect(found.detected.format).toBe('unknown');
      expect(found.missedBy).toBe('banana-split-shard');
      expect((found.detected as { reason: string }).reason).toMatch(reason);
      expect((found.detected as { reason: string }).reason).not.toContain('curtain');
      const forced = { ...found, detected: { format: 'banana-split-shard' } } as unknown as Found;
      let thrown: { code?: string; details?: { line?: number } } | undefined;
      try {
        await MODULE.report!(forced as never, coreRegistry);
      } catch (e) {
        thrown = e as typeof thrown;
      }
      expect(thrown?.details?.line).toBe(line);
      expect(() => readBananaShards(text)).toThrow(reason);
    }
  });

  it('other JSON-looking text that is not one document is not claimed and keeps the JSON reason', () => {
    const phrase = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
    for (const text of [`[${phrase}]`, '{"a":1}\n{"b":2}', `{"d": 1, "n": 2}\n${phrase}`]) {
      const { detected } = coreRegistry.detect(text);
      expect(detected).toEqual({
        format: 'unknown',
        reason: 'text starts like JSON but does not parse as JSON',
      });
    }
  });
});
