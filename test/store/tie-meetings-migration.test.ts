import { Migrator } from 'kysely';
import { expect, it } from 'vitest';
import { migrateToLatest } from '../../src/store/database.js';
import { migrations } from '../../src/store/migrations/index.js';
import { createInitiative } from '../../src/store/repositories/initiatives.js';
import { createMeeting } from '../../src/store/repositories/meetings.js';
import { insertTies } from '../../src/store/repositories/ties.js';
import { forEachEngine, openTestDatabase } from '../support/databases.js';
import { makeActor, makeSetting } from './fixtures.js';

/*
 * Migration 0005 on a database that already holds attendance and its `met` ties: each tie gets the
 * meetings both of its actors attended in its conflict, so ties made before the migration are judged
 * by the same rule as new ones.
 */
forEachEngine('migration 0005_tie_meetings', (_getDb, engine) => {
  it('records, for each existing met tie, the meetings both of its actors attended', async () => {
    const fresh = await openTestDatabase(engine.dialect, { migrate: false });
    try {
      const db = fresh.store.db;
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
      const before = await migrator.migrateTo('0004_surveys');
      expect(before.error).toBeUndefined();

      const setting = await makeSetting(db, 'Backfill');
      const other = await makeSetting(db, 'Elsewhere');
      const [a, b, c] = [
        await makeActor(db, setting),
        await makeActor(db, setting),
        await makeActor(db, setting),
      ];
      const initiative = await createInitiative(db, {
        workspace_id: setting.workspace.id,
        conflict_id: setting.conflict.id,
        name: 'Talks',
      });
      const chatham = await createMeeting(db, {
        initiative_id: initiative.id,
        title: 'Round 1',
        held_on: '2024-01-10',
        ground_rule: 'chatham_house',
      });
      const open = await createMeeting(db, {
        initiative_id: initiative.id,
        title: 'Forum',
        held_on: '2024-02-10',
        ground_rule: 'open',
      });
      const attend = (meetingId: string, actorIds: string[]) =>
        db
          .insertInto('attendances')
          .values(
            actorIds.map((actor_id) => ({ meeting_id: meetingId, actor_id, role: 'participant' as const })),
          )
          .execute();
      await attend(chatham.id, [a.id, b.id, c.id]);
      await attend(open.id, [b.id, c.id]);
      const base = {
        workspace_id: setting.workspace.id,
        conflict_id: setting.conflict.id,
        source: 'meeting' as const,
      };
      const [ab, bc, handMade] = await insertTies(db, [
        { ...base, source_actor_id: a.id, target_actor_id: b.id, kind: 'met' },
        { ...base, source_actor_id: b.id, target_actor_id: c.id, kind: 'met', strength: 2 },
        { ...base, source_actor_id: a.id, target_actor_id: c.id, kind: 'trusts', source: 'reported' },
      ]);
      const stranger = await makeActor(db, other);
      const [elsewhere] = await insertTies(db, [
        {
          workspace_id: other.workspace.id,
          conflict_id: other.conflict.id,
          source_actor_id: stranger.id,
          target_actor_id: (await makeActor(db, other)).id,
          kind: 'met',
          source: 'meeting',
        },
      ]);

      expect(await migrateToLatest(db)).toContain('0005_tie_meetings');
      const rows = await db.selectFrom('tie_meetings').select(['tie_id', 'meeting_id']).execute();
      const meetingsOf = (tieId: string) =>
        rows
          .filter((row) => row.tie_id === tieId)
          .map((row) => row.meeting_id)
          .sort();
      expect(meetingsOf(ab.id)).toEqual([chatham.id]);
      expect(meetingsOf(bc.id)).toEqual([chatham.id, open.id].sort());
      expect(meetingsOf(handMade.id)).toEqual([]);
      expect(meetingsOf(elsewhere.id)).toEqual([]);
      expect(rows).toHaveLength(3);
    } finally {
      await fresh.dispose();
    }
  });
});
