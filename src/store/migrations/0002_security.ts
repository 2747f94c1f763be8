import { sql, type Kysely, type Migration } from 'kysely';

/** The genesis hash the first audit row chains to. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/**
 * Accounts, roles, sessions, the identity vault and the audit chain. Schema builder only, so the same
 * migration serves SQLite and PostgreSQL.
 */
export const securityMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('accounts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('disabled_at', 'text')
      .execute();

    await db.schema
      .createTable('workspace_admins')
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('workspace_admins_pk', ['workspace_id', 'account_id'])
      .execute();
    await db.schema
      .createIndex('workspace_admins_account')
      .on('workspace_admins')
      .column('account_id')
      .execute();

    await db.schema
      .createTable('memberships')
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('memberships_pk', ['account_id', 'initiative_id', 'role'])
      .addCheckConstraint(
        'memberships_role',
        sql`role in ('convener', 'facilitator', 'participant', 'researcher', 'funder')`,
      )
      .execute();
    await db.schema.createIndex('memberships_initiative').on('memberships').column('initiative_id').execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .addCheckConstraint('sessions_kind', sql`kind in ('cookie', 'token')`)
      .execute();
    await db.schema.createIndex('sessions_account').on('sessions').column('account_id').execute();

    await db.schema
      .createTable('workspace_keys')
      .addColumn('workspace_id', 'text', (c) =>
        c.primaryKey().references('workspaces.id').onDelete('cascade'),
      )
      .addColumn('wrapped_key', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('actor_identities')
      .addColumn('actor_id', 'text', (c) => c.primaryKey().references('actors.id').onDelete('cascade'))
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('wrapped_data_key', 'text', (c) => c.notNull())
      .addColumn('ciphertext', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('actor_name_index')
      .addColumn('actor_id', 'text', (c) => c.notNull().references('actors.id').onDelete('cascade'))
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('token', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('actor_name_index_pk', ['actor_id', 'token'])
      .execute();
    await db.schema
      .createIndex('actor_name_index_lookup')
      .on('actor_name_index')
      .columns(['workspace_id', 'token'])
      .execute();

    // No foreign key on account_id: the log outlives the accounts it names.
    await db.schema
      .createTable('audit_log')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('account_id', 'text')
      .addColumn('workspace_id', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('record_type', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('audit_log_record')
      .on('audit_log')
      .columns(['record_type', 'record_id'])
      .execute();
    await db.schema
      .createIndex('audit_log_workspace')
      .on('audit_log')
      .columns(['workspace_id', 'seq'])
      .execute();

    await db.schema
      .createTable('audit_head')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    await db
      .insertInto('audit_head' as never)
      .values({ id: 1, seq: 0, hash: AUDIT_GENESIS_HASH } as never)
      .execute();
  },

  async down(db: Kysely<unknown>) {
    for (const table of [
      'audit_head',
      'audit_log',
      'actor_name_index',
      'actor_identities',
      'workspace_keys',
      'sessions',
      'memberships',
      'workspace_admins',
      'accounts',
    ]) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};
