import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { TextField } from '../components/form.js';
import { absoluteUrl, QrCode } from '../components/qr-code.js';
import { ErrorMessage, Loaded } from '../components/states.js';
import { Link } from '../router.js';
import { useResource } from '../use-resource.js';

/**
 * A survey's open join link on its page: make one, show it with a QR code and a printable sheet for the
 * room, replace it or withdraw it. Those who join by it answer as comparison respondents.
 */
export function SurveyJoinLink({ surveyId, initiativeId }: { surveyId: string; initiativeId: string }) {
  const { t } = useTranslation();
  const path = { id: surveyId };
  const links = useResource('/api/surveys/{id}/join-links', { params: { path } });
  const [failure, setFailure] = useState<unknown>(null);
  async function act(run: () => Promise<unknown>) {
    setFailure(null);
    try {
      await run();
      links.reload();
    } catch (error) {
      setFailure(error);
    }
  }
  const make = () => act(() => api.post('/api/surveys/{id}/join-links', { params: { path } }));
  const revoke = (linkId: string) =>
    act(() => api.delete('/api/surveys/{id}/join-links/{linkId}', { params: { path: { ...path, linkId } } }));
  return (
    <>
      <h2>{t('surveyJoin.linkTitle')}</h2>
      <p className="hint">{t('surveyJoin.linkHint')}</p>
      {failure !== null && <ErrorMessage error={failure} />}
      <Loaded resource={links}>
        {({ items }) => {
          const inForce = items.find((link) => link.revoked_at === null);
          if (!inForce) {
            return (
              <p className="actions">
                <button type="button" onClick={() => void make()}>
                  {t('surveyJoin.make')}
                </button>
              </p>
            );
          }
          return (
            <div className="join-link">
              <QrCode text={absoluteUrl(inForce.url)} label={t('surveyJoin.qrLabel')} />
              <TextField
                label={t('surveyJoin.link')}
                value={absoluteUrl(inForce.url)}
                onChange={() => undefined}
                readOnly
                dir="ltr"
              />
              <p>{t('surveyJoin.joined', { count: inForce.joined })}</p>
              <p className="actions">
                <Link to={`/i/${initiativeId}/surveys/${surveyId}/sheet`} className="button primary">
                  {t('invite.printSheet')}
                </Link>
                <button type="button" onClick={() => void make()}>
                  {t('invite.replaceOpen')}
                </button>
                <button type="button" className="danger" onClick={() => void revoke(inForce.id)}>
                  {t('surveyJoin.revoke')}
                </button>
              </p>
            </div>
          );
        }}
      </Loaded>
    </>
  );
}
