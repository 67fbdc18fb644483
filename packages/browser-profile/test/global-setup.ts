// Makes the real Chromium and Firefox profiles once per run (tooling/browser-fixtures) and hands
// their facts to the browser tests. Fails loudly when a browser is missing: these tests must run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CHROMIUM,
  FIREFOX,
  haveChromium,
  haveFirefox,
  type LegacyFirefoxFixture,
  makeChromiumFixture,
  makeFirefoxFixture,
  makeFirefoxLegacyFixture,
  type ProfileFixture,
} from '@keyport/browser-fixtures';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    profileRoot: string;
    chromiumFixture: ProfileFixture;
    firefoxFixture: ProfileFixture;
    firefoxLegacyFixture: LegacyFirefoxFixture;
  }
}

export default async function setup(project: TestProject) {
  const missing = [
    !haveChromium() && `Chromium (${CHROMIUM}: apt-get install -y chromium)`,
    !haveFirefox() && `Firefox ESR (${FIREFOX}: apt-get install -y firefox-esr)`,
  ].filter(Boolean);
  if (missing.length > 0)
    throw new Error(`the browser-profile tests need real browsers; missing: ${missing.join(', ')}`);
  const root = mkdtempSync(join(tmpdir(), 'keyport-profiles-'));
  project.provide('profileRoot', root);
  project.provide('chromiumFixture', await makeChromiumFixture(root));
  project.provide('firefoxFixture', await makeFirefoxFixture(root));
  project.provide('firefoxLegacyFixture', await makeFirefoxLegacyFixture(root));
  return () => rmSync(root, { recursive: true, force: true });
}
