// keyport unlock on the upstream vectors and on @polkadot/keyring / ui-keyring files: exactly
// the --json shape, ok or the error per account, exit 0 only when all unlock, password files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeJsStringLiteral } from '@keyport/storage-migrate';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { EXTERNAL_ADDRESS, FIXTURE, SECRETS } from './fixtures.ts';
import { expectNoSecrets, runCli, scratch } from './run-cli.ts';
import { V3_SR25519, VECTORS } from './vectors.ts';

const tmp = scratch();
afterAll(() => tmp.cleanup());
const fixture = (name: string) => join(inject('fixtureDir'), name);

interface Line {
  address: string;
  publicKey: string | null;
  type: string | null;
  ok: boolean;
  error?: string;
}

function parse(stdout: string): Line[] {
  const out = JSON.parse(stdout) as { accounts: Line[] };
  expect(Object.keys(out)).toEqual(['accounts']);
  for (const l of out.accounts) {
    const keys = Object.keys(l).sort();
    expect(keys).toEqual(
      l.ok ? ['address', 'ok', 'publicKey', 'type'] : ['address', 'error', 'ok', 'publicKey', 'type'],
    );
  }
  return out.accounts;
}

describe('keyport unlock: upstream vectors', () => {
  it.each(VECTORS)('$name unlocks: address as written, public key, type; exit 0', async (v) => {
    const file = tmp.file(`${v.version}-${v.type}.json`, v.json);
    const pw = tmp.file(`${v.version}-${v.type}.pw`, `${v.password}\n`);
    const run = await runCli(['unlock', file, '--password-file', pw, '--json']);
    expect(run.code).toBe(0);
    expect(parse(run.stdout)).toEqual([
      { address: JSON.parse(v.json).address, publicKey: v.publicKey, type: v.type, ok: true },
    ]);
  });

  it('a wrong password exits 1 with WRONG_PASSWORD for that address (public key from the file)', async () => {
    const file = tmp.file('v3.json', V3_SR25519.json);
    const run = await runCli(['unlock', file, '--password-file', tmp.file('bad.pw', 'version4'), '--json']);
    expect(run.code).toBe(1);
    expect(parse(run.stdout)).toEqual([
      {
        address: 'FLiSDPCcJ6auZUGXALLj6jpahcP6adVFDBUQznPXUQ7yoqH',
        publicKey: V3_SR25519.publicKey,
        type: 'sr25519',
        ok: false,
        error: 'WRONG_PASSWORD',
      },
    ]);
  });

  it('password files lose exactly one trailing newline (\\n or \\r\\n), nothing else', async () => {
    const file = tmp.file('v3.json', V3_SR25519.json);
    const cases: [string, number][] = [
      ['version3', 0],
      ['version3\n', 0],
      ['version3\r\n', 0],
      ['version3\n\n', 1],
      [' version3\n', 1],
      ['version3 ', 1],
    ];
    for (const [content, code] of cases) {
      const run = await runCli(['unlock', file, '--password-file', tmp.file('p.pw', content)]);
      expect(run.code, JSON.stringify(content)).toBe(code);
    }
  });

  it('the text form prints ok or FAILED with the error per address', async () => {
    const file = tmp.file('v3.json', V3_SR25519.json);
    const good = await runCli(['unlock', file, '--password-file', tmp.file('g.pw', 'version3')]);
    expect(good.stdout).toMatch(/^ok\s+FLiSDPCcJ6auZUGXALLj6jpahcP6adVFDBUQznPXUQ7yoqH\s+sr25519/m);
    const bad = await runCli(['unlock', file, '--password-file', tmp.file('b.pw', 'nope')]);
    expect(bad.stdout).toMatch(
      /^FAILED\s+FLiSDPCcJ6auZUGXALLj6jpahcP6adVFDBUQznPXUQ7yoqH\s+sr25519\s+WRONG_PASSWORD: /m,
    );
  });
});

