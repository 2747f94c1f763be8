import type { Kysely } from 'kysely';
import { TrackTwoError } from '../../domain/errors.js';
import type { Outcome, Transfer } from '../../domain/outcome.js';
import type { OutcomeKind, TransferStatus } from '../../domain/vocabulary.js';
import { mapStoreErrors } from '../errors.js';
import { onlyColumns } from './columns.js';
import { newId, nowIso } from '../ids.js';
import type { Database } from '../schema.js';

export interface NewOutcome {
  id?: string;
  initiative_id: string;
  meeting_id?: string | null;
  title: string;
  description?: string;
  kind: OutcomeKind;
  created_at?: string;
}

export interface OutcomeChanges {
  meeting_id?: string | null;
  title?: string;
  description?: string;
  kind?: OutcomeKind;
}

export interface NewTransfer {
  id?: string;
  outcome_id: string;
  status: TransferStatus;
  handed_on: string;
  status_on?: string;
  note?: string;
  /** Track-I actors the outcome was handed to. */
  recipient_actor_ids: readonly string[];
  created_at?: string;
}

export interface TransferChanges {
  status?: TransferStatus;
  handed_on?: string;
  status_on?: string;
  note?: string;
  /** Replaces the recipients when given. */
  recipient_actor_ids?: readonly string[];
}

/** The outcome's meeting, when named, must be a meeting of the same initiative. */
async function checkMeetingOfInitiative(
  db: Kysely<Database>,
  initiativeId: string,
  meetingId: string | null | undefined,
): Promise<void> {
  if (!meetingId) return;
  const meeting = await db
    .selectFrom('meetings')
    .select('id')
    .where('id', '=', meetingId)
    .where('initiative_id', '=', initiativeId)
    .executeTakeFirst();
  if (!meeting) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: 'meeting_id',
      reason: 'the meeting is not a meeting of this initiative',
    });
  }
}

export async function createOutcome(db: Kysely<Database>, input: NewOutcome): Promise<Outcome> {
  await checkMeetingOfInitiative(db, input.initiative_id, input.meeting_id);
  const outcome: Outcome = {
    id: input.id ?? newId(),
    initiative_id: input.initiative_id,
    meeting_id: input.meeting_id ?? null,
    title: input.title,
    description: input.description ?? '',
    kind: input.kind,
    created_at: input.created_at ?? nowIso(),
  };
  await mapStoreErrors(() => db.insertInto('outcomes').values(outcome).execute(), { record: 'outcome' });
  return outcome;
}

export async function getOutcome(db: Kysely<Database>, id: string): Promise<Outcome | undefined> {
  return db.selectFrom('outcomes').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listOutcomes(db: Kysely<Database>, initiativeId: string): Promise<Outcome[]> {
  return db
    .selectFrom('outcomes')
    .selectAll()
    .where('initiative_id', '=', initiativeId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function updateOutcome(
  db: Kysely<Database>,
  id: string,
  patch: OutcomeChanges,
): Promise<Outcome | undefined> {
  const changes = onlyColumns(patch, ['meeting_id', 'title', 'description', 'kind']);
  const current = await getOutcome(db, id);
  if (!current) return undefined;
  if (changes.meeting_id !== undefined)
    await checkMeetingOfInitiative(db, current.initiative_id, changes.meeting_id);
  if (Object.keys(changes).length > 0) {
    await mapStoreErrors(() => db.updateTable('outcomes').set(changes).where('id', '=', id).execute(), {
      record: 'outcome',
    });
  }
  return getOutcome(db, id);
}

/** Deletes the outcome and its transfers. */
export async function deleteOutcome(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('outcomes').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Recipients must be Track-I actors of the outcome's workspace. */
async function checkRecipients(
  db: Kysely<Database>,
  outcomeId: string,
  actorIds: readonly string[],
): Promise<void> {
  const ids = [...new Set(actorIds)];
  if (ids.length !== actorIds.length) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: 'recipient_actor_ids',
      reason: 'a recipient is listed twice',
    });
  }
  if (ids.length === 0) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: 'recipient_actor_ids',
      reason: 'name at least one recipient',
    });
  }
  const outcome = await db
    .selectFrom('outcomes')
    .innerJoin('initiatives', 'initiatives.id', 'outcomes.initiative_id')
    .select('initiatives.workspace_id')
    .where('outcomes.id', '=', outcomeId)
    .executeTakeFirst();
  if (!outcome)
    throw new TrackTwoError('TT_ERR_VALIDATION', { field: 'outcome_id', reason: 'no such outcome' });
  const found = await db
    .selectFrom('actors')
    .select(['id', 'track'])
    .where('id', 'in', ids)
    .where('workspace_id', '=', outcome.workspace_id)
    .execute();
  if (found.length !== ids.length) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: 'recipient_actor_ids',
      reason: 'a recipient is not an actor of this workspace',
    });
  }
  if (found.some((actor) => actor.track !== '1')) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: 'recipient_actor_ids',
      reason: 'outcomes are handed to Track-I actors (track 1) only',
    });
  }
}

