/**
 * Step 1's lazy half: dump this origin's storage into a keyport bundle with
 * @keyport/storage-migrate, optionally encrypted (scrypt in a Web Worker, so the page stays live).
 */
import { createWebScryptPool } from '@keyport/core/web-pool';
import { dumpStorage, encodeBundle, type StorageLike } from '@keyport/storage-migrate';

/** What makeBundle returns: the file text and how many entries it holds. */
export interface MadeBundle {
  readonly text: string;
  readonly entries: number;
}

/**
 * Dumps `storage` byte for byte and encodes it; an empty passphrase means a plain bundle.
 *
 * @throws whatever dumpStorage / encodeBundle throw (CORRUPT_DATA if the storage changes meanwhile).
 * @example const { text } = await makeBundle(localStorage, { origin: location.origin, now: new Date(), passphrase: '' })
 */
export async function makeBundle(
  storage: StorageLike,
  opts: { readonly origin: string; readonly now: Date; readonly passphrase: string },
): Promise<MadeBundle> {
  const bundle = dumpStorage(storage, { origin: opts.origin, now: () => opts.now.getTime() });
  if (opts.passphrase === '') return { text: await encodeBundle(bundle), entries: bundle.entries.length };
  const pool = createWebScryptPool({ size: 1 });
  try {
    const text = await encodeBundle(bundle, { passphrase: opts.passphrase, scrypt: pool });
    return { text, entries: bundle.entries.length };
  } finally {
    await pool.close();
  }
}
