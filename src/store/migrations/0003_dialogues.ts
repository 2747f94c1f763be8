import { sql, type Kysely, type Migration } from 'kysely';
import { dialogueStatuses, moderationStates, statementOrigins } from '../../domain/dialogue.js';

function oneOf(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;
}

/**
 * Dialogues, their participants, statements and votes. A vote is one row per participant and statement
 * (primary key), replaced in place by a later vote; the request ids of votes are kept apart so a replay
 * is refused by the database itself.
 */
export const dialoguesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('dialogues')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
      .addColumn('meeting_id', 'text', (c) => c.references('meetings.id').onDelete('set null'))
      .addColumn('divide_id', 'text', (c) => c.references('divides.id').onDelete('set null'))
      .addColumn('prompt', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('strict_moderation', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('hide_authors', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('seed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'text')
      .addCheckConstraint('dialogues_status', oneOf('status', dialogueStatuses))
      .execute();
    await db.schema.createIndex('dialogues_initiative').on('dialogues').column('initiative_id').execute();
    await db.schema.createIndex('dialogues_meeting').on('dialogues').column('meeting_id').execute();

    await db.schema
      .createTable('dialogue_participants')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('dialogue_id', 'text', (c) => c.notNull().references('dialogues.id').onDelete('cascade'))
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.unique())
      .addColumn('account_id', 'text', (c) => c.references('accounts.id').onDelete('set null'))
      .addColumn('actor_id', 'text', (c) => c.references('actors.id').onDelete('set null'))
      .addColumn('group_id', 'text', (c) => c.references('groups.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('dialogue_participants_number', ['dialogue_id', 'number'])
      .addUniqueConstraint('dialogue_participants_account', ['dialogue_id', 'account_id'])
      .execute();

    await db.schema
      .createTable('dialogue_statements')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('dialogue_id', 'text', (c) => c.notNull().references('dialogues.id').onDelete('cascade'))
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('author_participant_id', 'text', (c) =>
        c.references('dialogue_participants.id').onDelete('set null'),
      )
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('moderation', 'text', (c) => c.notNull())
      .addColumn('is_meta', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('dialogue_statements_number', ['dialogue_id', 'number'])
      .addCheckConstraint('dialogue_statements_origin', oneOf('origin', statementOrigins))
      .addCheckConstraint('dialogue_statements_moderation', oneOf('moderation', moderationStates))
      .execute();

    await db.schema
      .createTable('dialogue_votes')
      .addColumn('dialogue_id', 'text', (c) => c.notNull().references('dialogues.id').onDelete('cascade'))
      .addColumn('participant_id', 'text', (c) =>
        c.notNull().references('dialogue_participants.id').onDelete('cascade'),
      )
      .addColumn('statement_id', 'text', (c) =>
        c.notNull().references('dialogue_statements.id').onDelete('cascade'),
      )
      .addColumn('vote', 'integer', (c) => c.notNull())
      .addColumn('voted_at', 'text', (c) => c.notNull())
      .addColumn('request_id', 'text')
      .addPrimaryKeyConstraint('dialogue_votes_pk', ['participant_id', 'statement_id'])
      .addCheckConstraint('dialogue_votes_value', sql`vote in (-1, 0, 1)`)
      .execute();
    await db.schema
      .createIndex('dialogue_votes_dialogue')
      .on('dialogue_votes')
      .column('dialogue_id')
      .execute();
    await db.schema
      .createIndex('dialogue_votes_statement')
      .on('dialogue_votes')
      .column('statement_id')
      .execute();

    await db.schema
      .createTable('dialogue_vote_requests')
      .addColumn('participant_id', 'text', (c) =>
        c.notNull().references('dialogue_participants.id').onDelete('cascade'),
      )
      .addColumn('request_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('dialogue_vote_requests_pk', ['participant_id', 'request_id'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of [
      'dialogue_vote_requests',
      'dialogue_votes',
      'dialogue_statements',
      'dialogue_participants',
      'dialogues',
    ]) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};
