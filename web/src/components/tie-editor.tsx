import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import type { Tie } from '../api/records.js';
import { checkTieDates } from '../../../src/domain/tie-checks.js';
import type { TieKind, TieSource } from '../../../src/domain/vocabulary.js';
import { tieKinds, tieSources } from '../../../src/domain/vocabulary-lists.js';
import { ConfirmButton } from './confirm-button.js';
import { ErrorSummary, SelectField, TextField, isIsoDate, type FieldErrors } from './form.js';
import { useFormSubmit } from './form-submit.js';
import { ErrorMessage } from './states.js';

/**
 * Changes one tie (kind and so its sign, direction, strength, dates, source, confidence) or deletes it
 * after a second press; the server audits both. `label` names the tie's two ends for the heading.
 */
export function TieEditor({ tie, label, onDone }: { tie: Tie; label: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<string>(tie.kind);
  const [directed, setDirected] = useState(tie.directed ? 'yes' : 'no');
  const [strength, setStrength] = useState(String(tie.strength));
  const [validFrom, setValidFrom] = useState(tie.valid_from ?? '');
  const [validTo, setValidTo] = useState(tie.valid_to ?? '');
  const [source, setSource] = useState<string>(tie.source);
  const [confidence, setConfidence] = useState(String(tie.confidence));
  const { errors, failure, busy, save } = useFormSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const strengthValue = Number(strength);
    const confidenceValue = Number(confidence);
    const found: FieldErrors = {
      strength:
        !Number.isInteger(strengthValue) || strengthValue < 1 || strengthValue > 5
          ? t('ties.strengthRange')
          : undefined,
      confidence:
        confidence.trim() === '' || !(confidenceValue >= 0 && confidenceValue <= 1)
          ? t('ties.confidenceRange')
          : undefined,
      validFrom: validFrom && !isIsoDate(validFrom) ? t('common.invalidDate') : undefined,
      validTo:
        validTo && !isIsoDate(validTo)
          ? t('common.invalidDate')
          : checkTieDates({ valid_from: validFrom || null, valid_to: validTo || null })
            ? t('ties.datesBackwards')
            : undefined,
    };
    await save(found, async () => {
      await api.patch('/api/ties/{id}', {
        params: { path: { id: tie.id } },
        body: {
          kind: kind as TieKind,
          directed: directed === 'yes',
          strength: strengthValue,
          valid_from: validFrom || null,
          valid_to: validTo || null,
          source: source as TieSource,
          confidence: confidenceValue,
        },
      });
      onDone();
    });
  }

  const remove = () =>
    save({}, async () => {
      await api.delete('/api/ties/{id}', { params: { path: { id: tie.id } } });
      onDone();
    });

  return (
    <form onSubmit={submit} noValidate className="tie-editor" aria-labelledby={`tie-${tie.id}`}>
      <h3 id={`tie-${tie.id}`}>{t('tieEdit.title', { tie: label })}</h3>
      <ErrorSummary title={t('common.fixErrors')} errors={errors} />
      {failure !== null && <ErrorMessage error={failure} />}
      <div className="form-grid">
        <SelectField
          label={t('ties.kind')}
          value={kind}
          onChange={setKind}
          options={tieKinds.map((value) => ({ value, label: t(`ties.kinds.${value}`) }))}
        />
        <SelectField
          label={t('ties.directed')}
          value={directed}
          onChange={setDirected}
          options={[
            { value: 'no', label: t('common.no') },
            { value: 'yes', label: t('common.yes') },
          ]}
        />
        <TextField
          label={t('ties.strength')}
          type="number"
          min={1}
          max={5}
          value={strength}
          onChange={setStrength}
          error={errors.strength}
        />
        <TextField
          label={t('ties.validFrom')}
          type="date"
          value={validFrom}
          onChange={setValidFrom}
          error={errors.validFrom}
        />
        <TextField
          label={t('ties.validTo')}
          type="date"
          value={validTo}
          onChange={setValidTo}
          error={errors.validTo}
        />
        <SelectField
          label={t('ties.source')}
          value={source}
          onChange={setSource}
          options={tieSources.map((value) => ({ value, label: t(`ties.sources.${value}`) }))}
        />
        <TextField
          label={t('ties.confidence')}
          type="number"
          min={0}
          max={1}
          step={0.05}
          value={confidence}
          onChange={setConfidence}
          error={errors.confidence}
        />
      </div>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('common.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <ConfirmButton
          label={t('tieEdit.delete')}
          question={t('tieEdit.deleteQuestion')}
          confirmLabel={t('tieEdit.deleteConfirm')}
          busy={busy}
          onConfirm={remove}
        />
      </div>
    </form>
  );
}
