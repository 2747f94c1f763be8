import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { ConfirmProvider } from './components/confirm.js';
import { startI18n } from './i18n/index.js';
import en from './i18n/locales/en.js';
import { SessionProvider } from './session.js';

/** The convener's app (main.tsx loads it unless the link is a participant's, see participant/forward.ts). */
await startI18n(en);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionProvider>
      <ConfirmProvider>
        <App />
      </ConfirmProvider>
    </SessionProvider>
  </StrictMode>,
);
