import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { discard, newRequestId, send } from '../offline/queue.js';
import { WaitingToSend } from '../offline/waiting.js';
import { SelectField } from '../components/form.js';
import { ErrorMessage } from '../components/states.js';
import { QuestionFields } from './question-fields.js';
import { checkAnswers, hasAnyAnswer, valuesToAnswers, type Answers } from './questions.js';
import { formInstruments, type SurveyLanguage } from '../../../src/domain/survey-values.js';
import type { SurveyDetail, RespondentStatus } from '../../../src/domain/survey-results.js';
import { dayRange } from '../i18n/format.js';

/**
 * A facilitator types in a respondent's answers (a paper form, an interview) on their behalf. A second
 * entry for the same respondent and wave replaces the first.
 */
export function FacilitatorEntry({
  survey,
  respondents,
  onSaved,
}: {
  survey: SurveyDetail;
  respondents: readonly RespondentStatus[];
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [waveId, setWaveId] = useState(survey.waves[0]?.id ?? '');
  const [respondentId, setRespondentId] = useState(respondents[0]?.id ?? '');
  const [language, setLanguage] = useState<SurveyLanguage>(survey.languages[0] ?? 'en');
  const [values, setValues] = useState<Answers>({});
  const [invalid, setInvalid] = useState<Record<string, boolean>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const questions = useMemo(
    () => formInstruments(survey.instruments, survey.out_groups, language),
    [survey, language],
  );
  const wave = survey.waves.find((entry) => entry.id === waveId);
  const respondent = respondents.find((entry) => entry.id === respondentId);
  const scope = `survey:${survey.id}:entries`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const wrong = checkAnswers(questions, values);
    setInvalid(wrong);
    setFailure(null);
    setSaved(null);
    if (!wave || !respondent) return setProblem(t('surveys.chooseWaveAndRespondent'));
    if (Object.keys(wrong).length) return setProblem(t('answer.fixAnswers'));
    if (!hasAnyAnswer(values)) return setProblem(t('answer.answerSomething'));
    setProblem(null);
    setBusy(true);
    try {
      // A stack of paper forms typed in on a tablet without a line: each entry waits in the outbox.
      const id = newRequestId('entry');
      const outcome = await send({
        id,
        kind: 'entry',
        scope,
        url: `/api/surveys/${encodeURIComponent(survey.id)}/waves/${encodeURIComponent(wave.id)}/entries`,
        body: { respondent_id: respondent.id, language, answers: valuesToAnswers(questions, values) },
      });
      if (outcome.state === 'refused') {
        await discard(id);
        setFailure(new ApiError(outcome.code, outcome.status, outcome.message));
        return;
      }
      const replaced = outcome.state === 'sent' && (outcome.result as { replaced?: boolean })?.replaced;
      setSaved(
        outcome.state === 'waiting'
          ? t('offline.entryKept', { respondent: respondent.pseudonym })
          : t(replaced ? 'surveys.entryReplaced' : 'surveys.entrySaved', {
              respondent: respondent.pseudonym,
              wave: t(`surveys.waves.${wave.kind}`),
            }),
      );
      setValues({});
      if (outcome.state === 'sent') onSaved();
    } finally {
      setBusy(false);
    }
  }

  if (!survey.waves.length || !respondents.length) return <p className="notice">{t('surveys.entryNeeds')}</p>;
  return (
    <form onSubmit={submit} noValidate className="entry-form">
      <WaitingToSend scope={scope} />
      <div className="form-grid">
        <SelectField
          label={t('surveys.wave')}
          value={waveId}
          onChange={setWaveId}
          options={survey.waves.map((entry) => ({
            value: entry.id,
            label: `${t(`surveys.waves.${entry.kind}`)} (${dayRange(entry.opens_on, entry.closes_on)})`,
          }))}
        />
        <SelectField
          label={t('surveys.respondent')}
          value={respondentId}
          onChange={setRespondentId}
          options={respondents.map((entry) => ({
            value: entry.id,
            label: `${entry.pseudonym} (${t(`surveys.arms.${entry.arm}`)})`,
          }))}
        />
        <SelectField
          label={t('surveys.formLanguage')}
          value={language}
          onChange={(value) => setLanguage(value as SurveyLanguage)}
          options={survey.languages.map((code) => ({
            value: code,
            label: t(`surveys.languageNames.${code}`),
          }))}
        />
      </div>
      {problem && (
        <div className="error-summary" role="alert">
          <p>{problem}</p>
        </div>
      )}
      <QuestionFields
        questions={questions}
        language={language}
        values={values}
        invalid={invalid}
        onChange={(key, value) => setValues((current) => ({ ...current, [key]: value }))}
      />
      {failure !== null && <ErrorMessage error={failure} />}
      {saved && (
        <p className="notice" role="status">
          {saved}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('common.saving') : t('surveys.saveEntry')}
      </button>
    </form>
  );
}