async function writeRecipients(
  db: Kysely<Database>,
  transferId: string,
  actorIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('transfer_recipients').where('transfer_id', '=', transferId).execute();
  await mapStoreErrors(
    () =>
      db
        .insertInto('transfer_recipients')
        .values(actorIds.map((actor_id) => ({ transfer_id: transferId, actor_id })))
        .execute(),
    { record: 'transfer recipient' },
  );
}

async function recipientsOf(
  db: Kysely<Database>,
  transferIds: readonly string[],
): Promise<Map<string, string[]>> {
  const byTransfer = new Map<string, string[]>();
  if (transferIds.length === 0) return byTransfer;
  const rows = await db
    .selectFrom('transfer_recipients')
    .selectAll()
    .where('transfer_id', 'in', [...transferIds])
    .orderBy('actor_id')
    .execute();
  for (const row of rows) {
    const list = byTransfer.get(row.transfer_id) ?? [];
    list.push(row.actor_id);
    byTransfer.set(row.transfer_id, list);
  }
  return byTransfer;
}

export async function createTransfer(db: Kysely<Database>, input: NewTransfer): Promise<Transfer> {
  await checkRecipients(db, input.outcome_id, input.recipient_actor_ids);
  const status_on = input.status_on ?? input.handed_on;
  if (status_on < input.handed_on) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: 'status_on',
      reason: 'status_on must be on or after handed_on',
    });
  }
  const row = {
    id: input.id ?? newId(),
    outcome_id: input.outcome_id,
    status: input.status,
    handed_on: input.handed_on,
    status_on,
    note: input.note ?? '',
    created_at: input.created_at ?? nowIso(),
  };
  await mapStoreErrors(() => db.insertInto('transfers').values(row).execute(), { record: 'transfer' });
  await writeRecipients(db, row.id, input.recipient_actor_ids);
  return { ...row, recipient_actor_ids: [...input.recipient_actor_ids].sort() };
}

export async function getTransfer(db: Kysely<Database>, id: string): Promise<Transfer | undefined> {
  const row = await db.selectFrom('transfers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return { ...row, recipient_actor_ids: (await recipientsOf(db, [id])).get(id) ?? [] };
}

/** Transfers of one outcome, or of every outcome of an initiative, by date handed. */
export async function listTransfers(
  db: Kysely<Database>,
  scope: { outcome_id: string } | { initiative_id: string },
): Promise<Transfer[]> {
  let query = db
    .selectFrom('transfers')
    .selectAll('transfers')
    .orderBy('transfers.handed_on')
    .orderBy('transfers.id');
  query =
    'outcome_id' in scope
      ? query.where('transfers.outcome_id', '=', scope.outcome_id)
      : query
          .innerJoin('outcomes', 'outcomes.id', 'transfers.outcome_id')
          .where('outcomes.initiative_id', '=', scope.initiative_id);
  const rows = await query.execute();
  const recipients = await recipientsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ ...row, recipient_actor_ids: recipients.get(row.id) ?? [] }));
}

/** The initiative a transfer belongs to (through its outcome), for scope checks. */
export async function findTransferInitiativeId(
  db: Kysely<Database>,
  transferId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('transfers')
    .innerJoin('outcomes', 'outcomes.id', 'transfers.outcome_id')
    .select('outcomes.initiative_id')
    .where('transfers.id', '=', transferId)
    .executeTakeFirst();
  return row?.initiative_id;
}

export async function updateTransfer(
  db: Kysely<Database>,
  id: string,
  changes: TransferChanges,
): Promise<Transfer | undefined> {
  const current = await getTransfer(db, id);
  if (!current) return undefined;
  const { recipient_actor_ids } = changes;
  const fields = onlyColumns(changes, ['status', 'handed_on', 'status_on', 'note']);
  const merged = { ...current, ...fields };
  if (merged.status_on < merged.handed_on) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: 'status_on',
      reason: 'status_on must be on or after handed_on',
    });
  }
  if (recipient_actor_ids) await checkRecipients(db, current.outcome_id, recipient_actor_ids);
  if (Object.keys(fields).length > 0) {
    await mapStoreErrors(() => db.updateTable('transfers').set(fields).where('id', '=', id).execute(), {
      record: 'transfer',
    });
  }
  if (recipient_actor_ids) await writeRecipients(db, id, recipient_actor_ids);
  return getTransfer(db, id);
}

export async function deleteTransfer(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('transfers').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
