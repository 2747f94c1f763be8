import type { Kysely, Migration } from 'kysely';

/**
 * Retention reaches two more kinds of record (src/services/privacy/retention.ts): invitation links, which
 * hold the invitee's email address and serve nothing once accepted, withdrawn or expired, and meetings'
 * minutes and notes, kept for the initiative's attendance period like the attendance they describe. Both
 * get the `deleted_at` of hide-then-purge: hidden at once when their time is up, deleted after the grace.
 */
const tables = ['invitation_links', 'meeting_texts'] as const;

export const retentionMoreMigration: Migration = {
  async up(db: Kysely<unknown>) {
    for (const table of tables) {
      await db.schema.alterTable(table).addColumn('deleted_at', 'text').execute();
    }
  },

  async down(db: Kysely<unknown>) {
    for (const table of tables) {
      await db.schema.alterTable(table).dropColumn('deleted_at').execute();
    }
  },
};
