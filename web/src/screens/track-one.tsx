import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { ActorPicker } from '../components/actor-picker.js';
import { useConfirm } from '../components/confirm.js';
import { useFormSubmit } from '../components/form-submit.js';
import { ErrorSummary, SelectField, TextField, isIsoDate, type FieldErrors } from '../components/form.js';
import { Empty, ErrorMessage, Loaded } from '../components/states.js';
import { useCan } from '../permissions.js';
import { useResource } from '../use-resource.js';
import {
  agreementStages,
  dateAsKnown,
  datePrecisions,
  trackOneEventKinds,
  type AgreementStage,
  type DatePrecision,
  type TrackOneEventKind,
} from '../track-one-lists.js';

/** A conflict's Track-I timeline (issue #15): the list, and for those who may write it, the add form. */
export default function TrackOne({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const { conflictId } = params;
  const conflict = useResource('/api/conflicts/{id}', { params: { path: { id: conflictId } } });
  const events = useResource('/api/conflicts/{id}/track-one-events', {
    params: { path: { id: conflictId }, query: {} },
  });
  const can = useCan();
  const place = conflict.state === 'ready' ? { workspaceId: conflict.data.workspace_id, conflictId } : null;
  const mayWrite = place !== null && can('trackone.write', place);
  const mayPickActors = place !== null && can('actors.read', place);
  const confirm = useConfirm();
  const [kind, setKind] = useState<TrackOneEventKind>('agreement_signed');
  const [date, setDate] = useState('');
  const [precision, setPrecision] = useState<DatePrecision>('day');
  const [title, setTitle] = useState('');
  const [source, setSource] = useState('');
  const [stage, setStage] = useState<AgreementStage | ''>('');
  const [gender, setGender] = useState<'' | 'yes' | 'no'>('');
  const [parties, setParties] = useState<Parameters<typeof ActorPicker>[0]['value']>([]);
  const [deleteFailure, setDeleteFailure] = useState<unknown>(null);
  const { errors, failure, busy, save } = useFormSubmit();
  const agreement = kind === 'agreement_signed';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {
      title: !title.trim() ? t('common.required') : undefined,
      date: !date ? t('common.required') : !isIsoDate(date) ? t('common.invalidDate') : undefined,
      stage: agreement && !stage ? t('common.required') : undefined,
      gender: agreement && !gender ? t('common.required') : undefined,
    };
    await save(found, async () => {
      await api.post('/api/track-one-events', {
        body: {
          conflict_id: conflictId,
          kind,
          occurred_on: date,
          date_precision: precision,
          title: title.trim(),
          source: source.trim(),
          agreement_stage: agreement && stage ? stage : null,
          gender_provisions: agreement ? gender === 'yes' : null,
          party_actor_ids: parties.map((actor) => actor.id),
        },
      });
      setTitle('');
      setDate('');
      setSource('');
      setParties([]);
      events.reload();
    });
  }

  async function remove(id: string, what: string) {
    if (
      !(await confirm({
        title: t('trackOne.deleteConfirm', { title: what }),
        confirm: t('trackOne.delete'),
        danger: true,
      }))
    )
      return;
    setDeleteFailure(null);
    try {
      await api.delete('/api/track-one-events/{id}', { params: { path: { id } } });
      events.reload();
    } catch (error) {
      setDeleteFailure(error);
    }
  }

  return (
    <section className="track-one">
      <h1>{t('trackOne.title')}</h1>
      {conflict.state === 'ready' && (
        <p className="subtitle" dir="auto">
          {conflict.data.name}
        </p>
      )}
      {deleteFailure !== null && <ErrorMessage error={deleteFailure} />}
      <Loaded resource={events}>
        {(payload) => {
          if (!payload.items.length) return <Empty>{t('trackOne.noEvents')}</Empty>;
          return (
            <ol className="timeline">
              {payload.items.map((item) => (
                <li key={item.id}>
                  <p>
                    <strong>{dateAsKnown(item.occurred_on, item.date_precision)}</strong>{' '}
                    {t(`trackOne.kinds.${item.kind}`)}: <bdi>{item.title}</bdi>
                  </p>
                  {item.agreement_stage !== null && (
                    <p>
                      {t('trackOne.stage')}: {t(`trackOne.stages.${item.agreement_stage}`)} ·{' '}
                      {t('trackOne.gender')}: {item.gender_provisions ? t('trackOne.yes') : t('trackOne.no')}
                    </p>
                  )}
                  {item.party_count > 0 && <p>{t('trackOne.partyCount', { count: item.party_count })}</p>}
                  {item.source && (
                    <p>
                      {t('trackOne.source')}: <bdi>{item.source}</bdi>
                    </p>
                  )}
                  {mayWrite && (
                    <button type="button" className="danger" onClick={() => void remove(item.id, item.title)}>
                      {t('trackOne.delete')}
                    </button>
                  )}
                </li>
              ))}
            </ol>
          );
        }}
      </Loaded>
      {mayWrite && (
        <>
          <h2>{t('trackOne.add')}</h2>
          <ErrorSummary title={t('common.fixErrors')} errors={errors} />
          {failure !== null && <ErrorMessage error={failure} />}
          <form onSubmit={submit} noValidate>
            <div className="form-grid">
              <SelectField
                label={t('trackOne.kind')}
                value={kind}
                onChange={(value) => setKind(value as TrackOneEventKind)}
                options={trackOneEventKinds.map((value) => ({ value, label: t(`trackOne.kinds.${value}`) }))}
              />
              <TextField
                label={t('trackOne.eventTitle')}
                value={title}
                onChange={setTitle}
                error={errors.title}
                maxLength={200}
                required
              />
              <TextField
                label={t('trackOne.date')}
                type="date"
                value={date}
                onChange={setDate}
                error={errors.date}
                required
              />
              <SelectField
                label={t('trackOne.precision')}
                value={precision}
                onChange={(value) => setPrecision(value as DatePrecision)}
                options={datePrecisions.map((value) => ({ value, label: t(`trackOne.precisions.${value}`) }))}
              />
              <TextField label={t('trackOne.source')} value={source} onChange={setSource} maxLength={500} />
              {agreement && (
                <SelectField
                  label={t('trackOne.stage')}
                  value={stage}
                  onChange={(value) => setStage(value as AgreementStage | '')}
                  error={errors.stage}
                  options={[
                    { value: '', label: t('trackOne.choose') },
                    ...agreementStages.map((value) => ({ value, label: t(`trackOne.stages.${value}`) })),
                  ]}
                />
              )}
              {agreement && (
                <SelectField
                  label={t('trackOne.gender')}
                  value={gender}
                  onChange={(value) => setGender(value as '' | 'yes' | 'no')}
                  error={errors.gender}
                  options={[
                    { value: '', label: t('trackOne.choose') },
                    { value: 'yes', label: t('trackOne.yes') },
                    { value: 'no', label: t('trackOne.no') },
                  ]}
                />
              )}
              {mayPickActors && (
                <ActorPicker
                  conflictId={conflictId}
                  label={t('trackOne.parties')}
                  value={parties}
                  onChange={setParties}
                />
              )}
            </div>
            <button type="submit" className="primary" disabled={busy}>
              {t('trackOne.add')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
