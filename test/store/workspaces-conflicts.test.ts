import { expect, it } from 'vitest';
import { conflictSchema } from '../../src/domain/conflict.js';
import { TrackTwoError } from '../../src/domain/errors.js';
import { workspaceSchema } from '../../src/domain/workspace.js';
import {
  addDivide,
  addGroup,
  createConflictEvent,
  deleteConflict,
  deleteDivide,
  deleteGroup,
  getConflict,
  getDivide,
  getGroup,
  listConflictEvents,
  listConflicts,
  renameDivide,
  updateConflict,
  updateConflictEvent,
  updateGroup,
} from '../../src/store/repositories/conflicts.js';
import { createInitiative, deleteInitiative } from '../../src/store/repositories/initiatives.js';
import {
  createWorkspace,
  deleteWorkspace,
  getWorkspace,
  hasNoWorkspace,
  listWorkspaces,
  updateWorkspace,
} from '../../src/store/repositories/workspaces.js';
import { countRows, forEachEngine } from '../support/databases.js';
import { makeActor, makeSetting } from './fixtures.js';

forEachEngine('workspaces and conflicts', (getDb) => {
  it('round-trips a workspace', async () => {
    expect(await hasNoWorkspace(getDb())).toBe(true);
    const created = await createWorkspace(getDb(), { name: 'Ostland', description: 'demo', is_demo: true });
    expect(workspaceSchema.parse(created)).toEqual(created);
    expect(await getWorkspace(getDb(), created.id)).toEqual(created);
    expect(await hasNoWorkspace(getDb())).toBe(false);
    const renamed = await updateWorkspace(getDb(), created.id, { name: 'Westland' });
    expect(renamed).toEqual({ ...created, name: 'Westland' });
    const other = await createWorkspace(getDb(), { name: 'Other' });
    expect((await listWorkspaces(getDb(), { ids: [other.id] })).map((w) => w.id)).toEqual([other.id]);
    expect(await listWorkspaces(getDb(), { ids: [] })).toEqual([]);
    expect(await updateWorkspace(getDb(), 'missing', { name: 'x' })).toBeUndefined();
  });

  it('round-trips a conflict with divides, groups and its timeline', async () => {
    const setting = await makeSetting(getDb(), 'Round');
    const conflict = await getConflict(getDb(), setting.conflict.id);
    expect(conflict).toEqual(setting.conflict);
    expect(conflictSchema.parse(conflict)).toEqual(conflict);
    expect(conflict!.divides.map((divide) => divide.name)).toEqual(['community', 'faith']);
    expect(conflict!.divides[0].groups.map((group) => [group.name, group.color])).toEqual([
      ['north', '#aa0000'],
      ['south', null],
      ['east', null],
    ]);

    const updated = await updateConflict(getDb(), setting.conflict.id, { ended_on: '2024-12-31' });
    expect(updated!.ended_on).toBe('2024-12-31');

    const language = await addDivide(getDb(), setting.conflict.id, {
      name: 'language',
      groups: [{ name: 'x' }],
    });
    const extra = await addGroup(getDb(), language.id, { name: 'y', color: '#00ff00' });
    expect((await getDivide(getDb(), language.id))!.groups.map((group) => group.name)).toEqual(['x', 'y']);
    expect(await getGroup(getDb(), extra.id)).toMatchObject({ conflict_id: setting.conflict.id, name: 'y' });
    expect(await updateGroup(getDb(), extra.id, { color: null })).toBe(true);
    expect(await renameDivide(getDb(), language.id, 'tongue')).toBe(true);
    expect((await getConflict(getDb(), setting.conflict.id))!.divides.map((divide) => divide.name)).toEqual([
      'community',
      'faith',
      'tongue',
    ]);
    expect(await deleteGroup(getDb(), extra.id)).toBe(true);
    expect(await getGroup(getDb(), extra.id)).toBeUndefined();

    await createConflictEvent(getDb(), {
      conflict_id: setting.conflict.id,
      kind: 'truce',
      occurred_on: '2022-06-01',
      title: 'Truce',
    });
    const ceasefire = await createConflictEvent(getDb(), {
      conflict_id: setting.conflict.id,
      kind: 'ceasefire',
      occurred_on: '2021-03-01',
      title: 'Ceasefire',
    });
    await updateConflictEvent(getDb(), ceasefire.id, { title: 'First ceasefire' });
    const timeline = await listConflictEvents(getDb(), setting.conflict.id);
    expect(timeline.map((event) => event.title)).toEqual(['First ceasefire', 'Truce']);
    expect(await listConflictEvents(getDb(), setting.conflict.id, { from: '2022-01-01' })).toHaveLength(1);
    expect((await listConflicts(getDb(), setting.workspace.id)).map((c) => c.id)).toEqual([
      setting.conflict.id,
    ]);
  });

  it('refuses two groups of the same name in a divide', async () => {
    const setting = await makeSetting(getDb(), 'Dup');
    await expect(addGroup(getDb(), setting.conflict.divides[0].id, { name: 'north' })).rejects.toMatchObject({
      code: 'TT_ERR_CONFLICT',
    });
  });

  it('refuses to delete a conflict with initiatives, then deletes it with everything under it', async () => {
    const setting = await makeSetting(getDb(), 'Delete');
    await makeActor(getDb(), setting, { group: setting.groups.north });
    const initiative = await createInitiative(getDb(), {
      workspace_id: setting.workspace.id,
      conflict_id: setting.conflict.id,
      name: 'Blocker',
    });
    const refusal = await deleteConflict(getDb(), setting.conflict.id).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(TrackTwoError);
    expect((refusal as TrackTwoError).code).toBe('TT_ERR_CONFLICT');
    expect(await getConflict(getDb(), setting.conflict.id)).toBeDefined();

    await deleteInitiative(getDb(), initiative.id);
    expect(await deleteConflict(getDb(), setting.conflict.id)).toBe(true);
    expect(await getGroup(getDb(), setting.groups.north)).toBeUndefined();
    const left = await getDb()
      .selectFrom('actors')
      .select('id')
      .where('conflict_id', '=', setting.conflict.id)
      .execute();
    expect(left).toEqual([]);
  });

  it('drops memberships with their group or divide, keeping the actors', async () => {
    const setting = await makeSetting(getDb(), 'Memberships');
    const [community, faith] = setting.conflict.divides;
    const actor = await makeActor(getDb(), setting, { group: setting.groups.north });
    await getDb()
      .insertInto('actor_groups')
      .values({ actor_id: actor.id, divide_id: faith.id, group_id: setting.faiths.a })
      .execute();
    expect(await deleteGroup(getDb(), setting.groups.north)).toBe(true);
    const memberships = async () =>
      getDb().selectFrom('actor_groups').select('divide_id').where('actor_id', '=', actor.id).execute();
    expect((await memberships()).map((row) => row.divide_id)).toEqual([faith.id]);
    expect(await deleteDivide(getDb(), faith.id)).toBe(true);
    expect(await memberships()).toEqual([]);
    expect(await getDivide(getDb(), community.id)).toBeDefined();
    expect(await getDivide(getDb(), faith.id)).toBeUndefined();
  });

  it('deletes a workspace with everything in it', async () => {
    const setting = await makeSetting(getDb(), 'Gone');
    await makeActor(getDb(), setting);
    const before = await countRows(getDb(), 'actors');
    expect(await deleteWorkspace(getDb(), setting.workspace.id)).toBe(true);
    expect(await getConflict(getDb(), setting.conflict.id)).toBeUndefined();
    expect(await countRows(getDb(), 'actors')).toBe(before - 1);
    expect(await deleteWorkspace(getDb(), setting.workspace.id)).toBe(false);
  });
});
