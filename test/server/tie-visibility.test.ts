import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseCsv } from '../../src/interchange/csv.js';
import { systemAuth } from '../../src/security/auth.js';
import { createApiToken } from '../../src/security/sessions.js';
import { forEachEngine } from '../support/databases.js';
import { client, testApp, testKeys } from './support/app.js';
import { buildWorld, makeActor, ok, refused, type Client, type World } from './support/resources.js';

/*
 * The threat model's Chatham House rule, for the `met` ties attendance leaves behind: a tie that only a
 * Chatham House or closed meeting made says who attended, so only that initiative's conveners and the
 * workspace's administrators see it. A tie that an open meeting also made, or one entered by hand, is
 * shown to everyone who reads the actor map.
 */

interface TieBody {
  id: string;
  kind: string;
  source: string;
  strength: number;
  source_actor_id: string;
  target_actor_id: string;
}

type Viewer = 'admin' | 'convener' | 'facilitator' | 'researcher' | 'otherConvener';
const insiders: Viewer[] = ['admin', 'convener'];
const outsiders: Viewer[] = ['facilitator', 'researcher', 'otherConvener'];

forEachEngine('met ties of Chatham House and closed meetings', (getDb, engine) => {
  let app: FastifyInstance;
  let world: World;
  let viewers: Record<Viewer, Client>;
  // a, b, c met under the Chatham House rule; b and c met again in the open; a and d met behind closed doors.
  let a: { id: string; pseudonym: string };
  let b: { id: string; pseudonym: string };
  let c: { id: string; pseudonym: string };
  let d: { id: string; pseudonym: string };
  let chathamId = '';
  let openId = '';
  let closedId = '';
  const ties = {} as Record<'ab' | 'ac' | 'bc' | 'ad' | 'knows', TieBody>;

  const meeting = async (title: string, ground_rule: string, held_on: string, attendees: string[]) => {
    const made = ok<{ id: string }>(
      await world.as.facilitator.post('/api/meetings', {
        initiative_id: world.initiativeId,
        title,
        held_on,
        ground_rule,
        status: 'held',
      }),
      201,
    );
    // Attendance of a Chatham House or closed meeting is recorded by a convener, who may read it.
    ok(
      await world.as.convener.post(`/api/meetings/${made.id}/attendance`, {
        attendees: attendees.map((actor_id) => ({ actor_id })),
      }),
    );
    return made.id;
  };

  beforeAll(async () => {
    const keys = testKeys();
    app = await testApp(getDb(), engine.dialect, {}, keys);
    world = await buildWorld(app, getDb(), keys);
    // A second initiative of the same conflict, with a convener of its own.
    const other = ok<{ id: string }>(
      await world.admin.post('/api/initiatives', {
        workspace_id: world.workspaceId,
        conflict_id: world.conflictId,
        name: 'Grazing council',
        status: 'active',
      }),
      201,
    );
    const email = 'other-convener@resources.example.org';
    const account = ok<{ account: { id: string } }>(
      await world.admin.post('/api/accounts', {
        email,
        display_name: 'Other convener',
        password: 'resource tests passphrase 77',
      }),
      201,
    );
    ok(await world.admin.post(`/api/initiatives/${other.id}/members`, { email, role: 'convener' }), 202);
    const token = await getDb()
      .transaction()
      .execute((trx) =>
        createApiToken(trx, keys, systemAuth('tie visibility test'), {
          accountId: account.account.id,
          name: 'tests',
        }),
      );
    viewers = {
      admin: world.admin,
      convener: world.as.convener,
      facilitator: world.as.facilitator,
      researcher: world.as.researcher,
      otherConvener: client(app, { token: token.token }),
    };

    [a, b, c, d] = [
      await makeActor(world),
      await makeActor(world),
      await makeActor(world),
      await makeActor(world),
    ];
    chathamId = await meeting('Round 1', 'chatham_house', '2024-03-01', [a.id, b.id, c.id]);
    openId = await meeting('Public forum', 'open', '2024-04-01', [b.id, c.id]);
    closedId = await meeting('Security talks', 'closed', '2024-05-01', [a.id, d.id]);
    ties.knows = ok<TieBody>(
      await world.as.facilitator.post('/api/ties', {
        workspace_id: world.workspaceId,
        conflict_id: world.conflictId,
        source_actor_id: a.id,
        target_actor_id: b.id,
        kind: 'knows',
        source: 'observed',
      }),
      201,
    );
    const met = ok<{ items: TieBody[] }>(
      await world.admin.get(`/api/conflicts/${world.conflictId}/ties?kind=met`),
    ).items;
    const find = (x: string, y: string) =>
      met.find((t) => [t.source_actor_id, t.target_actor_id].sort().join() === [x, y].sort().join())!;
    ties.ab = find(a.id, b.id);
    ties.ac = find(a.id, c.id);
    ties.bc = find(b.id, c.id);
    ties.ad = find(a.id, d.id);
  });
  afterAll(async () => {
    await app.close();
  });

  const listed = async (viewer: Viewer) => {
    const page = ok<{ items: TieBody[]; total: number }>(
      await viewers[viewer].get(`/api/conflicts/${world.conflictId}/ties`),
    );
    expect(page.total, viewer).toBe(page.items.length);
    return page.items.map((t) => t.id).sort();
  };
  const expected = (...names: (keyof typeof ties)[]) => names.map((name) => ties[name].id).sort();

  it('records the meetings behind each met tie, and none for a tie entered by hand', async () => {
    const rows = await getDb().selectFrom('tie_meetings').select(['tie_id', 'meeting_id']).execute();
    const meetingsOf = (tie: TieBody) =>
      rows
        .filter((row) => row.tie_id === tie.id)
        .map((row) => row.meeting_id)
        .sort();
    expect(meetingsOf(ties.ab)).toEqual([chathamId]);
    expect(meetingsOf(ties.bc)).toEqual([chathamId, openId].sort());
    expect(meetingsOf(ties.ad)).toEqual([closedId]);
    expect(meetingsOf(ties.knows)).toEqual([]);
    expect(ties.bc.strength).toBe(2);
  });

  it('lists a Chatham House or closed tie to the conveners and the administrator only', async () => {
    for (const viewer of insiders) {
      expect(await listed(viewer), viewer).toEqual(expected('ab', 'ac', 'bc', 'ad', 'knows'));
    }
    for (const viewer of outsiders) {
      expect(await listed(viewer), viewer).toEqual(expected('bc', 'knows'));
    }
    const met = ok<{ total: number }>(
      await viewers.researcher.get(`/api/conflicts/${world.conflictId}/ties?kind=met&actor_id=${a.id}`),
    );
    expect(met.total).toBe(0);
  });

  it('answers 404 for such a tie by id, to read or to change it, as for a tie that does not exist', async () => {
    for (const viewer of insiders) {
      expect(ok<TieBody>(await viewers[viewer].get(`/api/ties/${ties.ab.id}`)).id).toBe(ties.ab.id);
    }
    for (const viewer of outsiders) {
      for (const hidden of [ties.ab, ties.ac, ties.ad]) {
        expect(refused(await viewers[viewer].get(`/api/ties/${hidden.id}`), 404), viewer).toBe(
          'TT_ERR_NOT_FOUND',
        );
      }
      expect(ok<TieBody>(await viewers[viewer].get(`/api/ties/${ties.bc.id}`)).id).toBe(ties.bc.id);
    }
    expect(refused(await viewers.facilitator.patch(`/api/ties/${ties.ab.id}`, { strength: 3 }), 404)).toBe(
      'TT_ERR_NOT_FOUND',
    );
    expect(refused(await viewers.facilitator.delete(`/api/ties/${ties.ad.id}`), 404)).toBe(
      'TT_ERR_NOT_FOUND',
    );
    expect(ok<TieBody>(await viewers.admin.get(`/api/ties/${ties.ad.id}`)).strength).toBe(1);
  });

  it('keeps such a tie out of the network graph and its measures', async () => {
    const graph = async (viewer: Viewer) => {
      const body = ok<{
        result: { ties: { id: string }[]; nodes: { id: string; metrics: { degree: number } }[] };
      }>(await viewers[viewer].get(`/api/conflicts/${world.conflictId}/network/graph?metrics=degree`));
      return {
        ties: body.result.ties.map((t) => t.id).sort(),
        degreeOfD: body.result.nodes.find((n) => n.id === d.pseudonym)!.metrics.degree,
      };
    };
    for (const viewer of insiders) {
      expect(await graph(viewer), viewer).toEqual({
        ties: expected('ab', 'ac', 'bc', 'ad', 'knows'),
        degreeOfD: 1,
      });
    }
    // d's only tie is the closed meeting's: to outsiders d is an isolate, not a hint of it.
    for (const viewer of outsiders) {
      expect(await graph(viewer), viewer).toEqual({ ties: expected('bc', 'knows'), degreeOfD: 0 });
    }
  });

  it('keeps such a tie out of the Kumu export', async () => {
    const connections = async (viewer: Viewer) =>
      parseCsv(
        (await viewers[viewer].get(`/api/conflicts/${world.conflictId}/export/kumu?part=connections`)).body,
      )
        .rows.map((row) => [row.From, row.To].sort().join('-') + `:${row.Type}`)
        .sort();
    const pair = (x: { pseudonym: string }, y: { pseudonym: string }, kind: string) =>
      [x.pseudonym, y.pseudonym].sort().join('-') + `:${kind}`;
    for (const viewer of insiders) {
      expect(await connections(viewer), viewer).toEqual(
        [
          pair(a, b, 'met'),
          pair(a, c, 'met'),
          pair(b, c, 'met'),
          pair(a, d, 'met'),
          pair(a, b, 'knows'),
        ].sort(),
      );
    }
    for (const viewer of outsiders) {
      expect(await connections(viewer), viewer).toEqual([pair(b, c, 'met'), pair(a, b, 'knows')].sort());
    }
  });

  it('withholds a tie once its open meeting is gone, and drops the record of a deleted tie', async () => {
    ok(await world.as.convener.delete(`/api/meetings/${openId}`), 204);
    expect(await listed('researcher')).toEqual(expected('knows'));
    expect(await listed('convener')).toEqual(expected('ab', 'ac', 'bc', 'ad', 'knows'));
    ok(await world.as.convener.delete(`/api/ties/${ties.ab.id}`), 204);
    const left = await getDb()
      .selectFrom('tie_meetings')
      .select('tie_id')
      .where('tie_id', '=', ties.ab.id)
      .execute();
    expect(left).toEqual([]);
  });
});
