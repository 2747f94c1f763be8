import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { forEachEngine } from '../support/databases.js';
import { systemAuth } from '../../src/security/auth.js';
import { setInstanceAdminByEmail } from '../../src/services/accounts/index.js';
import { ADMIN, client, sessionCookie, testApp, testKeys } from './support/app.js';

/** A JSON body of `total` bytes that counts how much of it the server pulled. */
function countedBody(total: number) {
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let pulled = 0;
  const stream = new Readable({
    read() {
      if (pulled >= total) {
        this.push(null);
        return;
      }
      const piece = pulled === 0 ? Buffer.from('{"format":"tracktwo-workspace","x":"') : chunk;
      pulled += piece.length;
      this.push(piece);
    },
  });
  return { stream, pulled: () => pulled };
}

forEachEngine(
  'account safety: throttled password change, per-address sign-in, auth before body',
  (getDb, engine) => {
    let app: FastifyInstance;
    let adminCookie = '';
    const keys = testKeys();
    beforeAll(async () => {
      app = await testApp(getDb(), engine.dialect, {}, keys);
      const setup = await client(app).post('/api/setup', { ...ADMIN, workspace_name: 'Safety' });
      expect(setup.statusCode).toBe(201);
      adminCookie = sessionCookie(setup);
    });
    afterAll(async () => {
      await app.close();
    });

    const login = (password: string, address: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: address,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ email: ADMIN.email, password }),
      });

    it('does not let guesses from elsewhere lock the owner out, and spares a shared address', async () => {
      expect((await login(ADMIN.password, '192.0.2.10')).statusCode).toBe(200);
      const answers: number[] = [];
      for (let i = 0; i < 12; i++) answers.push((await login(`wrong guess ${i}`, '203.0.113.66')).statusCode);
      expect(answers.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(answers).toContain(429);
      const refused = await login(ADMIN.password, '203.0.113.66');
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.code).toBe('TT_ERR_TOO_MANY_ATTEMPTS');
      expect(refused.json().error.details.retryAfterSeconds).toBeGreaterThan(0);
      expect(Number(refused.headers['retry-after'])).toBe(refused.json().error.details.retryAfterSeconds);
      // The owner signs in from the usual place and from a new one.
      expect((await login(ADMIN.password, '192.0.2.10')).statusCode).toBe(200);
      expect((await login(ADMIN.password, '198.51.100.7')).statusCode).toBe(200);
    });

    it('throttles wrong current passwords of PUT /api/auth/password like sign-in (429)', async () => {
      const signedIn = await login(ADMIN.password, '192.0.2.44');
      const cookie = sessionCookie(signedIn);
      const change = (current: string) =>
        app.inject({
          method: 'PUT',
          url: '/api/auth/password',
          remoteAddress: '192.0.2.44',
          headers: { cookie: `tt_session=${cookie}`, 'content-type': 'application/json' },
          payload: JSON.stringify({ current_password: current, new_password: 'a brand new passphrase 77' }),
        });
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) statuses.push((await change(`not my password ${i}`)).statusCode);
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses).toContain(429);
      const blocked = await change(ADMIN.password);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().error.code).toBe('TT_ERR_TOO_MANY_ATTEMPTS');
      // Nothing changed: the old password still signs in.
      expect((await login(ADMIN.password, '192.0.2.10')).statusCode).toBe(200);
    });

    it('refuses an anonymous import with 401 before reading its body, and stays responsive', async () => {
      const body = countedBody(60 * 1024 * 1024);
      const response = await app.inject({
        method: 'POST',
        url: '/api/workspaces/import/json',
        headers: { 'content-type': 'application/json', 'content-length': String(60 * 1024 * 1024) },
        payload: body.stream,
      });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('TT_ERR_UNAUTHENTICATED');
      // At most what the stream had buffered ahead was pulled: far from the 60 MiB the parser would need.
      expect(body.pulled()).toBeLessThan(1024 * 1024);
      expect((await client(app).get('/api/health')).statusCode).toBe(200);
      // A bad body from nobody is a 401 too, not a 400 that shows it was parsed.
      const bad = await app.inject({
        method: 'POST',
        url: '/api/workspaces',
        headers: { 'content-type': 'application/json' },
        payload: '{not json',
      });
      expect(bad.statusCode).toBe(401);
      // The same request signed in is parsed (and refused as bad JSON).
      const signed = await app.inject({
        method: 'POST',
        url: '/api/workspaces',
        headers: { 'content-type': 'application/json', cookie: `tt_session=${adminCookie}` },
        payload: '{not json',
      });
      expect(signed.statusCode).toBe(400);
    });

    it('gives tokens scopes; no token mints tokens, changes the password or revokes tokens', async () => {
      const browser = client(app, { cookie: adminCookie });
      const full = await browser.post('/api/auth/tokens', { name: 'full' });
      expect(full.statusCode).toBe(201);
      expect(full.json().scopes).toEqual(['read', 'write']);
      const reader = await browser.post('/api/auth/tokens', { name: 'reader', scopes: ['read'] });
      expect(reader.statusCode).toBe(201);
      expect(reader.json().scopes).toEqual(['read']);
      expect((await browser.post('/api/auth/tokens', { name: 'none', scopes: [] })).statusCode).toBe(400);
      expect((await browser.post('/api/auth/tokens', { name: 'x', scopes: ['admin'] })).statusCode).toBe(400);

      const readOnly = client(app, { token: reader.json().token });
      expect((await readOnly.get('/api/workspaces')).statusCode).toBe(200);
      const write = await readOnly.post('/api/conflicts', { workspace_id: 'x', name: 'No' });
      expect(write.statusCode).toBe(403);
      expect(write.json().error.code).toBe('TT_ERR_FORBIDDEN');

      const script = client(app, { token: full.json().token });
      const minted = await script.post('/api/auth/tokens', { name: 'successor' });
      expect(minted.statusCode).toBe(403);
      expect(minted.json().error.code).toBe('TT_ERR_FORBIDDEN');
      expect((await script.delete('/api/auth/tokens/reader')).statusCode).toBe(403);
      const password = await script.put('/api/auth/password', {
        current_password: ADMIN.password,
        new_password: 'taken over passphrase 99',
      });
      expect(password.statusCode).toBe(403);
      const listed = (await browser.get('/api/auth/tokens')).json().items;
      expect(listed.map((token: { name: string }) => token.name).sort()).toEqual(['full', 'reader']);
      expect(listed.find((token: { name: string }) => token.name === 'reader').scopes).toEqual(['read']);
      expect((await login(ADMIN.password, '192.0.2.10')).statusCode).toBe(200);
    });

    it('makes creating workspaces and accounts an instance right (D5)', async () => {
      const admin = client(app, { cookie: adminCookie });
      const email = 'participant@safety.example.org';
      const password = 'violet harbour lantern 58';
      expect((await admin.post('/api/accounts', { email, display_name: 'P', password })).statusCode).toBe(
        201,
      );
      const signedIn = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ email, password }),
      });
      const participant = client(app, { cookie: sessionCookie(signedIn) });
      const workspace = await participant.post('/api/workspaces', { name: 'Mine now' });
      expect(workspace.statusCode).toBe(403);
      expect(workspace.json().error.code).toBe('TT_ERR_FORBIDDEN');
      const account = await participant.post('/api/accounts', {
        email: 'sock-puppet@safety.example.org',
        display_name: 'Sock',
      });
      expect(account.statusCode).toBe(403);
      const operator = { db: getDb(), dialect: engine.dialect, keys, auth: systemAuth('test: operator') };
      expect(await setInstanceAdminByEmail(operator, email, true)).toBe(true);
      const granted = await participant.post('/api/workspaces', { name: 'Granted' });
      expect(granted.statusCode).toBe(201);
      expect(await setInstanceAdminByEmail(operator, email, false)).toBe(true);
      expect((await participant.post('/api/workspaces', { name: 'Revoked' })).statusCode).toBe(403);

      // Still the administrator of the workspace it opened: it makes accounts for that workspace's people only.
      const workspaceId = granted.json().id;
      const conflict = await participant.post('/api/conflicts', { workspace_id: workspaceId, name: 'C' });
      const initiative = await participant.post('/api/initiatives', {
        workspace_id: workspaceId,
        conflict_id: conflict.json().id,
        name: 'Own initiative',
      });
      expect(initiative.statusCode, initiative.body).toBe(201);
      const colleague = { email: 'colleague@safety.example.org', display_name: 'Colleague' };
      const loose = await participant.post('/api/accounts', colleague);
      expect(loose.statusCode).toBe(403);
      const adminsOwn = await admin.post('/api/initiatives', {
        workspace_id: (await admin.get('/api/workspaces')).json().items[0].id,
        conflict_id: (
          await admin.post('/api/conflicts', {
            workspace_id: (await admin.get('/api/workspaces')).json().items[0].id,
            name: 'Other',
          })
        ).json().id,
        name: 'Not theirs',
      });
      const elsewhere = await participant.post('/api/accounts', {
        ...colleague,
        initiative_id: adminsOwn.json().id,
        role: 'participant',
      });
      expect(elsewhere.statusCode).toBe(403);
      const made = await participant.post('/api/accounts', {
        ...colleague,
        initiative_id: initiative.json().id,
        role: 'facilitator',
      });
      expect(made.statusCode, made.body).toBe(201);
      const members = await participant.get(`/api/initiatives/${initiative.json().id}/members`);
      expect(
        members.json().items.map((m: { email: string; role: string }) => `${m.email} ${m.role}`),
      ).toContain('colleague@safety.example.org facilitator');
    });
  },
);
