import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startI18n } from '../i18n/index.js';
import { ParticipantApp } from './app.js';

/**
 * The light page itself (loaded by main.ts): what a participant or respondent opens on a phone over a slow line. Only the
 * join, vote and survey-answer screens (the same components the convener's app routes to), only the
 * reader's language, no session, charts or map.
 */
await startI18n();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ParticipantApp />
  </StrictMode>,
);
