import { defineConfig } from 'vite';

// The Chromium bench page: page/index.html → dist/, with the scrypt Web Worker as its own chunk.
export default defineConfig({
  root: 'page',
  base: './',
  build: { target: 'es2022', outDir: '../dist', emptyOutDir: true, chunkSizeWarningLimit: 2048 },
  worker: { format: 'es' },
});
