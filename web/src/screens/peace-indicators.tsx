import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { useFormSubmit } from '../components/form-submit.js';
import { ErrorSummary, TextField, type FieldErrors } from '../components/form.js';
import { ErrorMessage } from '../components/states.js';
import { peaceIndicatorKinds, type PeaceIndicatorKind } from '../track-one-lists.js';

const KINDS = peaceIndicatorKinds.filter((kind) => kind !== 'other');
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A field monitor's phone form (issue #15): the counts of one area and month, sent all together. */
export default function PeaceIndicators({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const { initiativeId } = params;
  const [area, setArea] = useState('');
  const [month, setMonth] = useState(new Date().toISOString().slice(0, 7));
  const [counts, setCounts] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const { errors, failure, busy, save } = useFormSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    const found: FieldErrors = {
      area: !area.trim() ? t('common.required') : undefined,
      month: MONTH.test(month) ? undefined : t('trackOne.badMonth'),
    };
    for (const kind of KINDS) {
      const text = counts[kind] ?? '';
      if (text.trim() && !/^\d+$/.test(text.trim())) found[kind] = t('trackOne.badCount');
    }
    const entries = KINDS.filter((kind) => (counts[kind] ?? '').trim() !== '').map((kind) => ({
      kind: kind as PeaceIndicatorKind,
      count: Number(counts[kind]),
    }));
    if (!entries.length && !Object.values(found).some(Boolean)) found[KINDS[0]] = t('trackOne.oneCount');
    await save(found, async () => {
      await api.put('/api/initiatives/{id}/peace-indicators', {
        params: { path: { id: initiativeId } },
        body: { area: area.trim(), month, entries },
      });
      setDone(true);
    });
  }

  return (
    <section className="peace-indicators">
      <Breadcrumbs trail={[{ to: `/i/${initiativeId}`, label: t('nav.initiative') }]} />
      <h1>{t('trackOne.indicatorsTitle')}</h1>
      <ErrorSummary title={t('common.fixErrors')} errors={errors} />
      {failure !== null && <ErrorMessage error={failure} />}
      {done && <p role="status">{t('trackOne.reported')}</p>}
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('trackOne.area')}
          value={area}
          onChange={setArea}
          error={errors.area}
          maxLength={120}
          required
        />
        <TextField
          label={t('trackOne.month')}
          type="month"
          value={month}
          onChange={setMonth}
          error={errors.month}
          required
        />
        {KINDS.map((kind) => (
          <TextField
            key={kind}
            label={t(`trackOne.indicators.${kind}`)}
            inputMode="numeric"
            value={counts[kind] ?? ''}
            onChange={(value) => setCounts({ ...counts, [kind]: value })}
            error={errors[kind]}
          />
        ))}
        <button type="submit" className="primary" disabled={busy}>
          {t('trackOne.report')}
        </button>
      </form>
    </section>
  );
}
