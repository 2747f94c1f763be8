import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { absoluteUrl, QrCode } from '../components/qr-code.js';
import { SelectField } from '../components/form.js';
import { Loaded } from '../components/states.js';
import { languages, loadLanguage } from '../i18n/index.js';
import { Link } from '../router.js';
import { useResource } from '../use-resource.js';

/** The join link with the sheet's language, so the page the code opens speaks it too. */
function linkIn(joinUrl: string, language: string): string {
  const url = new URL(absoluteUrl(joinUrl));
  url.searchParams.set('lang', language);
  return url.toString();
}

/**
 * The sheet for a meeting room: the dialogue's question, its open link as a large QR code and as text,
 * and how to take part, in the language chosen for the room (the convener may read another). Made to be
 * printed (styles.css, @media print, hides everything else).
 */
export default function DialogueSheet({ params }: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const { initiativeId, dialogueId } = params;
  const dialogue = useResource('/api/dialogues/{id}', { params: { path: { id: dialogueId } } });
  // The sheet follows the app's language until the convener picks another for the room.
  const [chosen, setChosen] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<string[]>([]);
  const wanted = chosen ?? i18n.language;
  useEffect(() => {
    let live = true;
    void loadLanguage(wanted).then(() => live && setLoaded((codes) => [...codes, wanted]));
    return () => {
      live = false;
    };
  }, [wanted]);
  const code = wanted === i18n.language || loaded.includes(wanted) ? wanted : i18n.language;
  const sheet = languages.find((language) => language.code === code) ?? languages[0];
  const ts = i18n.getFixedT(sheet.code);
  return (
    <section className="join-sheet" aria-labelledby="sheet-title">
      <div className="no-print">
        <p className="actions">
          <button type="button" className="primary" onClick={() => window.print()}>
            {t('invite.print')}
          </button>
          <Link to={`/i/${initiativeId}/dialogues/${dialogueId}/invite`}>{t('invite.back')}</Link>
        </p>
        <SelectField
          label={t('dialogue.sheetLanguage')}
          value={sheet.code}
          onChange={setChosen}
          options={languages.map((language) => ({ value: language.code, label: language.name }))}
        />
      </div>
      <Loaded resource={dialogue}>
        {(record) => (
          <div lang={sheet.code} dir={sheet.dir} className="sheet-body">
            <h1 id="sheet-title" dir="auto">
              {record.prompt}
            </h1>
            {record.join_url ? (
              <>
                <QrCode
                  text={linkIn(record.join_url, sheet.code)}
                  label={ts('dialogue.qrLabel')}
                  size={320}
                />
                <p className="link-text" dir="ltr">
                  {absoluteUrl(record.join_url)}
                </p>
                <ol className="sheet-steps">
                  <li>{ts('dialogue.sheetStep1')}</li>
                  <li>{ts('dialogue.sheetStep2')}</li>
                  <li>{ts('dialogue.sheetStep3')}</li>
                </ol>
                <p>{ts('dialogue.sheetPrivacy')}</p>
              </>
            ) : (
              <p className="notice">{ts('invite.personalOnly')}</p>
            )}
          </div>
        )}
      </Loaded>
    </section>
  );
}
