import type { Kysely, Migration } from 'kysely';

/**
 * The audit chain keyed with the master key. Rows written before this migration keep their unkeyed hash
 * and are marked version 1; rows after it are version 2 (HMAC-SHA-256, see src/security/audit.ts). The
 * head row gains a MAC over the head, so a chain rewritten unkeyed from the end no longer passes.
 * No re-chaining here: a migration runs without the master key.
 */
export const keyedAuditMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('audit_log')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.alterTable('audit_head').addColumn('mac', 'text').execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('audit_head').dropColumn('mac').execute();
    await db.schema.alterTable('audit_log').dropColumn('version').execute();
  },
};
