import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, apiGet } from '../api/client.js';
import { actorLabel } from '../api/names.js';
import {
  itemsOf,
  type Actor,
  type Attendance,
  type Meeting,
  type Outcome,
  type Transfer,
} from '../api/records.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { ErrorSummary, SelectField, TextArea, TextField, isIsoDate } from '../components/form.js';
import { Empty, ErrorMessage, Loaded } from '../components/states.js';
import { useResource } from '../use-resource.js';
import type { AttendanceRole, OutcomeKind, TransferStatus } from '../../../src/domain/vocabulary.js';
import { attendanceRoles, outcomeKinds, transferStatuses } from '../../../src/domain/vocabulary-lists.js';
import { useFormSubmit } from '../components/form-submit.js';
import { day } from '../i18n/format.js';

type NamedActor = Actor & Record<string, unknown>;

export default function MeetingPage({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const { initiativeId, meetingId } = params;
  const meeting = useResource('/api/meetings/{id}', { params: { path: { id: meetingId } } });
  const initiative = useResource('/api/initiatives/{id}', { params: { path: { id: initiativeId } } });
  const actors = useResource(
    initiative.state === 'ready'
      ? apiGet('/api/conflicts/{id}/actors', {
          params: { path: { id: initiative.data.conflict_id }, query: { limit: 500 } },
        })
      : null,
  );
  const actorList = actors.state === 'ready' ? itemsOf<NamedActor>(actors.data) : [];
  const actorsById = new Map(actorList.map((actor) => [actor.id, actor]));

  return (
    <section>
      <Breadcrumbs
        trail={[
          { to: `/i/${initiativeId}`, label: t('nav.initiative') },
          { to: `/i/${initiativeId}/meetings`, label: t('nav.meetings') },
        ]}
      />
      <Loaded resource={meeting}>
        {(data) => (
          <>
            <h1>{data.title}</h1>
            <dl className="facts">
              <dt>{t('meetings.heldOn')}</dt>
              <dd>{day(data.held_on)}</dd>
              {data.place && (
                <>
                  <dt>{t('meetings.place')}</dt>
                  <dd>{data.place}</dd>
                </>
              )}
              <dt>{t('meetings.groundRule')}</dt>
              <dd>{t(`meetings.groundRules.${data.ground_rule}`)}</dd>
              <dt>{t('meetings.status')}</dt>
              <dd>{t(`meetings.statuses.${data.status}`)}</dd>
            </dl>
            <AttendanceSection meeting={data} actors={actorList} actorsById={actorsById} />
            <OutcomesSection meeting={data} actors={actorList} actorsById={actorsById} />
          </>
        )}
      </Loaded>
    </section>
  );
}

interface SectionProps {
  meeting: Meeting;
  actors: NamedActor[];
  actorsById: Map<string, NamedActor>;
}

function AttendanceSection({ meeting, actors, actorsById }: SectionProps) {
  const { t } = useTranslation();
  const attendance = useResource('/api/meetings/{id}/attendance', { params: { path: { id: meeting.id } } });
  const [actorId, setActorId] = useState('');
  const [role, setRole] = useState('participant');
  const { errors, failure, save } = useFormSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = { actorId: actorId ? undefined : t('ties.chooseActor') };
    await save(found, async () => {
      await api.post('/api/meetings/{id}/attendance', {
        params: { path: { id: meeting.id } },
        body: { attendees: [{ actor_id: actorId, role: role as AttendanceRole }] },
      });
      setActorId('');
      attendance.reload();
    });
  }

  // Chatham House and closed meetings show who attended only to their conveners, and only they record it
  // (a recording's answer would tell the rest who attended): the server says no to both.
  const hidden =
    attendance.state === 'error' &&
    attendance.error instanceof ApiError &&
    (attendance.error.status === 403 || (attendance.error.status === 404 && meeting.ground_rule !== 'open'));

  return (
    <>
      <h2>{t('meetings.attendance')}</h2>
      {hidden ? (
        <p className="notice">{t('meetings.attendanceHidden')}</p>
      ) : (
        <Loaded resource={attendance}>
          {(payload) => {
            const list = itemsOf<Attendance>(payload);
            if (!list.length) return <Empty>{t('meetings.noAttendance')}</Empty>;
            return (
              <ul>
                {list.map((entry) => {
                  const actor = actorsById.get(entry.actor_id);
                  return (
                    <li key={entry.actor_id}>
                      {actor ? actorLabel(actor) : entry.actor_id.slice(0, 8)}:{' '}
                      {t(`meetings.attendanceRoles.${entry.role}`)}
                    </li>
                  );
                })}
              </ul>
            );
          }}
        </Loaded>
      )}
      {!hidden && actors.length > 0 && (
        <form onSubmit={submit} noValidate>
          <h3>{t('meetings.addAttendee')}</h3>
          <ErrorSummary title={t('common.fixErrors')} errors={errors} />
          {failure !== null && <ErrorMessage error={failure} />}
          <div className="form-grid">
            <SelectField
              label={t('meetings.attendee')}
              value={actorId}
              onChange={setActorId}
              error={errors.actorId}
              options={[
                { value: '', label: t('ties.chooseActor') },
                ...actors.map((actor) => ({ value: actor.id, label: actorLabel(actor) })),
              ]}
            />
            <SelectField
              label={t('meetings.attendeeRole')}
              value={role}
              onChange={setRole}
              options={attendanceRoles.map((value) => ({
                value,
                label: t(`meetings.attendanceRoles.${value}`),
              }))}
            />
          </div>
          <button type="submit">{t('meetings.record')}</button>
        </form>
      )}
    </>
  );
}

