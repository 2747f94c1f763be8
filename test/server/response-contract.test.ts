import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../../src/server/app.js';
import { defineRoute } from '../../src/server/route.js';
import { takeResponseMismatches } from '../../src/server/response-check.js';
import { forEachEngine } from '../support/databases.js';
import { ADMIN, client, sessionCookie, testApp, testKeys } from './support/app.js';

const probeSchema = z.strictObject({ id: z.string(), count: z.number().int() });

/** Routes that are not the API's own: the docs (swagger-ui's assets) and the document itself. */
const notApi = (url: string) =>
  !url.startsWith('/api/') || url.startsWith('/api/docs') || url === '/api/openapi.json';

interface OpenApiOperation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

forEachEngine('server: every answer keeps to its route response schema', (getDb, engine) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testApp(getDb(), engine.dialect);
    // Three probes beside the real API: one keeps to its schema, one adds a field, one leaves one out.
    const probe = (url: string, answer: unknown) =>
      defineRoute(app, {
        method: 'GET',
        url,
        summary: 'probe of the response check',
        tag: 'test',
        access: 'public',
        response: probeSchema,
        handler: async () => answer,
      });
    probe('/api/test/fits', { id: 'a', count: 1 });
    probe('/api/test/extra-field', { id: 'a', count: 1, secret: 'not in the schema' });
    probe('/api/test/missing-field', { id: 'a' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers a body that fits its schema unchanged', async () => {
    const response = await client(app).get('/api/test/fits');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id: 'a', count: 1 });
    expect(takeResponseMismatches()).toEqual([]);
  });

  it('fails a body with a field its schema does not declare, and one missing a required field', async () => {
    for (const url of ['/api/test/extra-field', '/api/test/missing-field']) {
      const response = await client(app).get(url);
      expect(response.statusCode, url).toBe(500);
      expect(response.json().error.code).toBe('TT_ERR_INTERNAL');
      // The reply says nothing of the body it refused to send.
      expect(response.body).not.toContain('not in the schema');
    }
    const recorded = takeResponseMismatches();
    expect(recorded.map((mismatch) => mismatch.route)).toEqual([
      'GET /api/test/extra-field',
      'GET /api/test/missing-field',
    ]);
    expect(recorded[0].issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['secret'] });
    expect(recorded[1].issues[0]).toMatchObject({ code: 'invalid_type', path: ['count'] });
  });

  it('answers lists as { items, next? }: next is the offset of a further page, absent on the last', async () => {
    const setup = await client(app).post('/api/setup', { ...ADMIN, workspace_name: 'First' });
    const admin = client(app, { cookie: sessionCookie(setup) });
    for (const name of ['Second', 'Third']) {
      expect((await admin.post('/api/workspaces', { name })).statusCode).toBe(201);
    }
    const first = (await admin.get('/api/workspaces?limit=2')).json();
    expect(Object.keys(first).sort()).toEqual(['items', 'next']);
    expect(first.items).toHaveLength(2);
    expect(first.next).toBe(2);
    const last = (await admin.get(`/api/workspaces?limit=2&offset=${first.next}`)).json();
    expect(last).toEqual({ items: [expect.objectContaining({ id: expect.any(String) })] });
    const whole = (await admin.get('/api/workspaces?limit=3')).json();
    expect(whole.items).toHaveLength(3);
    expect(whole).not.toHaveProperty('next');
    expect(takeResponseMismatches()).toEqual([]);
  });

  it('gives every route of the API a response schema, or none only for a 204 or a file', async () => {
    const spec = (await client(app).get('/api/openapi.json')).json() as {
      paths: Record<string, Record<string, OpenApiOperation>>;
    };
    const problems: string[] = [];
    let checked = 0;
    for (const route of app.routeTable) {
      if (notApi(route.url)) continue;
      checked += 1;
      const label = `${route.method} ${route.url}`;
      if (route.response === undefined) {
        problems.push(`${label}: not made by defineRoute, so no response schema`);
        continue;
      }
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      const responses = spec.paths[path]?.[route.method.toLowerCase()]?.responses ?? {};
      const [status, ...others] = Object.keys(responses);
      if (!status || others.length > 0) {
        problems.push(`${label}: documents ${Object.keys(responses).join(', ') || 'no'} answers`);
        continue;
      }
      const content = responses[status].content;
      if (route.response === null) {
        // Either nothing (204) or a file, documented by its media types.
        if (status === '204' ? content !== undefined : content === undefined) {
          problems.push(`${label}: no schema, yet answers ${status}${content ? ' with content' : ''}`);
        }
        continue;
      }
      const schema = content?.['application/json']?.schema as Record<string, unknown> | undefined;
      if (!schema || Object.keys(schema).length === 0) problems.push(`${label}: ${status} without a schema`);
    }
    expect(problems).toEqual([]);
    // The probes, the health check and the whole API: a filter that matched nothing would prove nothing.
    expect(checked).toBeGreaterThan(100);
  });
});

forEachEngine('server: the response check is off when serving', (getDb, engine) => {
  it('lets the same wrong answer through in an app built with the default settings', async () => {
    const served = await buildApp({ store: { db: getDb(), dialect: engine.dialect }, keys: testKeys() });
    defineRoute(served, {
      method: 'GET',
      url: '/api/test/extra-field',
      summary: 'probe of the response check',
      tag: 'test',
      access: 'public',
      response: probeSchema,
      handler: async () => ({ id: 'a', count: 1, extra: true }),
    });
    const response = await client(served).get('/api/test/extra-field');
    await served.close();
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id: 'a', count: 1, extra: true });
    expect(takeResponseMismatches()).toEqual([]);
  });
});
