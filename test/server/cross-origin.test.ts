import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getIdentity } from '../../src/security/vault.js';
import { forEachEngine } from '../support/databases.js';
import { testApp, testKeys } from './support/app.js';
import { buildWorld, makeActor, rowCounts, type World } from './support/resources.js';

/**
 * CSRF: a page on another origin (another port or subdomain of the same site included) makes the browser
 * send the session cookie with its request; SameSite does not stop every such case. A state-changing
 * request whose Sec-Fetch-Site or Origin is not this app's own is refused and changes nothing.
 */
forEachEngine('cross-origin writes with the session cookie', (getDb, { dialect }) => {
  const keys = testKeys();
  let app: FastifyInstance;
  let world: World;
  let actorId: string;
  beforeAll(async () => {
    app = await testApp(getDb(), dialect, {}, keys);
    world = await buildWorld(app, getDb(), keys);
    actorId = (await makeActor(world, {}, ['Ilsabet Marrowgate'])).id;
  });
  afterAll(() => app?.close());

  const erase = (headers: Record<string, string>, credential: 'cookie' | 'none' = 'cookie') =>
    app.inject({
      method: 'POST',
      url: `/api/actors/${actorId}/erase`,
      headers: {
        host: 'tracktwo.example',
        ...(credential === 'cookie' ? { cookie: `tt_session=${world.adminCookie}` } : {}),
        ...headers,
      },
    });

  it.each([
    ['another site', { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' }],
    [
      'another port of the same host',
      { origin: 'http://tracktwo.example:8081', 'sec-fetch-site': 'same-site' },
    ],
    ['a subdomain, Origin only', { origin: 'http://mail.tracktwo.example' }],
    ['an opaque origin', { origin: 'null' }],
    ['Sec-Fetch-Site only', { 'sec-fetch-site': 'cross-site' }],
  ])('refuses a body-less erase from %s, and the identity stays', async (_, headers) => {
    const before = await rowCounts(getDb());
    const reply = await erase(headers);
    expect(reply.statusCode).toBe(403);
    expect(reply.json().error.code).toBe('TT_ERR_CROSS_ORIGIN');
    expect(reply.json().error.message).toMatch(/another site/);
    expect(await rowCounts(getDb())).toEqual(before);
    expect(await getIdentity(getDb(), keys, world.workspaceId, actorId)).toMatchObject({
      names: ['Ilsabet Marrowgate'],
    });
  });

  it('refuses a cross-site sign-in and setup too (login CSRF), but not a read', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'http://evil.example', 'content-type': 'application/json' },
      payload: { email: 'admin@example.org', password: 'x' },
    });
    expect(login.statusCode).toBe(403);
    const read = await app.inject({
      method: 'GET',
      url: `/api/actors/${actorId}`,
      headers: {
        cookie: `tt_session=${world.adminCookie}`,
        origin: 'http://evil.example',
        'sec-fetch-site': 'cross-site',
      },
    });
    expect(read.statusCode).toBe(200);
  });

  it('takes the write from its own pages, and from scripts that send no Origin', async () => {
    const own = await app.inject({
      method: 'PATCH',
      url: `/api/actors/${actorId}`,
      headers: {
        host: 'tracktwo.example',
        cookie: `tt_session=${world.adminCookie}`,
        origin: 'http://tracktwo.example',
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json',
      },
      payload: { region: 'North' },
    });
    expect(own.statusCode).toBe(200);
    const script = await app.inject({
      method: 'PATCH',
      url: `/api/actors/${actorId}`,
      headers: { cookie: `tt_session=${world.adminCookie}`, 'content-type': 'application/json' },
      payload: { region: 'South' },
    });
    expect(script.statusCode).toBe(200);
  });

  it('a bearer token is no ambient credential: a script using one may send any Origin', async () => {
    const issued = await world.admin.post('/api/auth/tokens', { name: 'cross-origin-script' });
    expect(issued.statusCode).toBe(201);
    const token = issued.json().token as string;
    const reply = await app.inject({
      method: 'PATCH',
      url: `/api/actors/${actorId}`,
      headers: {
        authorization: `Bearer ${token}`,
        origin: 'http://evil.example',
        'sec-fetch-site': 'cross-site',
        'content-type': 'application/json',
      },
      payload: { region: 'East' },
    });
    expect(reply.statusCode).toBe(200);
  });
});
