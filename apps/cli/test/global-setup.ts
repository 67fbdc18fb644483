// Generates the upstream-made fixtures once per run (see fixtures.ts) and hands their directory
// and facts to every test file through vitest's provide/inject.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { type FixtureFacts, makeFixtures } from './fixtures.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureDir: string;
    fixtureFacts: FixtureFacts;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'keyport-cli-fixtures-'));
  project.provide('fixtureDir', dir);
  project.provide('fixtureFacts', await makeFixtures(dir));
  return () => rmSync(dir, { recursive: true, force: true });
}
