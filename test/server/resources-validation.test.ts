import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { forEachEngine } from '../support/databases.js';
import { testApp, testKeys } from './support/app.js';
import { buildWorld, makeActor, ok, rowCounts, type World } from './support/resources.js';

const BODY_LIMIT = 8 * 1024;

interface WriteRoute {
  method: 'POST' | 'PATCH' | 'PUT';
  url: string;
  body: Record<string, unknown>;
  /** Where to read the record a PATCH would change, to see it unchanged. */
  read?: string;
}

/** A value of another JSON type than `value`'s. */
function wrongType(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return 'twelve';
  if (typeof value === 'boolean') return 'yes';
  if (Array.isArray(value)) return 'not a list';
  if (value === null) return { nested: true };
  return 7;
}

forEachEngine('resources: bad input is a 4xx, never a 5xx, and writes nothing', (getDb, engine) => {
  let app: FastifyInstance;
  let world: World;
  let routes: WriteRoute[];
  beforeAll(async () => {
    const keys = testKeys();
    app = await testApp(getDb(), engine.dialect, { bodyLimit: BODY_LIMIT }, keys);
    world = await buildWorld(app, getDb(), keys);
    const a = await makeActor(world, {}, ['Odile Fenwick']);
    const b = await makeActor(world, { role: 'state_official', track: '1' });
    const meeting = ok<{ id: string }>(
      await world.admin.post('/api/meetings', {
        initiative_id: world.initiativeId,
        title: 'R',
        held_on: '2024-01-02',
      }),
      201,
    );
    const outcome = ok<{ id: string }>(
      await world.admin.post('/api/outcomes', { initiative_id: world.initiativeId, title: 'O' }),
      201,
    );
    const w = world.workspaceId;
    const c = world.conflictId;
    routes = [
      { method: 'POST', url: '/api/workspaces', body: { name: 'New', description: 'd', is_demo: false } },
      {
        method: 'PATCH',
        url: `/api/workspaces/${w}`,
        body: { name: 'Renamed' },
        read: `/api/workspaces/${w}`,
      },
      {
        method: 'POST',
        url: '/api/conflicts',
        body: {
          workspace_id: w,
          name: 'C',
          started_on: '2020-01-01',
          divides: [{ name: 'D', groups: [{ name: 'G' }, { name: 'H' }] }],
        },
      },
      { method: 'PATCH', url: `/api/conflicts/${c}`, body: { name: 'Changed' }, read: `/api/conflicts/${c}` },
      {
        method: 'POST',
        url: `/api/conflicts/${c}/divides`,
        body: { name: 'Faith', groups: [{ name: 'A' }, { name: 'B' }] },
      },
      {
        method: 'POST',
        url: '/api/conflict-events',
        body: { conflict_id: c, kind: 'truce', occurred_on: '2021-01-01', title: 'T' },
      },
      {
        method: 'POST',
        url: '/api/actors',
        body: {
          workspace_id: w,
          conflict_id: c,
          role: 'elder',
          track: '2',
          gender: 'man',
          region: 'North',
          identity: {
            names: ['Somebody New'],
            contacts: [{ kind: 'email', value: 'x@example.org' }],
            notes: '',
          },
        },
      },
      {
        method: 'PATCH',
        url: `/api/actors/${a.id}`,
        body: { region: 'South', track: '3' },
        read: `/api/actors/${a.id}`,
      },
      {
        method: 'PUT',
        url: `/api/actors/${a.id}/identity`,
        body: { names: ['Odile Other'], contacts: [], notes: '' },
        read: `/api/actors/${a.id}/identity`,
      },
      {
        method: 'POST',
        url: '/api/ties',
        body: {
          workspace_id: w,
          conflict_id: c,
          source_actor_id: a.id,
          target_actor_id: b.id,
          kind: 'knows',
          strength: 3,
          directed: true,
          confidence: 0.5,
        },
      },
      {
        method: 'POST',
        url: '/api/initiatives',
        body: { workspace_id: w, conflict_id: c, name: 'I2', funding_needed: 10 },
      },
      {
        method: 'PATCH',
        url: `/api/initiatives/${world.initiativeId}`,
        body: { status: 'closed', inclusion_target_women: 0.5 },
        read: `/api/initiatives/${world.initiativeId}`,
      },
      {
        method: 'POST',
        url: `/api/initiatives/${world.initiativeId}/members`,
        body: { email: 'funder@resources.example.org', role: 'researcher' },
      },
      {
        method: 'POST',
        url: '/api/meetings',
        body: { initiative_id: world.initiativeId, title: 'M', held_on: '2024-02-02' },
      },
      {
        method: 'POST',
        url: `/api/meetings/${meeting.id}/attendance`,
        body: { attendees: [{ actor_id: a.id, role: 'participant' }] },
      },
      {
        method: 'POST',
        url: '/api/outcomes',
        body: { initiative_id: world.initiativeId, title: 'O2', kind: 'statement' },
      },
      {
        method: 'POST',
        url: '/api/transfers',
        body: { outcome_id: outcome.id, handed_on: '2024-03-03', recipient_actor_ids: [b.id] },
      },
    ];
  });
  afterAll(async () => {
    await app.close();
  });

  it('refuses every kind of bad body on every write route with a coded 4xx, and nothing changes', async () => {
    const before = await rowCounts(getDb());
    const readBefore = new Map<string, string>();
    for (const route of routes)
      if (route.read) readBefore.set(route.read, (await world.admin.get(route.read)).body);

    const failures: string[] = [];
    let sent = 0;
    const expectRefused = async (
      label: string,
      route: WriteRoute,
      payload: string,
      status: number,
      code: string,
      contentType?: string,
    ) => {
      const reply = await app.inject({
        method: route.method,
        url: route.url,
        headers: {
          cookie: `tt_session=${world.adminCookie}`,
          ...(contentType === undefined
            ? { 'content-type': 'application/json' }
            : contentType
              ? { 'content-type': contentType }
              : {}),
        },
        payload,
      });
      sent += 1;
      const got = reply.statusCode;
      const gotCode = got >= 400 && got < 500 ? (reply.json() as { error: { code: string } }).error.code : '';
      if (got !== status || gotCode !== code)
        failures.push(`${route.method} ${route.url} ${label}: ${got} ${reply.body.slice(0, 160)}`);
    };
    for (const route of routes) {
      const valid = JSON.stringify(route.body);
      await expectRefused(
        'unknown field',
        route,
        JSON.stringify({ ...route.body, is_admin: true }),
        400,
        'TT_ERR_VALIDATION',
      );
      for (const [key, value] of Object.entries(route.body)) {
        await expectRefused(
          `wrong type of ${key}`,
          route,
          JSON.stringify({ ...route.body, [key]: wrongType(value) }),
          400,
          'TT_ERR_VALIDATION',
        );
      }
      if (route.method === 'PATCH')
        await expectRefused('an empty change', route, '{}', 400, 'TT_ERR_VALIDATION');
      await expectRefused(
        'oversized body',
        route,
        JSON.stringify({ ...route.body, padding: 'x'.repeat(BODY_LIMIT) }),
        413,
        'TT_ERR_PAYLOAD_TOO_LARGE',
      );
      await expectRefused('bad JSON', route, valid.slice(0, -1), 400, 'TT_ERR_BAD_JSON');
      await expectRefused('a JSON array', route, `[${valid}]`, 400, 'TT_ERR_VALIDATION');
      await expectRefused('JSON null', route, 'null', 400, 'TT_ERR_VALIDATION');
      await expectRefused(
        'a prototype key',
        route,
        `{"__proto__":{"admin":true},${valid.slice(1)}`,
        400,
        'TT_ERR_VALIDATION',
      );
      await expectRefused('text/plain', route, valid, 415, 'TT_ERR_UNSUPPORTED_MEDIA_TYPE', 'text/plain');
      await expectRefused(
        'a form',
        route,
        'name=x',
        415,
        'TT_ERR_UNSUPPORTED_MEDIA_TYPE',
        'application/x-www-form-urlencoded',
      );
      await expectRefused(
        'multipart',
        route,
        '--b\r\n\r\nx\r\n--b--',
        415,
        'TT_ERR_UNSUPPORTED_MEDIA_TYPE',
        'multipart/form-data; boundary=b',
      );
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(routes.length * 10);
    expect(await rowCounts(getDb())).toEqual(before);
    for (const [url, body] of readBefore) expect((await world.admin.get(url)).body, url).toBe(body);
  });

  it('accepts each of those routes’ valid bodies (the refusals above were for the badness alone)', async () => {
    const before = await rowCounts(getDb());
    for (const route of routes) {
      const reply = await world.admin.send(route.method, route.url, route.body);
      expect(reply.statusCode, `${route.method} ${route.url} ${reply.body.slice(0, 200)}`).toBeLessThan(300);
    }
    const after = await rowCounts(getDb());
    expect(after.audit_log - before.audit_log).toBeGreaterThanOrEqual(routes.length);
  });
});
