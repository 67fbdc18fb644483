// keyport inspect as a process on files of Banana Split shards, one per line, as combine reads
// them (the official vectors, packages/core/test/vectors/banana-split.ts): text and --json
// reports, mixed sets, a bad line named by its number, an escaped title, and no shard data
// (d, n) in anything printed.
import { parseBananaShard } from '@keyport/core';
import { afterAll, describe, expect, it } from 'vitest';
import { BANANA_VECTORS } from '../../../packages/core/test/vectors/banana-split.ts';
import { type CliRun, expectNoSecrets, runCli, scratch } from './run-cli.ts';

const tmp = scratch();
afterAll(() => tmp.cleanup());
const byName = (n: string) => BANANA_VECTORS.find((v) => v.name === n)!;

/** Every shard's data (`d`) and nonce (`n`), as written and as hex: what inspect must never print. */
const SHARD_DATA = BANANA_VECTORS.flatMap((v) =>
  v.shards.flatMap((s) => {
    const { d, n } = JSON.parse(s) as { d: string; n: string };
    const { share, nonce } = parseBananaShard(s);
    return [d, d.slice(1), n, share, share.slice(3), nonce];
  }),
);
const quiet = (run: CliRun) => expectNoSecrets(run, SHARD_DATA);

describe('keyport inspect: a file of Banana Split shards', () => {
  it('three shards of a set (CRLF, BOM, blank lines): the set, its threshold, enough, the combine command', async () => {
    const v = byName('rust-c');
    const file = tmp.file('c-shards.txt', `\uFEFF${v.shards.join('\r\n\r\n')}\r\n`);
    const run = await runCli(['inspect', file]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      'format      banana-split-shard\nversion     1\nencrypted   yes\nshards      3\n',
    );
    expect(run.stdout).toContain('title       alice has too many friends\nrequired    3\n');
    expect(run.stdout).toContain('enough      true\n');
    expect(run.stdout).toMatch(
      /note {8}the file alone holds enough shards: keyport combine <this file> --passphrase-file/,
    );
    quiet(run);
    const json = await runCli(['inspect', file, '--json']);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      format: 'banana-split-shard',
      version: '1',
      encrypted: true,
      accounts: [],
      details: { shards: 3, title: 'alice has too many friends', required: 3, enough: true },
    });
    quiet(json);
  });

  it('shards of two sets and too few of one: each set by title, and that combine takes one set', async () => {
    const a = byName('rust-a');
    const v0 = byName('js-v0');
    const run = await runCli([
      'inspect',
      tmp.file('mixed.txt', `${a.shards[0]}\n${v0.shards[1]}\n${a.shards[2]}\n`),
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout) as { version: string; details: Record<string, unknown> };
    expect(r.version).toBe('1, 0');
    expect(r.details).toMatchObject({ shards: 3, sets: 2, enough: false });
    expect(r.details['set 1']).toMatch(
      /^"Alice tries BananaSplit again" \(version 1, 2 needed\): 2 shards, lines 1, 3 .*; enough$/,
    );
    expect(r.details['set 2']).toMatch(
      /^"Very secret info" \(version 0, 2 needed\): 1 shard, line 2 .*; add 1 more shard of the set$/,
    );
    expect(r.details.note).toMatch(/^combine takes one set/);
    quiet(run);
  });

  it('a bad line among shards: exit 1, the line named, nothing of the shards or the line printed', async () => {
    const a = byName('rust-a');
    const file = tmp.file(
      'bad-line.txt',
      `\n${a.shards[0]}\n\nbottom drive obey lake curtain smoke\n${a.shards[1]}`,
    );
    for (const args of [
      ['inspect', file],
      ['inspect', file, '--json'],
    ]) {
      const run = await runCli(args);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(
        /error: UNSUPPORTED_FORMAT: .* \(line 4: Banana Split shard is not valid JSON/,
      );
      expectNoSecrets(run, [...SHARD_DATA, 'curtain']);
    }
  });

  it('a title with terminal escapes and direction marks is shown escaped, and --json keeps it exact', async () => {
    const title = 'seed\u001b]0;owned\u0007\u202eevil';
    const shards = byName('js-v1').shards.map((s) => JSON.stringify({ ...JSON.parse(s), t: title }));
    const file = tmp.file('title.txt', shards.join('\n'));
    const run = await runCli(['inspect', file]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('title       seed\\u001b]0;owned\\u0007\\u202eevil\n');
    for (const ch of '\u001b\u0007\u202e') expect(run.stdout.includes(ch)).toBe(false);
    const json = await runCli(['inspect', file, '--json']);
    for (const ch of '\u001b\u0007\u202e') expect(json.stdout.includes(ch)).toBe(false);
    expect(JSON.parse(json.stdout).details.title).toBe(title);
    quiet(run);
    quiet(json);
  });
});
