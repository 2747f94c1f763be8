import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { buildApp } from '../../../src/server/app.js';
import { createVaultKeys, type VaultKeys } from '../../../src/security/vault.js';
import type { Database } from '../../../src/store/schema.js';
import type { DialectName } from '../../../src/store/database.js';

export const ADMIN = {
  email: 'admin@example.org',
  display_name: 'Admin',
  password: 'correct horse battery staple',
};

/** The app on a test database, with a fresh master key; every answer is checked against its route's schema. */
export async function testApp(
  db: Kysely<Database>,
  dialect: DialectName,
  settings: Parameters<typeof buildApp>[0]['settings'] = {},
  keys: VaultKeys = testKeys(),
): Promise<FastifyInstance> {
  return buildApp({ store: { db, dialect }, keys, settings: { checkResponses: true, ...settings } });
}

/** The value of the tt_session cookie a reply sets. */
export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'tt_session');
  if (!cookie) throw new Error(`no session cookie in ${response.statusCode} ${response.body}`);
  return cookie.value;
}

/** A client that sends JSON with a session cookie or a bearer token. */
export function client(app: FastifyInstance, credential?: { cookie?: string; token?: string }) {
  const headers = (): Record<string, string> => ({
    ...(credential?.cookie ? { cookie: `tt_session=${credential.cookie}` } : {}),
    ...(credential?.token ? { authorization: `Bearer ${credential.token}` } : {}),
  });
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
    app.inject({
      method,
      url,
      headers: {
        ...headers(),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
  return {
    get: (url: string) => send('GET', url),
    post: (url: string, body: unknown = {}) => send('POST', url, body),
    patch: (url: string, body: unknown) => send('PATCH', url, body),
    put: (url: string, body: unknown) => send('PUT', url, body),
    delete: (url: string) => send('DELETE', url),
    send,
  };
}

/** A fresh vault key ring (random master key) for an app and the services a test calls directly. */
export function testKeys(): VaultKeys {
  return createVaultKeys(randomBytes(32));
}