function OutcomesSection({ meeting, actors, actorsById }: SectionProps) {
  const { t } = useTranslation();
  const outcomes = useResource('/api/initiatives/{id}/outcomes', {
    params: { path: { id: meeting.initiative_id }, query: { limit: 500 } },
  });
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [kind, setKind] = useState('proposal');
  const { errors, failure, save } = useFormSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = { title: title.trim() ? undefined : t('common.required') };
    await save(found, async () => {
      await api.post('/api/outcomes', {
        body: {
          initiative_id: meeting.initiative_id,
          meeting_id: meeting.id,
          title: title.trim(),
          description: description.trim(),
          kind: kind as OutcomeKind,
        },
      });
      setTitle('');
      setDescription('');
      outcomes.reload();
    });
  }

  return (
    <>
      <h2>{t('meetings.outcomes')}</h2>
      <Loaded resource={outcomes}>
        {(payload) => {
          const list = itemsOf<Outcome>(payload).filter((outcome) => outcome.meeting_id === meeting.id);
          if (!list.length) return <Empty>{t('meetings.noOutcomes')}</Empty>;
          return (
            <ul className="cards">
              {list.map((outcome) => (
                <li key={outcome.id} className="card">
                  <h3>{outcome.title}</h3>
                  <span className="tag">{t(`meetings.outcomeKinds.${outcome.kind}`)}</span>
                  {outcome.description && <p>{outcome.description}</p>}
                  <Transfers outcome={outcome} actors={actors} actorsById={actorsById} />
                </li>
              ))}
            </ul>
          );
        }}
      </Loaded>
      <form onSubmit={submit} noValidate>
        <h3>{t('meetings.addOutcome')}</h3>
        <ErrorSummary title={t('common.fixErrors')} errors={errors} />
        {failure !== null && <ErrorMessage error={failure} />}
        <div className="form-grid">
          <TextField
            label={t('meetings.outcomeTitle')}
            value={title}
            onChange={setTitle}
            error={errors.title}
            maxLength={200}
            required
          />
          <SelectField
            label={t('meetings.outcomeKind')}
            value={kind}
            onChange={setKind}
            options={outcomeKinds.map((value) => ({ value, label: t(`meetings.outcomeKinds.${value}`) }))}
          />
        </div>
        <TextArea label={t('meetings.outcomeDescription')} value={description} onChange={setDescription} />
        <button type="submit">{t('meetings.addOutcome')}</button>
      </form>
    </>
  );
}

