// Talisman's accounts (docs/browser-profiles.md §5). Versions up to 2024 keep polkadot-js
// keystores under `account:0x…`, but encrypted with a password derived from the user's: the
// `password` store holds `{salt, isTrimmed, isHashed}`, and the keyring password is
// `bcrypt(isTrimmed ? pw.trim() : pw, salt)` when isHashed (Talisman's store.password.ts).
// Newer versions keep one `keyring` object whose secrets are AES-GCM sealed under a key derived
// from that same string; keyport lists those accounts but does not open them.
import {
  changeKeystorePassword,
  isPlainObject,
  KeyportError,
  type KeystoreJson,
  type ScryptBackend,
} from '@keyport/core';
import { hash } from 'bcryptjs';
import type { ExtensionStore } from './store.ts';
import { isAccountRecord, type WalletAccount, walletAccounts } from './wallets.ts';

/**
 * The password Talisman encrypted its keyring records with, from the user's password and the
 * store's `password` record.
 *
 * @throws UNSUPPORTED_FORMAT when the store has no usable `password` record.
 * @example const keyringPassword = await talismanKeyringPassword(store, 'my talisman password')
 */
export async function talismanKeyringPassword(store: ExtensionStore, password: string): Promise<string> {
  const record = store.entries.find((e) => e.key === 'password')?.value;
  if (!isPlainObject(record)) {
    throw new KeyportError('UNSUPPORTED_FORMAT', 'this Talisman storage has no password record (salt)', {
      field: 'password',
    });
  }
  const plain = record.isTrimmed === true ? password.trim() : password;
  if (record.isHashed !== true) return plain;
  if (typeof record.salt !== 'string' || !/^\$2[abxy]?\$\d\d\$[./A-Za-z0-9]{22}$/.test(record.salt)) {
    throw new KeyportError('UNSUPPORTED_FORMAT', 'the Talisman password record has no bcrypt salt', {
      field: 'password.salt',
    });
  }
  return hash(plain, record.salt);
}

/** What exportTalismanAccounts returns. */
export interface TalismanExport {
  /** The keystore records, re-encrypted under the user's own password: [storage key, keystore]. */
  readonly keystores: readonly (readonly [string, KeystoreJson])[];
  /** Accounts of the newer keyring, which keyport cannot open: listed with the reason. */
  readonly notExported: readonly WalletAccount[];
}

/**
 * Opens Talisman's `account:0x…` keystores with the derived password and re-encrypts each under
 * the user's own password (same scrypt parameters): standard keystores that Apps, the
 * polkadot{.js} extension and keyport open with that password.
 *
 * @throws WRONG_PASSWORD (the password is not the Talisman password), UNSUPPORTED_FORMAT.
 * @example const { keystores } = await exportTalismanAccounts(store, pw, { scrypt: nodeScrypt })
 */
export async function exportTalismanAccounts(
  store: ExtensionStore,
  password: string,
  opts: { readonly scrypt?: ScryptBackend } = {},
): Promise<TalismanExport> {
  const records = store.entries.filter(isAccountRecord);
  const notExported = walletAccounts(store).filter((a) => a.storage === 'talisman-keyring');
  if (records.length === 0) return { keystores: [], notExported };
  const keyringPassword = await talismanKeyringPassword(store, password);
  const keystores: [string, KeystoreJson][] = [];
  for (const r of records) {
    keystores.push([r.key, await changeKeystorePassword(r.value, keyringPassword, password, opts)]);
  }
  return { keystores, notExported };
}
