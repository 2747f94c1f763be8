/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { isParticipantRead } from './cache-rules.js';

/**
 * The service worker (built by vite-plugin-pwa, injectManifest): the app's shell is precached, so the
 * participant dialogue page and the survey answer page open without a line after one visit; the
 * participant's own dialogue reads (the dialogue, its statements, the next statement) go network-first
 * with the last answer as fallback. Nothing else of the API is ever cached: no convener read, nothing
 * with names (see cache-rules.ts). Votes and answers are not queued here but in the page's IndexedDB
 * outbox (offline/queue.ts), which a cleared HTTP cache does not touch.
 */
declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: (string | { url: string; revision: string | null })[];
};

self.skipWaiting();
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// The participant page routes after the `#`: every page under /p/ is p/index.html. The convener's app is
// never served from here (it is not precached: it holds pseudonyms and is not for offline use).
registerRoute(new NavigationRoute(createHandlerBoundToURL('/p/index.html'), { allowlist: [/^\/p\//] }));

registerRoute(
  ({ request, url }) =>
    url.origin === self.location.origin &&
    isParticipantRead(request.method, url.pathname, request.headers.has('x-participant-token')),
  new NetworkFirst({
    cacheName: 'tracktwo-participant-reads',
    networkTimeoutSeconds: 10,
    plugins: [{ cacheWillUpdate: async ({ response }) => (response.status === 200 ? response : null) }],
  }),
);
