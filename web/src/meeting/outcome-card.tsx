import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import type { Outcome } from '../api/records.js';
import { useConfirm } from '../components/confirm.js';
import { ErrorSummary, SelectField, TextArea, TextField } from '../components/form.js';
import { useFormSubmit } from '../components/form-submit.js';
import { ErrorMessage } from '../components/states.js';
import type { OutcomeKind } from '../../../src/domain/vocabulary.js';
import { outcomeKinds } from '../../../src/domain/vocabulary-lists.js';

/** An outcome, with its edit form and delete (after a confirmation) for those who write outcomes. */
export function OutcomeCard({
  outcome,
  mayWrite,
  onChange,
}: {
  outcome: Outcome;
  mayWrite: boolean;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(outcome.title);
  const [kind, setKind] = useState<string>(outcome.kind);
  const [description, setDescription] = useState(outcome.description);
  const { errors, failure, busy, save } = useFormSubmit();
  const removal = useFormSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = { title: title.trim() ? undefined : t('common.required') };
    await save(found, async () => {
      await api.patch('/api/outcomes/{id}', {
        params: { path: { id: outcome.id } },
        body: { title: title.trim(), description: description.trim(), kind: kind as OutcomeKind },
      });
      setEditing(false);
      onChange();
    });
  }

  async function remove() {
    const yes = await confirm({
      title: t('edits.deleteOutcomeTitle', { title: outcome.title }),
      body: t('edits.deleteOutcomeBody'),
      confirm: t('edits.delete'),
      danger: true,
    });
    if (!yes) return;
    await removal.save({}, async () => {
      await api.delete('/api/outcomes/{id}', { params: { path: { id: outcome.id } } });
      onChange();
    });
  }

  if (editing) {
    return (
      <form onSubmit={submit} noValidate>
        <ErrorSummary title={t('common.fixErrors')} errors={errors} />
        {failure !== null && <ErrorMessage error={failure} />}
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
        <TextArea label={t('meetings.outcomeDescription')} value={description} onChange={setDescription} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('common.save')}
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    );
  }
  return (
    <>
      <h3 dir="auto">{outcome.title}</h3>
      <span className="tag">{t(`meetings.outcomeKinds.${outcome.kind}`)}</span>
      {outcome.description && <p dir="auto">{outcome.description}</p>}
      {removal.failure !== null && <ErrorMessage error={removal.failure} />}
      {mayWrite && (
        <p className="actions">
          <button type="button" onClick={() => setEditing(true)}>
            {t('edits.editOutcome')}
          </button>
          <button type="button" className="danger" onClick={() => void remove()} disabled={removal.busy}>
            {t('edits.deleteOutcome')}
          </button>
        </p>
      )}
    </>
  );
}
