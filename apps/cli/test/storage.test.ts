// dump → restore → undo over localStorage snapshot files: byte-exact round trip of a storage
// made by the real ui-keyring, atomic snapshot writes with the undo bundle beside, dry runs,
// conflict policies, encrypted bundles, refusal to overwrite.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { FIXTURE, SECRETS } from './fixtures.ts';
import { expectNoSecrets, runCli, scratch } from './run-cli.ts';
import { V3_SR25519 } from './vectors.ts';

const tmp = scratch();
afterAll(() => tmp.cleanup());
const fixture = (name: string) => join(inject('fixtureDir'), name);
const readJson = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as Record<string, string>;

function undoFiles(dir: string, snapshot: string): string[] {
  return readdirSync(dir)
    .filter((n) => n.startsWith(`${snapshot}.undo-`) && n.endsWith('.json'))
    .map((n) => join(dir, n));
}

describe('dump → restore → undo', () => {
  it('a ui-keyring storage survives dump → restore into an empty snapshot byte for byte, and undo empties it', async () => {
    const d = scratch();
    try {
      const source = fixture(FIXTURE.storage);
      const bundle = d.path('bundle.json');
      const dumped = await runCli([
        'dump',
        '--storage',
        source,
        '--out',
        bundle,
        '--origin',
        'https://polkadot.js.org',
      ]);
      expect(dumped.code, dumped.stderr).toBe(0);
      expect(dumped.stdout).toMatch(
        /9 item\(s\): 5 account\(s\), 1 address-book entr\(ies\), 1 contract\(s\), 1 settings, 1 other/,
      );

      const target = d.path('new.json');
      const restored = await runCli(['restore', bundle, '--storage', target]);
      expect(restored.code, restored.stderr + restored.stdout).toBe(0);
      expect(restored.stdout).toMatch(/plan: 9 new, 0 identical, 0 conflicting/);
      expect(restored.stdout).toMatch(/reads back identical/);
      // The contract is bound to Polkadot's genesis: Apps shows it only there, as the plan says.
      expect(restored.stdout).toMatch(
        /Apps \(ui-keyring\) shows, as planned: 5 account\(s\), 1 address-book entr\(ies\), 0 contract\(s\)/,
      );
      expect(restored.stdout).toMatch(/hidden in Apps: "contract:0x.*Polkadot/);
      expect(readJson(target)).toEqual(readJson(source));
      const undos = undoFiles(d.dir, 'new.json');
      expect(undos).toHaveLength(1);
      expect(restored.stdout).toContain(undos[0]);
      expect(readdirSync(d.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);

      const undone = await runCli(['undo', undos[0] as string, '--storage', target]);
      expect(undone.code, undone.stderr).toBe(0);
      expect(undone.stdout).toMatch(/0 item\(s\) put back, 9 removed/);
      expect(readJson(target)).toEqual({});
    } finally {
      d.cleanup();
    }
  });

  it('a concurrent reader only ever sees the old or the new snapshot, never a partial file', async () => {
    const d = scratch();
    try {
      const big = Object.fromEntries(Array.from({ length: 4000 }, (_, i) => [`k${i}`, 'x'.repeat(500)]));
      const target = d.file('snap.json', JSON.stringify(big));
      const oldText = readFileSync(target, 'utf8');
      const input = d.file('in.json', JSON.stringify({ added: 'value', k1: 'changed' }));
      const child = runCli(['restore', input, '--storage', target, '--policy', 'replace']);
      let done = false;
      void child.then(() => {
        done = true;
      });
      const seen = new Set<string>();
      while (!done) {
        const text = readFileSync(target, 'utf8');
        const parsed = JSON.parse(text) as Record<string, string>; // throws on a partial file
        seen.add(
          text === oldText ? 'old' : parsed.added === 'value' && parsed.k1 === 'changed' ? 'new' : 'other',
        );
        await new Promise((r) => setTimeout(r, 1));
      }
      const run = await child;
      expect(run.code, run.stderr).toBe(0);
      expect(seen.has('other')).toBe(false);
      expect(readJson(target)).toEqual({ ...big, added: 'value', k1: 'changed' });
    } finally {
      d.cleanup();
    }
  });

  it('contracts Apps lists on no chain (no meta.contract, or its genesisHash null) restore with exit 0: hidden as the plan said', async () => {
    const d = scratch();
    try {
      // Two contracts at two addresses (one address twice would make them overwrite each other).
      const record = (address: string, meta: object) => JSON.stringify({ address, meta });
      const dump = {
        'contract:0x01': record('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY', {
          name: 'c',
          contract: { abi: '{}', genesisHash: null },
          genesisHash: null,
        }),
        'contract:0x02': record('5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty', { name: 'no abi' }),
      };
      const target = d.path('snap.json');
      const run = await runCli(['restore', d.file('dump.json', JSON.stringify(dump)), '--storage', target]);
      expect(run.code, run.stderr + run.stdout).toBe(0);
      expect(run.stdout).toMatch(/reads back identical/);
      expect(run.stdout).toMatch(/hidden in Apps: "contract:0x01": meta.contract.genesisHash is null/);
      expect(run.stdout).toMatch(/hidden in Apps: "contract:0x02": no meta.contract/);
      expect(readJson(target)).toEqual(dump);
    } finally {
      d.cleanup();
    }
  });

  it('restore --dry-run prints the plan and writes nothing', async () => {
    const d = scratch();
    try {
      const target = d.file('snap.json', JSON.stringify({ keep: 'me' }));
      const run = await runCli(['restore', fixture(FIXTURE.storage), '--storage', target, '--dry-run']);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/dry run: nothing written/);
      expect(readFileSync(target, 'utf8')).toBe(JSON.stringify({ keep: 'me' }));
      expect(undoFiles(d.dir, 'snap.json')).toEqual([]);
    } finally {
      d.cleanup();
    }
  });

  it('conflicts: keep leaves the stored value, replace writes the incoming one, undo restores it', async () => {
    const d = scratch();
    try {
      const source = readJson(fixture(FIXTURE.storage));
      const incoming = d.file('incoming.json', JSON.stringify(source));
      const before = { ...source, settings: '{"storage":"on","apiUrl":"wss://other"}', mine: 'untouched' };
      const target = d.file('snap.json', JSON.stringify(before));

      const keep = await runCli(['restore', incoming, '--storage', target, '--json']);
      expect(keep.code, keep.stderr).toBe(0);
      const kept = JSON.parse(keep.stdout);
      expect(kept.plan.counts).toMatchObject({ conflict: 1, write: 0, keep: 1 });
      expect(kept.result).toMatchObject({ written: 0, undo: null });
      expect(readJson(target)).toEqual(before);

      const replace = await runCli([
        'restore',
        incoming,
        '--storage',
        target,
        '--policy',
        'replace',
        '--json',
      ]);
      expect(replace.code, replace.stderr).toBe(0);
      const replaced = JSON.parse(replace.stdout);
      expect(replaced.result.written).toBe(1);
      expect(replaced.check).toMatchObject({ ok: true, problems: [], console: [] });
      expect(readJson(target)).toEqual({ ...before, settings: source.settings });

      const undo = await runCli(['undo', replaced.result.undo, '--storage', target]);
      expect(undo.code, undo.stderr).toBe(0);
      expect(readJson(target)).toEqual(before);
    } finally {
      d.cleanup();
    }
  });

  it('undo refuses (exit 1, CONFLICT) when an imported item changed since, unless --force', async () => {
    const d = scratch();
    try {
      const target = d.path('snap.json');
      const run = await runCli([
        'restore',
        d.file('in.json', JSON.stringify({ a: '1' })),
        '--storage',
        target,
        '--json',
      ]);
      expect(run.code, run.stderr).toBe(0);
      const undo = JSON.parse(run.stdout).result.undo as string;
      writeFileSync(target, JSON.stringify({ a: 'changed later' }));
      const refused = await runCli(['undo', undo, '--storage', target]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/error: CONFLICT: /);
      expect(readJson(target)).toEqual({ a: 'changed later' });
      expect((await runCli(['undo', undo, '--storage', target, '--force'])).code).toBe(0);
      expect(readJson(target)).toEqual({});
    } finally {
      d.cleanup();
    }
  });

  it('an encrypted bundle needs its passphrase; the passphrase is never printed', async () => {
    const d = scratch();
    try {
      const bundle = d.path('enc.json');
      const pass = d.file('pass.txt', `${SECRETS.batchPassword}\n`);
      const dumped = await runCli([
        'dump',
        '--storage',
        fixture(FIXTURE.storage),
        '--out',
        bundle,
        '--passphrase-file',
        pass,
      ]);
      expect(dumped.code, dumped.stderr).toBe(0);
      expect(readFileSync(bundle, 'utf8')).not.toContain('account:0x');
      const inspected = await runCli(['inspect', bundle, '--json']);
      expect(JSON.parse(inspected.stdout)).toMatchObject({
        format: 'keyport-bundle-encrypted',
        encrypted: true,
      });

      const target = d.path('snap.json');
      const without = await runCli(['restore', bundle, '--storage', target]);
      expect(without.code).toBe(1);
      const wrong = await runCli([
        'restore',
        bundle,
        '--storage',
        target,
        '--passphrase-file',
        d.file('w.txt', 'nope'),
      ]);
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toMatch(/error: WRONG_PASSWORD: /);
      const ok = await runCli(['restore', bundle, '--storage', target, '--passphrase-file', pass]);
      expect(ok.code, ok.stderr).toBe(0);
      expect(readJson(target)).toEqual(readJson(fixture(FIXTURE.storage)));
      for (const r of [dumped, without, wrong, ok]) expectNoSecrets(r, [SECRETS.batchPassword]);
    } finally {
      d.cleanup();
    }
  });

  it('a keystore restores as an Apps account:0x… entry', async () => {
    const d = scratch();
    try {
      const target = d.path('snap.json');
      const run = await runCli(['restore', d.file('k.json', V3_SR25519.json), '--storage', target]);
      expect(run.code, run.stderr + run.stdout).toBe(0);
      expect(Object.keys(readJson(target))).toEqual([`account:${V3_SR25519.publicKey}`]);
      expect(JSON.parse(readJson(target)[`account:${V3_SR25519.publicKey}`] as string)).toEqual(
        JSON.parse(V3_SR25519.json),
      );
    } finally {
      d.cleanup();
    }
  });

  it('dump refuses to overwrite --out without --force', async () => {
    const out = tmp.file('bundle.json', 'precious');
    const run = await runCli(['dump', '--storage', fixture(FIXTURE.storage), '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error: FILE_EXISTS: /);
    expect(readFileSync(out, 'utf8')).toBe('precious');
    expect(
      (await runCli(['dump', '--storage', fixture(FIXTURE.storage), '--out', out, '--force'])).code,
    ).toBe(0);
  });

  it('a snapshot that is not a JSON object of strings is refused (exit 1) and left untouched', async () => {
    const bad = tmp.file('bad-snap.json', '{"a":1}');
    const run = await runCli(['restore', tmp.file('in.json', '{"b":"2"}'), '--storage', bad]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error: INVALID_INPUT: snapshot/);
    expect(readFileSync(bad, 'utf8')).toBe('{"a":1}');
  });

  it('bad usage exits 2: restore without --storage, an unknown --policy', async () => {
    const input = tmp.file('in.json', '{"b":"2"}');
    expect((await runCli(['restore', input])).code).toBe(2);
    expect(
      (await runCli(['restore', input, '--storage', tmp.path('s.json'), '--policy', 'merge'])).code,
    ).toBe(2);
    expect((await runCli(['undo', '--storage', tmp.path('s.json')])).code).toBe(2);
  });
});
