import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachEngine } from '../support/databases.js';
import { ADMIN, client, sessionCookie, testApp } from './support/app.js';

forEachEngine('server: health, setup, sign-in, tokens', (getDb, engine) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testApp(getDb(), engine.dialect);
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers the health check with the engine', async () => {
    const response = await client(app).get('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: engine.dialect });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(String(response.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('serves OpenAPI 3 naming the routes, and the docs', async () => {
    const spec = (await client(app).get('/api/openapi.json')).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/auth/login']));
    expect(
      spec.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('email');
    const docs = await client(app).get('/api/docs');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('answers /api/auth/me without a session with signed_in false, not an error', async () => {
    const response = await client(app).get('/api/auth/me');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ signed_in: false });
  });

  it('runs first-run setup once, then signs in, shows me, and signs out', async () => {
    expect((await client(app).get('/api/setup')).json()).toEqual({ open: true });
    const setup = await client(app).post('/api/setup', { ...ADMIN, workspace_name: 'Our work' });
    expect(setup.statusCode).toBe(201);
    const cookie = sessionCookie(setup);
    const setCookie = String(setup.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/);
    expect(setup.body).not.toContain('password');

    const again = await client(app).post('/api/setup', { ...ADMIN, email: 'other@example.org' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('TT_ERR_SETUP_DONE');
    expect((await client(app).get('/api/setup')).json()).toEqual({ open: false });

    const me = await client(app, { cookie }).get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().signed_in).toBe(true);
    expect(me.json().account.email).toBe(ADMIN.email);
    expect(me.json().account.display_name).toBe(ADMIN.display_name);
    expect(me.json().admin_workspaces).toEqual([setup.json().workspace.id]);

    const wrong = await client(app).post('/api/auth/login', {
      email: ADMIN.email,
      password: 'not the password',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('TT_ERR_BAD_CREDENTIALS');

    const login = await client(app).post('/api/auth/login', { email: ADMIN.email, password: ADMIN.password });
    expect(login.statusCode).toBe(200);
    const second = sessionCookie(login);
    expect((await client(app, { cookie: second }).get('/api/auth/me')).json().signed_in).toBe(true);
    expect(login.json().expires_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(login.json().account.display_name).toBe(ADMIN.display_name);

    const logout = await client(app, { cookie: second }).post('/api/auth/logout');
    expect(logout.statusCode).toBe(204);
    const ended = await client(app, { cookie: second }).get('/api/auth/me');
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toEqual({ signed_in: false });
    expect((await client(app, { cookie }).get('/api/auth/me')).json().signed_in).toBe(true);
  });

  it('issues, lists, uses and revokes bearer tokens', async () => {
    const login = await client(app).post('/api/auth/login', { email: ADMIN.email, password: ADMIN.password });
    const cookie = sessionCookie(login);
    const created = await client(app, { cookie }).post('/api/auth/tokens', { name: 'cli', ttl_days: 30 });
    expect(created.statusCode).toBe(201);
    const token = created.json().token as string;
    expect(token).toMatch(/^tt_/);

    const listed = await client(app, { token }).get('/api/auth/tokens');
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((t: { name: string }) => t.name)).toEqual(['cli']);
    // One casing in both answers about a token: what POST shows once and what GET lists.
    expect(listed.json().items[0].expires_at).toBe(created.json().expires_at);
    expect(Object.keys(listed.json().items[0]).sort()).toEqual([
      'created_at',
      'expires_at',
      'fingerprint',
      'last_used_at',
      'name',
      'scopes',
    ]);
    expect(listed.body).not.toContain(token.slice(3));

    const dup = await client(app, { cookie }).post('/api/auth/tokens', { name: 'cli' });
    expect(dup.statusCode).toBe(409);

    expect((await client(app, { cookie }).delete('/api/auth/tokens/cli')).statusCode).toBe(204);
    const refused = await client(app, { token }).get('/api/auth/me');
    expect(refused.statusCode).toBe(401);
    expect((await client(app, { token: 'tt_nonsense' }).get('/api/health')).statusCode).toBe(401);
  });

  it('sets Secure on the cookie behind TLS (forwarded by a trusted proxy)', async () => {
    const proxied = await testApp(getDb(), engine.dialect, { trustProxy: true });
    try {
      const response = await proxied.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
        payload: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
      });
      expect(response.statusCode).toBe(200);
      expect(String(response.headers['set-cookie'])).toMatch(/Secure/);
      expect(response.headers['strict-transport-security']).toBeDefined();
    } finally {
      await proxied.close();
    }
  });
});

describe('server: bad input is a 4xx with a code, never a 5xx', () => {
  forEachEngine('bad input', (getDb, engine) => {
    let app: FastifyInstance;
    beforeAll(async () => {
      app = await testApp(getDb(), engine.dialect, { bodyLimit: 4096 });
    });
    afterAll(async () => {
      await app.close();
    });

    const login = (payload: string, contentType = 'application/json') =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': contentType },
        payload,
      });

    it('names an unknown field', async () => {
      const response = await login(JSON.stringify({ email: 'a@b.org', password: 'x', admin: true }));
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'TT_ERR_VALIDATION', details: { field: 'admin' } });
    });

    it('names a field of the wrong type', async () => {
      const response = await login(JSON.stringify({ email: 42, password: 'x' }));
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details.field).toBe('email');
    });

    it('refuses malformed JSON, an empty body, a wrong content type and an oversized body', async () => {
      expect((await login('{"email":')).json().error.code).toBe('TT_ERR_BAD_JSON');
      expect((await login('')).json().error.code).toBe('TT_ERR_VALIDATION');
      const form = await login('email=a&password=b', 'application/x-www-form-urlencoded');
      expect(form.statusCode).toBe(415);
      expect(form.json().error.code).toBe('TT_ERR_UNSUPPORTED_MEDIA_TYPE');
      const text = await login('{}', 'text/plain');
      expect(text.statusCode).toBe(415);
      const big = await login(JSON.stringify({ email: 'a@b.org', password: 'x'.repeat(10_000) }));
      expect(big.statusCode).toBe(413);
      expect(big.json().error.code).toBe('TT_ERR_PAYLOAD_TOO_LARGE');
      const poisoned = await login('{"__proto__":{"admin":true},"email":"a@b.org","password":"x"}');
      expect(poisoned.statusCode).toBe(400);
    });

    it('answers an unknown API route with a coded 404', async () => {
      const response = await client(app).get('/api/no-such-thing');
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('TT_ERR_ROUTE_NOT_FOUND');
    });
  });
});
