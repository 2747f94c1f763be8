import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { itemsOf, type Meeting } from '../api/records.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { ErrorSummary, SelectField, TextField, isIsoDate, type FieldErrors } from '../components/form.js';
import { Empty, ErrorMessage, Loaded } from '../components/states.js';
import { Link, navigate } from '../router.js';
import { useResource } from '../use-resource.js';
import type { GroundRule, MeetingStatus } from '../../../src/domain/vocabulary.js';
import { groundRules, meetingStatuses } from '../../../src/domain/vocabulary-lists.js';
import { useFormSubmit } from '../components/form-submit.js';
import { day } from '../i18n/format.js';

/** A coordinate as typed: empty is none; else a number within ±limit, or the reason it is not. */
function coordinateError(text: string, limit: number, message: string): string | undefined {
  if (!text.trim()) return undefined;
  const value = Number(text);
  return Number.isFinite(value) && Math.abs(value) <= limit ? undefined : message;
}

export default function Meetings({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const { initiativeId } = params;
  const meetings = useResource('/api/initiatives/{id}/meetings', {
    params: { path: { id: initiativeId }, query: { limit: 500 } },
  });
  const [title, setTitle] = useState('');
  const [heldOn, setHeldOn] = useState('');
  const [place, setPlace] = useState('');
  const [latitude, setLatitude] = useState('');
  const [longitude, setLongitude] = useState('');
  const privacy = useResource('/api/initiatives/{id}/privacy', { params: { path: { id: initiativeId } } });
  const [groundRule, setGroundRule] = useState('chatham_house');
  const [status, setStatus] = useState('planned');
  const { errors, failure, busy, save } = useFormSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {
      title: !title.trim() ? t('common.required') : undefined,
      heldOn: !heldOn ? t('common.required') : !isIsoDate(heldOn) ? t('common.invalidDate') : undefined,
      latitude: coordinateError(latitude, 90, t('privacy.coordinateRange', { limit: 90 })),
      longitude: coordinateError(longitude, 180, t('privacy.coordinateRange', { limit: 180 })),
    };
    await save(found, async () => {
      const meeting = await api.post('/api/meetings', {
        body: {
          initiative_id: initiativeId,
          title: title.trim(),
          held_on: heldOn,
          place: place.trim() || null,
          latitude: latitude.trim() ? Number(latitude) : null,
          longitude: longitude.trim() ? Number(longitude) : null,
          ground_rule: groundRule as GroundRule,
          status: status as MeetingStatus,
        },
      });
      navigate(`/i/${initiativeId}/meetings/${meeting.id}`);
    });
  }

  return (
    <section>
      <Breadcrumbs trail={[{ to: `/i/${initiativeId}`, label: t('nav.initiative') }]} />
      <h1>{t('meetings.title')}</h1>
      <Loaded resource={meetings}>
        {(payload) => {
          const list = itemsOf<Meeting>(payload);
          if (!list.length) return <Empty>{t('meetings.noMeetings')}</Empty>;
          return (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('meetings.heldOn')}</th>
                    <th scope="col">{t('meetings.meetingTitle')}</th>
                    <th scope="col">{t('meetings.place')}</th>
                    <th scope="col">{t('meetings.groundRule')}</th>
                    <th scope="col">{t('meetings.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((meeting) => (
                    <tr key={meeting.id}>
                      <td>{day(meeting.held_on)}</td>
                      <td>
                        <Link to={`/i/${initiativeId}/meetings/${meeting.id}`}>{meeting.title}</Link>
                      </td>
                      <td>{meeting.place ?? ''}</td>
                      <td>{t(`meetings.groundRules.${meeting.ground_rule}`)}</td>
                      <td>{t(`meetings.statuses.${meeting.status}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        }}
      </Loaded>
      <h2>{t('meetings.plan')}</h2>
      <ErrorSummary title={t('common.fixErrors')} errors={errors} />
      {failure !== null && <ErrorMessage error={failure} />}
      <form onSubmit={submit} noValidate>
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
            maxLength={120}
          />
          <TextField
            label={t('privacy.latitude')}
            hint={t('privacy.coordinatesHint')}
            inputMode="decimal"
            value={latitude}
            onChange={setLatitude}
            error={errors.latitude}
          />
          <TextField
            label={t('privacy.longitude')}
            inputMode="decimal"
            value={longitude}
            onChange={setLongitude}
            error={errors.longitude}
          />
          <SelectField
            label={t('meetings.groundRule')}
            value={groundRule}
            onChange={setGroundRule}
            options={groundRules.map((value) => ({ value, label: t(`meetings.groundRules.${value}`) }))}
          />
          <SelectField
            label={t('meetings.status')}
            value={status}
            onChange={setStatus}
            options={meetingStatuses.map((value) => ({ value, label: t(`meetings.statuses.${value}`) }))}
          />
        </div>
        {privacy.state === 'ready' && (
          <p role="note">
            {t('privacy.applied', {
              precision: t(`privacy.precisions.${privacy.data.location_precision}`),
            })}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('meetings.plan')}
        </button>
      </form>
    </section>
  );
}
