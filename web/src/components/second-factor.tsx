import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  browserSupportsWebAuthn,
  startRegistration,
  type PublicKeyCredentialCreationOptionsJSON,
} from '@simplewebauthn/browser';
import { api, type ResponseOf } from '../api/client.js';
import { download } from '../download.js';
import { ErrorSummary, TextField, type FieldErrors } from './form.js';
import { useFormSubmit } from './form-submit.js';
import { ErrorMessage, Loaded } from './states.js';
import { useResource } from '../use-resource.js';

type Status = ResponseOf<'get', '/api/auth/second-factor'>;
type Enrolment = ResponseOf<'post', '/api/auth/second-factor/totp'>;

/** Recovery codes, shown once: to copy or save as a file before they are gone. */
function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const text = codes.join('\n');
  return (
    <div className="notice" role="status" data-testid="recovery-codes">
      <h3>{t('security.recoveryTitle')}</h3>
      <p>{t('security.recoveryOnce')}</p>
      <ul className="recovery-codes" dir="ltr">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button
          type="button"
          onClick={() => {
            void navigator.clipboard?.writeText(text).then(() => setCopied(true));
          }}
        >
          {copied ? t('security.copied') : t('security.copy')}
        </button>
        <button
          type="button"
          onClick={() => download('tracktwo-recovery-codes.txt', `${text}\n`, 'text/plain')}
        >
          {t('security.download')}
        </button>
        <button type="button" className="primary" onClick={onDone}>
          {t('security.savedThem')}
        </button>
      </div>
    </div>
  );
}

