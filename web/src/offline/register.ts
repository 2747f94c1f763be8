/**
 * Registers the service worker (a dev server has none: the registration fails quietly), from the participant pages
 * that should open offline. Resolves once a worker controls the page, so the reads that follow are kept.
 */
let registered: Promise<void> | null = null;

export function registerOffline(): Promise<void> {
  registered ??= (async () => {
    if (!('serviceWorker' in navigator)) return;
    try {
      await navigator.serviceWorker.register('/sw.js', { scope: '/' });
    } catch {
      // No worker (a private window, an old browser): the page works online, the outbox still keeps votes.
    }
  })();
  return registered;
}

/** Calls `listener` when a (new) service worker starts controlling this page. */
export function onControlled(listener: () => void): () => void {
  if (!('serviceWorker' in navigator)) return () => undefined;
  navigator.serviceWorker.addEventListener('controllerchange', listener);
  return () => navigator.serviceWorker.removeEventListener('controllerchange', listener);
}
