import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { offlinePlugin } from './pwa.js';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/** The browser app, built into dist/web and served by the tracktwo server. */
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), offlinePlugin()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Each screen is its own chunk; the participant page must stay small on a slow phone connection.
    chunkSizeWarningLimit: 600,
  },
  worker: { format: 'es' },
  server: { proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? '8080'}` } },
});
