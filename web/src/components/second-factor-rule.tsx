import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { useFormSubmit } from './form-submit.js';
import { ErrorMessage, Loaded } from './states.js';
import { useResource } from '../use-resource.js';

/** A workspace administrator's switch: require a second factor of everyone who sees names here. */
export function SecondFactorRule({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const rule = useResource('/api/workspaces/{id}/second-factor-rule', {
    params: { path: { id: workspaceId } },
  });
  const { failure, busy, save } = useFormSubmit();

  async function change(required: boolean) {
    await save({}, async () => {
      await api.put('/api/workspaces/{id}/second-factor-rule', {
        params: { path: { id: workspaceId } },
        body: { required },
      });
      rule.reload();
    });
  }

  return (
    <section aria-labelledby="second-factor-rule-title">
      <h2 id="second-factor-rule-title">{t('security.ruleTitle')}</h2>
      <Loaded resource={rule}>
        {(data) => (
          <>
            <p>{data.required ? t('security.ruleOn') : t('security.ruleOff')}</p>
            <button type="button" disabled={busy} onClick={() => void change(!data.required)}>
              {data.required ? t('security.ruleRelease') : t('security.ruleRequire')}
            </button>
          </>
        )}
      </Loaded>
      {failure !== null && <ErrorMessage error={failure} />}
    </section>
  );
}
