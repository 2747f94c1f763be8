import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Second factors for sign-in: an authenticator app's secret (sealed under a key derived from the master key),
 * recovery codes (hashes only), passkeys (WebAuthn public keys), the short-lived challenges of a sign-in
 * half done or a passkey being added, and the workspaces that require a second factor of whoever sees names.
 */
export const secondFactorsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('totp_factors')
      .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
      .addColumn('sealed_secret', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('confirmed_at', 'text')
      .addColumn('last_step', 'bigint')
      .execute();

    await db.schema
      .createTable('recovery_codes')
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('code_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .addPrimaryKeyConstraint('recovery_codes_pk', ['account_id', 'code_hash'])
      .execute();

    await db.schema
      .createTable('passkeys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('public_key', 'text', (c) => c.notNull())
      .addColumn('counter', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('transports', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .execute();
    await db.schema.createIndex('passkeys_account').on('passkeys').column('account_id').execute();

    await db.schema
      .createTable('second_factor_challenges')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('challenge', 'text')
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addCheckConstraint(
        'second_factor_challenges_purpose',
        sql`purpose in ('sign_in', 'passkey_registration')`,
      )
      .execute();
    await db.schema
      .createIndex('second_factor_challenges_account')
      .on('second_factor_challenges')
      .column('account_id')
      .execute();

    await db.schema
      .createTable('second_factor_rules')
      .addColumn('workspace_id', 'text', (c) =>
        c.primaryKey().references('workspaces.id').onDelete('cascade'),
      )
      .addColumn('required_at', 'text', (c) => c.notNull())
      .execute();
  },

  async down(db: Kysely<unknown>) {
    for (const table of [
      'second_factor_rules',
      'second_factor_challenges',
      'passkeys',
      'recovery_codes',
      'totp_factors',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};
