import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client.js';
import { ErrorSummary, TextField, type FieldErrors } from '../components/form.js';
import { useFormSubmit } from '../components/form-submit.js';
import { NewPasswordFields, newPasswordErrors } from '../components/new-password.js';
import { ErrorMessage, Loaded } from '../components/states.js';
import { navigate } from '../router.js';
import { useSession } from '../session.js';
import { useResource } from '../use-resource.js';
import SignIn from './sign-in.js';

/**
 * An invitation link. The page says what it invites to; a new person sets a name and a password (and is
 * signed in), an account of the invited address signs in first (with its second factor) and accepts.
 */
export default function Invitation({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const { code } = params;
  const { session, refresh, signOut } = useSession();
  const invitation = useResource('/api/invitations/{code}', { params: { path: { code } } });
  const [signingIn, setSigningIn] = useState(false);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const { errors, failure, busy, save } = useFormSubmit();
  const me = session.status === 'signed-in' ? session.me : null;

  async function accept(body: { display_name: string; password: string } | Record<string, never>) {
    const answer = await api.post('/api/invitations/{code}/accept', {
      params: { path: { code } },
      body,
      quietUnauthenticated: true,
    });
    await refresh();
    navigate(`/i/${answer.initiative_id}`);
  }

  async function submitNew(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {
      name: name.trim() ? undefined : t('common.required'),
      ...newPasswordErrors(t, password, confirm),
    };
    await save(found, () => accept({ display_name: name.trim(), password }));
  }

  if (signingIn && !me) return <SignIn params={{ next: `/invitation/${code}` }} />;
  const mustSignIn = failure instanceof ApiError && failure.code === 'TT_ERR_INVITATION_SIGN_IN_REQUIRED';

  return (
    <section className="narrow" aria-labelledby="invitation-title">
      <h1 id="invitation-title">{t('invitation.title')}</h1>
      <Loaded resource={invitation}>
        {(info) => (
          <>
            <p>
              {t('invitation.intro', {
                initiative: info.initiative_name,
                role: t(`people.roles.${info.role}`),
              })}
            </p>
            <p>
              {t('invitation.forEmail')} <strong dir="ltr">{info.email}</strong>
            </p>
            {failure !== null && <ErrorMessage error={failure} />}
            {me ? (
              me.account.email === info.email ? (
                <button
                  type="button"
                  className="primary"
                  disabled={busy}
                  onClick={() => void save({}, () => accept({}))}
                >
                  {t('invitation.accept')}
                </button>
              ) : (
                <>
                  <p>{t('invitation.otherAccount', { email: me.account.email })}</p>
                  <button type="button" onClick={() => void signOut()}>
                    {t('nav.signOut')}
                  </button>
                </>
              )
            ) : (
              <>
                {!mustSignIn && (
                  <form onSubmit={submitNew} noValidate>
                    <h2>{t('invitation.newPerson')}</h2>
                    <ErrorSummary title={t('common.fixErrors')} errors={errors} />
                    <TextField
                      label={t('invitation.name')}
                      autoComplete="name"
                      value={name}
                      onChange={setName}
                      error={errors.name}
                      required
                    />
                    <NewPasswordFields
                      label={t('invitation.password')}
                      password={password}
                      confirm={confirm}
                      onPasswordChange={setPassword}
                      onConfirmChange={setConfirm}
                      errors={errors}
                      required
                    />
                    <button type="submit" className="primary" disabled={busy}>
                      {busy ? t('common.saving') : t('invitation.create')}
                    </button>
                  </form>
                )}
                <h2>{t('invitation.haveAccount')}</h2>
                <button type="button" onClick={() => setSigningIn(true)}>
                  {t('invitation.signIn')}
                </button>
              </>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}
