import { fetchCatalogue, initialLanguage } from '../i18n/languages.js';
import { preloadScreen } from './screens.js';
import '../styles.css';

/**
 * The light entry (/p/), kept tiny: before the page's code (start.tsx) arrives, it asks for the reader's
 * language and the link's screen, so the three downloads share one round trip on a slow line.
 */
void fetchCatalogue(initialLanguage())?.catch(() => undefined);
preloadScreen(window.location.hash);
await import('./start.js');
