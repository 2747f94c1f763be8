import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { itemsOf, type Actor, type Meeting, type Outcome } from '../api/records.js';
import { ErrorSummary, SelectField, TextArea, TextField } from '../components/form.js';
import { useFormSubmit } from '../components/form-submit.js';
import { Empty, ErrorMessage, Loaded } from '../components/states.js';
import { useResource } from '../use-resource.js';
import type { OutcomeKind } from '../../../src/domain/vocabulary.js';
import { outcomeKinds } from '../../../src/domain/vocabulary-lists.js';
import { OutcomeCard } from './outcome-card.js';
import { Transfers } from './transfers.js';

type NamedActor = Actor & Record<string, unknown>;

interface SectionProps {
  meeting: Meeting;
  conflictId: string;
  actorsById: Map<string, NamedActor>;
  searchNames: boolean;
  /** Whether the account writes outcomes (adds, edits, deletes them) and transfers. */
  mayWriteOutcomes: boolean;
  mayWriteTransfers: boolean;
}

/** What the meeting produced, and to whom in Track I each outcome was handed; its leads add and edit them. */
export function OutcomesSection({
  meeting,
  conflictId,
  actorsById,
  searchNames,
  mayWriteOutcomes,
  mayWriteTransfers,
}: SectionProps) {
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
                  <OutcomeCard outcome={outcome} mayWrite={mayWriteOutcomes} onChange={outcomes.reload} />
                  <Transfers
                    outcome={outcome}
                    conflictId={conflictId}
                    actorsById={actorsById}
                    searchNames={searchNames}
                    mayWrite={mayWriteTransfers}
                  />
                </li>
              ))}
            </ul>
          );
        }}
      </Loaded>
      {mayWriteOutcomes && (
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
      )}
    </>
  );
}
