// Files crafted against a person, through `keyport` as a process: imported into a snapshot made
// by the real ui-keyring (uik-storage.json), under the default policy every account still
// unlocks with its own password and every contact keeps its name and address, or nothing is
// written; nothing a file holds can drive the terminal; ui-keyring's log of a record with a
// plaintext key never reaches the output; the undo bundle of an encrypted import is encrypted.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryStorage } from '@keyport/storage-migrate';
import { verifyWithUiKeyring } from '@keyport/storage-migrate/verify';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, decodeAddress } from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { restore } from '../src/commands/restore.ts';
import { parseCommand } from '../src/framework/command.ts';
import { createIo } from '../src/framework/io.ts';
import { BOOK_ADDRESS, FIXTURE, SECRETS } from './fixtures.ts';
import { CLI_DIR, expectNoSecrets, runCli, scratch } from './run-cli.ts';

const tmp = scratch();
afterAll(() => tmp.cleanup());
const fixture = (name: string) => join(inject('fixtureDir'), name);
const readJson = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as Record<string, string>;
const ZERO_KEY = `account:0x${'00'.repeat(32)}`;
const BOOK_KEY = `address:${u8aToHex(decodeAddress(BOOK_ADDRESS))}`;

let victim: Record<string, string>;
let savings: { key: string; address: string };
let thief: { address: string; json: Record<string, unknown> };

beforeAll(async () => {
  await cryptoWaitReady();
  victim = readJson(fixture(FIXTURE.storage));
  const facts = inject('fixtureFacts').uik[0]!; // the sr25519 account
  savings = { key: facts.key, address: facts.address };
  const pair = new Keyring({ type: 'sr25519' }).addFromUri('//keyport//thief', { name: 'One' });
  thief = { address: pair.address, json: pair.toJson('thief pw') as unknown as Record<string, unknown> };
});

/** Every account of `storage` that ui-keyring shows, with whether the victim's password opens it. */
async function appsView(storage: Record<string, string>) {
  const passwords = Object.fromEntries(
    Object.keys(storage)
      .filter((k) => k.startsWith('account:'))
      .map((k) => [k, SECRETS.accountPassword]),
  );
  return verifyWithUiKeyring(new MemoryStorage(Object.entries(storage)), { passwords });
}

function undoFiles(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.includes('.undo-'));
}