function Transfers({
  outcome,
  actors,
  actorsById,
}: {
  outcome: Outcome;
  actors: NamedActor[];
  actorsById: Map<string, NamedActor>;
}) {
  const { t } = useTranslation();
  const transfers = useResource('/api/initiatives/{id}/transfers', {
    params: { path: { id: outcome.initiative_id }, query: { limit: 500 } },
  });
  const [open, setOpen] = useState(false);
  const [recipients, setRecipients] = useState<string[]>([]);
  const [handedOn, setHandedOn] = useState('');
  const [status, setStatus] = useState('handed');
  const [note, setNote] = useState('');
  const { errors, failure, save } = useFormSubmit();
  const trackOne = actors.filter((actor) => actor.track === '1' || actor.track === '1.5');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      recipients: recipients.length ? undefined : t('meetings.chooseRecipients'),
      handedOn: !handedOn ? t('common.required') : !isIsoDate(handedOn) ? t('common.invalidDate') : undefined,
    };
    await save(found, async () => {
      await api.post('/api/transfers', {
        body: {
          outcome_id: outcome.id,
          status: status as TransferStatus,
          handed_on: handedOn,
          note: note.trim(),
          recipient_actor_ids: recipients,
        },
      });
      setOpen(false);
      transfers.reload();
    });
  }

  return (
    <>
      <h4>{t('meetings.transfers')}</h4>
      <Loaded resource={transfers}>
        {(payload) => {
          const list = itemsOf<Transfer>(payload).filter((transfer) => transfer.outcome_id === outcome.id);
          if (!list.length) return <p>{t('meetings.noTransfers')}</p>;
          return (
            <ul>
              {list.map((transfer) => (
                <li key={transfer.id}>
                  {day(transfer.handed_on)}: {t(`meetings.transferStatuses.${transfer.status}`)} (
                  {day(transfer.status_on)}) →{' '}
                  {transfer.recipient_actor_ids
                    .map((id) => {
                      const actor = actorsById.get(id);
                      return actor ? actorLabel(actor) : id.slice(0, 8);
                    })
                    .join(', ')}
                </li>
              ))}
            </ul>
          );
        }}
      </Loaded>
      {!open ? (
        trackOne.length > 0 && (
          <button type="button" onClick={() => setOpen(true)}>
            {t('meetings.addTransfer')}
          </button>
        )
      ) : (
        <form onSubmit={submit} noValidate>
          <ErrorSummary title={t('common.fixErrors')} errors={errors} />
          {failure !== null && <ErrorMessage error={failure} />}
          <div className="field">
            <label htmlFor={`recipients-${outcome.id}`}>{t('meetings.recipients')}</label>
            <p className="hint">{t('meetings.recipientsHint')}</p>
            <select
              id={`recipients-${outcome.id}`}
              multiple
              size={Math.min(6, trackOne.length)}
              value={recipients}
              aria-invalid={errors.recipients ? true : undefined}
              onChange={(event) =>
                setRecipients(Array.from(event.target.selectedOptions, (option) => option.value))
              }
            >
              {trackOne.map((actor) => (
                <option key={actor.id} value={actor.id}>
                  {actorLabel(actor)}
                </option>
              ))}
            </select>
          </div>
          <div className="form-grid">
            <TextField
              label={t('meetings.handedOn')}
              type="date"
              value={handedOn}
              onChange={setHandedOn}
              error={errors.handedOn}
              required
            />
            <SelectField
              label={t('meetings.transferStatus')}
              value={status}
              onChange={setStatus}
              options={transferStatuses.map((value) => ({
                value,
                label: t(`meetings.transferStatuses.${value}`),
              }))}
            />
          </div>
          <TextArea label={t('meetings.note')} value={note} onChange={setNote} maxLength={2000} />
          <div className="actions">
            <button type="submit">{t('common.save')}</button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
