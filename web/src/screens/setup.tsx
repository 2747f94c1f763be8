import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { ErrorSummary, TextField, isEmail, type FieldErrors } from '../components/form.js';
import { ErrorMessage } from '../components/states.js';
import { Link, navigate } from '../router.js';
import { useSession } from '../session.js';
import { useFormSubmit } from '../components/form-submit.js';
import { NewPasswordFields, newPasswordErrors } from '../components/new-password.js';

/** First run: creates the administrator account, then signs in with it. */
export default function Setup() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const { errors, failure, busy, save } = useFormSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {
      displayName: !displayName.trim() ? t('auth.nameRequired') : undefined,
      email: !email.trim() ? t('auth.emailRequired') : !isEmail(email) ? t('auth.emailInvalid') : undefined,
      ...newPasswordErrors(t, password, confirm),
    };
    await save(found, async () => {
      // Setup signs the new administrator in (the server sets the session cookie).
      const created = await api.post('/api/setup', {
        body: { email: email.trim(), password, display_name: displayName.trim() },
        quietUnauthenticated: true,
      });
      await refresh();
      navigate(created?.workspace ? `/w/${created.workspace.id}` : '/');
    });
  }

  return (
    <section className="narrow" aria-labelledby="setup-title">
      <h1 id="setup-title">{t('auth.setupTitle')}</h1>
      <p>{t('auth.setupIntro')}</p>
      <ErrorSummary title={t('common.fixErrors')} errors={errors} />
      {failure !== null && <ErrorMessage error={failure} />}
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('auth.displayName')}
          autoComplete="name"
          value={displayName}
          onChange={setDisplayName}
          error={errors.displayName}
          required
        />
        <TextField
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
          error={errors.email}
          required
        />
        <NewPasswordFields
          label={t('auth.password')}
          password={password}
          confirm={confirm}
          onPasswordChange={setPassword}
          onConfirmChange={setConfirm}
          errors={errors}
          required
        />
        <button type="submit" className="primary" disabled={busy}>
          {t('auth.createAdmin')}
        </button>
      </form>
      <p className="aside">
        <Link to="/">{t('auth.backToSignIn')}</Link>
      </p>
    </section>
  );
}
