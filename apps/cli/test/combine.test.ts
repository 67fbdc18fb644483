// keyport combine as a process on the official Banana Split vectors
// (packages/core/test/vectors/banana-split.ts): one shard per file or several per file, a
// passphrase typed with spaces, the secret written 0600 and never printed, and every refusal
// leaving no file behind.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { BANANA_VECTORS } from '../../../packages/core/test/vectors/banana-split.ts';
import { expectNoSecrets, runCli, scratch } from './run-cli.ts';

const tmp = scratch();
afterAll(() => tmp.cleanup());
const byName = (n: string) => BANANA_VECTORS.find((v) => v.name === n)!;

describe('keyport combine', () => {
  it('v1 shards in three files, passphrase typed with spaces: the secret in --out (0600), nothing printed', async () => {
    const v = byName('js-v1');
    const files = v.shards.map((s, i) => tmp.file(`shard${i}.txt`, `${s}\n`));
    const out = tmp.path('secret.txt');
    const run = await runCli([
      'combine',
      ...files,
      '--passphrase-file',
      tmp.file('pass.txt', `${v.passphrase.replaceAll('-', ' ')}\n`),
      '--out',
      out,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(`${v.secret}\n`);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/not a BIP39 mnemonic/);
    expectNoSecrets(run, [v.secret, v.passphrase, 'excess torch']);
  });

  it('a file of shards, one per line (Vault, Rust vectors A and C, and v0): a mnemonic, with the locate hint', async () => {
    for (const name of ['rust-a', 'rust-c', 'js-v0']) {
      const v = byName(name);
      const out = tmp.path(`${name}.txt`);
      const run = await runCli([
        'combine',
        tmp.file(`${name}-shards.txt`, v.shards.slice(0, v.required).join('\r\n')),
        '--passphrase-file',
        tmp.file('p.txt', v.passphrase),
        '--out',
        out,
      ]);
      expect(run.code, run.stderr).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe(`${v.secret}\n`);
      if (name !== 'js-v0') expect(run.stderr).toMatch(/12-word mnemonic.*keyport locate/);
      expectNoSecrets(run, [v.secret, v.passphrase]);
    }
  });

  it('not enough shards, mixed sets, a wrong passphrase, an existing --out: exit 1, nothing written', async () => {
    const a = byName('rust-a');
    const c = byName('rust-c');
    const pass = tmp.file('pa.txt', a.passphrase);
    const cases: [string[], RegExp][] = [
      [[tmp.file('one.txt', a.shards[0]!)], /INVALID_INPUT: not enough shards: this set needs 2, 1 given/],
      [
        [tmp.file('mix.txt', `${a.shards[0]}\n${c.shards[1]}`)],
        /INVALID_INPUT: the shards come from different Banana Split sets/,
      ],
      [
        [tmp.file('dup.txt', `${a.shards[0]}\n${a.shards[0]}`)],
        /INVALID_INPUT: the same shard is given twice/,
      ],
      [
        [tmp.file('bad.txt', '{"v":1,"t":"x","r":2}')],
        /INVALID_INPUT: line 1: Banana Split shard: d is not share data/,
      ],
    ];
    for (const [files, message] of cases) {
      const out = tmp.path('never.txt');
      const run = await runCli(['combine', ...files, '--passphrase-file', pass, '--out', out]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(message);
      expect(existsSync(out)).toBe(false);
    }
    const out = tmp.path('never.txt');
    const wrong = await runCli([
      'combine',
      tmp.file('two.txt', a.shards.slice(1).join('\n')),
      '--passphrase-file',
      tmp.file('wrong.txt', 'blighted comprised bucktooth disjoint'),
      '--out',
      out,
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/error: WRONG_PASSWORD: the Banana Split passphrase is wrong/);
    expect(existsSync(out)).toBe(false);
    const exists = tmp.file('exists.txt', 'keep me');
    const refused = await runCli([
      'combine',
      tmp.file('two.txt', a.shards.join('\n')),
      '--passphrase-file',
      pass,
      '--out',
      exists,
    ]);
    expect(refused.code).toBe(1);
    expect(readFileSync(exists, 'utf8')).toBe('keep me');
    expect((await runCli(['combine', '--passphrase-file', pass, '--out', out])).code).toBe(2);
  });

  it('inspect names a shard file without the passphrase', async () => {
    const v = byName('rust-c');
    const run = await runCli(['inspect', tmp.file('c.txt', v.shards[1]!), '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      format: 'banana-split-shard',
      version: '1',
      details: { title: 'alice has too many friends', required: 3, id: 2 },
    });
  });
});
