// The messages between a scrypt pool and its workers. One request at a time per worker; the
// reply carries the request's id. Node's inline worker (node-pool.ts) speaks the same shapes in
// plain JavaScript.
import type { ScryptBackend } from '../scrypt/backend.ts';

/** What the pool posts to a worker: one scrypt call. */
export interface ScryptRequest {
  readonly id: number;
  readonly password: Uint8Array;
  readonly salt: Uint8Array;
  readonly N: number;
  readonly p: number;
  readonly r: number;
}

/** What a worker posts back: the 64-byte key, or the reason scrypt failed (never a secret). */
export type ScryptReply =
  | { readonly id: number; readonly ok: true; readonly key: Uint8Array }
  | { readonly id: number; readonly ok: false; readonly message: string };

function isRequest(data: unknown): data is ScryptRequest {
  const d = data as Partial<ScryptRequest> | null;
  return (
    typeof d === 'object' &&
    d !== null &&
    typeof d.id === 'number' &&
    d.password instanceof Uint8Array &&
    d.salt instanceof Uint8Array &&
    typeof d.N === 'number' &&
    typeof d.p === 'number' &&
    typeof d.r === 'number'
  );
}

/**
 * Runs one request with `scrypt` inside a worker and builds the reply; never throws. The
 * worker's copy of the password is zeroed afterwards.
 *
 * @example scope.onmessage = async (e) => scope.postMessage(await answerScryptRequest(e.data, wasmScrypt))
 */
export async function answerScryptRequest(data: unknown, scrypt: ScryptBackend): Promise<ScryptReply> {
  if (!isRequest(data)) {
    const id = typeof (data as { id?: unknown } | null)?.id === 'number' ? (data as { id: number }).id : -1;
    return { id, ok: false, message: 'a scrypt request needs id, password, salt, N, p and r' };
  }
  try {
    const key = await scrypt(data.password, data.salt, { N: data.N, p: data.p, r: data.r });
    return { id: data.id, ok: true, key };
  } catch (error) {
    return { id: data.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  } finally {
    data.password.fill(0);
  }
}

/** True when `data` is a well-formed reply to request `id`. */
export function isReplyTo(data: unknown, id: number): data is ScryptReply {
  const d = data as { id?: unknown; ok?: unknown; key?: unknown; message?: unknown } | null;
  if (typeof d !== 'object' || d === null || d.id !== id) return false;
  return d.ok === true
    ? d.key instanceof Uint8Array && d.key.length === 64
    : d.ok === false && typeof d.message === 'string';
}
