// What any account or contact file holds (core's Holdings) as the `account:0x…` / `address:0x…`
// items ui-keyring would store for it: one conversion for every such format, so adding a format
// of accounts to core needs nothing here.
import { type AppsExternalAccount, type Holdings, KeyportError, type KeystoreJson } from '@keyport/core';
import type { BundleEntry } from '../bundle/types.ts';
import type { ImportBody } from '../formats/types.ts';
import { compareKeys } from '../storage.ts';
import type { SkippedItem } from './dumps.ts';
import { addressBookEntries, externalEntry, type KeyringContext, keystoreEntries } from './keyring.ts';

/** externalEntry for item `index` of an Apps array; every failure is a KeyportError naming the index. */
function keylessEntry(item: AppsExternalAccount, index: number, ctx: KeyringContext) {
  try {
    return externalEntry(item, ctx);
  } catch (e) {
    if (e instanceof KeyportError) {
      throw new KeyportError(e.code, `Apps accounts export [${index}]: ${e.message}`, {
        ...e.details,
        index,
      });
    }
    // @polkadot/keyring or util-crypto refused the key (e.g. not a curve point): say where, not what.
    throw new KeyportError(
      'INVALID_INPUT',
      `Apps accounts export [${index}]: this keyless entry's address or public key is not a valid key of its type`,
      { index, field: `[${index}].address` },
    );
  }
}

/**
 * The storage items for `holdings`: keystores as stored (a later record of an account replaces
 * an earlier one), keyless entries as addExternal stores them (an extension's injected accounts
 * and keyless copies of held accounts left out), contacts as saveAddress stores them.
 *
 * @throws what keystoreEntry, externalEntry and addressBookEntries throw.
 * @example holdingsEntries(await batchFormat.open(found, { password }), { now })
 */
export function holdingsEntries(holdings: Holdings, ctx: KeyringContext): ImportBody {
  const keystores: KeystoreJson[] = [];
  const positions: number[] = [];
  for (const a of holdings.accounts) {
    if ('keystore' in a) {
      keystores.push(a.keystore);
      positions.push(a.index);
    }
  }
  const converted = keystoreEntries(keystores, positions);
  const warnings = [...converted.warnings];
  const skipped: SkippedItem[] = [...converted.skipped];
  for (const s of holdings.skipped) {
    skipped.push({ index: s.index, reason: s.reason });
    const address = s.address === undefined ? '' : ` (${JSON.stringify(s.address)})`;
    warnings.push(
      `batch entry ${s.index}${address} is not imported: key type ${JSON.stringify(s.keyType ?? '?')} is not one Apps can hold (sr25519, ed25519, ecdsa, ethereum)`,
    );
  }
  const byKey = new Map<string, BundleEntry>(converted.entries.map((e) => [e.key, e]));
  for (const a of holdings.accounts) {
    if (!('external' in a)) continue;
    if (a.external.meta.isInjected) {
      skipped.push({
        index: a.index,
        reason: 'an extension (injected) account: Apps never stores it; move it with the extension',
      });
      continue;
    }
    const { entry, warning } = keylessEntry(a.external, a.index, ctx);
    if (warning) warnings.push(warning);
    if (byKey.has(entry.key)) {
      skipped.push({
        key: entry.key,
        index: a.index,
        reason: 'a keyless copy of an account the file also holds with its key',
      });
    } else byKey.set(entry.key, entry);
  }
  const entries = [...byKey.values()];
  if (holdings.contacts.length > 0) {
    const book = addressBookEntries(holdings.contacts, ctx);
    entries.push(...book.entries);
    skipped.push(...book.skipped);
    warnings.push(...book.warnings);
  }
  if (holdings.extras !== undefined) {
    warnings.push(
      'SubWallet account groups (accountProxies, modifyPairs) are not part of Apps storage and are not imported',
    );
  }
  return { entries: entries.sort((a, b) => compareKeys(a.key, b.key)), skipped, warnings };
}
