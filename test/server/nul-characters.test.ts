import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { countRows, forEachEngine } from '../support/databases.js';
import { ADMIN, client, sessionCookie, testApp } from './support/app.js';

/**
 * PostgreSQL refuses NUL in text and SQLite stores it; a request string holding one gets the same
 * coded 400 on both engines, before anything reaches the database.
 */
forEachEngine('server: a NUL character in a request string', (getDb, engine) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testApp(getDb(), engine.dialect);
  });
  afterAll(async () => {
    await app.close();
  });

  it('is refused at sign-in with TT_ERR_VALIDATION naming the field', async () => {
    const reply = await client(app).post('/api/auth/login', { email: 'a\u0000b', password: 'x' });
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error).toMatchObject({
      code: 'TT_ERR_VALIDATION',
      details: { field: 'email', in: 'body' },
    });
  });

  it('is refused deep inside a body, and nothing is written', async () => {
    const reply = await client(app).post('/api/setup', { ...ADMIN, workspace_name: 'Work\u0000space' });
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error).toMatchObject({
      code: 'TT_ERR_VALIDATION',
      details: { field: 'workspace_name', in: 'body' },
    });
    expect(await countRows(getDb(), 'accounts')).toBe(0);
  });

  it('is refused in a key as well as in a value, with its dotted path', async () => {
    const reply = await client(app).post('/api/setup', {
      ...ADMIN,
      workspace_name: 'W',
      extra: [{ ok: 'fine' }, { 'bad\u0000key': 1 }],
    });
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error).toMatchObject({
      code: 'TT_ERR_VALIDATION',
      details: { field: 'extra.1.bad\u0000key', reason: 'text may not hold a NUL character' },
    });
  });

  it('lets an escaped backslash before "u0000" through: that is no NUL', async () => {
    const reply = await client(app).post('/api/auth/login', {
      email: 'a\\u0000b@example.org',
      password: 'x',
    });
    expect(reply.statusCode).toBe(401);
  });

  it('in a path parameter is a coded 4xx on both engines, never a 500', async () => {
    const setup = await client(app).post('/api/setup', { ...ADMIN, workspace_name: 'Ours' });
    expect(setup.statusCode).toBe(201);
    const admin = client(app, { cookie: sessionCookie(setup) });
    // A token's name is free text that reaches the database as it is: PostgreSQL refuses it (400 through
    // the engine adapter), SQLite finds no such token (404).
    const reply = await admin.delete('/api/auth/tokens/a%00b');
    expect(reply.statusCode).toBe(engine.dialect === 'postgres' ? 400 : 404);
    expect(reply.json().error.code).toBe(
      engine.dialect === 'postgres' ? 'TT_ERR_VALIDATION' : 'TT_ERR_NOT_FOUND',
    );
  });
});
