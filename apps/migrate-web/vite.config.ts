import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Plugin, type Rolldown } from 'vite';
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

const BOOKMARKLET_ID = 'virtual:keyport-bookmarklet';
const BOOKMARKLET_ENTRY = fileURLToPath(new URL('./src/bookmarklet/entry.ts', import.meta.url));

/**
 * Builds src/bookmarklet/entry.ts as one minified IIFE, `var keyportBookmarklet=…`, whose value
 * is the entry's function (src/bookmarklet/view.ts calls it with the page's URL).
 *
 * @example const code = await buildBookmarklet(); code.length // about 4 kB
 */
export async function buildBookmarklet(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      lib: {
        entry: BOOKMARKLET_ENTRY,
        formats: ['iife'],
        name: 'keyportBookmarklet',
        fileName: () => 'bookmarklet.js',
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk');
  if (chunk?.type !== 'chunk') throw new Error('the bookmarklet build produced no chunk');
  return chunk.code.trim();
}

/** `import code from 'virtual:keyport-bookmarklet'` gives buildBookmarklet()'s script. */
function bookmarklet(): Plugin {
  return {
    name: 'keyport-bookmarklet',
    resolveId: (id) => (id === BOOKMARKLET_ID ? `\0${BOOKMARKLET_ID}` : undefined),
    async load(id) {
      if (id !== `\0${BOOKMARKLET_ID}`) return undefined;
      this.addWatchFile(BOOKMARKLET_ENTRY);
      return `export default ${JSON.stringify(await buildBookmarklet())};`;
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [cspMeta(), bookmarklet()],
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
