import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Instance-level rights and invitations (issue #11, D5), and scopes of API tokens:
 *  - `instance_admins`: accounts that may create workspaces and accounts (besides the operator);
 *  - `invitations`: a role in an initiative offered to an e-mail address that has no account yet, given
 *    when an account of that address is made (so inviting never tells whether an address has one);
 *  - `sessions.scopes`: what a token may do (`read`, `write`, comma-separated); null for cookie sessions.
 *    Tokens made before this migration keep what they could do: read and write.
 */
export const instanceRightsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('instance_admins')
      .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
      .addColumn('granted_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('invitations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('invited_by', 'text', (c) => c.references('accounts.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('invitations_once', ['email', 'initiative_id', 'role'])
      .addCheckConstraint(
        'invitations_role',
        sql`role in ('convener', 'facilitator', 'participant', 'researcher', 'funder')`,
      )
      .execute();
    await db.schema.createIndex('invitations_email').on('invitations').column('email').execute();

    await db.schema.alterTable('sessions').addColumn('scopes', 'text').execute();
    await sql`update sessions set scopes = 'read,write' where kind = 'token'`.execute(db);
  },

  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('sessions').dropColumn('scopes').execute();
    await db.schema.dropTable('invitations').execute();
    await db.schema.dropTable('instance_admins').execute();
  },
};
