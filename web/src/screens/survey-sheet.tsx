import { useTranslation } from 'react-i18next';
import { absoluteUrl, QrCode } from '../components/qr-code.js';
import { Loaded } from '../components/states.js';
import { Link } from '../router.js';
import { useResource } from '../use-resource.js';

/**
 * The sheet for a room: the survey's title, its open join link as a large QR code and as text, and how
 * to answer. Made to be printed (styles.css, @media print, hides everything else).
 */
export default function SurveySheet({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const { initiativeId, surveyId } = params;
  const path = { id: surveyId };
  const survey = useResource('/api/surveys/{id}', { params: { path } });
  const links = useResource('/api/surveys/{id}/join-links', { params: { path } });
  return (
    <section className="join-sheet" aria-labelledby="sheet-title">
      <p className="no-print actions">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('invite.print')}
        </button>
        <Link to={`/i/${initiativeId}/surveys/${surveyId}`}>{t('surveyJoin.back')}</Link>
      </p>
      <Loaded resource={survey}>
        {(record) => (
          <>
            <h1 id="sheet-title" dir="auto">
              {record.title}
            </h1>
            <Loaded resource={links}>
              {({ items }) => {
                const inForce = items.find((link) => link.revoked_at === null);
                if (!inForce) return <p className="notice">{t('surveyJoin.none')}</p>;
                return (
                  <>
                    <QrCode text={absoluteUrl(inForce.url)} label={t('surveyJoin.qrLabel')} size={320} />
                    <p className="link-text" dir="ltr">
                      {absoluteUrl(inForce.url)}
                    </p>
                    <ol className="sheet-steps">
                      <li>{t('dialogue.sheetStep1')}</li>
                      <li>{t('surveyJoin.sheetStep2')}</li>
                      <li>{t('surveyJoin.sheetStep3')}</li>
                    </ol>
                    <p>{t('surveyJoin.privacy')}</p>
                  </>
                );
              }}
            </Loaded>
          </>
        )}
      </Loaded>
    </section>
  );
}
