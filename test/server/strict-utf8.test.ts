import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { countRows, forEachEngine } from '../support/databases.js';
import { ADMIN, sessionCookie, testApp } from './support/app.js';

/**
 * A body must be strict UTF-8: bytes that are no UTF-8 are refused with TT_ERR_BAD_ENCODING, not turned
 * into U+FFFD (which would store, and show, text the sender never wrote). Sent over a real socket to the
 * listening app, on both engines.
 */

/** Raw byte sequences no strict UTF-8 decoder accepts. */
export const invalidUtf8 = {
  'a lone 0xff': [0xff],
  'a lone continuation byte': [0x80],
  'an overlong slash (0xc0 0xaf)': [0xc0, 0xaf],
  'an overlong three-byte NUL': [0xe0, 0x80, 0x80],
  'a high surrogate in raw bytes (U+D800)': [0xed, 0xa0, 0x80],
  'a low surrogate in raw bytes (U+DFFF)': [0xed, 0xbf, 0xbf],
  'a code point past U+10FFFF': [0xf4, 0x90, 0x80, 0x80],
  'a five-byte form': [0xf8, 0x88, 0x80, 0x80, 0x80],
  'a sequence cut short': [0xe2, 0x82],
} as const;

/** JSON text whose `field` string holds `bytes` raw, between ordinary letters. */
function jsonWithBytes(value: Record<string, string>, field: string, bytes: readonly number[]): Buffer {
  const text = JSON.stringify({ ...value, [field]: 'AB' });
  const at = text.indexOf('"AB"', text.indexOf(`"${field}"`)) + 2;
  return Buffer.concat([
    Buffer.from(text.slice(0, at), 'utf8'),
    Buffer.from(bytes),
    Buffer.from(text.slice(at), 'utf8'),
  ]);
}

forEachEngine('server: strict UTF-8 request bodies', (getDb, engine) => {
  let app: FastifyInstance;
  let base: string;
  beforeAll(async () => {
    app = await testApp(getDb(), engine.dialect);
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app.close();
  });

  const send = async (path: string, body: Buffer, headers: Record<string, string> = {}) => {
    const reply = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: new Uint8Array(body),
    });
    return { status: reply.status, json: (await reply.json()) as { error?: { code?: string } } };
  };

  it('refuses every invalid shape with a coded 400 before anything is written', async () => {
    for (const [shape, bytes] of Object.entries(invalidUtf8)) {
      const reply = await send('/api/setup', jsonWithBytes({ ...ADMIN }, 'workspace_name', bytes));
      expect(reply.status, shape).toBe(400);
      expect(reply.json.error?.code, shape).toBe('TT_ERR_BAD_ENCODING');
    }
    // Also with a charset said, and in an object key rather than a value.
    const keyed = Buffer.concat([Buffer.from('{"'), Buffer.from([0xff]), Buffer.from('":1}')]);
    const reply = await send('/api/setup', keyed, { 'content-type': 'application/json; charset=utf-8' });
    expect(reply.json.error?.code).toBe('TT_ERR_BAD_ENCODING');
    expect(await countRows(getDb(), 'accounts')).toBe(0);
    expect(await countRows(getDb(), 'workspaces')).toBe(0);
  });

  it('keeps well-formed text of every plane exactly as sent, and refuses bad bytes on a signed-in write', async () => {
    const name = 'Ṣulḥ — سلام — שלום — 平和 — 🕊️';
    const setup = await send('/api/setup', Buffer.from(JSON.stringify({ ...ADMIN, workspace_name: name })));
    expect(setup.status).toBe(201);
    const listed = await app.inject({ method: 'GET', url: '/api/workspaces', headers: {} });
    expect(listed.statusCode).toBe(401);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: ADMIN.email, password: ADMIN.password },
    });
    const cookie = `tt_session=${sessionCookie(login)}`;
    const workspaces = await app.inject({ method: 'GET', url: '/api/workspaces', headers: { cookie } });
    expect(workspaces.json().items.map((w: { name: string }) => w.name)).toEqual([name]);

    const before = await countRows(getDb(), 'workspaces');
    const audit = await countRows(getDb(), 'audit_log');
    for (const [shape, bytes] of Object.entries(invalidUtf8)) {
      const reply = await send('/api/workspaces', jsonWithBytes({}, 'name', bytes), {
        cookie,
        'sec-fetch-site': 'same-origin',
      });
      expect(reply.status, shape).toBe(400);
      expect(reply.json.error?.code, shape).toBe('TT_ERR_BAD_ENCODING');
    }
    expect(await countRows(getDb(), 'workspaces')).toBe(before);
    expect(await countRows(getDb(), 'audit_log')).toBe(audit);
    // The same request with the bytes made valid goes through: the refusals above were the encoding's.
    const fine = await send('/api/workspaces', Buffer.from(JSON.stringify({ name: 'Second' })), {
      cookie,
      'sec-fetch-site': 'same-origin',
    });
    expect(fine.status).toBe(201);
  });
});
