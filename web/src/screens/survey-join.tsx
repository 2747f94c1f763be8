import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { SelectField } from '../components/form.js';
import { ErrorMessage, Loaded, Loading } from '../components/states.js';
import { navigate } from '../router.js';
import { readSurveyJoined, writeSurveyJoined } from '../surveys/survey-join-store.js';
import { useResource } from '../use-resource.js';

const genders = ['woman', 'man', 'other', 'undisclosed'] as const;

/**
 * A survey's open join link (`/survey-join/:code`), opened on a phone without an account: the survey's
 * title, an optional side and gender, and "Start"; then the answer page. A device that answered before
 * hands its answer link back and goes straight on as the same respondent (this wave or the next).
 */
export default function SurveyJoin({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const code = params.code;
  const info = useResource('/api/survey-join/{code}', { params: { path: { code } } });
  const [side, setSide] = useState('');
  const [gender, setGender] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [resuming, setResuming] = useState(false);

  async function join(surveyId: string, previous?: string) {
    setBusy(true);
    setFailure(null);
    try {
      const made = await api.post('/api/survey-join/{code}', {
        params: { path: { code } },
        body: {
          side: side || null,
          gender: (gender || null) as (typeof genders)[number] | null,
          ...(previous ? { previous_token: previous } : {}),
        },
      });
      writeSurveyJoined({ surveyId, waveId: made.wave_id, token: made.token, side: side || null });
      navigate(`/answer/${made.survey_id}/${made.wave_id}/${made.token}`);
    } catch (error) {
      setFailure(error);
      setResuming(false);
    } finally {
      setBusy(false);
    }
  }

  // Back on a device that answered before: go on as the same respondent.
  const ready = info.state === 'ready' ? info.data : null;
  useEffect(() => {
    if (!ready?.wave) return;
    const kept = readSurveyJoined(ready.survey_id);
    if (!kept) return;
    setResuming(true);
    void join(ready.survey_id, kept.token);
    // Once per survey and wave loaded.
  }, [ready?.survey_id, ready?.wave?.id]);

  if (resuming) return <Loading />;
  return (
    <section className="answer survey-join" aria-labelledby="survey-join-title">
      <h1 id="survey-join-title">{t('surveyJoin.title')}</h1>
      <Loaded resource={info}>
        {(link) => (
          <>
            <p className="prompt" dir="auto">
              <strong>{link.title}</strong>
            </p>
            {link.wave === null ? (
              <p className="notice">{t('surveyJoin.noWave')}</p>
            ) : (
              <>
                <p>{t('surveyJoin.intro')}</p>
                {link.sides.length > 0 && (
                  <SelectField
                    label={t('surveyJoin.side')}
                    hint={t('surveyJoin.optional')}
                    value={side}
                    onChange={setSide}
                    options={[
                      { value: '', label: t('surveyJoin.noAnswer') },
                      ...link.sides.map((name) => ({ value: name, label: name })),
                    ]}
                  />
                )}
                <SelectField
                  label={t('surveyJoin.gender')}
                  hint={t('surveyJoin.optional')}
                  value={gender}
                  onChange={setGender}
                  options={[
                    { value: '', label: t('surveyJoin.noAnswer') },
                    ...genders.map((value) => ({ value, label: t(`actors.genders.${value}`) })),
                  ]}
                />
                <p className="hint">{t('surveyJoin.privacy')}</p>
                {failure !== null && <ErrorMessage error={failure} />}
                <button
                  type="button"
                  className="primary"
                  disabled={busy}
                  onClick={() => void join(link.survey_id)}
                >
                  {t('surveyJoin.start')}
                </button>
              </>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}
