import { defineConfig, type Plugin } from 'vite';
import { META_CSP } from './scripts/csp.mjs';

/**
 * Writes the CSP <meta> into the built index.html in place of the `<!-- keyport:csp -->` marker
 * (right after the charset, before any script or stylesheet). Not in dev: Vite's HMR client
 * needs a socket, which connect-src 'none' forbids.
 */
function cspMeta(): Plugin {
  const marker = '<!-- keyport:csp -->';
  return {
    name: 'keyport-csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!html.includes(marker)) throw new Error(`index.html lacks the ${marker} marker`);
        const content = META_CSP.replace(/"/g, '&quot;');
        return html.replace(marker, `<meta http-equiv="Content-Security-Policy" content="${content}" />`);
      },
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [cspMeta()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    sourcemap: false,
    // ui-keyring + util-crypto (with the wasm inlined) make one ~500 kB lazy chunk by design.
    chunkSizeWarningLimit: 1024,
    rolldownOptions: {
      onLog(level, log, handler) {
        // store@2's json2.js polyfill contains an eval() that only runs where JSON is missing;
        // the page's CSP forbids eval anyway.
        if (log.code === 'EVAL' && log.id?.includes('json2')) return;
        handler(level, log);
      },
    },
  },
  worker: { format: 'es' },
});
