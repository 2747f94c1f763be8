import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Join links of dialogues (issue #12): an open link for the room (its code kept, to print and show again)
 * and personal links for named invitees (only the code's hash kept). A personal link makes one participant.
 */
export const joinLinksMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('dialogue_join_links')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('dialogue_id', 'text', (c) => c.notNull().references('dialogues.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('code', 'text')
      .addColumn('code_hash', 'text', (c) => c.notNull().unique())
      .addColumn('label', 'text')
      .addColumn('participant_id', 'text', (c) =>
        c.references('dialogue_participants.id').onDelete('set null'),
      )
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addCheckConstraint('dialogue_join_links_kind', sql`kind in ('open', 'personal')`)
      .addCheckConstraint(
        'dialogue_join_links_code',
        sql`(kind = 'open' and code is not null) or (kind = 'personal' and code is null)`,
      )
      .execute();
    await db.schema
      .createIndex('dialogue_join_links_dialogue')
      .on('dialogue_join_links')
      .column('dialogue_id')
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('dialogue_join_links').ifExists().execute();
  },
};
