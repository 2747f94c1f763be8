import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import type { Transfer } from '../api/records.js';
import { useConfirm } from '../components/confirm.js';
import { ErrorSummary, SelectField, TextArea, TextField, isIsoDate } from '../components/form.js';
import { useFormSubmit } from '../components/form-submit.js';
import { ErrorMessage } from '../components/states.js';
import type { TransferStatus } from '../../../src/domain/vocabulary.js';
import { transferStatuses } from '../../../src/domain/vocabulary-lists.js';

/** A transfer as the server shows it: recipients' ids only to those who may read the actor map, always their count. */
export type ShownTransfer = Transfer & { recipient_count?: number };

/**
 * A transfer: when it was handed on, what became of it and to whom (the recipients' count for those who
 * may not read the actor map). Those who write transfers record a new status or delete it.
 */
export function TransferRow({
  transfer,
  recipientLabel,
  mayWrite,
  onChange,
}: {
  transfer: ShownTransfer;
  recipientLabel: (actorId: string) => string;
  mayWrite: boolean;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState<string>(transfer.status);
  const [statusOn, setStatusOn] = useState(transfer.status_on);
  const [note, setNote] = useState(transfer.note);
  const { errors, failure, busy, save } = useFormSubmit();
  const removal = useFormSubmit();
  const recipients = transfer.recipient_actor_ids.length
    ? transfer.recipient_actor_ids.map(recipientLabel).join(', ')
    : t('edits.recipientCount', { count: transfer.recipient_count ?? 0 });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      statusOn: !statusOn ? t('common.required') : !isIsoDate(statusOn) ? t('common.invalidDate') : undefined,
    };
    await save(found, async () => {
      await api.patch('/api/transfers/{id}', {
        params: { path: { id: transfer.id } },
        body: { status: status as TransferStatus, status_on: statusOn, note: note.trim() },
      });
      setEditing(false);
      onChange();
    });
  }

  async function remove() {
    const yes = await confirm({
      title: t('edits.deleteTransferTitle'),
      body: t('edits.deleteTransferBody'),
      confirm: t('edits.delete'),
      danger: true,
    });
    if (!yes) return;
    await removal.save({}, async () => {
      await api.delete('/api/transfers/{id}', { params: { path: { id: transfer.id } } });
      onChange();
    });
  }

  return (
    <li>
      {transfer.handed_on}: {t(`meetings.transferStatuses.${transfer.status}`)} ({transfer.status_on}) →{' '}
      {recipients}
      {transfer.note && (
        <span className="hint" dir="auto">
          {' '}
          {transfer.note}
        </span>
      )}
      {removal.failure !== null && <ErrorMessage error={removal.failure} />}
      {mayWrite && !editing && (
        <span className="row-actions">
          <button type="button" onClick={() => setEditing(true)}>
            {t('edits.editTransfer')}
          </button>
          <button type="button" className="danger" onClick={() => void remove()} disabled={removal.busy}>
            {t('edits.deleteTransfer')}
          </button>
        </span>
      )}
      {editing && (
        <form onSubmit={submit} noValidate>
          <ErrorSummary title={t('common.fixErrors')} errors={errors} />
          {failure !== null && <ErrorMessage error={failure} />}
          <div className="form-grid">
            <SelectField
              label={t('meetings.transferStatus')}
              value={status}
              onChange={setStatus}
              options={transferStatuses.map((value) => ({
                value,
                label: t(`meetings.transferStatuses.${value}`),
              }))}
            />
            <TextField
              label={t('edits.statusOn')}
              type="date"
              value={statusOn}
              onChange={setStatusOn}
              error={errors.statusOn}
              required
            />
          </div>
          <TextArea label={t('meetings.note')} value={note} onChange={setNote} maxLength={2000} />
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {t('common.save')}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
