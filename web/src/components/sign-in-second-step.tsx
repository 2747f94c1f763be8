import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  browserSupportsWebAuthn,
  startAuthentication,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import { api } from '../api/client.js';
import { ErrorSummary, TextField, type FieldErrors } from './form.js';
import { useFormSubmit } from './form-submit.js';
import { ErrorMessage } from './states.js';

export interface PendingSignIn {
  pending_token: string;
  methods: ('totp' | 'recovery_code' | 'passkey')[];
}

/** The second step of sign-in: a code from the app, a recovery code, or a passkey. */
export function SignInSecondStep({
  pending,
  onSignedIn,
}: {
  pending: PendingSignIn;
  onSignedIn: () => void;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'totp' | 'recovery_code'>(
    pending.methods.includes('totp') ? 'totp' : 'recovery_code',
  );
  const [code, setCode] = useState('');
  const { errors, failure, busy, save } = useFormSubmit();
  const passkey = pending.methods.includes('passkey') && browserSupportsWebAuthn();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const valid = mode === 'totp' ? /^\s*\d{6}\s*$/.test(code) : code.trim().length >= 10;
    const found: FieldErrors = { code: valid ? undefined : t('auth.codeInvalid') };
    await save(found, async () => {
      await api.post('/api/auth/login/second-factor', {
        body:
          mode === 'totp'
            ? { pending_token: pending.pending_token, code: code.trim() }
            : { pending_token: pending.pending_token, recovery_code: code.trim() },
        quietUnauthenticated: true,
      });
      onSignedIn();
    });
  }

  async function withPasskey() {
    await save({}, async () => {
      const { options } = await api.post('/api/auth/login/passkey-options', {
        body: { pending_token: pending.pending_token },
        quietUnauthenticated: true,
      });
      const assertion = await startAuthentication({
        optionsJSON: options as unknown as PublicKeyCredentialRequestOptionsJSON,
      });
      await api.post('/api/auth/login/second-factor', {
        body: { pending_token: pending.pending_token, passkey: assertion as never },
        quietUnauthenticated: true,
      });
      onSignedIn();
    });
  }

  return (
    <section className="narrow" aria-labelledby="second-step-title">
      <h1 id="second-step-title">{t('auth.secondStepTitle')}</h1>
      <p>{mode === 'totp' ? t('auth.secondStepIntro') : t('auth.recoveryIntro')}</p>
      <ErrorSummary title={t('common.fixErrors')} errors={errors} />
      {failure !== null && <ErrorMessage error={failure} />}
      <form onSubmit={submit} noValidate>
        <TextField
          label={mode === 'totp' ? t('auth.code') : t('auth.recoveryCode')}
          inputMode={mode === 'totp' ? 'numeric' : 'text'}
          autoComplete="one-time-code"
          value={code}
          onChange={setCode}
          error={errors.code}
          dir="ltr"
          autoFocus
        />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('auth.verifying') : t('auth.verify')}
        </button>
      </form>
      <div className="actions">
        {pending.methods.includes('totp') && pending.methods.includes('recovery_code') && (
          <button
            type="button"
            onClick={() => {
              setCode('');
              setMode(mode === 'totp' ? 'recovery_code' : 'totp');
            }}
          >
            {mode === 'totp' ? t('auth.useRecovery') : t('auth.useCode')}
          </button>
        )}
        {passkey && (
          <button type="button" onClick={() => void withPasskey()} disabled={busy}>
            {t('auth.usePasskey')}
          </button>
        )}
      </div>
    </section>
  );
}
