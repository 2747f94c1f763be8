import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import type { Initiative } from '../api/records.js';
import type { InitiativeStatus } from '../../../src/domain/vocabulary.js';
import { initiativeStatuses } from '../../../src/domain/vocabulary-lists.js';
import { ErrorSummary, SelectField, TextArea, TextField, isIsoDate } from './form.js';
import { useFormSubmit } from './form-submit.js';
import { ErrorMessage } from './states.js';

/** An amount as typed: empty is none; else a whole, non-negative number. */
function amountOf(text: string): number | null | undefined {
  if (!text.trim()) return null;
  const value = Number(text);
  return Number.isInteger(value) && value >= 0 ? value : undefined;
}

/**
 * The initiative's own fields, for those who hold `initiative.write` (its conveners): name, aims,
 * status, dates and, for those who also see them, the funding figures.
 */
export function InitiativeEdit({
  initiative,
  showFunding,
  onSaved,
  onCancel,
}: {
  initiative: Initiative;
  showFunding: boolean;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(initiative.name);
  const [aims, setAims] = useState(initiative.aims);
  const [status, setStatus] = useState<string>(initiative.status);
  const [startedOn, setStartedOn] = useState(initiative.started_on ?? '');
  const [endedOn, setEndedOn] = useState(initiative.ended_on ?? '');
  const [needed, setNeeded] = useState(initiative.funding_needed?.toString() ?? '');
  const [pledged, setPledged] = useState(initiative.funding_pledged?.toString() ?? '');
  const { errors, failure, busy, save } = useFormSubmit();

  const dateError = (value: string) => (value && !isIsoDate(value) ? t('common.invalidDate') : undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      name: name.trim() ? undefined : t('common.required'),
      startedOn: dateError(startedOn),
      endedOn:
        dateError(endedOn) ??
        (startedOn && endedOn && endedOn < startedOn ? t('edits.endBeforeStart') : undefined),
      needed: showFunding && amountOf(needed) === undefined ? t('edits.amountInvalid') : undefined,
      pledged: showFunding && amountOf(pledged) === undefined ? t('edits.amountInvalid') : undefined,
    };
    await save(found, async () => {
      await api.patch('/api/initiatives/{id}', {
        params: { path: { id: initiative.id } },
        body: {
          name: name.trim(),
          aims: aims.trim(),
          status: status as InitiativeStatus,
          started_on: startedOn || null,
          ended_on: endedOn || null,
          ...(showFunding ? { funding_needed: amountOf(needed), funding_pledged: amountOf(pledged) } : {}),
        },
      });
      onSaved();
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="initiative-edit-title">
      <h2 id="initiative-edit-title">{t('edits.editInitiative')}</h2>
      <ErrorSummary title={t('common.fixErrors')} errors={errors} />
      {failure !== null && <ErrorMessage error={failure} />}
      <TextField
        label={t('edits.name')}
        value={name}
        onChange={setName}
        error={errors.name}
        maxLength={200}
        required
      />
      <TextArea label={t('initiative.aims')} value={aims} onChange={setAims} maxLength={10000} />
      <div className="form-grid">
        <SelectField
          label={t('initiative.status')}
          value={status}
          onChange={setStatus}
          options={initiativeStatuses.map((value) => ({ value, label: t(`initiative.statuses.${value}`) }))}
        />
        <TextField
          label={t('initiative.started')}
          type="date"
          value={startedOn}
          onChange={setStartedOn}
          error={errors.startedOn}
        />
        <TextField
          label={t('edits.ended')}
          type="date"
          value={endedOn}
          onChange={setEndedOn}
          error={errors.endedOn}
        />
        {showFunding && (
          <>
            <TextField
              label={t('edits.fundingNeeded')}
              inputMode="numeric"
              value={needed}
              onChange={setNeeded}
              error={errors.needed}
            />
            <TextField
              label={t('edits.fundingPledged')}
              inputMode="numeric"
              value={pledged}
              onChange={setPledged}
              error={errors.pledged}
            />
          </>
        )}
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
