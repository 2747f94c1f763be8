import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../schema.js';
import type { ChannelParticipantsTable, DialogueChannelsTable } from '../tables/channels.js';

export type DialogueChannelRow = Selectable<DialogueChannelsTable>;
export type ChannelParticipantRow = Selectable<ChannelParticipantsTable>;

export function channelOf(db: Kysely<Database>, dialogueId: string) {
  return db
    .selectFrom('dialogue_channels')
    .selectAll()
    .where('dialogue_id', '=', dialogueId)
    .executeTakeFirst();
}

export function channelByKeyword(db: Kysely<Database>, keyword: string) {
  return db.selectFrom('dialogue_channels').selectAll().where('sms_keyword', '=', keyword).executeTakeFirst();
}

export function ussdChannels(db: Kysely<Database>) {
  return db
    .selectFrom('dialogue_channels')
    .innerJoin('dialogues', 'dialogues.id', 'dialogue_channels.dialogue_id')
    .select(['dialogue_channels.dialogue_id', 'dialogue_channels.languages', 'dialogues.prompt'])
    .where('dialogue_channels.ussd_enabled', '=', 1)
    .where('dialogues.status', '!=', 'closed')
    .orderBy('dialogue_channels.menu_order')
    .orderBy('dialogue_channels.updated_at')
    .orderBy('dialogue_channels.dialogue_id')
    .limit(9)
    .execute();
}

export async function upsertChannel(db: Kysely<Database>, row: DialogueChannelRow): Promise<void> {
  const { dialogue_id: _id, ...rest } = row;
  await db
    .insertInto('dialogue_channels')
    .values(row)
    .onConflict((oc) => oc.column('dialogue_id').doUpdateSet(rest))
    .execute();
}

export function channelParticipant(db: Kysely<Database>, dialogueId: string, phoneHash: string) {
  return db
    .selectFrom('channel_participants')
    .selectAll()
    .where('dialogue_id', '=', dialogueId)
    .where('phone_hash', '=', phoneHash)
    .executeTakeFirst();
}

/** The dialogue a number talks to by SMS: the one it joined last and has not left. */
export function currentSmsParticipant(db: Kysely<Database>, phoneHash: string) {
  return db
    .selectFrom('channel_participants')
    .selectAll()
    .where('phone_hash', '=', phoneHash)
    .where('channel', '=', 'sms')
    .where('stopped_at', 'is', null)
    .orderBy('active_at', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

export async function insertChannelParticipant(db: Kysely<Database>, row: ChannelParticipantRow) {
  await db.insertInto('channel_participants').values(row).execute();
}

export async function updateChannelParticipant(
  db: Kysely<Database>,
  id: string,
  set: Partial<Omit<ChannelParticipantRow, 'id'>>,
) {
  await db.updateTable('channel_participants').set(set).where('id', '=', id).execute();
}

export async function recordSent(
  db: Kysely<Database>,
  channelParticipantId: string,
  number: number,
  statementId: string,
  at: string,
) {
  await db
    .insertInto('channel_sent_statements')
    .values({ channel_participant_id: channelParticipantId, number, statement_id: statementId, sent_at: at })
    .onConflict((oc) => oc.columns(['channel_participant_id', 'number']).doNothing())
    .execute();
  await updateChannelParticipant(db, channelParticipantId, { last_statement_id: statementId, active_at: at });
}

export async function sentStatement(db: Kysely<Database>, channelParticipantId: string, number: number) {
  const row = await db
    .selectFrom('channel_sent_statements')
    .select('statement_id')
    .where('channel_participant_id', '=', channelParticipantId)
    .where('number', '=', number)
    .executeTakeFirst();
  return row?.statement_id;
}

export function messageReply(db: Kysely<Database>, messageId: string) {
  return db
    .selectFrom('channel_messages')
    .select('reply')
    .where('message_id', '=', messageId)
    .executeTakeFirst();
}

export async function logMessage(
  db: Kysely<Database>,
  row: { message_id: string; channel: 'sms' | 'ussd'; channel_participant_id: string | null; reply: string },
  at: string,
): Promise<void> {
  await db
    .insertInto('channel_messages')
    .values({ ...row, received_at: at })
    .onConflict((oc) => oc.column('message_id').doNothing())
    .execute();
}

/**
 * Counts one message of a number in the current minute's window; returns the count with it. One
 * statement per engine: the window restarts when the stored one is older than a minute.
 */
export async function countMessage(db: Kysely<Database>, phoneHash: string, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('channel_rates')
      .selectAll()
      .where('phone_hash', '=', phoneHash)
      .executeTakeFirst();
    const at = now.toISOString();
    if (!row) {
      await trx
        .insertInto('channel_rates')
        .values({ phone_hash: phoneHash, window_start: at, count: 1 })
        .onConflict((oc) =>
          oc.column('phone_hash').doUpdateSet({ count: (eb) => eb('channel_rates.count', '+', 1) }),
        )
        .execute();
      return 1;
    }
    if (now.getTime() - Date.parse(row.window_start) >= 60_000) {
      await trx
        .updateTable('channel_rates')
        .set({ window_start: at, count: 1 })
        .where('phone_hash', '=', phoneHash)
        .execute();
      return 1;
    }
    await trx
      .updateTable('channel_rates')
      .set((eb) => ({ count: eb('count', '+', 1) }))
      .where('phone_hash', '=', phoneHash)
      .execute();
    return row.count + 1;
  });
}

export async function participantCounts(db: Kysely<Database>, dialogueId: string) {
  const rows = await db
    .selectFrom('channel_participants')
    .select(['channel', 'stopped_at'])
    .where('dialogue_id', '=', dialogueId)
    .execute();
  return {
    sms: rows.filter((r) => r.channel === 'sms').length,
    ussd: rows.filter((r) => r.channel === 'ussd').length,
    stopped: rows.filter((r) => r.stopped_at !== null).length,
  };
}

/** Erasure: every trace of a number (by its hash) in the channels; the participant's votes stay, unlinked. */
export async function forgetNumber(db: Kysely<Database>, phoneHash: string): Promise<string[]> {
  const rows = await db
    .selectFrom('channel_participants')
    .select(['id', 'participant_id'])
    .where('phone_hash', '=', phoneHash)
    .execute();
  const participantIds = rows.map((r) => r.participant_id);
  if (participantIds.length) {
    await db
      .updateTable('dialogue_participants')
      .set({ token_hash: null })
      .where('id', 'in', participantIds)
      .execute();
    await db.deleteFrom('channel_participants').where('phone_hash', '=', phoneHash).execute();
  }
  await db.deleteFrom('channel_rates').where('phone_hash', '=', phoneHash).execute();
  return participantIds;
}
