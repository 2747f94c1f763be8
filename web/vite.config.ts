import { fileURLToPath } from 'node:url';
import { constants } from 'node:zlib';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * The browser app, built into dist/web and served by the tracktwo server. Two entries: the convener's app
 * (index.html) and the light participant page (p/index.html: join, vote, answer a survey), which shares
 * the screens' chunks but none of the convener's. Every text file gets a .br and a .gz beside it, at the
 * strongest settings, which the server sends as they are (src/server/web-app.ts).
 */
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [
    react(),
    compression({
      include: /\.(html|js|mjs|css|json|svg|txt|webmanifest)$/,
      threshold: 1024,
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        defineAlgorithm('gzip', { level: 9 }),
      ],
      logLevel: 'silent',
    }),
  ],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Each screen is its own chunk; the participant page must stay small on a slow phone connection.
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        participant: fileURLToPath(new URL('./p/index.html', import.meta.url)),
      },
    },
  },
  worker: { format: 'es' },
  server: { proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? '8080'}` } },
});
