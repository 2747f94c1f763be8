import { day } from '../i18n/format.js';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import type { Meeting } from '../api/records.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { ErrorSummary, SelectField, TextField, isIsoDate } from '../components/form.js';
import { useFormSubmit } from '../components/form-submit.js';
import { ErrorMessage } from '../components/states.js';
import { navigate } from '../router.js';
import type { GroundRule } from '../../../src/domain/vocabulary.js';
import { groundRules } from '../../../src/domain/vocabulary-lists.js';

/** A meeting's date, place, rule and status; those who may change it mark it held or cancelled, edit or delete it. */
export function MeetingFacts({
  meeting,
  mayWrite,
  onChanged,
}: {
  meeting: Meeting;
  mayWrite: boolean;
  onChanged: (meeting: Meeting) => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const { failure, busy, save } = useFormSubmit();

  const setStatus = (status: 'held' | 'cancelled') =>
    save({}, async () =>
      onChanged(
        await api.patch('/api/meetings/{id}', { params: { path: { id: meeting.id } }, body: { status } }),
      ),
    );
  const remove = () =>
    save({}, async () => {
      await api.delete('/api/meetings/{id}', { params: { path: { id: meeting.id } } });
      navigate(`/i/${meeting.initiative_id}/meetings`);
    });

  return (
    <>
      <dl className="facts">
        <dt>{t('meetings.heldOn')}</dt>
        <dd>{day(meeting.held_on)}</dd>
        {meeting.place && (
          <>
            <dt>{t('meetings.place')}</dt>
            <dd>{meeting.place}</dd>
          </>
        )}
        <dt>{t('meetings.groundRule')}</dt>
        <dd>{t(`meetings.groundRules.${meeting.ground_rule}`)}</dd>
        <dt>{t('meetings.status')}</dt>
        <dd data-testid="meeting-status">{t(`meetings.statuses.${meeting.status}`)}</dd>
      </dl>
      {mayWrite && !editing && (
        <div className="actions">
          {meeting.status !== 'held' && (
            <button type="button" disabled={busy} onClick={() => void setStatus('held')}>
              {t('meetingEdit.markHeld')}
            </button>
          )}
          {meeting.status === 'planned' && (
            <button type="button" disabled={busy} onClick={() => void setStatus('cancelled')}>
              {t('meetingEdit.markCancelled')}
            </button>
          )}
          <button type="button" onClick={() => setEditing(true)}>
            {t('meetingEdit.edit')}
          </button>
          <ConfirmButton
            label={t('meetingEdit.delete')}
            question={t('meetingEdit.deleteQuestion')}
            confirmLabel={t('meetingEdit.deleteConfirm')}
            busy={busy}
            onConfirm={remove}
          />
        </div>
      )}
      {failure !== null && <ErrorMessage error={failure} />}
      {editing && (
        <MeetingEditForm
          meeting={meeting}
          onDone={(changed) => {
            setEditing(false);
            if (changed) onChanged(changed);
          }}
        />
      )}
    </>
  );
}

function MeetingEditForm({ meeting, onDone }: { meeting: Meeting; onDone: (changed?: Meeting) => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(meeting.title);
  const [heldOn, setHeldOn] = useState(meeting.held_on);
  const [place, setPlace] = useState(meeting.place ?? '');
  const [rule, setRule] = useState<string>(meeting.ground_rule);
  const { errors, failure, busy, save } = useFormSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      title: title.trim() ? undefined : t('common.required'),
      heldOn: !heldOn ? t('common.required') : !isIsoDate(heldOn) ? t('common.invalidDate') : undefined,
    };
    await save(found, async () => {
      const changed = await api.patch('/api/meetings/{id}', {
        params: { path: { id: meeting.id } },
        body: {
          title: title.trim(),
          held_on: heldOn,
          place: place.trim() || null,
          ground_rule: rule as GroundRule,
        },
      });
      onDone(changed);
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('meetingEdit.edit')}>
      <ErrorSummary title={t('common.fixErrors')} errors={errors} />
      {failure !== null && <ErrorMessage error={failure} />}
      <div className="form-grid">
        <TextField
          label={t('meetings.meetingTitle')}
          value={title}
          onChange={setTitle}
          error={errors.title}
          maxLength={200}
          required
        />
        <TextField
          label={t('meetings.heldOn')}
          type="date"
          value={heldOn}
          onChange={setHeldOn}
          error={errors.heldOn}
          required
        />
        <TextField
          label={t('meetings.place')}
          hint={t('meetings.placeHint')}
          value={place}
          onChange={setPlace}
        />
        <SelectField
          label={t('meetings.groundRule')}
          value={rule}
          onChange={setRule}
          options={groundRules.map((value) => ({ value, label: t(`meetings.groundRules.${value}`) }))}
        />
      </div>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('common.save')}
        </button>
        <button type="button" onClick={() => onDone()}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
