/** Runs the ui-keyring read-back (verify-worker.ts) over a storage's items in a one-off worker. */
import type { VerifyResult } from '@keyport/storage-migrate/verify';

/**
 * What Apps would show from `items`, read by the real @polkadot/ui-keyring in a Web Worker.
 *
 * @throws Error when the worker fails to load or the read-back throws.
 * @example const shown = await verifyInWorker(readAll(store.view()))
 */
export function verifyInWorker(items: readonly (readonly [string, string])[]): Promise<VerifyResult> {
  const worker = new Worker(new URL('./verify-worker.ts', import.meta.url), {
    type: 'module',
    name: 'keyport-verify',
  });
  return new Promise<VerifyResult>((resolve, reject) => {
    worker.onmessage = (
      event: MessageEvent<{ ok: true; result: VerifyResult } | { ok: false; message: string }>,
    ) => {
      if (event.data.ok) resolve(event.data.result);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      reject(new Error(event.message || 'the ui-keyring worker failed to load'));
    };
    worker.postMessage(items);
  }).finally(() => worker.terminate());
}
