// The page's Content-Security-Policy, in one place: vite.config.ts writes it into index.html as a
// <meta http-equiv>, scripts/serve.mjs sends it as a header (plus the directives a meta tag cannot
// carry). Plain JavaScript so `node scripts/serve.mjs` needs no build step.
//
// - script-src 'self' 'wasm-unsafe-eval': our own chunks only; polkadot's wasm-crypto embeds its
//   wasm as bytes and compiles it with WebAssembly.instantiate, which needs 'wasm-unsafe-eval'
//   (not 'unsafe-eval'). No inline script, no eval.
// - worker-src 'self': the scrypt workers are our own files (no blob: workers).
// - connect-src 'none': the page never fetches, opens a socket or beacons anything.
// - style-src 'self': one stylesheet file; no inline style attributes.
// - img-src data:: only the empty `data:,` favicon.

/** Directives valid in a <meta http-equiv="Content-Security-Policy">. */
export const META_CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  'img-src data:',
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The header adds what a meta tag ignores: nobody may frame the page. */
export const HEADER_CSP = `${META_CSP}; frame-ancestors 'none'`;