describe('keyport unlock: files made by @polkadot/keyring and ui-keyring (scrypt 2^17)', () => {
  it('pair.toJson with a password holding quotes, a backslash and unicode', async () => {
    const facts = inject('fixtureFacts');
    const pw = tmp.file('kr.pw', `${SECRETS.keyringPassword}\n`);
    const run = await runCli(['unlock', fixture(FIXTURE.keyringSr25519), '--password-file', pw, '--json']);
    expect(run.code).toBe(0);
    expect(parse(run.stdout)).toEqual([{ ...facts.keyringSr25519, type: 'sr25519', ok: true }]);
    expectNoSecrets(run, [SECRETS.keyringPassword]);
  });

  it('a backupAccounts batch: the batch password opens it, --account-password-file the accounts', async () => {
    const facts = inject('fixtureFacts');
    const run = await runCli([
      'unlock',
      fixture(FIXTURE.batch),
      '--password-file',
      tmp.file('b.pw', SECRETS.batchPassword),
      '--account-password-file',
      tmp.file('a.pw', SECRETS.accountPassword),
      '--json',
    ]);
    expect(run.code).toBe(0);
    expect(parse(run.stdout)).toEqual(
      facts.uik.map((a) => ({ address: a.address, publicKey: a.publicKey, type: a.type, ok: true })),
    );
    expectNoSecrets(run, [SECRETS.batchPassword, SECRETS.accountPassword]);
  });

  it('a batch whose accounts have another password: the batch opens, every account fails, exit 1', async () => {
    const run = await runCli([
      'unlock',
      fixture(FIXTURE.batch),
      '--password-file',
      tmp.file('b.pw', SECRETS.batchPassword),
      '--json',
    ]);
    expect(run.code).toBe(1);
    const lines = parse(run.stdout);
    expect(lines).toHaveLength(4);
    expect(lines.every((l) => !l.ok && l.error === 'WRONG_PASSWORD')).toBe(true);
  });

  it('a batch with the same password for batch and accounts needs one password file', async () => {
    const run = await runCli([
      'unlock',
      fixture(FIXTURE.batchSame),
      '--password-file',
      tmp.file('a.pw', SECRETS.accountPassword),
      '--json',
    ]);
    expect(run.code).toBe(0);
    expect(parse(run.stdout).map((l) => l.ok)).toEqual([true, true]);
  });

  it('a wrong batch password is one error for the file: exit 1, WRONG_PASSWORD on stderr', async () => {
    const run = await runCli([
      'unlock',
      fixture(FIXTURE.batchSame),
      '--password-file',
      tmp.file('x.pw', 'nope'),
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: WRONG_PASSWORD: /m);
    expect(run.stdout).toBe('');
  });

  it('an Apps array: every keyed account unlocks; the external entry is skipped and named', async () => {
    const facts = inject('fixtureFacts');
    const run = await runCli([
      'unlock',
      fixture(FIXTURE.appsArray),
      '--password-file',
      tmp.file('a.pw', SECRETS.accountPassword),
      '--json',
    ]);
    expect(run.code).toBe(0);
    expect(parse(run.stdout).map((l) => [l.publicKey, l.ok])).toEqual(
      facts.uik.map((a) => [a.publicKey, true]),
    );
    expect(run.stderr).toContain(`skipped ${EXTERNAL_ADDRESS}`);
  });
});

describe('keyport unlock: the accounts stored in a storage dump or keyport bundle', () => {
  const byAddress = (lines: readonly Line[]) => [...lines].sort((a, b) => (a.address < b.address ? -1 : 1));
  const expected = () =>
    byAddress(
      inject('fixtureFacts').uik.map((a) => ({
        address: a.address,
        publicKey: a.publicKey,
        type: a.type,
        ok: true,
      })),
    );

  it('a localStorage dump ui-keyring wrote: every keyed account unlocks, the external one is skipped', async () => {
    const run = await runCli([
      'unlock',
      fixture(FIXTURE.storage),
      '--password-file',
      tmp.file('a.pw', SECRETS.accountPassword),
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(byAddress(parse(run.stdout))).toEqual(expected());
    expect(run.stderr).toContain(`skipped ${EXTERNAL_ADDRESS}`);
    expectNoSecrets(run, [SECRETS.accountPassword]);
  });

  it('an encrypted bundle: --passphrase-file opens it, then the accounts; without it PASSWORD_REQUIRED', async () => {
    const bundle = tmp.path('enc-unlock.json');
    const pass = tmp.file('bundle.pass', `${SECRETS.batchPassword}\n`);
    const acct = tmp.file('acct.pw', SECRETS.accountPassword);
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

    const without = await runCli(['unlock', bundle, '--password-file', acct]);
    expect(without.code).toBe(1);
    expect(without.stderr).toMatch(/^error: PASSWORD_REQUIRED: /m);
    const ok = await runCli(['unlock', bundle, '--password-file', acct, '--passphrase-file', pass, '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(byAddress(parse(ok.stdout))).toEqual(expected());
    const wrong = await runCli([
      'unlock',
      bundle,
      '--password-file',
      tmp.file('w.pw', 'not the account password'),
      '--passphrase-file',
      pass,
      '--json',
    ]);
    expect(wrong.code).toBe(1);
    const lines = parse(wrong.stdout);
    expect(lines.map((l) => [l.ok, l.error])).toEqual(expected().map(() => [false, 'WRONG_PASSWORD']));
    for (const r of [dumped, without, ok, wrong]) {
      expectNoSecrets(r, [SECRETS.batchPassword, SECRETS.accountPassword]);
    }
  });

  it('a plain bundle needs no passphrase (a given one is noted as unused)', async () => {
    const bundle = tmp.path('plain-unlock.json');
    const dumped = await runCli(['dump', '--storage', fixture(FIXTURE.storage), '--out', bundle]);
    expect(dumped.code, dumped.stderr).toBe(0);
    const run = await runCli([
      'unlock',
      bundle,
      '--password-file',
      tmp.file('a.pw', SECRETS.accountPassword),
      '--passphrase-file',
      tmp.file('p.pass', 'unused'),
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(byAddress(parse(run.stdout))).toEqual(expected());
    expect(run.stderr).toContain('--passphrase-file applies to encrypted keyport bundles only');
  });

  it('a console copy of a batch file: --password-file opens the batch, --account-password-file the accounts', async () => {
    const batch = readFileSync(fixture(FIXTURE.batch), 'utf8');
    const file = tmp.file('batch-copy.txt', encodeJsStringLiteral(batch));
    const run = await runCli([
      'unlock',
      file,
      '--password-file',
      tmp.file('b.pw', SECRETS.batchPassword),
      '--account-password-file',
      tmp.file('a.pw', SECRETS.accountPassword),
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(byAddress(parse(run.stdout))).toEqual(expected());
    expectNoSecrets(run, [SECRETS.batchPassword, SECRETS.accountPassword]);
  });

  it('a stored account item that is not a keystore is skipped and named by its key, its value never printed', async () => {
    const storage = JSON.parse(readFileSync(fixture(FIXTURE.storage), 'utf8')) as Record<string, string>;
    const odd = 'account:0x00000000000000000000000000000000000000000000000000000000000000aa';
    storage[odd] = JSON.stringify({ address: 'nonsense', meta: { note: 'VALUE-NEVER-PRINTED' } });
    const file = tmp.file('odd-storage.json', JSON.stringify(storage));
    const run = await runCli([
      'unlock',
      file,
      '--password-file',
      tmp.file('a.pw', SECRETS.accountPassword),
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(byAddress(parse(run.stdout))).toEqual(expected());
    expect(run.stderr).toContain(`skipped ${JSON.stringify(odd)} is not a keystore`);
    expectNoSecrets(run, ['VALUE-NEVER-PRINTED', SECRETS.accountPassword]);
  });
});

describe('keyport unlock: usage', () => {
  it('--password-file is required (exit 2); a missing password file exits 1', async () => {
    const file = tmp.file('v3.json', V3_SR25519.json);
    const noPw = await runCli(['unlock', file]);
    expect(noPw.code).toBe(2);
    expect(noPw.stderr).toContain('--password-file is required');
    const missing = await runCli(['unlock', file, '--password-file', tmp.path('none.pw')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/error: FILE_NOT_FOUND: password file/);
  });

  it('a file that holds no accounts (an address book) is refused with exit 1', async () => {
    const book = tmp.file(
      'book.json',
      JSON.stringify([{ address: EXTERNAL_ADDRESS, name: 'c', isFavorite: false }]),
    );
    const run = await runCli(['unlock', book, '--password-file', tmp.file('p.pw', 'x')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error: UNSUPPORTED_FORMAT: .*address book/);
  });
});
