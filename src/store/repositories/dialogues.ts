import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Dialogue, DialogueStatus, ModerationState } from '../../domain/dialogue.js';
import type { GroundRule } from '../../domain/vocabulary.js';
import { sqliteConnectionOf } from '../engine/sqlite.js';
import { mapStoreErrors } from '../errors.js';
import { chunks } from './chunks.js';
import type { Database } from '../schema.js';
import type {
  DialogueParticipantsTable,
  DialogueStatementsTable,
  DialogueVotesTable,
  DialoguesTable,
} from '../tables/dialogues.js';
import { startWalCheckpointer, walCommitted } from '../engine/sqlite-wal-checkpointer.js';

function toDialogue(row: DialoguesTable): Dialogue {
  return {
    ...row,
    strict_moderation: row.strict_moderation === 1,
    hide_authors: row.hide_authors === 1,
    languages: JSON.parse(row.languages) as string[],
    translation_hold: row.translation_hold === 1,
  };
}

export interface NewDialogue {
  id: string;
  initiative_id: string;
  meeting_id: string | null;
  divide_id: string | null;
  prompt: string;
  strict_moderation: boolean;
  hide_authors: boolean;
  seed: number;
  created_at: string;
  languages?: readonly string[];
  translation_hold?: boolean;
}

export async function createDialogue(db: Kysely<Database>, input: NewDialogue): Promise<Dialogue> {
  const row: DialoguesTable = {
    ...input,
    status: 'open',
    strict_moderation: input.strict_moderation ? 1 : 0,
    hide_authors: input.hide_authors ? 1 : 0,
    closed_at: null,
    languages: JSON.stringify(input.languages ?? []),
    translation_hold: input.translation_hold ? 1 : 0,
  };
  await mapStoreErrors(() => db.insertInto('dialogues').values(row).execute(), { record: 'dialogue' });
  return toDialogue(row);
}

export async function getDialogue(db: Kysely<Database>, id: string): Promise<Dialogue | undefined> {
  const row = await db.selectFrom('dialogues').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toDialogue(row);
}

export async function listDialogues(db: Kysely<Database>, initiativeId: string): Promise<Dialogue[]> {
  const rows = await db
    .selectFrom('dialogues')
    .selectAll()
    .where('initiative_id', '=', initiativeId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toDialogue);
}

export interface DialogueChanges {
  prompt?: string;
  status?: DialogueStatus;
  strict_moderation?: boolean;
  closed_at?: string | null;
  languages?: readonly string[];
  translation_hold?: boolean;
}

export async function updateDialogue(
  db: Kysely<Database>,
  id: string,
  changes: DialogueChanges,
): Promise<Dialogue | undefined> {
  const { strict_moderation, languages, translation_hold, ...rest } = changes;
  await db
    .updateTable('dialogues')
    .set({
      ...rest,
      ...(strict_moderation === undefined ? {} : { strict_moderation: strict_moderation ? 1 : 0 }),
      ...(languages === undefined ? {} : { languages: JSON.stringify(languages) }),
      ...(translation_hold === undefined ? {} : { translation_hold: translation_hold ? 1 : 0 }),
    })
    .where('id', '=', id)
    .execute();
  return getDialogue(db, id);
}

/** The meeting's initiative and ground rule, to place a dialogue inside it. */
export function meetingOf(db: Kysely<Database>, meetingId: string) {
  return db
    .selectFrom('meetings')
    .select(['initiative_id', 'ground_rule'])
    .where('id', '=', meetingId)
    .executeTakeFirst() as Promise<{ initiative_id: string; ground_rule: GroundRule } | undefined>;
}

