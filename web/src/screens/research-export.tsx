import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { SelectField, TextField } from '../components/form.js';
import { ErrorMessage, Loaded } from '../components/states.js';
import { useFormSubmit } from '../components/form-submit.js';
import { download } from '../download.js';
import { useResource } from '../use-resource.js';

interface DataSet {
  value: string;
  label: string;
  /** The export as text: fetched first, so a refusal is shown in words rather than saved as a file. */
  fetch: (k: number, format: 'json' | 'csv') => Promise<string>;
  formats: readonly ('json' | 'csv')[];
  file: string;
}

const rules = ['freshIds', 'months', 'noNames', 'kAnonymous', 'chatham'] as const;

/** Choose a data set of the initiative, see how it is anonymised, download it. */
export default function ResearchExport({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const { initiativeId } = params;
  const initiative = useResource('/api/initiatives/{id}', { params: { path: { id: initiativeId } } });
  const surveys = useResource('/api/initiatives/{id}/surveys', { params: { path: { id: initiativeId } } });
  const [choice, setChoice] = useState('initiative');
  const [format, setFormat] = useState<'json' | 'csv'>('json');
  const [k, setK] = useState('5');
  const { errors, failure, busy, save } = useFormSubmit();
  const [done, setDone] = useState<string | null>(null);

  const name = initiative.state === 'ready' ? initiative.data.name : '';
  const sets: DataSet[] = [
    {
      value: 'initiative',
      label: t('research.initiativeSet', { name }),
      fetch: (k) =>
        api.getText('/api/initiatives/{id}/export/research', {
          params: { path: { id: initiativeId }, query: { k } },
        }),
      formats: ['json'],
      file: 'initiative-research',
    },
    ...(surveys.state === 'ready' ? surveys.data.items : []).map((survey) => ({
      value: survey.id,
      label: t('research.surveySet', { title: survey.title }),
      fetch: (k: number, format: 'json' | 'csv') =>
        api.getText('/api/surveys/{id}/export/research', {
          params: { path: { id: survey.id }, query: { k, format } },
        }),
      formats: ['json', 'csv'] as const,
      file: 'survey-research',
    })),
  ];
  const chosen = sets.find((set) => set.value === choice) ?? sets[0];
  const chosenFormat = chosen.formats.includes(format) ? format : chosen.formats[0];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const smallest = Number(k);
    const invalid = !Number.isInteger(smallest) || smallest < 5 || smallest > 100;
    setDone(null);
    await save({ k: invalid ? t('research.kRange') : undefined }, async () => {
      const text = await chosen.fetch(smallest, chosenFormat);
      const file = `${chosen.file}-k${smallest}.${chosenFormat}`;
      download(file, text, chosenFormat === 'csv' ? 'text/csv' : 'application/json');
      setDone(t('research.downloaded', { file }));
    });
  }

  return (
    <section>
      <Breadcrumbs trail={[{ to: `/i/${initiativeId}`, label: t('nav.initiative') }]} />
      <h1>{t('research.title')}</h1>
      <p>{t('research.intro')}</p>
      <Loaded resource={initiative}>
        {() => (
          <form onSubmit={submit} noValidate className="narrow">
            <SelectField
              label={t('research.dataset')}
              value={chosen.value}
              onChange={setChoice}
              options={sets.map((set) => ({ value: set.value, label: set.label }))}
            />
            {chosen.formats.length > 1 && (
              <SelectField
                label={t('research.format')}
                value={chosenFormat}
                onChange={(value) => setFormat(value as 'json' | 'csv')}
                options={chosen.formats.map((value) => ({ value, label: value.toUpperCase() }))}
              />
            )}
            <TextField
              label={t('research.k')}
              hint={t('research.kHint')}
              type="number"
              min={5}
              max={100}
              value={k}
              onChange={setK}
              error={errors.k}
            />
            <h2>{t('research.whatIsDone')}</h2>
            <ul className="anonymisation-rules">
              {rules.map((rule) => (
                <li key={rule}>{t(`research.rules.${rule}`)}</li>
              ))}
            </ul>
            {failure !== null && <ErrorMessage error={failure} />}
            {done && (
              <p className="notice" role="status">
                {done}
              </p>
            )}
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('research.downloading') : t('research.download')}
            </button>
          </form>
        )}
      </Loaded>
    </section>
  );
}
