// The CLI tarball alone, installed with plain npm into an empty prefix (`npm i -g --prefix`), as
// the README tells a user to: `keyport --help`, `inspect` and `unlock` on an upstream keystore,
// and `restore` into a snapshot file (its read-back loads the installed @polkadot/ui-keyring).
// Nothing of the repository is on the path: npm fetches the registry dependencies.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mustRun, run, scratch, tarball } from './npm.ts';
import { V3_SR25519 } from './vectors.ts';

describe('the packed @keyport/cli, installed with npm i -g into an empty prefix', () => {
  const tmp = scratch('keyport-release-cli-');
  const prefix = join(tmp.dir, 'prefix');
  const bin = join(prefix, 'bin', 'keyport');
  const keyport = (...args: string[]) => run(bin, args, tmp.dir);

  beforeAll(() => {
    mustRun('npm', ['install', '--global', '--prefix', prefix, tarball('apps/cli')], tmp.dir);
  });
  afterAll(() => tmp.cleanup());

  it('installs one bundled command: no @keyport package, no tsx, no TypeScript source', () => {
    const modules = join(prefix, 'lib', 'node_modules');
    const cli = join(modules, '@keyport', 'cli');
    const manifest = JSON.parse(readFileSync(join(cli, 'package.json'), 'utf8'));
    expect(manifest.bin).toEqual({ keyport: './dist/keyport.js' });
    // Registry packages only, each pinned: @polkadot/*, the rescue commands' crypto (noble, scure,
    // secrets.js, hash-wasm), the profile reader's bcryptjs (Talisman), snappyjs and sql.js; never a workspace package.
    const deps = Object.entries<string>(manifest.dependencies ?? {});
    expect(deps.filter(([d, v]) => d.startsWith('@keyport/') || !/^\d+\.\d+\.\d+$/.test(v))).toEqual([]);
    const installed = readdirSync(join(cli, 'node_modules'), { recursive: true }).map(String);
    expect(installed.filter((p) => /^(@keyport|tsx)(\/|$)/.test(p))).toEqual([]);
    const shipped = readdirSync(cli, { recursive: true })
      .map(String)
      .filter((p) => !p.startsWith('node_modules'));
    expect(shipped.filter((p) => p.endsWith('.ts'))).toEqual([]);
    expect(shipped).toContain('LICENSE');
    expect(shipped).toContain('README.md');
  });

  it('keyport --help lists the commands', () => {
    const r = keyport('--help');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const c of ['inspect', 'unlock', 'derive', 'convert', 'profiles', 'dump', 'restore', 'undo'])
      expect(r.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
  });

  it('keyport inspect reads an upstream keystore without a password', () => {
    const file = join(tmp.dir, 'version3.json');
    writeFileSync(file, V3_SR25519.json);
    const r = keyport('inspect', file, '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(JSON.stringify(out)).toContain(V3_SR25519.address);
    expect(JSON.stringify(out)).toContain('sr25519');
  });

  it('keyport unlock opens it with the right password and refuses a wrong one', () => {
    const file = join(tmp.dir, 'version3.json');
    writeFileSync(file, V3_SR25519.json);
    const good = join(tmp.dir, 'pw.txt');
    const bad = join(tmp.dir, 'bad.txt');
    writeFileSync(good, `${V3_SR25519.password}\n`, { mode: 0o600 });
    writeFileSync(bad, 'not it\n', { mode: 0o600 });
    const ok = keyport('unlock', file, '--password-file', good, '--json');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({
      accounts: [{ address: V3_SR25519.address, publicKey: V3_SR25519.publicKey, type: 'sr25519', ok: true }],
    });
    const no = keyport('unlock', file, '--password-file', bad, '--json');
    expect(no.status).toBe(1);
    expect(JSON.parse(no.stdout).accounts[0]).toMatchObject({ ok: false, error: 'WRONG_PASSWORD' });
    expect(`${ok.stdout}${ok.stderr}${no.stdout}${no.stderr}`).not.toContain(V3_SR25519.password);
  });

  it('keyport restore writes it into a snapshot and ui-keyring lists it on read-back', () => {
    const file = join(tmp.dir, 'version3.json');
    writeFileSync(file, V3_SR25519.json);
    const snapshot = join(tmp.dir, 'snapshot.json');
    // Exit 0 only after the written snapshot was read back and listed by ui-keyring.
    const r = keyport('restore', file, '--storage', snapshot);
    expect(r.status, r.stderr).toBe(0);
    const key = `account:${V3_SR25519.publicKey}`;
    expect(JSON.parse(readFileSync(snapshot, 'utf8'))).toEqual({ [key]: V3_SR25519.json });
  });
});