function TotpEnrol({ onCodes }: { onCodes: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const { errors, failure, busy, save } = useFormSubmit();

  async function start() {
    await save({}, async () => setEnrolment(await api.post('/api/auth/second-factor/totp')));
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = { code: /^\s*\d{6}\s*$/.test(code) ? undefined : t('security.codeInvalid') };
    await save(found, async () => {
      const answer = await api.post('/api/auth/second-factor/totp/confirm', {
        body: { code: code.trim() },
        quietUnauthenticated: true,
      });
      setEnrolment(null);
      setCode('');
      onCodes(answer.recovery_codes);
    });
  }

  if (!enrolment) {
    return (
      <div>
        {failure !== null && <ErrorMessage error={failure} />}
        <button type="button" className="primary" onClick={() => void start()} disabled={busy}>
          {t('security.enrolTotp')}
        </button>
      </div>
    );
  }
  return (
    <form onSubmit={confirm} noValidate>
      <p>{t('security.scan')}</p>
      <img
        className="qr-code"
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qr_svg)}`}
        alt={t('security.qrAlt')}
        width={200}
        height={200}
      />
      <p>
        {t('security.orType')}{' '}
        <code dir="ltr" data-testid="totp-secret">
          {enrolment.secret}
        </code>
      </p>
      <ErrorSummary title={t('common.fixErrors')} errors={errors} />
      <TextField
        label={t('security.confirmCode')}
        inputMode="numeric"
        autoComplete="one-time-code"
        value={code}
        onChange={setCode}
        error={errors.code}
        dir="ltr"
      />
      {failure !== null && <ErrorMessage error={failure} />}
      <button type="submit" className="primary" disabled={busy}>
        {t('security.confirm')}
      </button>
    </form>
  );
}

function TotpDisable({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const { errors, failure, busy, save } = useFormSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {
      password: password ? undefined : t('auth.passwordRequired'),
      code: code.trim() ? undefined : t('security.codeInvalid'),
    };
    await save(found, async () => {
      await api.post('/api/auth/second-factor/totp/disable', {
        body: { password, code: code.trim() },
        quietUnauthenticated: true,
      });
      onDone();
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <h3>{t('security.disableTitle')}</h3>
      <ErrorSummary title={t('common.fixErrors')} errors={errors} />
      <TextField
        label={t('auth.password')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        error={errors.password}
      />
      <TextField
        label={t('security.codeOrRecovery')}
        autoComplete="one-time-code"
        value={code}
        onChange={setCode}
        error={errors.code}
        dir="ltr"
      />
      {failure !== null && <ErrorMessage error={failure} />}
      <button type="submit" disabled={busy}>
        {t('security.disable')}
      </button>
    </form>
  );
}

function Passkeys({ status, onChange }: { status: Status; onChange: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [removing, setRemoving] = useState<string | null>(null);
  const { errors, failure, busy, save } = useFormSubmit();
  const supported = browserSupportsWebAuthn();

  async function add(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = { name: name.trim() ? undefined : t('common.required') };
    await save(found, async () => {
      const { options } = await api.post('/api/auth/second-factor/passkeys/options');
      const credential = await startRegistration({
        optionsJSON: options as unknown as PublicKeyCredentialCreationOptionsJSON,
      });
      const added = await api.post('/api/auth/second-factor/passkeys', {
        body: { name: name.trim(), credential: credential as never },
      });
      setName('');
      onChange(added.recovery_codes);
    });
  }

  async function remove(event: FormEvent) {
    event.preventDefault();
    if (!removing) return;
    const found: FieldErrors = { password: password ? undefined : t('auth.passwordRequired') };
    await save(found, async () => {
      await api.post('/api/auth/second-factor/passkeys/{id}/remove', {
        params: { path: { id: removing } },
        body: { password },
        quietUnauthenticated: true,
      });
      setRemoving(null);
      setPassword('');
      onChange([]);
    });
  }

  return (
    <div>
      <h3>{t('security.passkeysTitle')}</h3>
      {status.passkeys.length === 0 ? (
        <p>{t('security.noPasskeys')}</p>
      ) : (
        <ul>
          {status.passkeys.map((passkey) => (
            <li key={passkey.id}>
              {passkey.name}{' '}
              <button type="button" onClick={() => setRemoving(passkey.id)}>
                {t('security.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorSummary title={t('common.fixErrors')} errors={errors} />
      {removing && (
        <form onSubmit={remove} noValidate>
          <TextField
            label={t('security.removePassword')}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={errors.password}
          />
          <button type="submit" disabled={busy}>
            {t('security.remove')}
          </button>
          <button type="button" onClick={() => setRemoving(null)}>
            {t('common.cancel')}
          </button>
        </form>
      )}
      {supported ? (
        <form onSubmit={add} noValidate>
          <TextField
            label={t('security.passkeyName')}
            value={name}
            onChange={setName}
            error={errors.name}
            maxLength={64}
          />
          <button type="submit" disabled={busy}>
            {t('security.addPasskey')}
          </button>
        </form>
      ) : (
        <p>{t('security.noWebAuthn')}</p>
      )}
      {failure !== null && <ErrorMessage error={failure} />}
    </div>
  );
}

/** The account's second factors: an authenticator app, recovery codes and passkeys. */
export function SecondFactors() {
  const { t } = useTranslation();
  const status = useResource('/api/auth/second-factor');
  const [codes, setCodes] = useState<string[]>([]);
  const changed = (fresh: string[]) => {
    setCodes(fresh);
    status.reload();
  };
  return (
    <section id="security" aria-labelledby="security-title">
      <h2 id="security-title">{t('security.title')}</h2>
      <p>{t('security.intro')}</p>
      {codes.length > 0 && <RecoveryCodes codes={codes} onDone={() => setCodes([])} />}
      <Loaded resource={status}>
        {(data) => (
          <>
            {data.required_by.length > 0 && !data.enabled && (
              <p className="state state-error" role="alert">
                {t('security.requiredHere')}
              </p>
            )}
            <p data-testid="second-factor-state">
              {data.enabled ? t('security.stateOn') : t('security.stateOff')}
            </p>
            <h3>{t('security.totpTitle')}</h3>
            {data.totp === 'on' ? (
              <>
                <p>{t('security.totpOn', { left: data.recovery_codes_left })}</p>
                <TotpDisable onDone={() => changed([])} />
              </>
            ) : (
              <TotpEnrol onCodes={changed} />
            )}
            <Passkeys status={data} onChange={changed} />
          </>
        )}
      </Loaded>
    </section>
  );
}
