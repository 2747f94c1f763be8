import { beforeAll, expect, it } from 'vitest';
import { forEachEngine } from '../support/databases.js';
import { makeActor, ok, refused, rowCounts, worldOfBlock } from './support/resources.js';

interface Text {
  meeting_id: string;
  kind: string;
  body: string;
  updated_at: string | null;
}

forEachEngine('meeting minutes and notes routes', (getDb, engine) => {
  const world = worldOfBlock(getDb, engine);
  let chatham: string;
  let open: string;
  let amina: { id: string; pseudonym: string };
  let other: { id: string; pseudonym: string };

  beforeAll(async () => {
    amina = await makeActor(world, {}, ['Amina Yusuf']);
    other = await makeActor(world, {}, ['Kofi Mensah']);
    const plan = async (ground_rule: string) =>
      ok<{ id: string }>(
        await world.as.convener.post('/api/meetings', {
          initiative_id: world.initiativeId,
          title: `Round ${ground_rule}`,
          held_on: '2024-03-01',
          ground_rule,
          status: 'held',
        }),
        201,
      ).id;
    chatham = await plan('chatham_house');
    open = await plan('open');
    for (const meeting of [chatham, open])
      ok(
        await world.as.convener.post(`/api/meetings/${meeting}/attendance`, {
          attendees: [{ actor_id: amina.id }, { actor_id: other.id }],
        }),
      );
  });

  it('starts empty, then stores and replaces minutes and notes in one audited write each', async () => {
    expect(ok<Text>(await world.as.convener.get(`/api/meetings/${chatham}/minutes`))).toEqual({
      meeting_id: chatham,
      kind: 'minutes',
      body: '',
      updated_at: null,
    });
    const before = await rowCounts(getDb());
    const saved = ok<Text>(
      await world.as.convener.put(`/api/meetings/${chatham}/minutes`, {
        body: 'A participant proposed a ceasefire; the room agreed to consult.',
      }),
    );
    expect(saved.updated_at).not.toBeNull();
    ok(
      await world.as.convener.put(`/api/meetings/${chatham}/notes`, {
        body: 'Call Kofi Mensah about the room.',
      }),
    );
    const after = await rowCounts(getDb());
    expect(after.meeting_texts - before.meeting_texts).toBe(2);
    expect(after.audit_log - before.audit_log).toBe(2);
    expect(ok<Text>(await world.as.convener.get(`/api/meetings/${chatham}/notes`)).body).toBe(
      'Call Kofi Mensah about the room.',
    );
    const actions = await getDb()
      .selectFrom('audit_log')
      .select(['action', 'record_id'])
      .orderBy('seq', 'desc')
      .limit(2)
      .execute();
    expect(actions).toEqual([
      { action: 'meeting.notes.write', record_id: chatham },
      { action: 'meeting.minutes.write', record_id: chatham },
    ]);
  });

  it('refuses Chatham House minutes naming an attendee by name, family name or pseudonym, changing nothing', async () => {
    for (const body of [
      'Amina Yusuf proposed a ceasefire.',
      'AMÍNA YUSUF proposed a ceasefire.',
      'As Mensah said, the road must open.',
      `${amina.pseudonym} proposed a ceasefire.`,
    ]) {
      const before = await rowCounts(getDb());
      const reply = await world.as.convener.put(`/api/meetings/${chatham}/minutes`, { body });
      expect(refused(reply, 400)).toBe('TT_ERR_CHATHAM_HOUSE_ATTRIBUTED');
      const error = (reply.json() as { error: { message: string } }).error;
      expect(error.message).toMatch(/Chatham House/);
      // The refusal names attendees by pseudonym only: not the name it found.
      expect(reply.body).not.toMatch(/amina|yusuf|mensah|kofi/i);
      expect(await rowCounts(getDb())).toEqual(before);
    }
    expect(ok<Text>(await world.as.convener.get(`/api/meetings/${chatham}/minutes`)).body).toMatch(
      /^A participant proposed/,
    );
  });

  it('lets open meetings name attendees, and refuses to hold such minutes to Chatham House later', async () => {
    ok(
      await world.as.facilitator.put(`/api/meetings/${open}/minutes`, {
        body: 'Amina Yusuf opened the forum.',
      }),
    );
    const before = await rowCounts(getDb());
    expect(
      refused(await world.as.convener.patch(`/api/meetings/${open}`, { ground_rule: 'chatham_house' }), 400),
    ).toBe('TT_ERR_CHATHAM_HOUSE_ATTRIBUTED');
    expect(await rowCounts(getDb())).toEqual(before);
  });

  it('holds minutes and notes to the ground rule as attendance: Chatham House to conveners only', async () => {
    for (const kind of ['minutes', 'notes']) {
      expect(refused(await world.as.facilitator.get(`/api/meetings/${chatham}/${kind}`), 403)).toBe(
        'TT_ERR_FORBIDDEN',
      );
      expect(
        refused(await world.as.facilitator.put(`/api/meetings/${chatham}/${kind}`, { body: 'x' }), 403),
      ).toBe('TT_ERR_FORBIDDEN');
      for (const role of ['participant', 'researcher', 'funder'] as const)
        expect([403, 404]).toContain((await world.as[role].get(`/api/meetings/${open}/${kind}`)).statusCode);
      expect((await world.anonymous.get(`/api/meetings/${open}/${kind}`)).statusCode).toBe(401);
      ok(await world.as.facilitator.get(`/api/meetings/${open}/${kind}`));
      ok(await world.admin.get(`/api/meetings/${chatham}/${kind}`));
    }
  });

  it('answers bad input with a coded error and clears a text with an empty body', async () => {
    const before = await rowCounts(getDb());
    for (const body of [{}, { body: 5 }, { body: 'x', extra: 1 }, { body: 'x'.repeat(100_001) }])
      expect(refused(await world.as.convener.put(`/api/meetings/${chatham}/notes`, body), 400)).toBe(
        'TT_ERR_VALIDATION',
      );
    expect(
      refused(
        await world.as.convener.put('/api/meetings/00000000-0000-4000-8000-000000000000/notes', {
          body: 'x',
        }),
        404,
      ),
    ).toBe('TT_ERR_NOT_FOUND');
    expect(await rowCounts(getDb())).toEqual(before);
    ok(await world.as.convener.put(`/api/meetings/${chatham}/notes`, { body: '   ' }));
    expect(ok<Text>(await world.as.convener.get(`/api/meetings/${chatham}/notes`))).toMatchObject({
      body: '',
      updated_at: null,
    });
  });

  it('refuses to cancel a meeting with attendees, and marks a planned one held or cancelled', async () => {
    expect(
      refused(await world.as.convener.patch(`/api/meetings/${chatham}`, { status: 'cancelled' }), 409),
    ).toBe('TT_ERR_MEETING_CANCEL_ATTENDED');
    const planned = ok<{ id: string }>(
      await world.as.convener.post('/api/meetings', {
        initiative_id: world.initiativeId,
        title: 'Later',
        held_on: '2024-09-01',
      }),
      201,
    ).id;
    expect(
      ok(await world.as.convener.patch(`/api/meetings/${planned}`, { status: 'cancelled' })),
    ).toMatchObject({
      status: 'cancelled',
    });
    expect(
      ok(await world.as.facilitator.patch(`/api/meetings/${planned}`, { status: 'held' })),
    ).toMatchObject({
      status: 'held',
    });
  });
});
