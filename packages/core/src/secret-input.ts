// A secret file's text as derive and locate take it: a secret URI as it is, or the secret inside
// a QR payload (qr-text.ts) or subkey output (subkey-output.ts), with the key type those settle
// and a warning wherever a meaning is assumed (docs/rescue-formats.md "QR texts", "subkey").
import type { RawKeyCandidate } from './derive/raw-secret.ts';
import { KeyportError } from './errors.ts';
import type { KeyType } from './keystore/types.ts';
import { isQrText, parseQrText } from './qr-text.ts';
import { isSubkeyOutput, parseSubkeyOutput, subkeyKeyType } from './subkey-output.ts';

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
 * Reads a secret file's text: a QR payload or subkey output gives the secret inside it; any
 * other text is the secret itself.
 *
 * @throws INVALID_INPUT for an address QR (no secret in it), what parseQrText,
 * parseSubkeyOutput and subkeyKeyType throw.
 * @example const input = await readSecretInput(fileText); if (input.key) … else deriveAccount({ secret: input.secret!, type: input.type })
 */
export async function readSecretInput(text: string): Promise<SecretInput> {
  if (typeof text !== 'string')
    throw new KeyportError('INVALID_INPUT', 'the secret is not text', { field: '$' });
  if (isQrText(text)) {
    const qr = parseQrText(text);
    if (qr.kind === 'address') {
      throw new KeyportError('INVALID_INPUT', `the QR text is a ${qr.scheme} address, not a secret`, {
        field: 'prefix',
      });
    }
    const warnings = [...qr.warnings];
    if (qr.producer === 'subwallet' && qr.key)
      return { source: 'qr-subwallet', key: qr.key, type: qr.key.type, warnings };
    return {
      source: qr.producer === 'vault' ? 'qr-vault' : 'qr-suri',
      secret: qr.secret!,
      ...(qr.type ? { type: qr.type } : {}),
      warnings,
    };
  }
  if (isSubkeyOutput(text) || /^\s*\{[\s\S]*"secretSeed"/.test(text)) {
    const output = parseSubkeyOutput(text);
    const type = await subkeyKeyType(output);
    return {
      source: 'subkey',
      secret: output.secret,
      type,
      warnings: [`subkey output: the ${type} key it prints`],
    };
  }
  return { source: 'text', secret: text, warnings: [] };
}
