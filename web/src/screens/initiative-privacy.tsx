import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { ErrorSummary, SelectField, TextField, type FieldErrors } from '../components/form.js';
import { useFormSubmit } from '../components/form-submit.js';
import { ErrorMessage, Loaded } from '../components/states.js';
import { useSession } from '../session.js';
import { useResource } from '../use-resource.js';
import { locationPrecisions, type LocationPrecision } from '../../../src/domain/location-precision.js';

type PeriodKey = 'identities_days' | 'attendance_days' | 'answers_days';
const periods: { key: PeriodKey; label: 'identities' | 'attendance' | 'answers' }[] = [
  { key: 'identities_days', label: 'identities' },
  { key: 'attendance_days', label: 'attendance' },
  { key: 'answers_days', label: 'answers' },
];

/** A period as typed: empty means keep. */
function parseDays(text: string): number | null | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d+$/.test(trimmed)) return 'invalid';
  const n = Number(trimmed);
  return n >= 1 && n <= 3650 ? n : 'invalid';
}

/**
 * The initiative's "Retention and privacy" settings: three retention periods and the location precision,
 * each explained in words (what happens, from which date). Conveners and administrators change them;
 * everyone else reads them with the reason they may not.
 */
export default function InitiativePrivacy({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const { initiativeId } = params;
  const settings = useResource('/api/initiatives/{id}/privacy', { params: { path: { id: initiativeId } } });
  const initiative = useResource('/api/initiatives/{id}', { params: { path: { id: initiativeId } } });
  const { session } = useSession();
  const me = session.status === 'signed-in' ? session.me : null;
  const mayChange =
    !!me &&
    ((initiative.state === 'ready' && me.admin_workspaces.includes(initiative.data.workspace_id)) ||
      me.memberships.some((m) => m.initiative_id === initiativeId && m.role === 'convener'));
  const [days, setDays] = useState<Record<PeriodKey, string>>({
    identities_days: '',
    attendance_days: '',
    answers_days: '',
  });
  const [precision, setPrecision] = useState<LocationPrecision>('area');
  const [saved, setSaved] = useState(false);
  const { errors, failure, busy, save } = useFormSubmit();

  useEffect(() => {
    if (settings.state !== 'ready') return;
    const data = settings.data;
    setDays({
      identities_days: data.identities_days?.toString() ?? '',
      attendance_days: data.attendance_days?.toString() ?? '',
      answers_days: data.answers_days?.toString() ?? '',
    });
    setPrecision(data.location_precision);
  }, [settings.state, settings.state === 'ready' ? settings.data : null]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const parsed = Object.fromEntries(periods.map(({ key }) => [key, parseDays(days[key])])) as Record<
      PeriodKey,
      number | null | 'invalid'
    >;
    const found: FieldErrors = Object.fromEntries(
      periods.map(({ key }) => [key, parsed[key] === 'invalid' ? t('privacy.dayCount') : undefined]),
    );
    await save(found, async () => {
      await api.patch('/api/initiatives/{id}/privacy', {
        params: { path: { id: initiativeId } },
        body: {
          identities_days: parsed.identities_days as number | null,
          attendance_days: parsed.attendance_days as number | null,
          answers_days: parsed.answers_days as number | null,
          location_precision: precision,
        },
      });
      setSaved(true);
      settings.reload();
    });
  }

  return (
    <section className="privacy-settings">
      <Breadcrumbs trail={[{ to: `/i/${initiativeId}`, label: t('nav.initiative') }]} />
      <h1>{t('privacy.title')}</h1>
      <Loaded resource={settings}>
        {(data) => (
          <>
            <p>{t('privacy.intro', { grace: data.grace_days })}</p>
            {!mayChange && <p role="note">{t('privacy.notAllowed')}</p>}
            <ErrorSummary title={t('common.fixErrors')} errors={errors} />
            {failure !== null && <ErrorMessage error={failure} />}
            <form onSubmit={submit} noValidate>
              <div className="form-grid">
                {periods.map(({ key, label }) => (
                  <TextField
                    key={key}
                    label={`${t(`privacy.${label}`)} (${t('privacy.days')})`}
                    hint={`${t(`privacy.${label}Hint`)} ${
                      data[key] === null
                        ? t('privacy.keptForever')
                        : t('privacy.keptFor', { days: data[key] })
                    }.`}
                    inputMode="numeric"
                    placeholder={t('privacy.keep')}
                    value={days[key]}
                    onChange={(value) => setDays((current) => ({ ...current, [key]: value }))}
                    error={errors[key]}
                    disabled={!mayChange}
                  />
                ))}
                <SelectField
                  label={t('privacy.precision')}
                  hint={t('privacy.precisionHint')}
                  value={precision}
                  onChange={(value) => setPrecision(value as LocationPrecision)}
                  options={locationPrecisions.map((value) => ({
                    value,
                    label: t(`privacy.precisions.${value}`),
                  }))}
                  disabled={!mayChange}
                />
              </div>
              {mayChange && (
                <button type="submit" className="primary" disabled={busy}>
                  {t('privacy.save')}
                </button>
              )}
              {saved && <p role="status">{t('privacy.saved')}</p>}
            </form>
          </>
        )}
      </Loaded>
    </section>
  );
}
