import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { ErrorSummary, TextField, type FieldErrors } from './form.js';
import { ErrorMessage } from './states.js';
import { useFormSubmit } from './form-submit.js';
import { NewPasswordFields, newPasswordErrors } from './new-password.js';

/**
 * Change the own password; the server ends every other session and token, and keeps this one.
 * `onChanged` runs once the server took it (the required change of a one-time password goes on from there).
 */
export function ChangePassword({ onChanged }: { onChanged?: () => void | Promise<void> } = {}) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const { errors, failure, busy, save } = useFormSubmit();
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {
      current: current ? undefined : t('auth.passwordRequired'),
      ...newPasswordErrors(t, next, again),
    };
    setDone(false);
    await save(found, async () => {
      // A wrong current password answers 401: it must not end this session in the app.
      await api.put('/api/auth/password', {
        body: { current_password: current, new_password: next },
        quietUnauthenticated: true,
      });
      setCurrent('');
      setNext('');
      setAgain('');
      setDone(true);
      await onChanged?.();
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <h2>{t('account.password')}</h2>
      <ErrorSummary title={t('common.fixErrors')} errors={errors} />
      <TextField
        label={t('account.currentPassword')}
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={setCurrent}
        error={errors.current}
      />
      <NewPasswordFields
        label={t('account.newPassword')}
        password={next}
        confirm={again}
        onPasswordChange={setNext}
        onConfirmChange={setAgain}
        errors={errors}
      />
      {failure !== null && <ErrorMessage error={failure} />}
      {done && (
        <p className="notice" role="status">
          {t('account.passwordChanged')}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? t('common.saving') : t('account.changePassword')}
      </button>
    </form>
  );
}
