/**
 * The ui-keyring read-back in a Web Worker: @polkadot/ui-keyring (through ui-settings and
 * store.js) probes the global localStorage when it loads; a worker has none, so the read-back
 * never touches this page's own storage, whichever storage it checks (the page's own, or an
 * Apps tab's snapshot in bridge mode). One request per worker: items in, VerifyResult out.
 */
import './worker-global.ts';
import { MemoryStorage } from '@keyport/storage-migrate';
import { verifyWithUiKeyring } from '@keyport/storage-migrate/verify';

self.onmessage = (event: MessageEvent<readonly [string, string][]>) => {
  verifyWithUiKeyring(new MemoryStorage(event.data)).then(
    (result) => self.postMessage({ ok: true, result }),
    (e: unknown) => self.postMessage({ ok: false, message: e instanceof Error ? e.message : String(e) }),
  );
};
