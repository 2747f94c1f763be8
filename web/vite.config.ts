import { fileURLToPath } from 'node:url';
import { constants } from 'node:zlib';
import { build, defineConfig, type Plugin, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { offlinePlugin } from './pwa.js';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const page = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The light participant page (p/index.html: join, vote, answer a survey) runs the same screens on
 * preact/compat instead of React (about 50 KB less over the line, see bench/README.md "Slow line"). An
 * alias applies to a whole build, so that page is a second pass of this config into the same directory,
 * run when the convener's app is written; its chunks are its own, named by their hashes like the rest.
 */
const preactAliases = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
  { find: /^react$/, replacement: 'preact/compat' },
];

/** Every text file gets a .br and a .gz beside it, at the strongest settings, sent as they are. */
function precompress(): Plugin[] {
  return compression({
    include: /\.(html|js|mjs|css|json|svg|txt|webmanifest)$/,
    threshold: 1024,
    algorithms: [
      defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      defineAlgorithm('gzip', { level: 9 }),
    ],
    logLevel: 'silent',
  }) as unknown as Plugin[];
}

function shared(outDir: string): UserConfig {
  return {
    root: webRoot,
    base: '/',
    build: {
      outDir,
      target: 'es2022',
      sourcemap: false,
      // Each screen is its own chunk; the participant page must stay small on a slow phone connection.
      chunkSizeWarningLimit: 600,
    },
    worker: { format: 'es' },
  };
}

/** After the convener's app is written, builds the light participant page beside it. */
function lightPage(): Plugin {
  let outDir = '';
  let logLevel: UserConfig['logLevel'];
  let mode = 'production';
  return {
    name: 'tracktwo-light-page',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
      logLevel = config.logLevel;
      mode = config.mode;
    },
    async closeBundle() {
      const base = shared(outDir);
      await build({
        ...base,
        configFile: false,
        mode,
        logLevel,
        // The service worker and the manifest belong to the participant page only: its worker precaches
        // this pass's files (under p/), never the convener's app.
        plugins: [react(), precompress(), offlinePlugin()],
        resolve: { alias: preactAliases },
        build: {
          ...base.build,
          assetsDir: 'p/assets',
          emptyOutDir: false,
          rollupOptions: { input: { participant: page('./p/index.html') } },
        },
      });
    },
  };
}

/** The browser app, built into dist/web and served by the tracktwo server (src/server/web-app.ts). */
export default defineConfig(() => {
  const base = shared(page('../dist/web'));
  return {
    ...base,
    plugins: [react(), precompress(), lightPage()],
    build: {
      ...base.build,
      emptyOutDir: true,
      rollupOptions: { input: { main: page('./index.html') } },
    },
    server: { proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? '8080'}` } },
  };
});