describe('attacks through keyport restore (default policy)', () => {
  it("a record under a fresh key naming the victim's account: listed as OVERWRITES, nothing written, every account unlocks", async () => {
    const d = scratch();
    try {
      const snap = d.file('snap.json', JSON.stringify(victim));
      const before = readFileSync(snap, 'utf8');
      const attack = d.file(
        'attack.json',
        JSON.stringify({ [ZERO_KEY]: JSON.stringify({ ...thief.json, address: savings.address }) }),
      );
      const run = await runCli(['restore', attack, '--storage', snap]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(
        /OVERWRITES +account "One" .*: NOT WRITTEN \(--write "account:0x0{64}" to write it anyway\)/,
      );
      expect(run.stdout).toContain(`would overwrite, when Apps loads: account "One" ${savings.address}`);
      expect(run.stdout).toContain('nothing to write');
      expect(readFileSync(snap, 'utf8')).toBe(before);
      expect(undoFiles(d.dir)).toEqual([]);
      const seen = await appsView(readJson(snap));
      expect(seen.accounts.filter((a) => a.hasKey).every((a) => a.unlocked)).toBe(true);
      expect(seen.accounts.filter((a) => a.hasKey).length).toBe(4);

      const json = JSON.parse((await runCli(['restore', attack, '--storage', snap, '--json'])).stdout);
      expect(
        json.plan.entries.map((e: { status: string; write: boolean; keptBecause: string }) => [
          e.status,
          e.write,
          e.keptBecause,
        ]),
      ).toEqual([['overwrites', false, 'overwrites']]);
      expect(json.plan.entries[0].overwrites[0]).toMatchObject({ key: savings.key, from: 'storage' });
    } finally {
      d.cleanup();
    }
  });

  it('--write on that entry writes it after the check, as the plan showed: then the account no longer unlocks', async () => {
    const d = scratch();
    try {
      const snap = d.file('snap.json', JSON.stringify(victim));
      const attack = d.file(
        'attack.json',
        JSON.stringify({ [ZERO_KEY]: JSON.stringify({ ...thief.json, address: savings.address }) }),
      );
      const run = await runCli(['restore', attack, '--storage', snap, '--write', ZERO_KEY]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/OVERWRITES .*: write \(your choice\)/);
      const seen = await appsView(readJson(snap));
      expect(seen.accounts.find((a) => a.key === savings.key)).toMatchObject({
        source: ZERO_KEY,
        unlocked: false,
      });
      const bad = await runCli([
        'restore',
        attack,
        '--storage',
        snap,
        '--write',
        'account:0xnot-in-the-file',
      ]);
      expect([bad.code, bad.stderr]).toEqual([1, expect.stringMatching(/INVALID_INPUT: a choice names/)]);
    } finally {
      d.cleanup();
    }
  });

  it("a contact renamed through another key is not written; a look-alike 'Bob (book)' is flagged; the contact keeps its name and address", async () => {
    const d = scratch();
    try {
      const snap = d.file('snap.json', JSON.stringify(victim));
      const rename = `address:0x${'00'.repeat(31)}01`;
      const lookalike = `address:${u8aToHex(decodeAddress(thief.address))}`;
      const attack = d.file(
        'book.json',
        JSON.stringify({
          [rename]: JSON.stringify({ address: BOOK_ADDRESS, meta: { name: 'Bob (old)', whenCreated: 1 } }),
          [lookalike]: JSON.stringify({
            address: thief.address,
            meta: { name: 'Bob  (book)\u200b', whenCreated: 1 },
          }),
        }),
      );
      const run = await runCli(['restore', attack, '--storage', snap]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/OVERWRITES +contact "Bob \(old\)"/);
      expect(run.stdout).toContain(`LOOK-ALIKE: Apps also lists contact "Bob (book)" ${BOOK_ADDRESS}`);
      const after = readJson(snap);
      expect(Object.keys(after).sort()).toEqual([...Object.keys(victim), lookalike].sort());
      const seen = await appsView(after);
      expect(seen.addresses.find((a) => a.key === BOOK_KEY)).toMatchObject({
        address: BOOK_ADDRESS,
        name: 'Bob (book)',
      });
      expect(seen.accounts.filter((a) => a.hasKey).every((a) => a.unlocked)).toBe(true);
    } finally {
      d.cleanup();
    }
  });

  it('another key for an account, under its own key and address, is kept even with --policy replace; the conflict shows what changes', async () => {
    const d = scratch();
    try {
      const snap = d.file('snap.json', JSON.stringify(victim));
      const settings = JSON.stringify({ ...JSON.parse(victim.settings!), apiUrl: 'wss://evil.example' });
      const attack = d.file(
        'replace.json',
        JSON.stringify({
          [savings.key]: JSON.stringify({ ...thief.json, address: savings.address }),
          settings,
        }),
      );
      const run = await runCli(['restore', attack, '--storage', snap, '--policy', 'replace']);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(
        /conflict +account "One" .*: keep existing \(the file holds ANOTHER key for this account/,
      );
      expect(run.stdout).toMatch(/key +replaced by ANOTHER key/);
      expect(run.stdout).toMatch(/node \(apiUrl\) +wss:\/\/rpc.polkadot.io → wss:\/\/evil.example/);
      const after = readJson(snap);
      expect(after[savings.key]).toBe(victim[savings.key]);
      expect(JSON.parse(after.settings!).apiUrl).toBe('wss://evil.example'); // settings follow the policy
    } finally {
      d.cleanup();
    }
  });
});

describe('restore checks before it writes', () => {
  it('when ui-keyring would show something the plan did not say (here: a clock 12 days ahead), nothing is written', async () => {
    const d = scratch();
    try {
      const snap = d.file('snap.json', JSON.stringify(victim));
      const before = readFileSync(snap, 'utf8');
      // A "recent" address expires 86 s after whenCreated: the plan (this clock) drops it on
      // load, ui-keyring (the real clock) keeps it.
      const input = d.file(
        'recent.json',
        JSON.stringify({
          [`address:${u8aToHex(decodeAddress(thief.address))}`]: JSON.stringify({
            address: thief.address,
            meta: { isRecent: true, whenCreated: Date.now() },
          }),
        }),
      );
      const out: string[] = [];
      const sink = { write: (t: string) => out.push(t) };
      const io = createIo({ stdout: sink, stderr: sink, now: () => Date.now() + 1e9 });
      const code = await restore.run(io, parseCommand(restore, [input, '--storage', snap]));
      expect(code).toBe(1);
      expect(out.join('')).toMatch(/error: VERIFY_FAILED: .*; nothing was written/);
      expect(readFileSync(snap, 'utf8')).toBe(before);
      expect(undoFiles(d.dir)).toEqual([]);
      // The same import with the real clock checks out and is written.
      const ok = await restore.run(
        createIo({ stdout: sink, stderr: sink }),
        parseCommand(restore, [input, '--storage', snap]),
      );
      expect(ok).toBe(0);
      expect(undoFiles(d.dir).length).toBe(1);
    } finally {
      d.cleanup();
    }
  });
});

describe('output hygiene', () => {
  const ESC = '\u001b';
  const BAD = [ESC, '\u009b', '\r', '\u0007', '\u202e', '\u2066', '\u200f'];
  const expectClean = (run: { stdout: string; stderr: string }) => {
    for (const ch of BAD)
      expect(`${run.stdout}${run.stderr}`.includes(ch), `raw U+${ch.charCodeAt(0).toString(16)}`).toBe(false);
  };

  it('a bundle whose origin, keys, names and addresses hold terminal escapes prints them visibly in inspect, restore and unlock', async () => {
    const d = scratch();
    try {
      const hostile = `${ESC}[2K${ESC}[1A\r${ESC}[32m(verified)${ESC}]0;pwned\u0007\u009b31m\u202e`;
      const name = `Savings${hostile}`;
      const record = JSON.stringify({ ...JSON.parse(victim[savings.key]!), meta: { name } });
      const dump = {
        [savings.key]: record,
        [`address:0x${'ab'.repeat(32)}${hostile}`]: JSON.stringify({
          address: `5F${hostile}`,
          meta: { name },
        }),
      };
      const dumped = d.file('dump.json', JSON.stringify(dump));
      const bundlePath = d.path('bundle.json');
      const made = await runCli([
        'dump',
        '--storage',
        dumped,
        '--out',
        bundlePath,
        '--origin',
        `https://evil.example/${hostile}`,
      ]);
      expect(made.code, made.stderr).toBe(0);
      const inspect = await runCli(['inspect', bundlePath]);
      expect(inspect.code, inspect.stderr).toBe(0);
      expect(inspect.stdout).toContain(
        'https://evil.example/\\u001b[2K\\u001b[1A\\u000d\\u001b[32m(verified)',
      );
      expect(inspect.stdout).toContain('\\u009b31m\\u202e');
      const restore = await runCli(['restore', bundlePath, '--storage', d.path('snap.json')]);
      expect(restore.code, restore.stderr).toBe(0);
      expect(restore.stdout).toContain('"Savings\\u001b[2K');
      const json = await runCli(['restore', bundlePath, '--storage', d.path('snap2.json'), '--json']);
      expect(JSON.parse(json.stdout).plan.entries[0].facts.name).toBe(name); // --json stays exact JSON
      const pw = d.file('pw.txt', SECRETS.accountPassword);
      const unlock = await runCli(['unlock', dumped, '--password-file', pw]);
      expect(unlock.stdout).toContain('"Savings\\u001b');
      for (const run of [made, inspect, restore, json, unlock]) expectClean(run);
    } finally {
      d.cleanup();
    }
  });

  it('an unencrypted account record ui-keyring cannot load: its log (the whole record, private key included) never reaches the output', async () => {
    const d = scratch();
    try {
      const pair = new Keyring({ type: 'sr25519' }).addFromUri('//keyport//plain');
      const plain = pair.toJson() as unknown as { encoded: string; encoding: Record<string, unknown> };
      const record = JSON.stringify({ ...plain, encoding: { ...plain.encoding, content: ['pkcs8', 'rsa'] } });
      const key = `account:0x${'00'.repeat(31)}03`;
      const run = await runCli([
        'restore',
        d.file('dump.json', JSON.stringify({ [key]: record, other: 'x' })),
        '--storage',
        d.path('s.json'),
      ]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain(`Apps cannot load "${key}"`);
      expectNoSecrets(run, [plain.encoded, plain.encoded.slice(16, 56)]);
      expect(`${run.stdout}${run.stderr}`).not.toContain('Unable to load account');
    } finally {
      d.cleanup();
    }
  });

  it('| head: a reader that goes away early ends nothing badly (no EPIPE crash, exit 0)', async () => {
    const d = scratch();
    try {
      const book = Object.fromEntries(
        Array.from({ length: 3000 }, (_, i) => [
          `address:0x${i.toString(16).padStart(64, '0')}`,
          JSON.stringify({ address: BOOK_ADDRESS, meta: { name: `n${i}` } }),
        ]),
      );
      const file = d.file('big.json', JSON.stringify(book));
      const result = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/bin.ts', 'inspect', file], {
          cwd: CLI_DIR,
        });
        let stderr = '';
        child.stderr.setEncoding('utf8').on('data', (t: string) => {
          stderr += t;
        });
        child.stdout.once('data', () => child.stdout.destroy());
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stderr }));
      });
      expect(result.stderr).not.toMatch(/EPIPE|Error/);
      expect(result.code).toBe(0);
    } finally {
      d.cleanup();
    }
  });
});

