import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { createVaultKeys } from '../../src/security/vault.js';
import { systemAuth } from '../../src/security/auth.js';
import { analyzeConflictNetwork, measuresOf } from '../../src/services/network/analysis.js';
import { loadActorMap } from '../../src/services/network/map.js';
import { measureCache } from '../../src/services/network/measure-cache.js';
import { MeasureWarmer, measureWarmer } from '../../src/services/network/measure-warmer.js';
import { metricsQuerySchema } from '../../src/services/network/options.js';
import {
  createActor,
  deleteActor,
  setActorGroups,
  updateActor,
} from '../../src/store/repositories/actors.js';
import {
  addDivide,
  addGroup,
  deleteDivide,
  deleteGroup,
  renameDivide,
  updateGroup,
} from '../../src/store/repositories/conflicts.js';
import { createInitiative } from '../../src/store/repositories/initiatives.js';
import { createMeeting, deleteMeeting, updateMeeting } from '../../src/store/repositories/meetings.js';
import { getMapVersion } from '../../src/store/repositories/map-versions.js';
import {
  createTie,
  deleteTie,
  insertTies,
  recordTieMeetings,
  updateTie,
} from '../../src/store/repositories/ties.js';
import { forEachEngine } from '../support/databases.js';
import { makeActor, makeSetting } from './fixtures.js';

/*
 * Migration 0016_map_versions: the database raises a conflict's map version on every write the network
 * analysis can see, on both engines, and the measure cache keyed by it never serves a map older than
 * the last write.
 */
