// store.js (under @polkadot/ui-settings) reads `global` when there is no `window`, as in a
// worker: give it the worker's global scope. Imported first by verify-worker.ts.
(globalThis as { global?: unknown }).global ??= globalThis;
