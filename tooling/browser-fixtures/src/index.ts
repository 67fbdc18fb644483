// @keyport/browser-fixtures: real browser profiles made during a test run. Named re-exports only.
export { appsLikeStorage, FIXTURE_PASSWORD, uiKeyringEntries } from './apps-data.ts';
export {
  CHROMIUM,
  CHROMIUM_FLAGS,
  type ChromiumSessionOptions,
  chromiumSession,
  extensionWorker,
  haveChromium,
  writeLocalStorage,
} from './chromium.ts';
export {
  TEST_EXTENSION_GECKO_ID,
  type WalletFixture,
  walletStorage,
  writeTestExtension,
} from './extension.ts';
export { FIREFOX, firefoxSession, firefoxWriteLocalStorage, haveFirefox } from './firefox.ts';
export { asShadowWritten, type LegacyFirefoxFixture, makeFirefoxLegacyFixture } from './legacy.ts';
export { makeChromiumFixture, makeFirefoxFixture, type ProfileFixture } from './profiles.ts';
export { type OriginServer, startOriginServer } from './server.ts';
