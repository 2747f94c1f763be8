import { useTranslation } from 'react-i18next';
import { absoluteUrl, QrCode } from '../components/qr-code.js';
import { Loaded } from '../components/states.js';
import { Link } from '../router.js';
import { useResource } from '../use-resource.js';

/**
 * The sheet for a meeting room: the dialogue's question, its open link as a large QR code and as text,
 * and how to take part. Made to be printed (styles.css, @media print, hides everything else).
 */
export default function DialogueSheet({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const { initiativeId, dialogueId } = params;
  const dialogue = useResource('/api/dialogues/{id}', { params: { path: { id: dialogueId } } });
  return (
    <section className="join-sheet" aria-labelledby="sheet-title">
      <p className="no-print actions">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('invite.print')}
        </button>
        <Link to={`/i/${initiativeId}/dialogues/${dialogueId}/invite`}>{t('invite.back')}</Link>
      </p>
      <Loaded resource={dialogue}>
        {(record) => (
          <>
            <h1 id="sheet-title" dir="auto">
              {record.prompt}
            </h1>
            {record.join_url ? (
              <>
                <QrCode text={absoluteUrl(record.join_url)} label={t('dialogue.qrLabel')} size={320} />
                <p className="link-text" dir="ltr">
                  {absoluteUrl(record.join_url)}
                </p>
                <ol className="sheet-steps">
                  <li>{t('dialogue.sheetStep1')}</li>
                  <li>{t('dialogue.sheetStep2')}</li>
                  <li>{t('dialogue.sheetStep3')}</li>
                </ol>
                <p>{t('dialogue.sheetPrivacy')}</p>
              </>
            ) : (
              <p className="notice">{t('invite.personalOnly')}</p>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}
