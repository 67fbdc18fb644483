// Everything the bench takes from keyport's main entry, in one place, shared by the Node runner
// and the Chromium page (so nothing Node-only here).
export { DEFAULT_SCRYPT, openKeystore, unlockMany, wasmScrypt, wipe } from '@keyport/core';
