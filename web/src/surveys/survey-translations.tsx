import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import type {
  InstrumentTexts,
  SurveyLanguage,
  TranslationStanding,
} from '../../../src/domain/survey-values.js';
import { TextArea } from '../components/form.js';
import { Empty, ErrorMessage, Loaded } from '../components/states.js';
import { useResource } from '../use-resource.js';

type Texts = InstrumentTexts;

/** One instrument in one language, as GET /api/surveys/{id}/translations lists it. */
interface Translation {
  survey_id: string;
  instrument_id: string;
  language: SurveyLanguage;
  standing: TranslationStanding;
  from_library: boolean;
  source: Texts;
  texts: Texts | null;
  translated_by: string | null;
  updated_at: string | null;
  approved_by: string | null;
  approved_at: string | null;
}

/** Every text of an instrument as (key, English) pairs, in the order a form asks them. */
function textRows(source: Texts): { key: string; english: string }[] {
  return [
    { key: 'name', english: source.name },
    { key: 'instructions', english: source.instructions },
    ...Object.entries(source.items).map(([id, english]) => ({ key: `items.${id}`, english })),
    ...Object.entries(source.anchors).map(([value, english]) => ({ key: `anchors.${value}`, english })),
  ];
}

function flatten(texts: Texts | null, source: Texts): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of textRows(source)) {
    const [part, id] = row.key.split('.') as ['name' | 'instructions' | 'items' | 'anchors', string?];
    out[row.key] = !texts
      ? ''
      : id === undefined
        ? (texts[part] as string)
        : ((texts[part] as Record<string, string>)[id] ?? '');
  }
  return out;
}

function unflatten(values: Record<string, string>, source: Texts): Texts {
  const texts: Texts = {
    name: values.name ?? '',
    instructions: values.instructions ?? '',
    items: {},
    anchors: {},
  };
  for (const id of Object.keys(source.items)) texts.items[id] = values[`items.${id}`] ?? '';
  for (const value of Object.keys(source.anchors)) texts.anchors[value] = values[`anchors.${value}`] ?? '';
  return texts;
}

/**
 * The survey's translations on its page: each instrument in each of its languages, where it stands
 * (checked, approved, draft, missing), and an editor beside the English; a second person approves a
 * draft. Respondents are asked only in checked or approved texts; the rest is shown here, to the convener.
 */
export function SurveyTranslations({ surveyId }: { surveyId: string }) {
  const { t, i18n } = useTranslation();
  const day = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(iso));
  const list = useResource('/api/surveys/{id}/translations', { params: { path: { id: surveyId } } });
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <h2>{t('surveyTranslations.title')}</h2>
      <p className="hint">{t('surveyTranslations.hint')}</p>
      <Loaded resource={list}>
        {({ items }) =>
          items.length === 0 ? (
            <Empty>{t('surveyTranslations.none')}</Empty>
          ) : (
            <ul className="translation-list">
              {items.map((item) => {
                const key = `${item.instrument_id}:${item.language}`;
                return (
                  <li key={key}>
                    <p>
                      <strong>{t(`surveys.languageNames.${item.language}`)}</strong>
                      {' · '}
                      <bdi>{item.source.name}</bdi>
                      {' · '}
                      <span className={`standing standing-${item.standing}`}>
                        {t(`surveyTranslations.standings.${item.standing}`)}
                      </span>
                      {item.approved_at && (
                        <>
                          {' · '}
                          {t('surveyTranslations.approvedBy', {
                            name: item.approved_by ?? t('surveyTranslations.someone'),
                            date: day(item.approved_at),
                          })}
                        </>
                      )}
                    </p>
                    <button
                      type="button"
                      aria-expanded={open === key}
                      onClick={() => setOpen(open === key ? null : key)}
                    >
                      {item.standing === 'missing'
                        ? t('surveyTranslations.translate')
                        : t('surveyTranslations.open')}
                    </button>
                    {open === key && <Editor item={item} onChanged={list.reload} />}
                  </li>
                );
              })}
            </ul>
          )
        }
      </Loaded>
    </>
  );
}

function Editor({ item, onChanged }: { item: Translation; onChanged: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(() => flatten(item.texts, item.source));
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const path = { id: item.survey_id, instrumentId: item.instrument_id, language: item.language };
  async function act(run: () => Promise<unknown>, done: string) {
    setFailure(null);
    setNotice(null);
    try {
      await run();
      setNotice(done);
      onChanged();
    } catch (error) {
      setFailure(error);
    }
  }
  const save = () =>
    act(
      () =>
        api.put('/api/surveys/{id}/translations/{instrumentId}/{language}', {
          params: { path },
          body: { texts: unflatten(values, item.source) },
        }),
      t('surveyTranslations.saved'),
    );
  const approve = () =>
    act(
      () =>
        api.post('/api/surveys/{id}/translations/{instrumentId}/{language}/approve', { params: { path } }),
      t('surveyTranslations.approved'),
    );
  return (
    <div className="translation-editor">
      {item.from_library && <p className="hint">{t('surveyTranslations.fromLibrary')}</p>}
      {textRows(item.source).map((row) => (
        <div className="side-by-side" key={row.key}>
          <p className="original" lang="en" dir="ltr">
            {row.english}
          </p>
          <TextArea
            label={t('surveyTranslations.inLanguage', {
              language: t(`surveys.languageNames.${item.language}`),
            })}
            lang={item.language}
            dir="auto"
            rows={2}
            value={values[row.key] ?? ''}
            onChange={(value) => setValues({ ...values, [row.key]: value })}
          />
        </div>
      ))}
      {failure !== null && <ErrorMessage error={failure} />}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <p className="actions">
        <button type="button" className="primary" onClick={() => void save()}>
          {t('surveyTranslations.saveDraft')}
        </button>
        {item.standing === 'draft' && !item.from_library && (
          <button type="button" onClick={() => void approve()}>
            {t('surveyTranslations.approve')}
          </button>
        )}
      </p>
    </div>
  );
}
