import { beforeAll, expect, it } from 'vitest';
import { forEachEngine } from '../support/databases.js';

import { worldOfBlock, makeActor, ok, refused, rowCounts, type World } from './support/resources.js';

interface InitiativeBody {
  id: string;
  name: string;
  status: string;
  funding_needed: number | null;
  actors: { actor_id: string; capacity: string }[];
}
interface Member {
  account_id: string;
  email: string;
  role: string;
}

forEachEngine('resources: initiatives and their members', (getDb, engine) => {
  const world = worldOfBlock(getDb, engine);
  let second: InitiativeBody;
  let convenerActor: string;
  beforeAll(async () => {
    convenerActor = (await makeActor(world, { role: 'peace_activist' })).id;
  });

  it('opens an initiative with its conveners (administrators only)', async () => {
    second = ok<InitiativeBody>(
      await world.admin.post('/api/initiatives', {
        workspace_id: world.workspaceId,
        conflict_id: world.conflictId,
        name: 'Grazing talks',
        aims: 'Agree on seasonal routes',
        funding_needed: 12000,
        started_on: '2024-01-01',
        actors: [{ actor_id: convenerActor, capacity: 'convener' }],
      }),
      201,
    );
    expect(second).toMatchObject({ status: 'planned', funding_needed: 12000 });
    expect(second.actors).toEqual([{ actor_id: convenerActor, capacity: 'convener' }]);
    expect(
      refused(
        await world.as.convener.post('/api/initiatives', {
          workspace_id: world.workspaceId,
          conflict_id: world.conflictId,
          name: 'My own',
        }),
        403,
      ),
    ).toBe('TT_ERR_FORBIDDEN');
    expect(
      refused(
        await world.admin.post('/api/initiatives', {
          workspace_id: world.workspaceId,
          conflict_id: world.conflictId,
          name: 'Backwards',
          started_on: '2024-05-01',
          ended_on: '2024-01-01',
        }),
        400,
      ),
    ).toBe('TT_ERR_VALIDATION');
  });

  it('lists to each account only the initiatives it holds a role in', async () => {
    const names = async (client: World['admin']) =>
      ok<{ items: InitiativeBody[] }>(await client.get(`/api/workspaces/${world.workspaceId}/initiatives`))
        .items.map((i) => i.name)
        .sort();
    expect(await names(world.admin)).toEqual(['Grazing talks', 'Water dialogue']);
    for (const role of ['convener', 'participant', 'funder'] as const) {
      expect(await names(world.as[role])).toEqual(['Water dialogue']);
    }
    expect(refused(await world.as.convener.get(`/api/initiatives/${second.id}`), 404)).toBe(
      'TT_ERR_NOT_FOUND',
    );
  });

  it('shows conveners and facilitators (actors) only to those who read the actor map', async () => {
    const patched = ok<InitiativeBody>(
      await world.as.convener.patch(`/api/initiatives/${world.initiativeId}`, {
        status: 'paused',
        funding_pledged: 5000,
        actors: [{ actor_id: convenerActor, capacity: 'facilitator' }],
      }),
    );
    expect(patched).toMatchObject({ status: 'paused', actors: [{ actor_id: convenerActor }] });
    const seenBy = async (role: 'researcher' | 'funder' | 'participant') =>
      ok<InitiativeBody>(await world.as[role].get(`/api/initiatives/${world.initiativeId}`));
    expect((await seenBy('researcher')).actors).toHaveLength(1);
    for (const role of ['funder', 'participant'] as const) {
      const seen = await seenBy(role);
      expect(seen).toMatchObject({ name: 'Water dialogue', status: 'paused' });
      expect(seen.actors).toEqual([]);
    }
    for (const role of ['facilitator', 'researcher', 'funder'] as const) {
      expect(
        refused(
          await world.as[role].patch(`/api/initiatives/${world.initiativeId}`, { status: 'closed' }),
          403,
        ),
      ).toBe('TT_ERR_FORBIDDEN');
    }
  });

  it('shows funding figures only to conveners, facilitators and funders (funding.read)', async () => {
    ok(
      await world.as.convener.patch(`/api/initiatives/${world.initiativeId}`, {
        funding_needed: 80000,
        funding_pledged: 5000,
      }),
    );
    const one = async (client: World['admin']) =>
      ok<InitiativeBody & { funding_pledged: number | null }>(
        await client.get(`/api/initiatives/${world.initiativeId}`),
      );
    const listed = async (client: World['admin']) =>
      ok<{ items: (InitiativeBody & { funding_pledged: number | null })[] }>(
        await client.get(`/api/workspaces/${world.workspaceId}/initiatives`),
      ).items.find((i) => i.id === world.initiativeId)!;
    for (const [client, sees] of [
      [world.admin, true],
      [world.as.convener, true],
      [world.as.facilitator, true],
      [world.as.funder, true],
      [world.as.participant, false],
      [world.as.researcher, false],
    ] as const) {
      for (const seen of [await one(client), await listed(client)]) {
        expect(seen.funding_needed).toBe(sees ? 80000 : null);
        expect(seen.funding_pledged).toBe(sees ? 5000 : null);
      }
    }
    const participantBody = (await world.as.participant.get(`/api/initiatives/${world.initiativeId}`)).body;
    expect(participantBody).not.toContain('80000');
  });

  it('manages members: conveners list, add and remove roles; nobody else', async () => {
    const members = async () =>
      ok<{ items: Member[] }>(await world.as.convener.get(`/api/initiatives/${world.initiativeId}/members`))
        .items.map((m) => `${m.email} ${m.role}`)
        .sort();
    expect(await members()).toHaveLength(5);
    expect(await members()).toContain('funder@resources.example.org funder');

    const before = await rowCounts(getDb());
    const added = ok<Record<string, unknown>>(
      await world.as.convener.post(`/api/initiatives/${world.initiativeId}/members`, {
        email: 'Researcher@Resources.example.org',
        role: 'facilitator',
      }),
      202,
    );
    // The answer names no account: neither its id nor its name.
    expect(added).toEqual({
      email: 'researcher@resources.example.org',
      role: 'facilitator',
      status: 'invited',
    });
    expect(await members()).toContain('researcher@resources.example.org facilitator');
    // The new role counts at once: the researcher may now read names.
    const actor = await makeActor(world, {}, ['Perrin Holloway']);
    expect(ok(await world.as.researcher.get(`/api/actors/${actor.id}/identity`))).toMatchObject({
      identity: { names: ['Perrin Holloway'] },
    });
    ok(
      await world.as.convener.delete(
        `/api/initiatives/${world.initiativeId}/members/${world.accountIds.researcher}/facilitator`,
      ),
      204,
    );
    expect(refused(await world.as.researcher.get(`/api/actors/${actor.id}/identity`), 403)).toBe(
      'TT_ERR_FORBIDDEN',
    );
    const after = await rowCounts(getDb());
    expect(after.memberships).toBe(before.memberships);

    // An address with no account gets the very same answer (it was once a 404 "no such account") ...
    const unknown = await world.as.convener.post(`/api/initiatives/${world.initiativeId}/members`, {
      email: 'Nobody@resources.example.org',
      role: 'funder',
    });
    expect(unknown.statusCode).toBe(202);
    expect(unknown.json()).toEqual({
      email: 'nobody@resources.example.org',
      role: 'funder',
      status: 'invited',
    });
    expect(Object.keys(unknown.json()).sort()).toEqual(Object.keys(added).sort());
    expect(await members()).not.toContain('nobody@resources.example.org funder');
    // ... and the invitation waits: the account, once made, holds the role.
    const made = ok<{ account: { id: string } }>(
      await world.admin.post('/api/accounts', {
        email: 'nobody@resources.example.org',
        display_name: 'Late comer',
        password: 'late comer passphrase 31',
      }),
      201,
    );
    expect(await members()).toContain('nobody@resources.example.org funder');
    expect(made.account.id).toBeTruthy();
    for (const role of ['facilitator', 'participant'] as const) {
      expect(refused(await world.as[role].get(`/api/initiatives/${world.initiativeId}/members`), 403)).toBe(
        'TT_ERR_FORBIDDEN',
      );
    }
  });

  it('deletes an initiative (administrators only)', async () => {
    expect(refused(await world.as.convener.delete(`/api/initiatives/${world.initiativeId}`), 403)).toBe(
      'TT_ERR_FORBIDDEN',
    );
    ok(await world.admin.delete(`/api/initiatives/${second.id}`), 204);
    expect(refused(await world.admin.get(`/api/initiatives/${second.id}`), 404)).toBe('TT_ERR_NOT_FOUND');
  });
});
