// A secret file's text as derive and locate take it: a secret URI as it is, or the secret inside
// a QR payload (qr-text.ts) or subkey output (subkey-output.ts), found through the format
// registry's `secret`, with the key type those settle and a warning wherever a meaning is
// assumed (docs/rescue-formats.md "QR texts", "subkey").
import type { RawKeyCandidate } from './derive/raw-secret.ts';
import { KeyportError } from './errors.ts';
import type { KeyType } from './keystore/types.ts';
import { coreRegistry } from './registry/core.ts';

/** What {@link readSecretInput} found. Secrets inside: wipe `key.secretKey` after use. */
export interface SecretInput {
  /** Where the secret came from. */
  readonly source: 'text' | 'qr-vault' | 'qr-subwallet' | 'qr-suri' | 'subkey';
  /** A secret URI for deriveAccount / readLocateSecret. */
  readonly secret?: string;
  /** A ready key pair (SubWallet's secret QR), matched against its public key. */
  readonly key?: RawKeyCandidate;
  /** The key type the input settles, when it does. */
  readonly type?: KeyType;
  readonly warnings: readonly string[];
}

/**
 * Reads a secret file's text through core's format registry: a format that holds a secret (a
 * QR payload, subkey output) gives the secret inside it, and one that was meant but is broken
 * gives its own typed error; any other text is the secret itself.
 *
 * @throws INVALID_INPUT for an address QR (no secret in it), what parseQrText,
 * parseSubkeyOutput and subkeyKeyType throw.
 * @example const input = await readSecretInput(fileText); if (input.key) … else deriveAccount({ secret: input.secret!, type: input.type })
 */
export async function readSecretInput(text: string): Promise<SecretInput> {
  if (typeof text !== 'string')
    throw new KeyportError('INVALID_INPUT', 'the secret is not text', { field: '$' });
  const found = coreRegistry.detect(text);
  const id = found.detected.format === 'unknown' ? found.missedBy : found.detected.format;
  const module = id === undefined ? undefined : coreRegistry.byId(id);
  if (module?.secret) return module.secret(found);
  return { source: 'text', secret: text, warnings: [] };
}