/** Whether the divide lies in the conflict of the initiative. */
export async function divideOfInitiative(db: Kysely<Database>, divideId: string, initiativeId: string) {
  const row = await db
    .selectFrom('divides')
    .innerJoin('initiatives', 'initiatives.conflict_id', 'divides.conflict_id')
    .select('divides.id')
    .where('divides.id', '=', divideId)
    .where('initiatives.id', '=', initiativeId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The groups of a divide, in display order. */
export function groupsOfDivide(db: Kysely<Database>, divideId: string) {
  return db
    .selectFrom('groups')
    .select(['id', 'name'])
    .where('divide_id', '=', divideId)
    .orderBy('position')
    .orderBy('name')
    .execute();
}

/** The group an actor belongs to in a divide, if any. */
export async function actorGroupIn(db: Kysely<Database>, actorId: string, divideId: string) {
  const row = await db
    .selectFrom('actor_groups')
    .select('group_id')
    .where('actor_id', '=', actorId)
    .where('divide_id', '=', divideId)
    .executeTakeFirst();
  return row?.group_id ?? null;
}

/** Whether the actor belongs to the conflict of the initiative. */
export async function actorOfInitiative(db: Kysely<Database>, actorId: string, initiativeId: string) {
  const row = await db
    .selectFrom('actors')
    .innerJoin('initiatives', 'initiatives.conflict_id', 'actors.conflict_id')
    .select('actors.id')
    .where('actors.id', '=', actorId)
    .where('initiatives.id', '=', initiativeId)
    .executeTakeFirst();
  return row !== undefined;
}

export type ParticipantRow = DialogueParticipantsTable;

async function nextNumber(
  db: Kysely<Database>,
  table: 'dialogue_participants' | 'dialogue_statements',
  dialogueId: string,
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max('number').as('top'))
    .where('dialogue_id', '=', dialogueId)
    .executeTakeFirst();
  const top = row?.top as number | null | undefined;
  return top === null || top === undefined ? 0 : Number(top) + 1;
}

export function nextParticipantNumber(db: Kysely<Database>, dialogueId: string) {
  return nextNumber(db, 'dialogue_participants', dialogueId);
}

export function nextStatementNumber(db: Kysely<Database>, dialogueId: string) {
  return nextNumber(db, 'dialogue_statements', dialogueId);
}

export async function insertParticipants(db: Kysely<Database>, rows: readonly ParticipantRow[]) {
  for (const chunk of chunks(rows)) {
    await mapStoreErrors(() => db.insertInto('dialogue_participants').values(chunk).execute(), {
      record: 'participant',
    });
  }
}

export function participantByTokenHash(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<ParticipantRow | undefined> {
  return db
    .selectFrom('dialogue_participants')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export function participantByAccount(
  db: Kysely<Database>,
  dialogueId: string,
  accountId: string,
): Promise<ParticipantRow | undefined> {
  return db
    .selectFrom('dialogue_participants')
    .selectAll()
    .where('dialogue_id', '=', dialogueId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
}

export function listParticipants(db: Kysely<Database>, dialogueId: string): Promise<ParticipantRow[]> {
  return db
    .selectFrom('dialogue_participants')
    .selectAll()
    .where('dialogue_id', '=', dialogueId)
    .orderBy('number')
    .execute();
}

export async function setParticipantToken(db: Kysely<Database>, id: string, tokenHash: string) {
  await db.updateTable('dialogue_participants').set({ token_hash: tokenHash }).where('id', '=', id).execute();
}

export async function setParticipantLanguage(db: Kysely<Database>, id: string, language: string | null) {
  await db.updateTable('dialogue_participants').set({ language }).where('id', '=', id).execute();
}

export async function setParticipantGroup(db: Kysely<Database>, id: string, groupId: string | null) {
  await db.updateTable('dialogue_participants').set({ group_id: groupId }).where('id', '=', id).execute();
}

export type StatementRow = DialogueStatementsTable;

export async function insertStatements(db: Kysely<Database>, rows: readonly StatementRow[]) {
  for (const chunk of chunks(rows)) {
    await mapStoreErrors(() => db.insertInto('dialogue_statements').values(chunk).execute(), {
      record: 'statement',
    });
  }
}

/** Statements in creation order, each with its author's participant number (null when seeded). */
export function listStatements(
  db: Kysely<Database>,
  dialogueId: string,
): Promise<(StatementRow & { author_number: number | null })[]> {
  return db
    .selectFrom('dialogue_statements as s')
    .leftJoin('dialogue_participants as p', 'p.id', 's.author_participant_id')
    .selectAll('s')
    .select('p.number as author_number')
    .where('s.dialogue_id', '=', dialogueId)
    .orderBy('s.number')
    .execute();
}

export async function setModeration(
  db: Kysely<Database>,
  dialogueId: string,
  statementId: string,
  moderation: ModerationState,
): Promise<boolean> {
  const result = await db
    .updateTable('dialogue_statements')
    .set({ moderation })
    .where('id', '=', statementId)
    .where('dialogue_id', '=', dialogueId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export type VoteRow = DialogueVotesTable;

/** The latest vote of every participant on every statement, oldest first (the order they were cast in). */
export function listVotes(db: Kysely<Database>, dialogueId: string) {
  return db
    .selectFrom('dialogue_votes')
    .select(['participant_id', 'statement_id', 'vote', 'voted_at'])
    .where('dialogue_id', '=', dialogueId)
    .orderBy('voted_at')
    .orderBy('participant_id')
    .orderBy('statement_id')
    .execute();
}

/**
 * Writes a batch of votes: first their request ids (a request id seen before is skipped by the
 * database's own key, so a replay changes nothing), then the votes of the new requests, each replacing
 * the participant's earlier vote on the statement. Returns the request keys that were new.
 * `votes` must hold each (participant, request) once and each (participant, statement) once.
 */
export async function writeVotes(db: Kysely<Database>, votes: readonly VoteRow[]): Promise<Set<string>> {
  const fresh = new Set<string>();
  for (const chunk of chunks(votes)) {
    const inserted = await db
      .insertInto('dialogue_vote_requests')
      .values(chunk.map((v) => ({ participant_id: v.participant_id, request_id: v.request_id! })))
      .onConflict((oc) => oc.columns(['participant_id', 'request_id']).doNothing())
      .returning(['participant_id', 'request_id'])
      .execute();
    for (const r of inserted) fresh.add(`${r.participant_id} ${r.request_id}`);
    const rows = chunk.filter((v) => fresh.has(`${v.participant_id} ${v.request_id}`));
    if (rows.length) await upsertVotes(db, rows);
  }
  return fresh;
}

type SqliteVoteWriter = (votes: readonly VoteRow[]) => Set<string>;

const sqliteVoteWriters = new WeakMap<SQLite.Database, SqliteVoteWriter>();

/**
 * writeVotes on SQLite's own connection: the same two statements, row by row, prepared once per
 * connection and run in one synchronous transaction. On the vote path Kysely's compile, prepare and
 * promise hops per query cost more than the statements themselves.
 */
function sqliteVoteWriter(connection: SQLite.Database): SqliteVoteWriter {
  let writer = sqliteVoteWriters.get(connection);
  if (writer) return writer;
  const request = connection.prepare(
    'insert into dialogue_vote_requests (participant_id, request_id) values (?, ?) on conflict do nothing',
  );
  const upsert = connection.prepare(
    'insert into dialogue_votes (dialogue_id, participant_id, statement_id, vote, voted_at, request_id) ' +
      'values (?, ?, ?, ?, ?, ?) on conflict (participant_id, statement_id) do update set ' +
      'vote = excluded.vote, voted_at = excluded.voted_at, request_id = excluded.request_id',
  );
  const transaction = connection.transaction((votes: readonly VoteRow[]) => {
    const fresh = new Set<string>();
    for (const v of votes) {
      if (request.run(v.participant_id, v.request_id).changes === 0) continue;
      fresh.add(`${v.participant_id} ${v.request_id}`);
      upsert.run(v.dialogue_id, v.participant_id, v.statement_id, v.vote, v.voted_at, v.request_id);
    }
    return fresh;
  });
  writer = (votes) => {
    // A transaction left open here would make this one a savepoint, committed only with the outer one.
    if (connection.inTransaction) throw new Error('the SQLite connection is inside a transaction');
    return transaction.immediate(votes);
  };
  sqliteVoteWriters.set(connection, writer);
  return writer;
}

/**
 * A batch of votes in one transaction of its own (see writeVotes for what it does and returns). On
 * SQLite it runs on the store's connection while holding it (so no other transaction is open there),
 * with prepared statements, and hands the WAL checkpoints to a background thread.
 */
export async function writeVoteBatch(db: Kysely<Database>, votes: readonly VoteRow[]): Promise<Set<string>> {
  const connection = sqliteConnectionOf(db);
  if (!connection) return db.transaction().execute((trx) => writeVotes(trx, votes));
  return db.connection().execute(() =>
    mapStoreErrors(
      async () => {
        startWalCheckpointer(connection);
        const fresh = sqliteVoteWriter(connection)(votes);
        walCommitted(connection);
        return fresh;
      },
      { record: 'vote' },
    ),
  );
}

/** Inserts votes, a later one replacing the earlier vote of the participant on the statement. */
export async function upsertVotes(db: Kysely<Database>, rows: readonly VoteRow[]): Promise<void> {
  for (const chunk of chunks(rows)) {
    await mapStoreErrors(
      () =>
        db
          .insertInto('dialogue_votes')
          .values(chunk)
          .onConflict((oc) =>
            oc.columns(['participant_id', 'statement_id']).doUpdateSet((eb) => ({
              vote: eb.ref('excluded.vote'),
              voted_at: eb.ref('excluded.voted_at'),
              request_id: eb.ref('excluded.request_id'),
            })),
          )
          .execute(),
      { record: 'vote' },
    );
  }
}
