import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A destructive action asked twice, in the page itself (no browser dialog, so it reads the same on a
 * phone and in every language): the first press says what will go, the second does it.
 */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  busy = false,
  onConfirm,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void | Promise<void>;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" className="danger" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  return (
    <div className="confirm" role="group" aria-label={label}>
      <p role="alert">{question}</p>
      <div className="actions">
        <button type="button" className="danger" disabled={busy} onClick={() => void onConfirm()}>
          {confirmLabel}
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
