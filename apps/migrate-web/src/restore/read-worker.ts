/**
 * Reading a loaded file in a Web Worker: a console copy of a large storage (tens of MB of JSON
 * inside a string literal) takes seconds to unwrap and parse, and the page stays live meanwhile.
 * One request per worker: the file's text (and the passphrase or password, when the person
 * typed one) in, the storage items out, or an undo bundle, or what the file is locked with.
 * Decryption runs in core's scrypt worker pool, started from here.
 */
import { createWebScryptPool } from '@keyport/core/web-pool';
import { decodeBundle, detectInput, innermostFormat, readImportInput } from '@keyport/storage-migrate';
import type { ReadReply, ReadRequest } from './read-protocol.ts';

async function read({ text, secret, now }: ReadRequest): Promise<ReadReply> {
  const detected = detectInput(text);
  const sealed = innermostFormat(detected)?.seal;
  const pool = secret === undefined ? undefined : createWebScryptPool({ size: 1 });
  const crypto = {
    ...(secret === undefined ? {} : { passphrase: secret, password: secret }),
    ...(pool ? { scrypt: pool } : {}),
  };
  try {
    if (detected.format === 'keyport-bundle' && detected.undo) {
      return { kind: 'undo', undo: await decodeBundle(text), encrypted: false };
    }
    try {
      const source = await readImportInput(text, { now: () => now, ...crypto });
      return { kind: 'source', source, encrypted: sealed?.option === 'passphrase' };
    } catch (e) {
      // An encrypted undo bundle (the undo of an encrypted import) is refused as an import: it undoes.
      if (detected.format !== 'keyport-bundle-encrypted' || secret === undefined) throw e;
      if ((e as { code?: unknown }).code !== 'INVALID_INPUT') throw e;
      const bundle = await decodeBundle(text, crypto);
      if (bundle.undo === undefined) throw e;
      return { kind: 'undo', undo: bundle, encrypted: true };
    }
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'PASSWORD_REQUIRED' && secret === undefined) {
      return { kind: 'locked', label: sealed?.label ?? 'Passphrase or password' };
    }
    const details = (e as { details?: unknown }).details;
    return {
      kind: 'error',
      ...(typeof code === 'string' ? { code } : {}),
      message: e instanceof Error ? e.message : String(e),
      ...(details && typeof details === 'object' ? { details: JSON.parse(JSON.stringify(details)) } : {}),
    };
  } finally {
    await pool?.close();
  }
}

self.onmessage = (event: MessageEvent<ReadRequest>) => {
  void read(event.data).then((reply) => self.postMessage(reply));
};
