// Core's formats, in the order detection asks them. Adding a format to core is one module under
// ../formats/ and one line here (docs/architecture.md, "How to add a format").
import { addressBookFormat } from '../formats/address-book.ts';
import { appsAccountsFormat } from '../formats/apps-accounts.ts';
import { bananaShardFormat } from '../formats/banana-split.ts';
import { batchFormat } from '../formats/batch.ts';
import { devUriFormat } from '../formats/dev-uri.ts';
import { keystoreFormat } from '../formats/keystore.ts';
import { mnemonicFormat } from '../formats/mnemonic.ts';
import { qrAddressFormat, qrSecretFormat } from '../formats/qr-text.ts';
import { rawSeedFormat } from '../formats/raw-seed.ts';
import { subkeyFormat } from '../formats/subkey-output.ts';
import { subwalletBatchFormat } from '../formats/subwallet-batch.ts';
import { web3Format } from '../formats/web3.ts';
import { createRegistry, type DetectedOf, type FallbackKind, type Registry } from './registry.ts';

/**
 * Core's format modules (keystores, batch files, Apps' arrays, secret texts), in detection order.
 * storage-migrate puts its storage formats around them.
 *
 * @example CORE_FORMATS.map((f) => f.id) // ['keystore', 'subwallet-batch', 'batch', …]
 */
export const CORE_FORMATS = [
  keystoreFormat,
  subwalletBatchFormat,
  batchFormat,
  appsAccountsFormat,
  addressBookFormat,
  web3Format,
  bananaShardFormat,
  subkeyFormat,
  qrAddressFormat,
  qrSecretFormat,
  devUriFormat,
  rawSeedFormat,
  mnemonicFormat,
] as const;

/** What core's detection found: one of its formats' facts, or unknown. Nothing in it is secret. */
export type Detected = DetectedOf<typeof CORE_FORMATS>;

/** Longer texts are no format core reads (the batch and Apps-array limit, 64 MiB). */
const MAX_TEXT_LENGTH = 64 << 20;

/**
 * Core's reason when no module claims the input.
 *
 * @example coreFallback('object') // 'JSON object without encoding.content'
 */
export function coreFallback(kind: FallbackKind, text?: string): string {
  if (kind === 'object') return 'JSON object without encoding.content';
  if (kind === 'array') return 'a JSON array in no format keyport reads';
  return text?.startsWith('"')
    ? 'text is a JSON string, not a JSON object or array'
    : 'text is not JSON and not a mnemonic';
}

/**
 * The registry of core's formats.
 *
 * @example coreRegistry.detect(fileText).detected.format // 'keystore'
 */
export const coreRegistry: Registry<Detected> = createRegistry<Detected>(CORE_FORMATS, {
  fallback: coreFallback,
  maxTextLength: MAX_TEXT_LENGTH,
});
