import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { forEachEngine } from '../support/databases.js';
import { tablesSnapshot } from '../support/records.js';
import { testApp, testKeys } from './support/app.js';
import { buildWorld, matrix, pathOf, roles, tables } from './support/access-world.js';

/**
 * THE access-control test: every registered route x every role x an initiative (and its conflict) the
 * account has no part in. Each role is held in initiative J of conflict C2; the target is initiative I of
 * conflict C1 in the same workspace. No reply may hold a record of C1/I, no write may succeed, and the
 * database must be unchanged (sessions aside: using a token touches its row).
 */

forEachEngine(
  'access control: every route x every role x an initiative the account has no part in',
  (getDb, engine) => {
    let app: FastifyInstance;
    let world: Awaited<ReturnType<typeof buildWorld>>;
    beforeAll(async () => {
      const keys = testKeys();
      app = await testApp(getDb(), engine.dialect, {}, keys);
      world = await buildWorld({ db: getDb(), dialect: engine.dialect, keys, auth: null });
    });
    afterAll(async () => {
      await app.close();
    });

    it('has a matrix entry for every registered route, and no stale entry', () => {
      const registered = app.routeTable.map((route) => `${route.method} ${route.url}`);
      const missing = registered.filter((key) => !(key in matrix));
      expect(missing, 'routes without an access-matrix entry').toEqual([]);
      // The web app's fallback route exists only when the app has been built (dist/web).
      const optional = (key: string) => key === 'GET /*';
      const stale = Object.keys(matrix).filter((key) => !optional(key) && !registered.includes(key));
      expect(stale, 'matrix entries of routes that no longer exist').toEqual([]);
      for (const route of app.routeTable) {
        if (route.url.startsWith('/api/') && !route.url.startsWith('/api/docs'))
          expect(route.access, route.url).toBeDefined();
      }
    });

    it('leaks no record, lets no write through and changes nothing', { timeout: 600_000 }, async () => {
      const failures: string[] = [];
      let checked = 0;
      for (const route of app.routeTable) {
        const entry = matrix[`${route.method} ${route.url}`];
        if (!entry) continue;
        for (const role of roles) {
          const before = await tablesSnapshot(getDb(), tables);
          const body = entry.body?.(world.ids);
          const response = await app.inject({
            method: route.method as 'GET',
            url: pathOf(route.url, world.ids),
            headers: {
              authorization: `Bearer ${world.tokens[role]}`,
              ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            },
            ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
          });
          const after = await tablesSnapshot(getDb(), tables);
          const label = `${role} ${route.method} ${route.url} -> ${response.statusCode}`;
          checked += 1;
          if (response.statusCode >= 500) failures.push(`${label}: server error ${response.body}`);
          const secrets =
            role === 'other-admin' || role === 'no-role' ? [...world.secrets, world.ids.W] : world.secrets;
          // An id the request itself named may come back in the error's details; anything else is a leak.
          const asked = `${pathOf(route.url, world.ids)} ${JSON.stringify(body ?? '')}`;
          const leaked = secrets.filter(
            (secret) => response.body.includes(secret) && !asked.includes(secret),
          );
          if (
            leaked.length > 0 &&
            !(route.url.startsWith('/api/docs') || route.url === '/api/openapi.json')
          ) {
            failures.push(`${label}: leaks ${leaked.join(', ')}`);
          }
          if (entry.kind === 'target' && ![403, 404].includes(response.statusCode)) {
            failures.push(`${label}: expected 403 or 404, got ${response.body.slice(0, 200)}`);
          }
          if (entry.kind !== 'own' && before !== after) failures.push(`${label}: the database changed`);
        }
      }
      expect(failures).toEqual([]);
      expect(checked).toBe(app.routeTable.length * roles.length);
    });

    it('lets the target initiative own convener through (so the refusals above mean something)', async () => {
      const headers = { authorization: `Bearer ${world.convenerToken}` };
      const initiative = await app.inject({ method: 'GET', url: `/api/initiatives/${world.ids.I}`, headers });
      expect(initiative.statusCode).toBe(200);
      expect(initiative.body).toContain('Target initiative');
      const attendance = await app.inject({
        method: 'GET',
        url: `/api/meetings/${world.ids.meeting}/attendance`,
        headers,
      });
      expect(attendance.statusCode).toBe(200);
      expect(attendance.json().items).toHaveLength(2);
      const byName = await app.inject({
        method: 'GET',
        url: `/api/conflicts/${world.ids.C1}/actors?name=zorblat`,
        headers,
      });
      expect(byName.json().items.map((a: { id: string }) => a.id)).toEqual([world.ids.actor]);
      // The convener sees the Chatham House round among the actor's meetings (others get 403/404 above).
      const attended = await app.inject({
        method: 'GET',
        url: `/api/actors/${world.ids.actor}/meetings`,
        headers,
      });
      expect(attended.statusCode).toBe(200);
      expect(attended.json().items.map((m: { meeting_id: string }) => m.meeting_id)).toEqual([
        world.ids.meeting,
      ]);
    });
  },
);
