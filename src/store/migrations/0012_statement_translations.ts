import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Statements translated by people (issue #13): a statement's source language, a dialogue's languages and
 * its choice to hold a new participant statement back from other languages until it is translated, the
 * language a participant reads in (for participation by language), the translator role, and the translations themselves, one
 * per statement and language, each with the account that wrote it and whether a person wrote or verified it.
 */
const ROLES_BEFORE = ['convener', 'facilitator', 'participant', 'researcher', 'funder'];
const ROLES_AFTER = [...ROLES_BEFORE, 'translator'];

function roleIn(roles: readonly string[]) {
  return sql`role in (${sql.join(roles.map((role) => sql.lit(role)))})`;
}

/**
 * Rebuilds `memberships` and `invitations` with the role list widened (or narrowed back): SQLite cannot
 * change a CHECK in place, so both engines copy the rows into a new table, the one way they share.
 */
async function rebuildRoleTables(db: Kysely<unknown>, roles: readonly string[], suffix: string) {
  await db.schema
    .createTable('memberships_next')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint(`memberships_pk_${suffix}`, ['account_id', 'initiative_id', 'role'])
    .addCheckConstraint(`memberships_role_${suffix}`, roleIn(roles))
    .execute();
  await sql`insert into memberships_next (account_id, initiative_id, role)
    select account_id, initiative_id, role from memberships where ${roleIn(roles)}`.execute(db);
  await db.schema.dropTable('memberships').execute();
  await db.schema.alterTable('memberships_next').renameTo('memberships').execute();
  await db.schema.createIndex('memberships_initiative').on('memberships').column('initiative_id').execute();

  await db.schema
    .createTable('invitations_next')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('invited_by', 'text', (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint(`invitations_once_${suffix}`, ['email', 'initiative_id', 'role'])
    .addCheckConstraint(`invitations_role_${suffix}`, roleIn(roles))
    .execute();
  await sql`insert into invitations_next (id, email, initiative_id, role, invited_by, created_at)
    select id, email, initiative_id, role, invited_by, created_at from invitations where ${roleIn(roles)}`.execute(
    db,
  );
  await db.schema.dropTable('invitations').execute();
  await db.schema.alterTable('invitations_next').renameTo('invitations').execute();
  await db.schema.createIndex('invitations_email').on('invitations').column('email').execute();
}

export const statementTranslationsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    // The translator role (per initiative): memberships and invitations accept it.
    await rebuildRoleTables(db, ROLES_AFTER, 'v12');
    await db.schema
      .alterTable('dialogues')
      .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
    await db.schema
      .alterTable('dialogues')
      .addColumn('translation_hold', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('dialogue_statements').addColumn('language', 'text').execute();
    await db.schema.alterTable('dialogue_participants').addColumn('language', 'text').execute();
    await db.schema
      .createTable('statement_translations')
      .addColumn('statement_id', 'text', (c) =>
        c.notNull().references('dialogue_statements.id').onDelete('cascade'),
      )
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('dialogue_id', 'text', (c) => c.notNull().references('dialogues.id').onDelete('cascade'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('translator_account_id', 'text', (c) => c.references('accounts.id').onDelete('set null'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('statement_translations_pk', ['statement_id', 'language'])
      .addCheckConstraint('statement_translations_status', sql`status in ('human', 'machine-unverified')`)
      .execute();
    await db.schema
      .createIndex('statement_translations_dialogue')
      .on('statement_translations')
      .columns(['dialogue_id', 'language'])
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('statement_translations').ifExists().execute();
    await db.schema.alterTable('dialogue_participants').dropColumn('language').execute();
    await db.schema.alterTable('dialogue_statements').dropColumn('language').execute();
    await db.schema.alterTable('dialogues').dropColumn('translation_hold').execute();
    await db.schema.alterTable('dialogues').dropColumn('languages').execute();
    await rebuildRoleTables(db, ROLES_BEFORE, 'v11');
  },
};
