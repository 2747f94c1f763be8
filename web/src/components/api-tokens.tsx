import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { useResource } from '../use-resource.js';
import { ErrorSummary, TextField, hasErrors, type FieldErrors } from './form.js';
import { Empty, ErrorMessage, Loaded } from './states.js';
import { day } from '../i18n/format.js';

export interface TokenInfo {
  name: string;
  fingerprint: string;
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
  scopes: ('read' | 'write')[];
}

/** The account's bearer tokens for the API and the CLI; a new token is shown once, never again. */
export function ApiTokens() {
  const { t } = useTranslation();
  const tokens = useResource('/api/auth/tokens');
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const [readOnly, setReadOnly] = useState(false);
  const [issued, setIssued] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);

  async function create(event: FormEvent) {
    event.preventDefault();
    const ttl = Number(days);
    const found: FieldErrors = {
      name: !name.trim()
        ? t('common.required')
        : name.trim().length > 64
          ? t('account.tokenNameLong')
          : undefined,
      days: !Number.isInteger(ttl) || ttl < 1 || ttl > 366 ? t('account.tokenDaysRange') : undefined,
    };
    setErrors(found);
    setFailure(null);
    setIssued(null);
    if (hasErrors(found)) return;
    try {
      const created = await api.post('/api/auth/tokens', {
        body: {
          name: name.trim(),
          ttl_days: ttl,
          scopes: readOnly ? ['read'] : ['read', 'write'],
        },
      });
      setIssued(created.token);
      setName('');
      tokens.reload();
    } catch (error) {
      setFailure(error);
    }
  }

  async function revoke(tokenName: string) {
    setFailure(null);
    try {
      await api.delete('/api/auth/tokens/{name}', {
        params: { path: { name: encodeURIComponent(tokenName) } },
      });
      tokens.reload();
    } catch (error) {
      setFailure(error);
    }
  }

  return (
    <>
      <h2>{t('account.tokens')}</h2>
      {failure !== null && <ErrorMessage error={failure} />}
      <Loaded resource={tokens}>
        {(payload) =>
          payload.items.length ? (
            <ul>
              {payload.items.map((token) => (
                <li key={token.name}>
                  <strong>{token.name}</strong> ({token.fingerprint}){' '}
                  {!token.scopes.includes('write') && <>{t('account.tokenReadOnlyTag')} </>}
                  {t('account.tokenExpires', { date: day(token.expires_at) })}{' '}
                  <button type="button" onClick={() => void revoke(token.name)}>
                    {t('account.revoke')}
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <Empty>{t('account.noTokens')}</Empty>
          )
        }
      </Loaded>
      <form onSubmit={create} noValidate>
        <h3>{t('account.newToken')}</h3>
        <ErrorSummary title={t('common.fixErrors')} errors={errors} />
        <TextField
          label={t('account.tokenName')}
          value={name}
          onChange={setName}
          error={errors.name}
          maxLength={64}
          required
        />
        <TextField
          label={t('account.tokenDays')}
          type="number"
          min={1}
          max={366}
          value={days}
          onChange={setDays}
          error={errors.days}
        />
        <label className="checkbox">
          <input type="checkbox" checked={readOnly} onChange={(event) => setReadOnly(event.target.checked)} />
          {t('account.tokenReadOnly')}
        </label>
        <p className="hint">{t('account.tokenCredentials')}</p>
        <button type="submit">{t('account.createToken')}</button>
      </form>
      {issued && (
        <div className="notice" role="status">
          <p>{t('account.tokenOnce')}</p>
          <code>{issued}</code>
        </div>
      )}
    </>
  );
}
