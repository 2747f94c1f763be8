import { beforeAll, expect, it } from 'vitest';
import { forEachEngine } from '../support/databases.js';

import { worldOfBlock, makeActor, ok, refused, rowCounts } from './support/resources.js';

interface MeetingBody {
  id: string;
  title: string;
  held_on: string;
  ground_rule: string;
  status: string;
  place: string | null;
}
interface MetTie {
  source_actor_id: string;
  target_actor_id: string;
  strength: number;
  valid_from: string | null;
  valid_to: string | null;
  source: string;
}

forEachEngine('resources: meetings and attendance', (getDb, engine) => {
  const world = worldOfBlock(getDb, engine);
  let people: string[];
  let closedRound: MeetingBody;
  let openRound: MeetingBody;
  beforeAll(async () => {
    people = [];
    for (let i = 0; i < 4; i++) people.push((await makeActor(world)).id);
  });

  const metTies = async () =>
    ok<{ items: MetTie[] }>(await world.as.convener.get(`/api/conflicts/${world.conflictId}/ties?kind=met`))
      .items;
  const pair = (x: string, y: string) => (t: MetTie) =>
    [t.source_actor_id, t.target_actor_id].sort().join() === [x, y].sort().join();

  it('plans, lists, reads and changes meetings (Chatham House unless said otherwise)', async () => {
    closedRound = ok<MeetingBody>(
      await world.as.facilitator.post('/api/meetings', {
        initiative_id: world.initiativeId,
        title: 'Round 1',
        held_on: '2024-03-01',
        place: 'Riverton',
      }),
      201,
    );
    expect(closedRound).toMatchObject({ ground_rule: 'chatham_house', status: 'planned' });
    openRound = ok<MeetingBody>(
      await world.as.convener.post('/api/meetings', {
        initiative_id: world.initiativeId,
        title: 'Public forum',
        held_on: '2024-05-10',
        ground_rule: 'open',
        status: 'held',
      }),
      201,
    );
    const listed = ok<{ items: MeetingBody[] }>(
      await world.as.funder.get(`/api/initiatives/${world.initiativeId}/meetings`),
    );
    expect(listed.items.map((m) => m.title).sort()).toEqual(['Public forum', 'Round 1']);
    expect(ok(await world.as.participant.get(`/api/meetings/${closedRound.id}`))).toMatchObject({
      place: 'Riverton',
    });
    closedRound = ok<MeetingBody>(
      await world.as.facilitator.patch(`/api/meetings/${closedRound.id}`, { status: 'held' }),
    );
    expect(closedRound.status).toBe('held');
    for (const role of ['participant', 'researcher', 'funder'] as const) {
      expect(
        refused(await world.as[role].patch(`/api/meetings/${closedRound.id}`, { title: 'X' }), 403),
      ).toBe('TT_ERR_FORBIDDEN');
    }
  });

  it('records attendance, creating a met tie for every pair, in one audited write', async () => {
    const before = await rowCounts(getDb());
    const attendees = [
      { actor_id: people[0] },
      { actor_id: people[1] },
      { actor_id: people[2], role: 'convener' },
    ];
    // A Chatham House list is written by those who read it: the facilitator is refused, nothing changes.
    const byFacilitator = await world.as.facilitator.post(`/api/meetings/${closedRound.id}/attendance`, {
      attendees,
    });
    expect(refused(byFacilitator, 403)).toBe('TT_ERR_FORBIDDEN');
    expect(await rowCounts(getDb())).toEqual(before);
    const result = ok(
      await world.as.convener.post(`/api/meetings/${closedRound.id}/attendance`, { attendees }),
    );
    // The reply counts, it never says who met whom.
    expect(result).toEqual({ added: 3, attendees: 3, ties: { created: 3, strengthened: 0 } });
    const ties = await metTies();
    expect(ties).toHaveLength(3);
    for (const tie of ties) {
      expect(tie).toMatchObject({
        strength: 1,
        source: 'meeting',
        valid_from: '2024-03-01',
        valid_to: '2024-03-01',
      });
    }
    const after = await rowCounts(getDb());
    expect(after.attendances - before.attendances).toBe(3);
    expect(after.ties - before.ties).toBe(3);
    expect(after.audit_log - before.audit_log).toBe(1);
  });

  it('strengthens the met tie of people who meet again, and widens its dates', async () => {
    const result = ok(
      await world.as.convener.post(`/api/meetings/${openRound.id}/attendance`, {
        attendees: [{ actor_id: people[0] }, { actor_id: people[1] }, { actor_id: people[3] }],
      }),
    );
    expect(result).toMatchObject({ ties: { created: 2, strengthened: 1 } });
    const ties = await metTies();
    expect(ties).toHaveLength(5);
    expect(ties.find(pair(people[0], people[1]))).toMatchObject({
      strength: 2,
      valid_from: '2024-03-01',
      valid_to: '2024-05-10',
    });
    expect(ties.find(pair(people[0], people[2]))).toMatchObject({ strength: 1 });
  });

  it('hides Chatham House attendance from facilitators, shows open attendance to them', async () => {
    const attendance = (role: 'convener' | 'facilitator' | 'researcher', id: string) =>
      world.as[role].get(`/api/meetings/${id}/attendance`);
    const closed = ok<{ items: { actor_id: string }[] }>(await attendance('convener', closedRound.id));
    expect(closed.items.map((a) => a.actor_id).sort()).toEqual(people.slice(0, 3).sort());
    expect(
      ok<{ items: unknown[] }>(await world.admin.get(`/api/meetings/${closedRound.id}/attendance`)).items,
    ).toHaveLength(3);
    const hidden = await attendance('facilitator', closedRound.id);
    expect(refused(hidden, 403)).toBe('TT_ERR_FORBIDDEN');
    for (const actor of people) expect(hidden.body).not.toContain(actor);
    expect(ok<{ items: unknown[] }>(await attendance('facilitator', openRound.id)).items).toHaveLength(3);
    expect(refused(await attendance('researcher', openRound.id), 403)).toBe('TT_ERR_FORBIDDEN');
  });

  it('removes an attendance (the met ties stay), refuses a cancelled meeting, and deletes meetings', async () => {
    ok(await world.as.convener.delete(`/api/meetings/${openRound.id}/attendance/${people[3]}`), 204);
    expect(
      ok<{ items: unknown[] }>(await world.as.convener.get(`/api/meetings/${openRound.id}/attendance`)).items,
    ).toHaveLength(2);
    expect(await metTies()).toHaveLength(5);

    const cancelled = ok<MeetingBody>(
      await world.as.convener.post('/api/meetings', {
        initiative_id: world.initiativeId,
        title: 'Called off',
        held_on: '2024-06-01',
        status: 'cancelled',
      }),
      201,
    );
    const before = await rowCounts(getDb());
    const refusedAttendance = await world.as.convener.post(`/api/meetings/${cancelled.id}/attendance`, {
      attendees: [{ actor_id: people[0] }, { actor_id: people[3] }],
    });
    expect(refused(refusedAttendance, 400)).toBe('TT_ERR_VALIDATION');
    expect(
      refused(
        await world.as.convener.post(`/api/meetings/${openRound.id}/attendance`, {
          attendees: [{ actor_id: people[0] }, { actor_id: people[0] }],
        }),
        400,
      ),
    ).toBe('TT_ERR_VALIDATION');
    expect(await rowCounts(getDb())).toEqual(before);

    ok(await world.as.convener.delete(`/api/meetings/${cancelled.id}`), 204);
    expect(refused(await world.as.convener.get(`/api/meetings/${cancelled.id}`), 404)).toBe(
      'TT_ERR_NOT_FOUND',
    );
  });
});
