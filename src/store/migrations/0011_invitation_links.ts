import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Invitation links (issue #12): a role in an initiative offered to an e-mail address by a link that the
 * inviter sends through their own channel. Only an HMAC of the code is kept; a link expires, is used once
 * and can be withdrawn. And `accounts.must_change_password`: the one-time password printed on first start
 * must be replaced at the first sign-in.
 */
export const invitationLinksMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('invitation_links')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('code_hash', 'text', (c) => c.notNull().unique())
      .addColumn('invited_by', 'text', (c) => c.references('accounts.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('accepted_at', 'text')
      .addColumn('accepted_by', 'text', (c) => c.references('accounts.id').onDelete('set null'))
      .addColumn('revoked_at', 'text')
      .addCheckConstraint(
        'invitation_links_role',
        sql`role in ('convener', 'facilitator', 'participant', 'researcher', 'funder')`,
      )
      .execute();
    await db.schema
      .createIndex('invitation_links_initiative')
      .on('invitation_links')
      .column('initiative_id')
      .execute();
    await db.schema
      .alterTable('accounts')
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('accounts').dropColumn('must_change_password').execute();
    await db.schema.dropTable('invitation_links').ifExists().execute();
  },
};
