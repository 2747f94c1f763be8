import { forwardToLightPage } from './participant/forward.js';
import './styles.css';

// An old participant link (`/#/join/…`, a printed QR code) goes to the light page (/p/) before the
// convener's app is downloaded; anything else loads that app.
if (!forwardToLightPage(window.location)) await import('./boot.js');
