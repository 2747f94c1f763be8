import { sql, type Kysely, type Migration } from 'kysely';
import {
  actorKinds,
  actorRoles,
  attendanceRoles,
  conflictEventKinds,
  genders,
  groundRules,
  initiativeCapacities,
  initiativeStatuses,
  meetingStatuses,
  outcomeKinds,
  tieKinds,
  tieSources,
  tracks,
  transferStatuses,
} from '../../domain/vocabulary.js';

/** `column in ('a', 'b')`: a cheap CHECK mirroring a zod enum, written the same way on both engines. */
function oneOf(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;
}

/**
 * The records of the domain. Schema builder only (plus portable CHECKs), so one migration serves SQLite
 * and PostgreSQL. `double precision` is a float8 on PostgreSQL and REAL affinity on SQLite.
 */
export const coreMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('workspaces')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addCheckConstraint('workspaces_is_demo', sql`is_demo in (0, 1)`)
      .execute();

    await db.schema
      .createTable('conflicts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('started_on', 'text')
      .addColumn('ended_on', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('conflicts_workspace').on('conflicts').column('workspace_id').execute();

    await db.schema
      .createTable('divides')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('conflict_id', 'text', (c) => c.notNull().references('conflicts.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addUniqueConstraint('divides_conflict_name', ['conflict_id', 'name'])
      .execute();

    // (id, divide_id) is unique so actor_groups can prove that its group lies in its divide.
    await db.schema
      .createTable('groups')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('divide_id', 'text', (c) => c.notNull().references('divides.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('color', 'text')
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addUniqueConstraint('groups_divide_name', ['divide_id', 'name'])
      .addUniqueConstraint('groups_id_divide', ['id', 'divide_id'])
      .execute();

    await db.schema
      .createTable('conflict_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('conflict_id', 'text', (c) => c.notNull().references('conflicts.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('occurred_on', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addCheckConstraint('conflict_events_kind', oneOf('kind', conflictEventKinds))
      .execute();
    await db.schema
      .createIndex('conflict_events_conflict_date')
      .on('conflict_events')
      .columns(['conflict_id', 'occurred_on'])
      .execute();

    await db.schema
      .createTable('actors')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('conflict_id', 'text', (c) => c.notNull().references('conflicts.id').onDelete('cascade'))
      .addColumn('pseudonym', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('track', 'text', (c) => c.notNull())
      .addColumn('gender', 'text')
      .addColumn('region', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('erased_at', 'text')
      .addUniqueConstraint('actors_workspace_pseudonym', ['workspace_id', 'pseudonym'])
      .addCheckConstraint('actors_kind', oneOf('kind', actorKinds))
      .addCheckConstraint('actors_role', oneOf('role', actorRoles))
      .addCheckConstraint('actors_track', oneOf('track', tracks))
      .addCheckConstraint('actors_gender', sql`gender is null or ${oneOf('gender', genders)}`)
      .execute();
    await db.schema.createIndex('actors_conflict').on('actors').columns(['conflict_id', 'role']).execute();

    await db.schema
      .createTable('actor_groups')
      .addColumn('actor_id', 'text', (c) => c.notNull().references('actors.id').onDelete('cascade'))
      .addColumn('divide_id', 'text', (c) => c.notNull())
      .addColumn('group_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('actor_groups_pk', ['actor_id', 'divide_id'])
      .addForeignKeyConstraint(
        'actor_groups_group_in_divide',
        ['group_id', 'divide_id'],
        'groups',
        ['id', 'divide_id'],
        (fk) => fk.onDelete('cascade'),
      )
      .execute();
    await db.schema.createIndex('actor_groups_group').on('actor_groups').column('group_id').execute();

    await db.schema
      .createTable('ties')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('conflict_id', 'text', (c) => c.notNull().references('conflicts.id').onDelete('cascade'))
      .addColumn('source_actor_id', 'text', (c) => c.notNull().references('actors.id').onDelete('cascade'))
      .addColumn('target_actor_id', 'text', (c) => c.notNull().references('actors.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('directed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('strength', 'integer', (c) => c.notNull())
      .addColumn('valid_from', 'text')
      .addColumn('valid_to', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('confidence', 'double precision', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addCheckConstraint('ties_kind', oneOf('kind', tieKinds))
      .addCheckConstraint('ties_source', oneOf('source', tieSources))
      .addCheckConstraint('ties_directed', sql`directed in (0, 1)`)
      .addCheckConstraint('ties_strength', sql`strength between 1 and 5`)
      .addCheckConstraint('ties_confidence', sql`confidence between 0 and 1`)
      .addCheckConstraint('ties_two_actors', sql`source_actor_id <> target_actor_id`)
      .addCheckConstraint('ties_dates', sql`valid_from is null or valid_to is null or valid_from <= valid_to`)
      .execute();
    await db.schema.createIndex('ties_conflict_kind').on('ties').columns(['conflict_id', 'kind']).execute();
    await db.schema.createIndex('ties_workspace').on('ties').column('workspace_id').execute();
    await db.schema.createIndex('ties_source_actor').on('ties').column('source_actor_id').execute();
    await db.schema.createIndex('ties_target_actor').on('ties').column('target_actor_id').execute();
    // One `met` tie per pair: the attendance upsert stores the pair in id order and relies on this.
    await db.schema
      .createIndex('ties_met_pair')
      .on('ties')
      .columns(['conflict_id', 'source_actor_id', 'target_actor_id'])
      .unique()
      .where(sql.ref('kind'), '=', 'met')
      .execute();

    await db.schema
      .createTable('initiatives')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      // No cascade: deleting a conflict that still has initiatives is refused.
      .addColumn('conflict_id', 'text', (c) => c.notNull().references('conflicts.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('aims', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('started_on', 'text')
      .addColumn('ended_on', 'text')
      .addColumn('funding_needed', 'double precision')
      .addColumn('funding_pledged', 'double precision')
      .addColumn('inclusion_target_women', 'double precision')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addCheckConstraint('initiatives_status', oneOf('status', initiativeStatuses))
      .addCheckConstraint(
        'initiatives_women',
        sql`inclusion_target_women is null or inclusion_target_women between 0 and 1`,
      )
      .execute();
    await db.schema.createIndex('initiatives_workspace').on('initiatives').column('workspace_id').execute();
    await db.schema.createIndex('initiatives_conflict').on('initiatives').column('conflict_id').execute();

    await db.schema
      .createTable('initiative_actors')
      .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
      .addColumn('actor_id', 'text', (c) => c.notNull().references('actors.id').onDelete('cascade'))
      .addColumn('capacity', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('initiative_actors_pk', ['initiative_id', 'actor_id', 'capacity'])
      .addCheckConstraint('initiative_actors_capacity', oneOf('capacity', initiativeCapacities))
      .execute();
    await db.schema
      .createIndex('initiative_actors_actor')
      .on('initiative_actors')
      .column('actor_id')
      .execute();

    await db.schema
      .createTable('meetings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('held_on', 'text', (c) => c.notNull())
      .addColumn('place', 'text')
      .addColumn('ground_rule', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addCheckConstraint('meetings_ground_rule', oneOf('ground_rule', groundRules))
      .addCheckConstraint('meetings_status', oneOf('status', meetingStatuses))
      .execute();
    await db.schema
      .createIndex('meetings_initiative_date')
      .on('meetings')
      .columns(['initiative_id', 'held_on'])
      .execute();

    await db.schema
      .createTable('attendances')
      .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
      .addColumn('actor_id', 'text', (c) => c.notNull().references('actors.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('attendances_pk', ['meeting_id', 'actor_id'])
      .addCheckConstraint('attendances_role', oneOf('role', attendanceRoles))
      .execute();
    await db.schema.createIndex('attendances_actor').on('attendances').column('actor_id').execute();

    await db.schema
      .createTable('outcomes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
      .addColumn('meeting_id', 'text', (c) => c.references('meetings.id').onDelete('set null'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addCheckConstraint('outcomes_kind', oneOf('kind', outcomeKinds))
      .execute();
    await db.schema.createIndex('outcomes_initiative').on('outcomes').column('initiative_id').execute();
    await db.schema.createIndex('outcomes_meeting').on('outcomes').column('meeting_id').execute();

    await db.schema
      .createTable('transfers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('outcome_id', 'text', (c) => c.notNull().references('outcomes.id').onDelete('cascade'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('handed_on', 'text', (c) => c.notNull())
      .addColumn('status_on', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addCheckConstraint('transfers_status', oneOf('status', transferStatuses))
      .addCheckConstraint('transfers_dates', sql`handed_on <= status_on`)
      .execute();
    await db.schema.createIndex('transfers_outcome').on('transfers').column('outcome_id').execute();

    await db.schema
      .createTable('transfer_recipients')
      .addColumn('transfer_id', 'text', (c) => c.notNull().references('transfers.id').onDelete('cascade'))
      .addColumn('actor_id', 'text', (c) => c.notNull().references('actors.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('transfer_recipients_pk', ['transfer_id', 'actor_id'])
      .execute();
    await db.schema
      .createIndex('transfer_recipients_actor')
      .on('transfer_recipients')
      .column('actor_id')
      .execute();
  },

  async down(db: Kysely<unknown>) {
    for (const table of [
      'transfer_recipients',
      'transfers',
      'outcomes',
      'attendances',
      'meetings',
      'initiative_actors',
      'initiatives',
      'ties',
      'actor_groups',
      'actors',
      'conflict_events',
      'groups',
      'divides',
      'conflicts',
      'workspaces',
    ]) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};
