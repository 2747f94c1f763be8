/** The hash routes the light participant page (/p/) carries: a dialogue's join link, a survey's links. */
export const LIGHT_ROUTES = ['/join/', '/survey-join/', '/answer/'];

/** The base path of the light participant page. */
export const LIGHT_BASE = '/p/';

/** True when `hash` (`#/join/…`) is one of the light page's routes. */
export function isLightRoute(hash: string): boolean {
  const path = hash.replace(/^#/, '');
  return LIGHT_ROUTES.some((prefix) => path.startsWith(prefix));
}

/**
 * Sends an old participant link (`/#/join/CODE`, `/#/survey-join/CODE`, `/#/answer/…`) on to the light
 * page, keeping its hash and query (`?lang=so` from a printed sheet); replaces the history entry, so Back
 * does not return to the forwarder. Returns true when it did.
 */
export function forwardToLightPage(location: Location): boolean {
  if (location.pathname.startsWith(LIGHT_BASE) || !isLightRoute(location.hash)) return false;
  location.replace(`${LIGHT_BASE}${location.search}${location.hash}`);
  return true;
}
