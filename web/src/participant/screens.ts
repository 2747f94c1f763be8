import type { ComponentType } from 'react';

type Screen = ComponentType<{ params: Record<string, string> }>;

export interface ScreenRoute {
  pattern: string;
  /** The hash path's first part that leads to it (`/join/`), for preloading before the router loads. */
  prefix: string;
  load: () => Promise<{ default: Screen }>;
}

/** The light page's screens: the same components the convener's app routes to (web/src/app.tsx). */
export const screenRoutes: ScreenRoute[] = [
  { pattern: '/join/:code', prefix: '/join/', load: () => import('../screens/join.js') },
  { pattern: '/survey-join/:code', prefix: '/survey-join/', load: () => import('../screens/survey-join.js') },
  {
    pattern: '/answer/:surveyId/:waveId/:token',
    prefix: '/answer/',
    load: () => import('../screens/survey-answer.js'),
  },
];

/**
 * Starts downloading the screen of a hash path (`#/join/…`) at once, beside the rest of the page rather
 * than after it: a round trip less on a slow line (React.lazy then finds the module already there).
 */
export function preloadScreen(hash: string): void {
  const path = hash.replace(/^#/, '');
  const found = screenRoutes.find((route) => path.startsWith(route.prefix));
  void found?.load().catch(() => undefined);
}
