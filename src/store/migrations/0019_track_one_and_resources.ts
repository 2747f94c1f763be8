import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The Track-I timeline, peace indicators and resources (issue #15):
 *  - `track_one_events` per conflict (kind, date with its precision, source, notes; agreements coded as
 *    PA-X codes them: stage and gender provisions) and their parties, actors of the map;
 *  - a transfer's optional link to the Track-I event it fed (`transfer_track_one_events`);
 *  - `peace_indicators` per initiative, area and month (CEWARN's peace indicators), entered by the new
 *    `field_monitor` role, which memberships and invitations must accept (their tables are rebuilt);
 *  - `funders` per workspace, and per initiative `budget_lines` (needs), `pledges` and `disbursements`.
 */
const ROLES_BEFORE = ['convener', 'facilitator', 'participant', 'researcher', 'funder', 'translator'];
const ROLES_AFTER = [...ROLES_BEFORE, 'field_monitor'];

const KINDS = [
  'talks_opened',
  'round_held',
  'ceasefire',
  'truce',
  'agreement_signed',
  'agreement_broken_down',
  'offensive',
  'other',
];
const STAGES = [
  'pre_negotiation',
  'ceasefire',
  'framework_partial',
  'framework_comprehensive',
  'implementation',
  'renewal',
];
const INDICATORS = [
  'markets_open',
  'intergroup_marriages',
  'joint_events',
  'women_peace_messengers',
  'other',
];

function oneOf(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;
}

/** Rebuilds memberships and invitations with the role list widened or narrowed (as 0012 did). */
async function rebuildRoleTables(db: Kysely<unknown>, roles: readonly string[], suffix: string) {
  const roleIn = oneOf('role', roles);
  await db.schema
    .createTable('memberships_next')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint(`memberships_pk_${suffix}`, ['account_id', 'initiative_id', 'role'])
    .addCheckConstraint(`memberships_role_${suffix}`, roleIn)
    .execute();
  await sql`insert into memberships_next (account_id, initiative_id, role)
    select account_id, initiative_id, role from memberships where ${roleIn}`.execute(db);
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
    .addCheckConstraint(`invitations_role_${suffix}`, roleIn)
    .execute();
  await sql`insert into invitations_next (id, email, initiative_id, role, invited_by, created_at)
    select id, email, initiative_id, role, invited_by, created_at from invitations where ${roleIn}`.execute(
    db,
  );
  await db.schema.dropTable('invitations').execute();
  await db.schema.alterTable('invitations_next').renameTo('invitations').execute();
  await db.schema.createIndex('invitations_email').on('invitations').column('email').execute();
}

export const trackOneAndResourcesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await rebuildRoleTables(db, ROLES_AFTER, 'v19');

    await db.schema
      .createTable('track_one_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('conflict_id', 'text', (c) => c.notNull().references('conflicts.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('occurred_on', 'text', (c) => c.notNull())
      .addColumn('date_precision', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('notes', 'text', (c) => c.notNull())
      .addColumn('agreement_stage', 'text')
      .addColumn('gender_provisions', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addCheckConstraint('track_one_events_kind', oneOf('kind', KINDS))
      .addCheckConstraint('track_one_events_precision', oneOf('date_precision', ['day', 'month', 'year']))
      .addCheckConstraint(
        'track_one_events_agreement',
        sql`(kind = 'agreement_signed' and agreement_stage is not null and gender_provisions in (0, 1))
          or (kind <> 'agreement_signed' and agreement_stage is null and gender_provisions is null)`,
      )
      .addCheckConstraint(
        'track_one_events_stage',
        sql`agreement_stage is null or ${oneOf('agreement_stage', STAGES)}`,
      )
      .execute();
    await db.schema
      .createIndex('track_one_events_conflict_date')
      .on('track_one_events')
      .columns(['conflict_id', 'occurred_on'])
      .execute();
    await db.schema
      .createTable('track_one_event_parties')
      .addColumn('event_id', 'text', (c) => c.notNull().references('track_one_events.id').onDelete('cascade'))
      .addColumn('actor_id', 'text', (c) => c.notNull().references('actors.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('track_one_event_parties_pk', ['event_id', 'actor_id'])
      .execute();
    await db.schema
      .createIndex('track_one_event_parties_actor')
      .on('track_one_event_parties')
      .column('actor_id')
      .execute();
    // A transfer's link to the Track-I event it fed: at most one per transfer, in a table of its own so the
    // transfer's record (and every export of it) keeps its shape.
    await db.schema
      .createTable('transfer_track_one_events')
      .addColumn('transfer_id', 'text', (c) => c.primaryKey().references('transfers.id').onDelete('cascade'))
      .addColumn('event_id', 'text', (c) => c.notNull().references('track_one_events.id').onDelete('cascade'))
      .execute();

    await db.schema
      .createTable('peace_indicators')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
      .addColumn('area', 'text', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('other_label', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('entered_by', 'text', (c) => c.references('accounts.id').onDelete('set null'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('peace_indicators_once', ['initiative_id', 'area', 'month', 'kind', 'other_label'])
      .addCheckConstraint('peace_indicators_kind', oneOf('kind', INDICATORS))
      .addCheckConstraint('peace_indicators_count', sql`count >= 0`)
      .addCheckConstraint(
        'peace_indicators_label',
        sql`(kind = 'other' and other_label <> '') or (kind <> 'other' and other_label = '')`,
      )
      .execute();

    await db.schema
      .createTable('funders')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('funders_workspace_name', ['workspace_id', 'name'])
      .execute();
    await db.schema
      .createTable('budget_lines')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('amount', 'double precision', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addCheckConstraint('budget_lines_amount', sql`amount >= 0`)
      .execute();
    await db.schema
      .createIndex('budget_lines_initiative')
      .on('budget_lines')
      .column('initiative_id')
      .execute();
    await db.schema
      .createTable('pledges')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
      .addColumn('funder_id', 'text', (c) => c.notNull().references('funders.id').onDelete('restrict'))
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('amount', 'double precision', (c) => c.notNull())
      .addColumn('pledged_on', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addCheckConstraint('pledges_amount', sql`amount > 0`)
      .execute();
    await db.schema.createIndex('pledges_initiative').on('pledges').column('initiative_id').execute();
    await db.schema.createIndex('pledges_funder').on('pledges').column('funder_id').execute();
    await db.schema
      .createTable('disbursements')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('pledge_id', 'text', (c) => c.notNull().references('pledges.id').onDelete('cascade'))
      .addColumn('amount', 'double precision', (c) => c.notNull())
      .addColumn('disbursed_on', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addCheckConstraint('disbursements_amount', sql`amount > 0`)
      .execute();
    await db.schema.createIndex('disbursements_pledge').on('disbursements').column('pledge_id').execute();
  },

  async down(db: Kysely<unknown>) {
    for (const table of ['disbursements', 'pledges', 'budget_lines', 'funders', 'peace_indicators']) {
      await db.schema.dropTable(table).ifExists().execute();
    }
    await db.schema.dropTable('transfer_track_one_events').ifExists().execute();
    await db.schema.dropTable('track_one_event_parties').ifExists().execute();
    await db.schema.dropTable('track_one_events').ifExists().execute();
    await rebuildRoleTables(db, ROLES_BEFORE, 'v18');
  },
};
