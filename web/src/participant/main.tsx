import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startI18n } from '../i18n/index.js';
import { currentPath } from '../router.js';
import { ParticipantApp, preloadScreen } from './app.js';
import '../styles.css';

/**
 * The light entry (/p/): what a participant or respondent opens on a phone over a slow line. Only the
 * join, vote and survey-answer screens (the same components the convener's app routes to), only the
 * reader's language, no session, charts or map.
 */
preloadScreen(currentPath());
await startI18n();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ParticipantApp />
  </StrictMode>,
);
