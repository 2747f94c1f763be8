import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { ConfirmProvider } from './components/confirm.js';
import { startI18n } from './i18n/index.js';
import { SessionProvider } from './session.js';
import './styles.css';

await startI18n();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionProvider>
      <ConfirmProvider>
        <App />
      </ConfirmProvider>
    </SessionProvider>
  </StrictMode>,
);
