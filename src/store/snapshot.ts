import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import { chunks } from './repositories/chunks.js';

/**
 * Every table a backup carries, parents before children (the order rows are restored in, so each foreign
 * key finds its parent), with the columns of its primary key (the order rows are read in, a page at a time).
 * Sessions (and sign-ins half done) are left out on purpose: a restored server asks everyone to sign in again. A test holds this
 * list equal to the tables the migrations make, so a new table cannot be forgotten.
 */
export const snapshotTables = [
  ['workspaces', ['id']],
  ['conflicts', ['id']],
  ['divides', ['id']],
  ['groups', ['id']],
  ['conflict_events', ['id']],
  ['actors', ['id']],
  ['actor_groups', ['actor_id', 'divide_id']],
  ['ties', ['id']],
  ['initiatives', ['id']],
  ['initiative_privacy', ['initiative_id']],
  ['initiative_actors', ['initiative_id', 'actor_id', 'capacity']],
  ['meetings', ['id']],
  ['attendances', ['meeting_id', 'actor_id']],
  ['tie_meetings', ['tie_id', 'meeting_id']],
  ['meeting_texts', ['meeting_id', 'kind']],
  ['outcomes', ['id']],
  ['transfers', ['id']],
  ['transfer_recipients', ['transfer_id', 'actor_id']],
  ['accounts', ['id']],
  ['workspace_admins', ['workspace_id', 'account_id']],
  ['memberships', ['account_id', 'initiative_id', 'role']],
  ['instance_admins', ['account_id']],
  ['invitations', ['id']],
  ['workspace_keys', ['workspace_id']],
  ['actor_identities', ['actor_id']],
  ['actor_name_index', ['actor_id', 'token']],
  ['audit_log', ['seq']],
  ['audit_head', ['id']],
  ['dialogues', ['id']],
  ['dialogue_participants', ['id']],
  ['dialogue_statements', ['id']],
  ['dialogue_votes', ['participant_id', 'statement_id']],
  ['dialogue_vote_requests', ['participant_id', 'request_id']],
  ['dialogue_join_links', ['id']],
  ['invitation_links', ['id']],
  ['statement_translations', ['statement_id', 'language']],
  ['surveys', ['id']],
  ['survey_waves', ['id']],
  ['survey_respondents', ['id']],
  ['survey_links', ['token_hash']],
  ['survey_responses', ['id']],
  ['survey_join_links', ['id']],
  ['survey_translations', ['survey_id', 'instrument_id', 'language']],
  ['dialogue_channels', ['dialogue_id']],
  ['channel_participants', ['id']],
  ['channel_sent_statements', ['channel_participant_id', 'number']],
  ['external_effects', ['id']],
  ['totp_factors', ['account_id']],
  ['recovery_codes', ['account_id', 'code_hash']],
  ['passkeys', ['id']],
  ['second_factor_rules', ['workspace_id']],
  ['violence_events', ['id']],
  ['violence_event_actors', ['event_id', 'position']],
  ['event_actor_aliases', ['id']],
  ['track_one_events', ['id']],
  ['track_one_event_parties', ['event_id', 'actor_id']],
  ['transfer_track_one_events', ['transfer_id']],
  ['peace_indicators', ['id']],
  ['funders', ['id']],
  ['budget_lines', ['id']],
  ['pledges', ['id']],
  ['disbursements', ['id']],
] as const satisfies readonly (readonly [keyof Database, readonly string[]])[];

/** Tables the snapshot leaves out, and why (see above). */
export const tablesNotInSnapshots: readonly string[] = [
  'sessions',
  'second_factor_challenges',
  // Kept by the database's triggers (0016_map_versions): a restore's own inserts raise it again.
  'conflict_map_versions',
  // A gateway's retry window and a rate window: minutes of worth, nothing to restore.
  'channel_messages',
  'channel_rates',
];

export type SnapshotTable = (typeof snapshotTables)[number][0];
export type SnapshotRow = Record<string, unknown>;

const PAGE = 2_000;

/**
 * Reads every row of every snapshot table, a page at a time in primary-key order (keyset paging: no OFFSET,
 * so a large table is read in linear time). Run it inside one snapshot transaction for a consistent copy.
 */
export async function readSnapshot(
  db: Kysely<Database>,
  onRows: (table: SnapshotTable, rows: SnapshotRow[]) => void,
): Promise<void> {
  for (const [table, key] of snapshotTables) {
    const keyList = sql.join(key.map((column) => sql.ref(column)));
    let after: unknown[] | undefined;
    for (;;) {
      const rows = (
        await sql<SnapshotRow>`select * from ${sql.table(table)} ${
          after ? sql`where (${keyList}) > (${sql.join(after.map((value) => sql`${value}`))})` : sql``
        } order by ${keyList} limit ${PAGE}`.execute(db)
      ).rows;
      if (rows.length > 0) onRows(table, rows);
      if (rows.length < PAGE) break;
      const last = rows[rows.length - 1];
      after = key.map((column) => last[column]);
    }
  }
}

/** Whether the database holds no record yet (the only kind a backup restores into). */
export async function isEmptyForRestore(db: Kysely<Database>): Promise<boolean> {
  for (const table of ['workspaces', 'accounts', 'audit_log'] as const) {
    const row = await db
      .selectFrom(table)
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    if (Number(row.n) > 0) return false;
  }
  return true;
}

/** Writes a snapshot's rows into an empty database, parents first; the migration's own audit head is replaced. */
export async function writeSnapshot(
  trx: Kysely<Database>,
  rowsOf: (table: SnapshotTable) => readonly SnapshotRow[],
): Promise<Record<string, number>> {
  await trx.deleteFrom('audit_head').execute();
  const counts: Record<string, number> = {};
  for (const [table] of snapshotTables) {
    const rows = rowsOf(table);
    counts[table] = rows.length;
    // Rows of up to 15 columns: 500 rows stay under both engines' bound-parameter limits.
    for (const slice of chunks(rows, 500))
      await trx
        .insertInto(table)
        .values(slice as never)
        .execute();
  }
  return counts;
}
