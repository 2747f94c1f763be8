import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { actorLabel } from '../api/names.js';
import { itemsOf, type Actor, type Outcome } from '../api/records.js';
import { ActorPicker } from '../components/actor-picker.js';
import { ErrorSummary, SelectField, TextArea, TextField, isIsoDate } from '../components/form.js';
import { useFormSubmit } from '../components/form-submit.js';
import { ErrorMessage, Loaded } from '../components/states.js';
import { useResource } from '../use-resource.js';
import { TransferRow, type ShownTransfer } from './transfer-row.js';
import type { TransferStatus } from '../../../src/domain/vocabulary.js';
import { transferStatuses } from '../../../src/domain/vocabulary-lists.js';

type NamedActor = Actor & Record<string, unknown>;

const isTrackOne = (actor: NamedActor) => actor.track === '1' || actor.track === '1.5';

/**
 * The transfers of one outcome to Track-I actors; for those who write transfers, a form to record one
 * (recipients chosen with the picker) and each transfer's edit and delete.
 */
export function Transfers({
  outcome,
  conflictId,
  actorsById,
  searchNames,
  mayWrite,
}: {
  outcome: Outcome;
  conflictId: string;
  actorsById: Map<string, NamedActor>;
  searchNames: boolean;
  mayWrite: boolean;
}) {
  const { t } = useTranslation();
  const transfers = useResource('/api/initiatives/{id}/transfers', {
    params: { path: { id: outcome.initiative_id }, query: { limit: 500 } },
  });
  const [open, setOpen] = useState(false);
  const [recipients, setRecipients] = useState<NamedActor[]>([]);
  const [handedOn, setHandedOn] = useState('');
  const [status, setStatus] = useState('handed');
  const [note, setNote] = useState('');
  const { errors, failure, save } = useFormSubmit();

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
          recipient_actor_ids: recipients.map((actor) => actor.id),
        },
      });
      setOpen(false);
      transfers.reload();
    });
  }

  const recipientLabel = (id: string) => {
    const actor = actorsById.get(id) ?? recipients.find((chosen) => chosen.id === id);
    return actor ? actorLabel(actor) : id.slice(0, 8);
  };

  return (
    <>
      <h4>{t('meetings.transfers')}</h4>
      <Loaded resource={transfers}>
        {(payload) => {
          const list = itemsOf<ShownTransfer>(payload).filter(
            (transfer) => transfer.outcome_id === outcome.id,
          );
          if (!list.length) return <p>{t('meetings.noTransfers')}</p>;
          return (
            <ul>
              {list.map((transfer) => (
                <TransferRow
                  key={transfer.id}
                  transfer={transfer}
                  recipientLabel={recipientLabel}
                  mayWrite={mayWrite}
                  onChange={transfers.reload}
                />
              ))}
            </ul>
          );
        }}
      </Loaded>
      {!mayWrite ? null : !open ? (
        <button type="button" onClick={() => setOpen(true)}>
          {t('meetings.addTransfer')}
        </button>
      ) : (
        <form onSubmit={submit} noValidate>
          <ErrorSummary title={t('common.fixErrors')} errors={errors} />
          {failure !== null && <ErrorMessage error={failure} />}
          <ActorPicker
            conflictId={conflictId}
            label={t('meetings.recipients')}
            hint={t('picker.recipientsHint')}
            error={errors.recipients}
            value={recipients}
            onChange={setRecipients}
            searchNames={searchNames}
            accept={isTrackOne}
          />
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
