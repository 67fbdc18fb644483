// Names which of core's formats a file or a pasted text is, without a password and without
// echoing any secret: core's registry (registry/core.ts) asked in order. storage-migrate's
// detectInput adds the storage formats.
import { coreRegistry, type Detected } from './registry/core.ts';

export type { Detected } from './registry/core.ts';

/**
 * Detects the format of `input`: text as read from a file or a paste (a UTF-8 BOM is stripped,
 * CRLF and surrounding whitespace are fine), or an already parsed JSON value.
 * Formats: `keystore`, `batch` (extension "export all"), `subwallet-batch` (batch plus
 * `accountProxies`/`modifyPairs`), `apps-accounts` (Apps' export-all array), `address-book`
 * (Apps' `[{address, name, isFavorite}]`), `mnemonic`, `raw-seed` (`0x` + 64 hex), `dev-uri`
 * (`//Alice`), else `unknown` with a human `reason`. Never throws and never echoes secrets.
 *
 * @example detectFormat(fileText) // { format: 'keystore', version: '3', keyType: 'sr25519', encrypted: true, address: '5Grw…' }
 * @example detectFormat('hello') // { format: 'unknown', reason: 'text is not JSON and not a mnemonic' }
 */
export function detectFormat(input: unknown): Detected {
  return coreRegistry.detect(input).detected;
}
