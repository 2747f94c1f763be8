import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { ErrorSummary, TextField, isEmail, type FieldErrors } from '../components/form.js';
import { ErrorMessage } from '../components/states.js';
import { Link, navigate } from '../router.js';
import { useSession } from '../session.js';
import { useResource } from '../use-resource.js';
import { useFormSubmit } from '../components/form-submit.js';
import { SignInSecondStep, type PendingSignIn } from '../components/sign-in-second-step.js';

export default function SignIn({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { errors, failure, busy, save } = useFormSubmit();
  const setup = useResource('/api/setup');
  const [pending, setPending] = useState<PendingSignIn | null>(null);

  async function signedIn() {
    await refresh();
    navigate(params.next ?? '/');
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {
      email: !email.trim() ? t('auth.emailRequired') : !isEmail(email) ? t('auth.emailInvalid') : undefined,
      password: !password ? t('auth.passwordRequired') : undefined,
    };
    await save(found, async () => {
      const answer = await api.post('/api/auth/login', {
        body: { email: email.trim(), password },
        quietUnauthenticated: true,
      });
      // An account with a second factor gets a pending token, not yet a session.
      if ('pending_token' in answer) {
        setPassword('');
        setPending(answer);
        return;
      }
      await signedIn();
    });
  }

  if (pending) return <SignInSecondStep pending={pending} onSignedIn={() => void signedIn()} />;

  return (
    <section className="narrow" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('auth.signInTitle')}</h1>
      <p>{t('auth.signInIntro')}</p>
      <ErrorSummary title={t('common.fixErrors')} errors={errors} />
      {failure !== null && <ErrorMessage error={failure} />}
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
          error={errors.email}
          required
        />
        <TextField
          label={t('auth.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={errors.password}
          required
        />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('auth.signingIn') : t('auth.signIn')}
        </button>
      </form>
      {setup.state === 'ready' && setup.data.open && (
        <p className="aside">
          {t('auth.firstRun')} <Link to="/setup">{t('auth.setupLink')}</Link>
        </p>
      )}
    </section>
  );
}
