// Everything the bench takes from keyport's main entry, in one place, shared by the Node runner
// and the Chromium page (so nothing Node-only here).
export { DEFAULT_SCRYPT, openKeystore, wasmScrypt, wipe } from '@keyport/core';
// TODO(integrator): import unlockMany from '@keyport/core' once index.ts re-exports it.
export { unlockMany } from '../../../packages/core/src/parallel/unlock-many.ts';