describe('files', () => {
  it('a UTF-16 file with its byte-order mark reads as the UTF-8 one; inspect names the bundle version', async () => {
    const d = scratch();
    try {
      const text = JSON.stringify({ settings: '{"storage":"on"}', note: 'Zoë 🦀' });
      const le = d.path('le.json');
      writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
      const run = await runCli(['restore', le, '--storage', d.path('s.json')]);
      expect(run.code, run.stderr).toBe(0);
      expect(readJson(d.path('s.json'))).toEqual(JSON.parse(text));
      const bundle = d.path('b.json');
      expect((await runCli(['dump', '--storage', d.path('s.json'), '--out', bundle])).code).toBe(0);
      expect((await runCli(['inspect', bundle])).stdout).toMatch(/version +2\n/);
    } finally {
      d.cleanup();
    }
  });

  it('a dump naming a key twice is imported with its last value and a warning', async () => {
    const d = scratch();
    try {
      const run = await runCli([
        'restore',
        d.file('dup.json', '{"a":"1","a":"2"}'),
        '--storage',
        d.path('s.json'),
      ]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain(
        'warning: the file names the key "a" more than once; only its last value is imported',
      );
      expect(readJson(d.path('s.json'))).toEqual({ a: '2' });
    } finally {
      d.cleanup();
    }
  });

  it('the undo bundle of an encrypted import is encrypted with the same passphrase; undo opens it with that passphrase', async () => {
    const d = scratch();
    try {
      const pass = d.file('pass.txt', `${SECRETS.batchPassword}\n`);
      const bundle = d.path('enc.json');
      expect(
        (
          await runCli([
            'dump',
            '--storage',
            fixture(FIXTURE.storage),
            '--out',
            bundle,
            '--passphrase-file',
            pass,
          ])
        ).code,
      ).toBe(0);
      const snap = d.file('snap.json', JSON.stringify({ mine: 'x' }));
      const run = await runCli(['restore', bundle, '--storage', snap, '--passphrase-file', pass, '--json']);
      expect(run.code, run.stderr).toBe(0);
      const { result } = JSON.parse(run.stdout);
      expect(result.encryptedUndo).toBe(true);
      const undoText = readFileSync(result.undo, 'utf8');
      expect(undoText).not.toContain('account:0x');
      expect(JSON.parse((await runCli(['inspect', result.undo, '--json'])).stdout)).toMatchObject({
        encrypted: true,
      });
      expect((await runCli(['undo', result.undo, '--storage', snap])).code).toBe(1);
      const undone = await runCli(['undo', result.undo, '--storage', snap, '--passphrase-file', pass]);
      expect(undone.code, undone.stderr).toBe(0);
      expect(readJson(snap)).toEqual({ mine: 'x' });
      expectNoSecrets(run, [SECRETS.batchPassword]);
    } finally {
      d.cleanup();
    }
  });
});
