import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, apiGet } from '../api/client.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { ErrorSummary, TextArea, TextField, type FieldErrors } from '../components/form.js';
import { Empty, ErrorMessage, Loaded } from '../components/states.js';
import { Link, navigate } from '../router.js';
import {
  libraryInstrumentIds,
  surveyLanguages,
  type SurveyLanguage,
} from '../../../src/domain/survey-values.js';
import { useResource } from '../use-resource.js';
import { useFormSubmit } from '../components/form-submit.js';

function Checkboxes({
  legend,
  options,
  chosen,
  onChange,
  error,
}: {
  legend: string;
  options: readonly { value: string; label: string }[];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
  error?: string;
}) {
  return (
    <fieldset className={error ? 'checkboxes field-invalid' : 'checkboxes'}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="checkbox">
          <input
            type="checkbox"
            checked={chosen.includes(option.value)}
            onChange={(event) =>
              onChange(
                event.target.checked
                  ? [...chosen, option.value]
                  : chosen.filter((value) => value !== option.value),
              )
            }
          />
          {option.label}
        </label>
      ))}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}

/** The surveys of an initiative, and a form to create one (conveners and facilitators). */
export default function Surveys({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const { initiativeId } = params;
  const initiative = useResource('/api/initiatives/{id}', { params: { path: { id: initiativeId } } });
  const surveys = useResource('/api/initiatives/{id}/surveys', { params: { path: { id: initiativeId } } });
  const conflictId = initiative.state === 'ready' ? initiative.data.conflict_id : null;
  const conflict = useResource(
    conflictId ? apiGet('/api/conflicts/{id}', { params: { path: { id: conflictId } } }) : null,
  );
  const [title, setTitle] = useState('');
  const [instruments, setInstruments] = useState<string[]>(['feeling-thermometer']);
  const [outGroups, setOutGroups] = useState('');
  const [languages, setLanguages] = useState<string[]>(['en']);
  const { errors, failure, busy, save } = useFormSubmit();

  // The sides of the conflict's first divide are the usual out-groups: offered, and free to change.
  const firstGroups = conflict.state === 'ready' ? (conflict.data.divides[0]?.groups ?? []) : [];
  const suggested = firstGroups.map((group) => group.name).join('\n');
  useEffect(() => {
    if (suggested) setOutGroups((current) => current || suggested);
  }, [suggested]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const groups = [
      ...new Set(
        outGroups
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      ),
    ];
    const found: FieldErrors = {
      title: !title.trim() ? t('common.required') : undefined,
      instruments: instruments.length ? undefined : t('surveys.chooseInstrument'),
      outGroups: groups.length ? undefined : t('surveys.outGroupsRequired'),
      languages: languages.length ? undefined : t('surveys.chooseLanguage'),
    };
    await save(found, async () => {
      const survey = await api.post('/api/surveys', {
        body: {
          initiative_id: initiativeId,
          title: title.trim(),
          instruments: instruments.map((library) => ({ library })),
          out_groups: groups,
          languages: languages as SurveyLanguage[],
        },
      });
      navigate(`/i/${initiativeId}/surveys/${survey.id}`);
    });
  }

  return (
    <section>
      <Breadcrumbs
        trail={[
          { to: `/i/${initiativeId}`, label: t('nav.initiative') },
          { to: `/i/${initiativeId}/evidence`, label: t('nav.evidence') },
        ]}
      />
      <h1>{t('surveys.title')}</h1>
      <Loaded resource={surveys}>
        {(payload) =>
          payload.items.length === 0 ? (
            <Empty>{t('evidence.noSurveys')}</Empty>
          ) : (
            <ul className="survey-list">
              {payload.items.map((survey) => (
                <li key={survey.id}>
                  <Link to={`/i/${initiativeId}/surveys/${survey.id}`}>
                    <bdi>{survey.title}</bdi>
                  </Link>{' '}
                  <span className="hint">
                    (
                    {survey.instruments
                      .map((instrument) =>
                        t(`surveys.instrumentNames.${instrument.id}`, { defaultValue: instrument.id }),
                      )
                      .join(', ')}
                    )
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>

      <h2>{t('surveys.create')}</h2>
      <form onSubmit={submit} noValidate className="narrow">
        <ErrorSummary title={t('common.fixErrors')} errors={errors} />
        <TextField label={t('surveys.surveyTitle')} value={title} onChange={setTitle} error={errors.title} />
        <Checkboxes
          legend={t('surveys.instruments')}
          options={libraryInstrumentIds.map((id) => ({
            value: id,
            label: t(`surveys.instrumentNames.${id}`),
          }))}
          chosen={instruments}
          onChange={setInstruments}
          error={errors.instruments}
        />
        <TextArea
          label={t('surveys.outGroups')}
          hint={t('surveys.outGroupsHint')}
          value={outGroups}
          onChange={setOutGroups}
          error={errors.outGroups}
        />
        <Checkboxes
          legend={t('surveys.languages')}
          options={surveyLanguages.map((code) => ({
            value: code,
            label: t(`surveys.languageNames.${code}`),
          }))}
          chosen={languages}
          onChange={setLanguages}
          error={errors.languages}
        />
        {failure !== null && <ErrorMessage error={failure} />}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('common.saving') : t('surveys.createButton')}
        </button>
      </form>
    </section>
  );
}
