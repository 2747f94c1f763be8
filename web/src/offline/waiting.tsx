import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { ErrorMessage } from '../components/states.js';
import { discard, flush, subscribe } from './queue.js';
import type { OutboxItem } from './store.js';

/** What waits in the outbox for one scope (`dialogue:<id>`, `survey:<id>:<wave>`), kept current. */
export function useWaiting(scope: string): OutboxItem[] {
  const [items, setItems] = useState<OutboxItem[]>([]);
  useEffect(() => subscribe((all) => setItems(all.filter((item) => item.scope === scope))), [scope]);
  return items;
}

/** Whether the browser believes it has a line, kept current. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/**
 * The "waiting to be sent" line: how many votes, answers or entries this device keeps until the line
 * returns, a button to try now, and any the server refused, explained in words.
 */
export function WaitingToSend({ scope }: { scope: string }) {
  const { t } = useTranslation();
  const items = useWaiting(scope);
  const online = useOnline();
  const waiting = items.filter((item) => !item.refused);
  const refused = items.filter((item) => item.refused);
  const counts = { vote: 0, answer: 0, entry: 0 };
  for (const item of waiting) counts[item.kind] += 1;
  return (
    <div className="offline-waiting" aria-live="polite">
      {!online && <p className="notice">{t('offline.noLine')}</p>}
      {waiting.length > 0 && (
        <div className="notice" role="status" data-waiting={waiting.length}>
          <p>
            {counts.vote > 0 && <span>{t('offline.votesWaiting', { count: counts.vote })} </span>}
            {counts.answer > 0 && <span>{t('offline.answersWaiting', { count: counts.answer })} </span>}
            {counts.entry > 0 && <span>{t('offline.entriesWaiting', { count: counts.entry })} </span>}
          </p>
          <p className="hint">{t('offline.keptHere')}</p>
          <button type="button" onClick={() => void flush()}>
            {t('offline.sendNow')}
          </button>
        </div>
      )}
      {refused.map((item) => (
        <div key={item.id} className="error-summary" role="alert">
          <p>{t('offline.refused')}</p>
          <ErrorMessage
            error={new ApiError(item.refused!.code, item.refused!.status, item.refused!.message)}
          />
          <button type="button" onClick={() => void discard(item.id)}>
            {t('offline.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
