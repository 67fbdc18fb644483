// The library tarballs (@keyport/core, @keyport/storage-migrate, @keyport/browser-profile) installed with plain npm into an
// empty project beside @polkadot/ui-keyring (the optional peer of ./verify): plain Node ESM loads
// every subpath and does real work; TypeScript 5.9 (nodenext, strict, skipLibCheck off) checks
// a consumer and rejects a wrong one; publint and are-the-types-wrong read the tarballs.
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mustRun, run, scratch, tarball } from './npm.ts';
import { V3_SR25519 } from './vectors.ts';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
/** TypeScript 5.9's tsc (this package's `typescript-5.9` alias), not the repo's TypeScript 7. */
const TSC_59 = join(dirname(require.resolve('typescript-5.9/package.json')), 'bin', 'tsc');
const LIBRARIES = ['packages/core', 'packages/storage-migrate', 'packages/browser-profile'];

describe('the packed libraries, installed with npm into an empty project', () => {
  const tmp = scratch('keyport-release-libs-');
  const project = join(tmp.dir, 'consumer');

  beforeAll(() => {
    cpSync(join(here, '..', 'consumer'), project, { recursive: true });
    mustRun('npm', ['install', ...LIBRARIES.map(tarball), '@polkadot/ui-keyring@3.16.7'], project);
  });
  afterAll(() => tmp.cleanup());

  it('ship dist/ only: JavaScript, declarations and source maps, no TypeScript source', () => {
    for (const name of ['core', 'storage-migrate', 'browser-profile']) {
      const files = readdirSync(join(project, 'node_modules', '@keyport', name), { recursive: true }).map(
        String,
      );
      expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
      expect(files).toContain('LICENSE');
      expect(files).toContain('README.md');
      expect(files).toContain(join('dist', 'index.js'));
      expect(files).toContain(join('dist', 'index.d.ts'));
      expect(files).toContain(join('dist', 'index.js.map'));
      // Every relative import names a shipped .js file (tsc leaves `.ts` in declarations).
      for (const f of files.filter((x) => /\.(js|d\.ts)$/.test(x))) {
        const text = readFileSync(join(project, 'node_modules', '@keyport', name, f), 'utf8');
        expect(
          text.match(/(from|import\(|new URL\()\s*['"]\.{1,2}\/[^'"]*\.ts['"]/g) ?? [],
          `${name}/${f}`,
        ).toEqual([]);
      }
    }
    // The page's scrypt worker ships built, where web-pool.js points bundlers at it.
    const core = join(project, 'node_modules', '@keyport', 'core', 'dist', 'parallel');
    expect(readFileSync(join(core, 'web-pool.js'), 'utf8')).toContain(
      "new URL('./web-worker.js', import.meta.url)",
    );
    expect(readFileSync(join(core, 'web-worker.js'), 'utf8')).toContain("from '../scrypt/hash-wasm.js'");
  });

  it('plain Node ESM loads every subpath: unlock, pool, bundle, plan, apply, verify, light, profiles', () => {
    const file = join(project, 'version3.json');
    writeFileSync(file, V3_SR25519.json);
    const r = mustRun(process.execPath, ['run.mjs', file, V3_SR25519.password], project);
    expect(JSON.parse(r.stdout)).toEqual({
      version: '3',
      address: V3_SR25519.address,
      sameAsNative: true,
      wrong: 'WRONG_PASSWORD',
      written: 2,
      locked: 'PASSWORD_REQUIRED',
      shown: [{ key: `account:${V3_SR25519.publicKey}`, unlocked: true }],
      webPool: 'function',
      kind: 'account',
      firefox: {
        origin: 'https://example.org',
        entries: [{ key: `account:${V3_SR25519.publicKey}`, value: '{}' }],
      },
      crc32c: 'e3069283',
      profiles: 0,
    });
  });

  it('TypeScript 5.9 (nodenext, strict) type-checks a consumer, and rejects a wrong one', () => {
    expect(mustRun(process.execPath, [TSC_59, '--version'], project).stdout).toMatch(/^Version 5\.9\./);
    mustRun(process.execPath, [TSC_59, '-p', 'tsconfig.json'], project);
    const bad = run(process.execPath, [TSC_59, '-p', 'tsconfig.bad.json'], project);
    expect(bad.status).not.toBe(0);
    expect(bad.stdout.match(/error TS2322/g)?.length).toBe(3);
  });

  it('publint finds nothing to fix in any tarball', () => {
    for (const dir of [...LIBRARIES, 'apps/cli']) {
      const r = mustRun(
        process.execPath,
        [join(here, '..', 'node_modules', 'publint', 'src', 'cli.js'), tarball(dir)],
        project,
      );
      expect(r.stdout).toContain('All good!');
    }
  });

  it('are-the-types-wrong (ESM-only profile) finds no problem in the libraries', () => {
    const attw = join(dirname(require.resolve('@arethetypeswrong/cli/package.json')), 'dist', 'index.js');
    for (const dir of LIBRARIES) {
      const r = run(
        process.execPath,
        [attw, '--profile', 'esm-only', '--format', 'json', tarball(dir)],
        project,
      );
      // The ESM-only profile ignores node10 and require(): keyport ships ESM only.
      const problems = Object.values(JSON.parse(r.stdout).problems ?? {}).flat() as {
        resolutionKind?: string;
      }[];
      const shown = problems.filter((p) => !['node10', 'node16-cjs'].includes(p.resolutionKind ?? ''));
      expect(shown, `${dir}: ${JSON.stringify(shown).slice(0, 500)}`).toEqual([]);
      expect(r.status).toBe(0);
    }
  });
});
