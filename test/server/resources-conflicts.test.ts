import { expect, it } from 'vitest';
import { forEachEngine } from '../support/databases.js';

import { worldOfBlock, ok, refused, rowCounts, type World } from './support/resources.js';

interface ConflictBody {
  id: string;
  name: string;
  description: string;
  divides: { id: string; name: string; groups: { id: string; name: string }[] }[];
}

forEachEngine('resources: conflicts, divides, groups and events', (getDb, engine) => {
  const world = worldOfBlock(getDb, engine);

  it('reads a conflict with its divides and groups to every role of its initiatives', async () => {
    for (const role of ['participant', 'funder', 'researcher'] as const) {
      const conflict = ok<ConflictBody>(await world.as[role].get(`/api/conflicts/${world.conflictId}`));
      expect(conflict.name).toBe('Valley dispute');
      expect(conflict.divides.map((d) => [d.name, d.groups.map((g) => g.name)])).toEqual([
        ['Community', ['Upstream', 'Downstream']],
      ]);
    }
    expect(refused(await world.anonymous.get(`/api/conflicts/${world.conflictId}`), 401)).toBe(
      'TT_ERR_UNAUTHENTICATED',
    );
  });

  it('creates, lists, changes and deletes conflicts (administrators), and adds divides', async () => {
    const created = ok<ConflictBody>(
      await world.admin.post('/api/conflicts', {
        workspace_id: world.workspaceId,
        name: 'Border quarrel',
        started_on: '2019-04-01',
        divides: [{ name: 'Side', groups: [{ name: 'North', color: '#336699' }, { name: 'South' }] }],
      }),
      201,
    );
    expect(created.divides[0].groups).toHaveLength(2);
    const listed = (client: World['admin']) =>
      client.get(`/api/workspaces/${world.workspaceId}/conflicts`).then((r) =>
        ok<{ items: ConflictBody[] }>(r)
          .items.map((c) => c.name)
          .sort(),
      );
    expect(await listed(world.admin)).toEqual(['Border quarrel', 'Valley dispute']);
    // A conflict without an initiative of yours is not yours to see.
    expect(await listed(world.as.convener)).toEqual(['Valley dispute']);
    expect(refused(await world.as.convener.get(`/api/conflicts/${created.id}`), 404)).toBe(
      'TT_ERR_NOT_FOUND',
    );

    expect(
      ok(await world.admin.patch(`/api/conflicts/${created.id}`, { description: 'Since the flood' })),
    ).toMatchObject({ name: 'Border quarrel', description: 'Since the flood', started_on: '2019-04-01' });
    const divide = ok<{ name: string; groups: { name: string }[] }>(
      await world.admin.post(`/api/conflicts/${created.id}/divides`, {
        name: 'Faith',
        groups: [{ name: 'Chapel' }, { name: 'Temple' }],
      }),
      201,
    );
    expect(divide.groups.map((g) => g.name)).toEqual(['Chapel', 'Temple']);
    expect(ok<ConflictBody>(await world.admin.get(`/api/conflicts/${created.id}`)).divides).toHaveLength(2);
    // Two groups of one name in a divide are one group too many.
    expect(
      refused(
        await world.admin.post(`/api/conflicts/${created.id}/divides`, {
          name: 'Language',
          groups: [{ name: 'A' }, { name: 'A' }],
        }),
        400,
      ),
    ).toBe('TT_ERR_VALIDATION');

    ok(await world.admin.delete(`/api/conflicts/${created.id}`), 204);
    expect(refused(await world.admin.get(`/api/conflicts/${created.id}`), 404)).toBe('TT_ERR_NOT_FOUND');
    expect(await listed(world.admin)).toEqual(['Valley dispute']);
  });

  it('refuses to delete a conflict that still has initiatives, and conflict writes to non-administrators', async () => {
    const before = await rowCounts(getDb());
    expect(refused(await world.admin.delete(`/api/conflicts/${world.conflictId}`), 409)).toBe(
      'TT_ERR_CONFLICT',
    );
    expect(
      refused(await world.as.convener.patch(`/api/conflicts/${world.conflictId}`, { name: 'Mine' }), 403),
    ).toBe('TT_ERR_FORBIDDEN');
    expect(
      refused(
        await world.as.convener.post('/api/conflicts', { workspace_id: world.workspaceId, name: 'Another' }),
        403,
      ),
    ).toBe('TT_ERR_FORBIDDEN');
    expect(await rowCounts(getDb())).toEqual(before);
  });

  it('keeps the official timeline: events created, listed in order, changed and deleted', async () => {
    const post = (occurred_on: string, title: string, kind = 'talks') =>
      world.admin.post('/api/conflict-events', { conflict_id: world.conflictId, kind, occurred_on, title });
    const truce = ok<{ id: string }>(await post('2021-06-01', 'June truce', 'truce'), 201);
    ok(await post('2020-01-15', 'First talks'), 201);
    const listed = async () =>
      ok<{ items: { title: string; occurred_on: string }[] }>(
        await world.as.participant.get(`/api/conflicts/${world.conflictId}/events`),
      ).items.map((e) => `${e.occurred_on} ${e.title}`);
    expect(await listed()).toEqual(['2020-01-15 First talks', '2021-06-01 June truce']);
    expect(
      ok(
        await world.admin.patch(`/api/conflict-events/${truce.id}`, {
          kind: 'breakdown',
          title: 'Truce broke',
        }),
      ),
    ).toMatchObject({ kind: 'breakdown', title: 'Truce broke' });
    expect(refused(await world.as.facilitator.delete(`/api/conflict-events/${truce.id}`), 403)).toBe(
      'TT_ERR_FORBIDDEN',
    );
    ok(await world.admin.delete(`/api/conflict-events/${truce.id}`), 204);
    expect(await listed()).toEqual(['2020-01-15 First talks']);
    expect(refused(await post('2021-13-01', 'Bad date'), 400)).toBe('TT_ERR_VALIDATION');
  });
});
