import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, OFFLINE_ERROR } from '../api/client.js';
import { discard, newRequestId, send } from '../offline/queue.js';
import { registerOffline } from '../offline/register.js';
import { readSnapshot, writeSnapshot } from '../offline/store.js';
import { WaitingToSend } from '../offline/waiting.js';
import { ErrorMessage, Loading } from '../components/states.js';
import { QuestionFields } from '../surveys/question-fields.js';
import {
  answersToValues,
  checkAnswers,
  hasAnyAnswer,
  valuesToAnswers,
  type Answers,
} from '../surveys/questions.js';
import { isSurveyLanguage, type SurveyLanguage } from '../../../src/domain/survey-values.js';
import type { SurveyForm } from '../../../src/domain/survey-results.js';
import { day } from '../i18n/format.js';

/**
 * The page a survey link opens, on the respondent's phone: no account, the link is the credential. The
 * token stays after the `#`, so it never reaches a server log or a Referer header.
 */
export default function SurveyAnswer({ params }: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const { surveyId, waveId, token } = params;
  const wanted: SurveyLanguage = isSurveyLanguage(i18n.language) ? i18n.language : 'en';
  const [form, setForm] = useState<SurveyForm | null>(null);
  const [loadFailure, setLoadFailure] = useState<unknown>(null);
  const [values, setValues] = useState<Answers>({});
  const [invalid, setInvalid] = useState<Record<string, boolean>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<'new' | 'replaced' | 'kept' | null>(null);
  const [fromDevice, setFromDevice] = useState(false);
  // The form is kept on this device (the link's own form), so the page opens again without a line.
  const kept = `form:${surveyId}:${waveId}:${token}`;
  const scope = `survey:${surveyId}:${waveId}`;

  useEffect(() => {
    let live = true;
    setLoadFailure(null);
    // The server answers in English when the survey is not (yet) asked in the reader's language.
    const load = (language: SurveyLanguage): Promise<SurveyForm> =>
      api.post('/api/surveys/{id}/waves/{waveId}/form', {
        params: { path: { id: surveyId, waveId } },
        body: { token, language },
        quietUnauthenticated: true,
      });
    void registerOffline();
    const show = (loaded: SurveyForm) => {
      setForm(loaded);
      setValues((current) => (hasAnyAnswer(current) ? current : answersToValues(loaded.previous)));
    };
    load(wanted)
      .then((loaded) => {
        if (!live) return;
        setFromDevice(false);
        show(loaded);
        void writeSnapshot(kept, loaded);
      })
      .catch(async (error: unknown) => {
        const offline = error instanceof ApiError && error.code === OFFLINE_ERROR;
        const stored = offline ? await readSnapshot<SurveyForm>(kept) : undefined;
        if (!live) return;
        if (stored) {
          setFromDevice(true);
          show(stored);
        } else setLoadFailure(error);
      });
    return () => {
      live = false;
    };
  }, [surveyId, waveId, token, wanted]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!form) return;
    const wrong = checkAnswers(form.instruments, values);
    setInvalid(wrong);
    setFailure(null);
    if (Object.keys(wrong).length) return setProblem(t('answer.fixAnswers'));
    if (!hasAnyAnswer(values)) return setProblem(t('answer.answerSomething'));
    setProblem(null);
    setBusy(true);
    try {
      // Kept in this device's outbox first, then sent; without a line it goes when the line returns.
      const id = newRequestId('answer');
      const outcome = await send({
        id,
        kind: 'answer',
        scope,
        url: `/api/surveys/${encodeURIComponent(surveyId)}/waves/${encodeURIComponent(waveId)}/answers`,
        body: { token, language: form.language, answers: valuesToAnswers(form.instruments, values) },
      });
      if (outcome.state === 'sent') {
        setSent((outcome.result as { replaced?: boolean } | undefined)?.replaced ? 'replaced' : 'new');
      } else if (outcome.state === 'waiting') setSent('kept');
      else {
        await discard(id);
        setFailure(new ApiError(outcome.code, outcome.status, outcome.message));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="narrow survey-answer">
      <h1>{t('answer.title')}</h1>
      <WaitingToSend scope={scope} />
      {loadFailure !== null ? (
        <ErrorMessage error={loadFailure} />
      ) : !form ? (
        <Loading />
      ) : sent ? (
        <div className="notice" role="status">
          <p>
            {sent === 'kept'
              ? t('offline.answerKept')
              : sent === 'replaced'
                ? t('answer.replaced')
                : t('answer.thanks')}
          </p>
          <button type="button" onClick={() => setSent(null)}>
            {t('answer.change')}
          </button>
        </div>
      ) : (
        <form onSubmit={submit} noValidate>
          <p>{t('answer.intro')}</p>
          {fromDevice && <p className="notice">{t('offline.formFromDevice')}</p>}
          <p className="hint">
            {t('answer.openUntil', {
              wave: t(`answer.waves.${form.wave.kind}`),
              date: day(form.wave.closes_on),
            })}
          </p>
          {form.language !== wanted && <p className="notice">{t('answer.shownInEnglish')}</p>}
          {form.previous && <p className="notice">{t('answer.previous')}</p>}
          {problem && (
            <div className="error-summary" role="alert">
              <p>{problem}</p>
            </div>
          )}
          <QuestionFields
            questions={form.instruments}
            language={form.language}
            values={values}
            invalid={invalid}
            onChange={(key, value) => setValues((current) => ({ ...current, [key]: value }))}
          />
          {failure !== null && <ErrorMessage error={failure} />}
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('common.saving') : t('answer.send')}
          </button>
        </form>
      )}
    </section>
  );
}
