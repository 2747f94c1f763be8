import { VitePWA } from 'vite-plugin-pwa';

/**
 * The installable, offline-capable participant pages (issue 14): a web app manifest and a service worker
 * built from web/src/offline/sw.ts (workbox, injectManifest), which precaches the shell. Nothing is
 * downloaded at build time; the worker is registered by the participant pages themselves.
 */
export function offlinePlugin() {
  return VitePWA({
    strategies: 'injectManifest',
    srcDir: 'src/offline',
    filename: 'sw.ts',
    injectRegister: false,
    registerType: 'autoUpdate',
    manifest: {
      name: 'tracktwo',
      short_name: 'tracktwo',
      description: 'Dialogues and surveys for citizen diplomacy, also without a line.',
      start_url: '/p/',
      scope: '/p/',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#1d4f91',
      icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
    },
    injectManifest: {
      // Only the participant page (p/index.html and its p/assets), not the convener's app: a phone on 3G
      // fetches what it needs to vote offline, nothing more.
      globPatterns: ['p/**/*.{js,css,html,svg,woff2}', 'icon.svg'],
      maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
    },
    devOptions: { enabled: false },
  });
}
