/** Reads a loaded file in a one-off worker (read-worker.ts), so the page stays live. */
import type { ReadReply, ReadRequest } from './read-protocol.ts';

/** A failure of the worker's read, with the library's stable code (errorMessage shows it). */
export class ReadError extends Error {
  override readonly name = 'KeyportError';
  readonly code: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(reply: Extract<ReadReply, { kind: 'error' }>) {
    super(reply.message);
    this.code = reply.code;
    this.details = reply.details;
  }
}

/**
 * What `request.text` holds, read off the main thread.
 *
 * @throws ReadError for a file the library refuses; Error when the worker fails to start.
 * @example const reply = await readInWorker({ text, now: Date.now() })
 */
export function readInWorker(request: ReadRequest): Promise<Exclude<ReadReply, { kind: 'error' }>> {
  const worker = new Worker(new URL('./read-worker.ts', import.meta.url), {
    type: 'module',
    name: 'keyport-read',
  });
  return new Promise<Exclude<ReadReply, { kind: 'error' }>>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<ReadReply>) => {
      if (event.data.kind === 'error') reject(new ReadError(event.data));
      else resolve(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      reject(new Error(event.message || 'the file-reading worker failed to load'));
    };
    worker.postMessage(request);
  }).finally(() => worker.terminate());
}
