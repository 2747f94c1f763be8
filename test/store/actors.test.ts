import { beforeAll, expect, it } from 'vitest';
import { actorSchema } from '../../src/domain/actor.js';
import { randomPseudonym } from '../../src/store/ids.js';
import {
  createActor,
  deleteActor,
  freshPseudonym,
  getActor,
  getActorByPseudonym,
  getActorsByIds,
  listActors,
  markActorErased,
  setActorGroups,
  updateActor,
} from '../../src/store/repositories/actors.js';
import { forEachEngine } from '../support/databases.js';
import { makeActor, makeSetting, type Setting } from './fixtures.js';

forEachEngine('actors', (getDb) => {
  let setting: Setting;
  beforeAll(async () => {
    setting = await makeSetting(getDb(), 'Actors');
  });

  it('round-trips an actor with its groups and a unique pseudonym', async () => {
    const [community, faith] = setting.conflict.divides;
    const actor = await createActor(getDb(), {
      workspace_id: setting.workspace.id,
      conflict_id: setting.conflict.id,
      kind: 'person',
      role: 'womens_leader',
      track: '1.5',
      gender: 'woman',
      region: 'Coast',
      groups: [
        { divide_id: community.id, group_id: setting.groups.south },
        { divide_id: faith.id, group_id: setting.faiths.b },
      ],
    });
    expect(actor.pseudonym).toMatch(/^A-[2-9A-HJKMNP-Z]{6}$/);
    const read = await getActor(getDb(), actor.id);
    expect(read).toEqual(actor);
    expect(actorSchema.parse(read)).toEqual(read);
    expect(read!.track).toBe('1.5');
    expect(await getActorByPseudonym(getDb(), setting.workspace.id, actor.pseudonym.toLowerCase())).toEqual(
      actor,
    );
  });

  it('refuses a second actor with the same pseudonym in a workspace, allows it in another', async () => {
    const first = await makeActor(getDb(), setting);
    await expect(
      createActor(getDb(), {
        workspace_id: setting.workspace.id,
        conflict_id: setting.conflict.id,
        pseudonym: first.pseudonym,
        kind: 'person',
        role: 'elder',
        track: '3',
        gender: 'man',
      }),
    ).rejects.toMatchObject({ code: 'TT_ERR_CONFLICT' });
    const elsewhere = await makeSetting(getDb(), 'Elsewhere');
    const twin = await createActor(getDb(), {
      workspace_id: elsewhere.workspace.id,
      conflict_id: elsewhere.conflict.id,
      pseudonym: first.pseudonym,
      kind: 'person',
      role: 'elder',
      track: '3',
      gender: 'man',
    });
    expect(twin.pseudonym).toBe(first.pseudonym);
  });

  it('draws a fresh pseudonym past taken ones', async () => {
    const taken = await makeActor(getDb(), setting);
    expect(await freshPseudonym(getDb(), setting.workspace.id)).not.toBe(taken.pseudonym);
    const picks = [0, 1, 2, 3, 4, 30];
    expect(randomPseudonym(() => picks.shift()!)).toBe('A-23456Z');
  });

  it('keeps one group per divide and the group inside its divide', async () => {
    const actor = await makeActor(getDb(), setting);
    const [community, faith] = setting.conflict.divides;
    // Straight to the table: the schema, not only zod, must refuse a second group in one divide.
    await getDb()
      .insertInto('actor_groups')
      .values({ actor_id: actor.id, divide_id: community.id, group_id: setting.groups.north })
      .execute();
    await expect(
      setActorGroups(getDb(), actor.id, [
        { divide_id: community.id, group_id: setting.groups.north },
        { divide_id: community.id, group_id: setting.groups.south },
      ]),
    ).rejects.toMatchObject({ code: 'TT_ERR_CONFLICT' });
    await expect(
      setActorGroups(getDb(), actor.id, [{ divide_id: faith.id, group_id: setting.groups.north }]),
    ).rejects.toMatchObject({ code: 'TT_ERR_VALIDATION' });
    const other = await makeSetting(getDb(), 'Foreign divide');
    await expect(
      setActorGroups(getDb(), actor.id, [
        { divide_id: other.conflict.divides[0].id, group_id: other.groups.north },
      ]),
    ).rejects.toMatchObject({ code: 'TT_ERR_VALIDATION' });
  });

  it('updates fields and replaces groups', async () => {
    const actor = await makeActor(getDb(), setting, { group: setting.groups.north });
    const faith = setting.conflict.divides[1];
    const updated = await updateActor(getDb(), actor.id, {
      role: 'religious_leader',
      region: 'Hills',
      groups: [{ divide_id: faith.id, group_id: setting.faiths.a }],
    });
    expect(updated).toMatchObject({ role: 'religious_leader', region: 'Hills', pseudonym: actor.pseudonym });
    expect(updated!.groups).toEqual([{ divide_id: faith.id, group_id: setting.faiths.a }]);
    expect(updated!.updated_at >= actor.updated_at).toBe(true);
    await expect(updateActor(getDb(), actor.id, { kind: 'organisation' })).rejects.toMatchObject({
      code: 'TT_ERR_VALIDATION',
    });
    expect(await updateActor(getDb(), 'missing', { role: 'other' })).toBeUndefined();
    // A parsed body may carry more than columns (the identity goes to the vault): only columns reach SQL.
    const body = { region: 'Plains', identity: { names: ['Not stored'] }, pseudonym: 'A-HACKED' };
    const safe = await updateActor(getDb(), actor.id, body);
    expect(safe).toMatchObject({ region: 'Plains', pseudonym: actor.pseudonym });
  });

  it('lists with filters, text search over pseudonyms and pagination', async () => {
    const s = await makeSetting(getDb(), 'List');
    const made = [];
    for (let i = 0; i < 12; i += 1) {
      made.push(
        await makeActor(getDb(), s, {
          role: i % 3 === 0 ? 'scholar' : 'journalist',
          track: i % 2 === 0 ? '2' : '3',
          gender: i % 4 === 0 ? 'man' : 'woman',
          region: i < 6 ? 'Coast' : 'Hills',
          group: i % 2 === 0 ? s.groups.north : s.groups.east,
        }),
      );
    }
    const ws = s.workspace.id;
    const all = await listActors(getDb(), ws, { limit: 5 });
    expect(all.total).toBe(12);
    expect(all.items).toHaveLength(5);
    const pseudonyms = all.items.map((actor) => actor.pseudonym);
    expect([...pseudonyms].sort()).toEqual(pseudonyms);
    const page3 = await listActors(getDb(), ws, { limit: 5, offset: 10 });
    expect(page3.items).toHaveLength(2);
    const everyone = [
      ...all.items,
      ...(await listActors(getDb(), ws, { limit: 5, offset: 5 })).items,
      ...page3.items,
    ].map((a) => a.id);
    expect(new Set(everyone).size).toBe(12);

    expect((await listActors(getDb(), ws, { role: 'scholar' })).total).toBe(4);
    expect((await listActors(getDb(), ws, { track: '3' })).total).toBe(6);
    expect((await listActors(getDb(), ws, { gender: 'man' })).total).toBe(3);
    expect((await listActors(getDb(), ws, { region: 'Hills', track: '2' })).total).toBe(3);
    const north = await listActors(getDb(), ws, { group_id: s.groups.north });
    expect(north.total).toBe(6);
    expect(north.items.every((a) => a.groups.some((g) => g.group_id === s.groups.north))).toBe(true);

    const target = made[7];
    const found = await listActors(getDb(), ws, { q: target.pseudonym.slice(2, 7).toLowerCase() });
    expect(found.items.map((a) => a.id)).toContain(target.id);
    expect((await listActors(getDb(), ws, { q: '%' })).total).toBe(12);
    expect((await listActors(getDb(), ws, { ids: [made[0].id, made[1].id] })).total).toBe(2);
    expect((await getActorsByIds(getDb(), [made[0].id, 'missing'])).map((a) => a.id)).toEqual([made[0].id]);

    expect(await markActorErased(getDb(), made[0].id)).toBe(true);
    expect(await markActorErased(getDb(), made[0].id)).toBe(false);
    expect((await listActors(getDb(), ws)).total).toBe(11);
    expect((await listActors(getDb(), ws, { include_erased: true })).total).toBe(12);
    expect((await getActor(getDb(), made[0].id))!.erased_at).not.toBeNull();

    expect(await deleteActor(getDb(), made[1].id)).toBe(true);
    expect(await getActor(getDb(), made[1].id)).toBeUndefined();
  });

  it('refuses an actor of a conflict from another workspace', async () => {
    const other = await makeSetting(getDb(), 'Other ws');
    await expect(
      createActor(getDb(), {
        workspace_id: setting.workspace.id,
        conflict_id: other.conflict.id,
        kind: 'person',
        role: 'other',
        track: '2',
        gender: 'other',
      }),
    ).rejects.toMatchObject({ code: 'TT_ERR_VALIDATION' });
  });
});
