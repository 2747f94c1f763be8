import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { collectRequirements, type Requirement } from '../../src/security/access.js';
import { forEachEngine } from '../support/databases.js';
import { testApp, testKeys } from './support/app.js';
import { buildWorld, matrix, pathOf } from './support/access-world.js';

/**
 * Every route's `access` label says what its use case's gate asks for. Each registered route is called
 * once, as an account with no role anywhere (so nothing changes), with the ids and body of the access
 * matrix; the gates record what they were asked for during the request, and the first of those (the
 * check the use case opens with) must be the label. `public` and `setup` routes open no gate at all.
 */

const PROBE = 'x-access-probe';

/** `a|b` in either order is the same requirement: any one of the permissions suffices. */
function normal(requirement: string): string {
  return requirement.split('|').sort().join('|');
}

forEachEngine('access labels: every route is labelled with what its service requires', (getDb, engine) => {
  let app: FastifyInstance;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  const asked = new Map<string, Requirement[]>();
  let probes = 0;
  /** Calls a route and returns the reply with what the gates were asked for while serving it. */
  async function probe(method: string, url: string, token: string, body?: unknown) {
    const id = String((probes += 1));
    const response = await app.inject({
      method: method as 'GET',
      url,
      headers: {
        authorization: `Bearer ${token}`,
        [PROBE]: id,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    return { response, requirements: asked.get(id) ?? [] };
  }
  beforeAll(async () => {
    const keys = testKeys();
    app = await testApp(getDb(), engine.dialect, {}, keys);
    // Callback style, so the request's handler runs inside the collecting context.
    app.addHook('onRequest', (request, _reply, done) => {
      const into: Requirement[] = [];
      asked.set(String(request.headers[PROBE]), into);
      collectRequirements(into, done);
    });
    world = await buildWorld({ db: getDb(), dialect: engine.dialect, keys, auth: null });
  });
  afterAll(async () => {
    await app.close();
  });

  it(
    'matches the label of every route to the first check its service makes',
    { timeout: 300_000 },
    async () => {
      const wrong: string[] = [];
      let labelled = 0;
      for (const route of app.routeTable) {
        if (!route.access) continue;
        labelled += 1;
        const entry = matrix[`${route.method} ${route.url}`];
        const body = entry?.body?.(world.ids);
        const { response, requirements } = await probe(
          route.method,
          pathOf(route.url, world.ids),
          world.tokens['no-role'],
          body,
        );
        const label = `${route.method} ${route.url} labelled ${route.access} (${response.statusCode})`;
        const opening: Requirement | undefined = requirements[0];
        if (route.access === 'public' || route.access === 'setup') {
          if (requirements.length > 0) wrong.push(`${label}: opens a gate, ${requirements.join(', ')}`);
        } else if (opening === undefined) {
          wrong.push(`${label}: reached no gate (${response.body.slice(0, 120)})`);
        } else if (normal(opening) !== normal(route.access)) {
          wrong.push(`${label}: its service asks for ${opening}`);
        }
      }
      expect(wrong).toEqual([]);
      expect(labelled).toBeGreaterThan(100);
    },
  );

  it('records every check a request made, in order, and none of another request', async () => {
    const names = await probe('GET', `/api/actors/${world.ids.actor}/identity`, world.convenerToken);
    expect(names.response.statusCode).toBe(200);
    expect(names.requirements).toEqual(['actors.names']);
    const list = await probe(
      'GET',
      `/api/conflicts/${world.ids.C1}/actors?name=zorblat`,
      world.convenerToken,
    );
    expect(list.requirements).toEqual(['actors.read', 'actors.names']);
  });
});
