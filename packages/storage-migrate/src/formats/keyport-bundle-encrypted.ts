// Registry module of keyport's encrypted localStorage bundle (docs/bundle-format.md): only the
// counts are in clear; the passphrase opens the rest.
import { KeyportError, readScryptHeader } from '@keyport/core';
import { base64Decode } from '@polkadot/util-crypto';
import { isBase64, readBundleHeader } from '../bundle/decode.ts';
import type { BundleSummary } from '../bundle/types.ts';
import { bundleObject, summaryOf } from './bundle-facts.ts';
import { bundleEntries } from './keyport-bundle.ts';
import type { ImportFormat } from './types.ts';
import { objectOf } from './value.ts';

/** What detection reports for an encrypted bundle: its clear counts. */
export interface EncryptedBundleFacts {
  readonly format: 'keyport-bundle-encrypted';
  readonly summary: BundleSummary | null;
}

/**
 * An encrypted keyport bundle (scrypt + xsalsa20-poly1305 around a plain one).
 *
 * @example keyportBundleEncryptedFormat.seal // { label: 'Bundle passphrase', option: 'passphrase' }
 */
export const keyportBundleEncryptedFormat: ImportFormat<EncryptedBundleFacts> = {
  id: 'keyport-bundle-encrypted',
  label: 'an encrypted keyport bundle',
  holds: 'storage',
  seal: { label: 'Bundle passphrase', option: 'passphrase' },
  matchValue(value) {
    const obj = bundleObject(value);
    if (obj === undefined || !Object.hasOwn(obj, 'encryption')) return undefined;
    return { format: 'keyport-bundle-encrypted', summary: summaryOf(obj) };
  },
  describe: () => 'an encrypted keyport bundle',
  report({ value, text }) {
    const header = readBundleHeader(text ?? JSON.stringify(value));
    const { ciphertext } = objectOf(value, 'a bundle');
    if (typeof ciphertext === 'string' && !isBase64(ciphertext)) {
      throw new KeyportError('CORRUPT_DATA', 'ciphertext must be padded base64', { field: 'ciphertext' });
    }
    const scrypt =
      typeof ciphertext === 'string' ? readScryptHeader(base64Decode(ciphertext)).params : undefined;
    return {
      format: 'keyport-bundle-encrypted',
      version: String(header.version),
      encrypted: true,
      ...(scrypt ? { scrypt } : {}),
      accounts: [],
      details: { ...header.summary, note: 'items are inside the encrypted part (needs the passphrase)' },
    };
  },
  // decodeBundleValue reads both kinds: the plain module's reader, with the passphrase.
  entries: bundleEntries,
};