forEachEngine('conflict map versions', (getDb, engine) => {
  const counter = (version: string | null) => Number(version!.split('.')[1]);

  it('starts at 1 when a conflict is made, with a random epoch per conflict', async () => {
    const one = await makeSetting(getDb(), 'One');
    const two = await makeSetting(getDb(), 'Two');
    const [a, b] = [
      await getMapVersion(getDb(), one.conflict.id),
      await getMapVersion(getDb(), two.conflict.id),
    ];
    expect(a).toMatch(/^[0-9a-f]{24,32}\.\d+$/);
    expect(a!.split('.')[0]).not.toBe(b!.split('.')[0]);
    expect(await getMapVersion(getDb(), 'no-such-conflict')).toBeNull();
  });

  it('is raised by every kind of write to actors, ties, divides, groups, memberships and tie meetings', async () => {
    const db = getDb();
    const setting = await makeSetting(db, 'Writes');
    const other = await makeSetting(db, 'Untouched');
    const otherBefore = await getMapVersion(db, other.conflict.id);
    const id = setting.conflict.id;
    let last = counter(await getMapVersion(db, id));
    const raised = async (what: string, write: () => Promise<unknown>) => {
      await write();
      const now = counter(await getMapVersion(db, id));
      expect(now, what).toBeGreaterThan(last);
      last = now;
    };
    let actor = await makeActor(db, setting);
    await raised('actor insert', async () => (actor = await makeActor(db, setting)));
    const peer = await makeActor(db, setting);
    await raised('actor update', () => updateActor(db, actor.id, { track: '1' }));
    await raised('actor group set', () =>
      setActorGroups(db, actor.id, [
        { divide_id: setting.conflict.divides[0].id, group_id: setting.groups.north },
      ]),
    );
    await raised('actor group moved', () =>
      setActorGroups(db, actor.id, [
        { divide_id: setting.conflict.divides[0].id, group_id: setting.groups.south },
      ]),
    );
    await raised('actor group removed', () => setActorGroups(db, actor.id, []));
    const tieOf = { workspace_id: setting.workspace.id, conflict_id: id, kind: 'knows' as const };
    let tieId = '';
    await raised('tie insert', async () => {
      tieId = (await createTie(db, { ...tieOf, source_actor_id: actor.id, target_actor_id: peer.id })).id;
    });
    await raised('tie update', () => updateTie(db, tieId, { strength: 4 }));
    await raised('many ties in one statement', () =>
      insertTies(db, [
        { ...tieOf, source_actor_id: peer.id, target_actor_id: actor.id, kind: 'trusts' },
        { ...tieOf, source_actor_id: peer.id, target_actor_id: actor.id, kind: 'kin' },
      ]),
    );
    const initiative = await createInitiative(db, {
      workspace_id: setting.workspace.id,
      conflict_id: id,
      name: 'Talks',
    });
    const meeting = await createMeeting(db, {
      initiative_id: initiative.id,
      title: 'Round 1',
      held_on: '2024-01-10',
      ground_rule: 'open',
    });
    await raised('tie meeting recorded', () => recordTieMeetings(db, [tieId], meeting.id));
    await raised('meeting ground rule changed', () =>
      updateMeeting(db, meeting.id, { ground_rule: 'closed' }),
    );
    const before = counter(await getMapVersion(db, id));
    await updateMeeting(db, meeting.id, { title: 'Round one' });
    expect(counter(await getMapVersion(db, id)), 'a meeting title does not move the map').toBe(before);
    await raised('meeting deleted (its tie meetings go with it)', () => deleteMeeting(db, meeting.id));
    await raised('tie delete', () => deleteTie(db, tieId));
    const divide = setting.conflict.divides[1];
    await raised('divide insert', () => addDivide(db, id, { name: 'language' }));
    await raised('divide rename', () => renameDivide(db, divide.id, 'belief'));
    let groupId = '';
    await raised('group insert', async () => (groupId = (await addGroup(db, divide.id, { name: 'c' })).id));
    await raised('group update', () => updateGroup(db, groupId, { color: '#123456' }));
    await raised('group delete', () => deleteGroup(db, groupId));
    await raised('divide delete', () => deleteDivide(db, divide.id));
    await raised('actor delete', () => deleteActor(db, peer.id));
    await raised('a raw statement, by no repository', () =>
      sql`update actors set role = 'journalist' where id = ${actor.id}`.execute(db),
    );
    expect(await getMapVersion(db, other.conflict.id), 'another conflict keeps its version').toBe(
      otherBefore,
    );
  });

  it('serves measures from the cache until a write, and never a map older than the last write', async () => {
    const db = engine.getStore().db;
    const setting = await makeSetting(db, 'Cache');
    const ctx = {
      db,
      dialect: engine.dialect,
      keys: createVaultKeys(Buffer.alloc(32, 7)),
      auth: systemAuth('map-versions test'),
    };
    const [a, b, c] = [
      await makeActor(db, setting),
      await makeActor(db, setting),
      await makeActor(db, setting),
    ];
    const tieOf = {
      workspace_id: setting.workspace.id,
      conflict_id: setting.conflict.id,
      kind: 'knows' as const,
    };
    await createTie(db, { ...tieOf, source_actor_id: a.id, target_actor_id: b.id });
    const query = metricsQuerySchema.parse({ metrics: 'degree' });
    const degrees = async () => {
      const answer = await analyzeConflictNetwork(ctx, setting.conflict.id, query);
      return Object.fromEntries(answer.result.nodes.map((node) => [node.id, node.degree]));
    };
    expect(await degrees()).toEqual({ [a.pseudonym]: 1, [b.pseudonym]: 1, [c.pseudonym]: 0 });
    expect(await degrees()).toEqual({ [a.pseudonym]: 1, [b.pseudonym]: 1, [c.pseudonym]: 0 });
    const tie = await createTie(db, { ...tieOf, source_actor_id: b.id, target_actor_id: c.id });
    expect(await degrees()).toEqual({ [a.pseudonym]: 1, [b.pseudonym]: 2, [c.pseudonym]: 1 });
    await updateTie(db, tie.id, { kind: 'hostile' });
    expect(await degrees(), 'hostile ties are left out by default').toEqual({
      [a.pseudonym]: 1,
      [b.pseudonym]: 1,
      [c.pseudonym]: 0,
    });
    const d = await createActor(db, {
      workspace_id: setting.workspace.id,
      conflict_id: setting.conflict.id,
      kind: 'person',
      role: 'peace_activist',
      track: '2',
      gender: null,
      region: null,
      groups: [],
    });
    expect(Object.keys(await degrees())).toContain(d.pseudonym);
    await deleteActor(db, d.id);
    expect(Object.keys(await degrees())).not.toContain(d.pseudonym);
  });

  it('warms the cache after a change once the map has settled, so the next call hits', async () => {
    const db = engine.getStore().db;
    const setting = await makeSetting(db, 'Warm');
    const ctx = {
      db,
      dialect: engine.dialect,
      keys: createVaultKeys(Buffer.alloc(32, 7)),
      auth: systemAuth('map-versions test'),
    };
    const [a, b] = [await makeActor(db, setting), await makeActor(db, setting)];
    const tieOf = {
      workspace_id: setting.workspace.id,
      conflict_id: setting.conflict.id,
      kind: 'knows' as const,
    };
    const query = metricsQuerySchema.parse({ metrics: 'degree,closeness' });
    // The process's warmer remembers what was asked; this test drives a warmer of its own by hand.
    const warmer = new MeasureWarmer();
    const first = await analyzeConflictNetwork(ctx, setting.conflict.id, query);
    expect(first.result.nodes.every((node) => node.degree === 0)).toBe(true);
    const read = await loadActorMap(ctx, setting.conflict.id, query);
    warmer.remember(read.recipe, { metrics: ['closeness', 'degree'] }, 'warm-test');
    const compute = (m: Parameters<typeof measuresOf>[0], q: Parameters<typeof measuresOf>[1]) =>
      measuresOf(m, q);
    expect(await warmer.poll(db, compute), 'nothing changed: nothing to warm').toBe(0);
    await createTie(db, { ...tieOf, source_actor_id: a.id, target_actor_id: b.id });
    expect(await warmer.poll(db, compute), 'the map has just changed: wait for it to settle').toBe(0);
    expect(await warmer.poll(db, compute)).toBe(1);
    const misses = measureCache.stats().misses;
    const after = await analyzeConflictNetwork(ctx, setting.conflict.id, query);
    expect(measureCache.stats().misses, 'the first call after the change hits').toBe(misses);
    expect(Object.fromEntries(after.result.nodes.map((node) => [node.id, node.degree]))).toEqual({
      [a.pseudonym]: 1,
      [b.pseudonym]: 1,
    });
    expect(measureWarmer).toBeInstanceOf(MeasureWarmer);
  });
});
