import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, apiGet, ApiError } from '../api/client.js';
import { actorLabel } from '../api/names.js';
import { itemsOf, type Actor, type Attendance, type Meeting } from '../api/records.js';
import { ActorPicker } from '../components/actor-picker.js';
import { ErrorSummary, SelectField } from '../components/form.js';
import { useFormSubmit } from '../components/form-submit.js';
import { Empty, ErrorMessage, Loaded } from '../components/states.js';
import { useResource } from '../use-resource.js';
import type { AttendanceRole } from '../../../src/domain/vocabulary.js';
import { attendanceRoles } from '../../../src/domain/vocabulary-lists.js';

type NamedActor = Actor & Record<string, unknown>;

/**
 * Who attended, for those the ground rule lets see it (the others are not even asked, so no refusal shows
 * up); those who may record attendance add attendees with the picker and remove them.
 */
export function AttendanceSection({
  meeting,
  conflictId,
  actorsById,
  searchNames,
  mayRead,
  mayWrite,
}: {
  meeting: Meeting;
  conflictId: string;
  actorsById: Map<string, NamedActor>;
  searchNames: boolean;
  mayRead: boolean;
  mayWrite: boolean;
}) {
  const { t } = useTranslation();
  const attendance = useResource(
    mayRead ? apiGet('/api/meetings/{id}/attendance', { params: { path: { id: meeting.id } } }) : null,
  );
  const [chosen, setChosen] = useState<NamedActor[]>([]);
  const [role, setRole] = useState('participant');
  const { errors, failure, busy, save } = useFormSubmit();
  const removal = useFormSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = { attendees: chosen.length ? undefined : t('ties.chooseActor') };
    await save(found, async () => {
      await api.post('/api/meetings/{id}/attendance', {
        params: { path: { id: meeting.id } },
        body: { attendees: chosen.map((actor) => ({ actor_id: actor.id, role: role as AttendanceRole })) },
      });
      setChosen([]);
      attendance.reload();
    });
  }

  const remove = (actorId: string) =>
    removal.save({}, async () => {
      await api.delete('/api/meetings/{id}/attendance/{actorId}', {
        params: { path: { id: meeting.id, actorId } },
      });
      attendance.reload();
    });

  // Chatham House and closed meetings show who attended only to their conveners, and only they record it
  // (a recording's answer would tell the rest who attended): the access table and the server say no to both.
  const hidden =
    !mayRead ||
    (attendance.state === 'error' &&
      attendance.error instanceof ApiError &&
      (attendance.error.status === 403 ||
        (attendance.error.status === 404 && meeting.ground_rule !== 'open')));
  const label = (actorId: string) => {
    const actor = actorsById.get(actorId) ?? chosenLabel(actorId);
    return actor ? actorLabel(actor) : actorId.slice(0, 8);
  };
  const chosenLabel = (actorId: string) => chosen.find((actor) => actor.id === actorId);

  return (
    <section aria-labelledby={`attendance-${meeting.id}`}>
      <h2 id={`attendance-${meeting.id}`}>{t('meetings.attendance')}</h2>
      {hidden ? (
        <p className="notice">{t('meetings.attendanceHidden')}</p>
      ) : (
        <Loaded resource={attendance}>
          {(payload) => {
            const list = itemsOf<Attendance>(payload);
            if (!list.length) return <Empty>{t('meetings.noAttendance')}</Empty>;
            return (
              <ul className="attendance-list">
                {list.map((entry) => (
                  <li key={entry.actor_id}>
                    <span>
                      {label(entry.actor_id)}: {t(`meetings.attendanceRoles.${entry.role}`)}
                    </span>{' '}
                    {mayWrite && (
                      <button
                        type="button"
                        disabled={removal.busy}
                        aria-label={t('meetingEdit.removeAttendee', { actor: label(entry.actor_id) })}
                        onClick={() => void remove(entry.actor_id)}
                      >
                        {t('meetingEdit.remove')}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            );
          }}
        </Loaded>
      )}
      {removal.failure !== null && <ErrorMessage error={removal.failure} />}
      {!hidden && mayWrite && meeting.status !== 'cancelled' && (
        <form onSubmit={submit} noValidate>
          <h3>{t('meetings.addAttendee')}</h3>
          <ErrorSummary title={t('common.fixErrors')} errors={errors} />
          {failure !== null && <ErrorMessage error={failure} />}
          <ActorPicker
            conflictId={conflictId}
            label={t('meetingEdit.attendees')}
            hint={t('picker.hint')}
            error={errors.attendees}
            value={chosen}
            onChange={setChosen}
            searchNames={searchNames}
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
          <button type="submit" disabled={busy}>
            {t('meetings.record')}
          </button>
        </form>
      )}
    </section>
  );
}
