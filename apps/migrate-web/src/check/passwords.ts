/**
 * "Check passwords": which accounts of a bundle can be checked, and the check itself. Each check
 * is core's openKeystore (scrypt, decrypt, secret → public key → address), with scrypt from an
 * injected backend: the page passes core's Web Worker pool, so the main thread never runs scrypt.
 */
import { describeKeystore, openKeystore, type ScryptBackend, unlockMany, wipe } from '@keyport/core';
import { errorCode } from '../messages.ts';

/** An account of a bundle that holds an encrypted key. */
export interface CheckableAccount {
  /** The storage key (`account:0x…`): also the id of its password field. */
  readonly key: string;
  readonly name: string;
  readonly type: string;
  readonly address: string;
  /** The stored keystore JSON text. */
  readonly json: string;
}

/**
 * The accounts among `entries` whose stored JSON holds an encrypted key (keyless and unreadable
 * records are skipped: they have no password).
 *
 * @example checkableAccounts(bundle.entries).map((a) => a.name)
 */
export function checkableAccounts(entries: readonly { key: string; value: string }[]): CheckableAccount[] {
  const out: CheckableAccount[] = [];
  for (const { key, value } of entries) {
    if (!key.startsWith('account:')) continue;
    let info: ReturnType<typeof describeKeystore>;
    try {
      info = describeKeystore(value);
    } catch (e) {
      if (errorCode(e) === undefined) throw e;
      continue; // not a keystore keyport can read: nothing to check
    }
    if (!info.encrypted || !info.hasSecret) continue;
    out.push({
      key,
      name: info.name ?? '',
      type: info.keyType ?? 'ed25519 (legacy)',
      address: info.address,
      json: value,
    });
  }
  return out;
}

/** The outcome of one account's check; `code` is a KeyportError code when it failed. */
export type CheckResult =
  | { readonly key: string; readonly ok: true }
  | { readonly key: string; readonly ok: false; readonly code: string; readonly message: string };

/** Options of checkPasswords. */
export interface CheckOptions {
  /** scrypt for every check (the page passes a Web Worker pool, tests a node backend). */
  readonly scrypt: ScryptBackend;
  /** How many checks run at once; default all (a pool queues them on its workers). */
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Tries each (account, password) pair through core's unlockMany. A failing check never stops
 * the others. The unlocked secret key is wiped at once: only ok / not ok is kept.
 *
 * @throws KeyportError CANCELLED when `signal` aborts; any error that is not a KeyportError.
 * @example await checkPasswords([{ account, password }], { scrypt: pool, onProgress })
 */
export async function checkPasswords(
  items: readonly { readonly account: CheckableAccount; readonly password: string }[],
  options: CheckOptions,
): Promise<CheckResult[]> {
  const settled = await unlockMany(
    items,
    async ({ account, password }) => {
      wipe(await openKeystore(account.json, password, { scrypt: options.scrypt }));
    },
    {
      concurrency: options.concurrency ?? Math.max(1, items.length),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      onProgress: ({ done, total }) => options.onProgress?.(done, total),
    },
  );
  return settled.map((r, i): CheckResult => {
    const key = (items[i] as { account: CheckableAccount }).account.key;
    if (r.ok) return { key, ok: true };
    const code = errorCode(r.error);
    if (code === undefined) throw r.error;
    return { key, ok: false, code, message: (r.error as Error).message };
  });
}
