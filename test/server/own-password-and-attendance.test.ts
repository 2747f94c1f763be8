import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAccount, grantMembership } from '../../src/security/accounts.js';
import { systemAuth } from '../../src/security/auth.js';
import * as actors from '../../src/services/actors/index.js';
import { actingAs } from '../../src/services/context.js';
import * as meetings from '../../src/services/initiatives/index.js';
import { forEachEngine } from '../support/databases.js';
import { createTestConflict, createTestInitiative, createTestWorkspace } from '../support/records.js';
import { client, sessionCookie, testApp, testKeys } from './support/app.js';

const PASSWORD = 'extras passphrase 1234';

forEachEngine('account extras: own password, meetings an actor attended', (getDb, engine) => {
  let app: FastifyInstance;
  let actorId = '';
  let absentId = '';
  const meetingIds: Record<'open' | 'chatham', string> = { open: '', chatham: '' };

  beforeAll(async () => {
    const keys = testKeys();
    app = await testApp(getDb(), engine.dialect, {}, keys);
    const system = actingAs({ db: getDb(), dialect: engine.dialect, keys, auth: null }, systemAuth('test'));
    const workspace = await createTestWorkspace(system, 'W');
    const conflict = await createTestConflict(system, workspace.id, 'C', {
      name: 'Side',
      groups: ['North', 'South'],
    });
    const person = () =>
      actors.createActor(system, {
        workspace_id: workspace.id,
        conflict_id: conflict.id,
        kind: 'person',
        role: 'elder',
        track: '2',
        gender: 'woman',
        region: null,
        groups: [],
      });
    const [a, b, absent] = [await person(), await person(), await person()];
    actorId = a.id;
    absentId = absent.id;
    const initiative = await createTestInitiative(system, workspace.id, conflict.id, 'I');
    for (const rule of ['open', 'chatham'] as const) {
      const meeting = await meetings.createMeeting(system, {
        initiative_id: initiative.id,
        title: `Round ${rule}`,
        held_on: rule === 'open' ? '2024-01-10' : '2024-02-10',
        place: null,
        ground_rule: rule === 'open' ? 'open' : 'chatham_house',
        status: 'held',
      });
      await meetings.recordAttendance(system, meeting.id, {
        attendees: [
          { actor_id: a.id, role: 'participant' },
          { actor_id: b.id, role: 'participant' },
        ],
      });
      meetingIds[rule] = meeting.id;
    }
    await getDb()
      .transaction()
      .execute(async (trx) => {
        const sys = systemAuth('test');
        for (const role of ['convener', 'facilitator', 'researcher'] as const) {
          const account = await createAccount(trx, keys, sys, {
            email: `${role}@example.org`,
            displayName: role,
            password: PASSWORD,
          });
          await grantMembership(trx, keys, sys, { accountId: account.id, initiativeId: initiative.id, role });
        }
      });
  });
  afterAll(() => app.close());

  async function signIn(email: string, password = PASSWORD) {
    const response = await client(app).post('/api/auth/login', { email, password });
    expect(response.statusCode).toBe(200);
    return sessionCookie(response);
  }

  it('lists the Chatham House round to the convener only; the facilitator sees the open one', async () => {
    const seen = async (email: string) => {
      const response = await client(app, { cookie: await signIn(email) }).get(
        `/api/actors/${actorId}/meetings`,
      );
      expect(response.statusCode).toBe(200);
      return (response.json().items as { meeting_id: string; title: string }[]).map((m) => m.meeting_id);
    };
    expect(await seen('convener@example.org')).toEqual([meetingIds.open, meetingIds.chatham]);
    expect(await seen('facilitator@example.org')).toEqual([meetingIds.open]);
    // A researcher reads the actor map but never an attendance list.
    expect(await seen('researcher@example.org')).toEqual([]);
  });

  it('lets only those who may read a Chatham House list write it: a write would tell the rest who attended', async () => {
    const as = async (email: string) => client(app, { cookie: await signIn(email) });
    const facilitator = await as('facilitator@example.org');
    const attendees = (meetingId: string) =>
      getDb().selectFrom('attendances').select('actor_id').where('meeting_id', '=', meetingId).execute();
    const before = await attendees(meetingIds.chatham);
    const ties = await getDb().selectFrom('ties').select(['id', 'strength']).orderBy('id').execute();
    // Recording one who attended and one who did not, and removing either: one and the same refusal.
    for (const id of [actorId, absentId]) {
      const recorded = await facilitator.post(`/api/meetings/${meetingIds.chatham}/attendance`, {
        attendees: [{ actor_id: id, role: 'participant' }],
      });
      expect(recorded.statusCode).toBe(403);
      expect(recorded.json().error.code).toBe('TT_ERR_FORBIDDEN');
      expect(recorded.body).not.toMatch(/attendees|ties|added/);
      const removed = await facilitator.delete(`/api/meetings/${meetingIds.chatham}/attendance/${id}`);
      expect(removed.statusCode).toBe(403);
      expect(removed.json().error.code).toBe('TT_ERR_FORBIDDEN');
    }
    expect(await attendees(meetingIds.chatham)).toEqual(before);
    expect(await getDb().selectFrom('ties').select(['id', 'strength']).orderBy('id').execute()).toEqual(ties);
    // At the open meeting, whose list the facilitator reads, the facilitator records and removes.
    const open = await facilitator.post(`/api/meetings/${meetingIds.open}/attendance`, {
      attendees: [{ actor_id: absentId, role: 'observer' }],
    });
    expect(open.statusCode).toBe(200);
    expect(open.json()).toMatchObject({ added: 1, attendees: 3 });
    expect(
      (await facilitator.delete(`/api/meetings/${meetingIds.open}/attendance/${absentId}`)).statusCode,
    ).toBe(204);
    // The convener, who reads the Chatham House list, writes it.
    const convener = await as('convener@example.org');
    const byConvener = await convener.post(`/api/meetings/${meetingIds.chatham}/attendance`, {
      attendees: [{ actor_id: absentId, role: 'participant' }],
    });
    expect(byConvener.statusCode).toBe(200);
    expect(
      (await convener.delete(`/api/meetings/${meetingIds.chatham}/attendance/${absentId}`)).statusCode,
    ).toBe(204);
  });

  it('changes the own password: the old one and other sessions stop working, this browser stays in', async () => {
    const cookie = await signIn('facilitator@example.org');
    const elsewhere = await signIn('facilitator@example.org');
    const wrong = await client(app, { cookie }).put('/api/auth/password', {
      current_password: 'not it at all',
      new_password: 'a brand new passphrase 77',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('TT_ERR_BAD_CREDENTIALS');
    const weak = await client(app, { cookie }).put('/api/auth/password', {
      current_password: PASSWORD,
      new_password: 'short',
    });
    expect(weak.json().error.code).toBe('TT_ERR_PASSWORD_TOO_SHORT');
    const changed = await client(app, { cookie }).put('/api/auth/password', {
      current_password: PASSWORD,
      new_password: 'a brand new passphrase 77',
    });
    expect(changed.statusCode).toBe(204);
    const renewed = sessionCookie(changed);
    expect((await client(app, { cookie: renewed }).get('/api/auth/me')).json().signed_in).toBe(true);
    // The other browser's session has ended: it is a visitor again (not an error, see auth.test.ts).
    const ended = await client(app, { cookie: elsewhere }).get('/api/auth/me');
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toEqual({ signed_in: false });
    const old = await client(app).post('/api/auth/login', {
      email: 'facilitator@example.org',
      password: PASSWORD,
    });
    expect(old.statusCode).toBe(401);
    await signIn('facilitator@example.org', 'a brand new passphrase 77');
  });
});
