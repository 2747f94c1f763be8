import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect } from 'vitest';
import { systemAuth } from '../../../src/security/auth.js';
import { createApiToken } from '../../../src/security/sessions.js';
import type { VaultKeys } from '../../../src/security/vault.js';
import type { Database } from '../../../src/store/schema.js';
import { countRows, type EngineContext } from '../../support/databases.js';
import { recordTables } from '../../support/records.js';
import { ADMIN, client, sessionCookie, testApp, testKeys } from './app.js';

/** The initiative roles a resource test signs in as (plus the workspace administrator). */
export const ROLES = ['convener', 'facilitator', 'participant', 'researcher', 'funder'] as const;
export type Role = (typeof ROLES)[number];
export type Client = ReturnType<typeof client>;

/** The body of a reply that must have succeeded with `status`; otherwise the test fails showing it. */
export function ok<T = Record<string, unknown>>(reply: LightMyRequestResponse, status = 200): T {
  expect(reply.statusCode, `${reply.statusCode} ${reply.body.slice(0, 400)}`).toBe(status);
  return (reply.body === '' ? undefined : reply.json()) as T;
}

/** The coded error of a refused reply, checking its status. */
export function refused(reply: LightMyRequestResponse, status: number): string {
  expect(reply.statusCode, reply.body.slice(0, 400)).toBe(status);
  return (reply.json() as { error: { code: string } }).error.code;
}

/** Row counts of every record table and of the audit log: "nothing written" is "these did not change". */
export async function rowCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of recordTables) counts[table] = await countRows(db, table);
  return counts;
}

export interface World {
  /** The app and its keys, for a test that signs in a role of its own. */
  app: FastifyInstance;
  keys: VaultKeys;
  admin: Client;
  /** The administrator's session cookie, for hand-made requests. */
  adminCookie: string;
  as: Record<Role, Client>;
  anonymous: Client;
  accountIds: Record<Role, string>;
  workspaceId: string;
  conflictId: string;
  divideId: string;
  groupIds: [string, string];
  initiativeId: string;
}

const PASSWORD = 'resource tests passphrase 77';

/**
 * A small world made through the API itself: first-run setup (the administrator and a workspace), a
 * conflict with one divide of two groups, an initiative, and one account per initiative role (with a token).
 */
export async function buildWorld(
  app: FastifyInstance,
  db: Kysely<Database>,
  keys: VaultKeys,
): Promise<World> {
  const setup = await client(app).post('/api/setup', { ...ADMIN, workspace_name: 'Resource tests' });
  const { workspace } = ok<{ workspace: { id: string } }>(setup, 201);
  const adminCookie = sessionCookie(setup);
  const admin = client(app, { cookie: adminCookie });
  const conflict = ok<{ id: string; divides: { id: string; groups: { id: string }[] }[] }>(
    await admin.post('/api/conflicts', {
      workspace_id: workspace.id,
      name: 'Valley dispute',
      divides: [{ name: 'Community', groups: [{ name: 'Upstream' }, { name: 'Downstream' }] }],
    }),
    201,
  );
  const initiative = ok<{ id: string }>(
    await admin.post('/api/initiatives', {
      workspace_id: workspace.id,
      conflict_id: conflict.id,
      name: 'Water dialogue',
      status: 'active',
    }),
    201,
  );
  const as = {} as Record<Role, Client>;
  const accountIds = {} as Record<Role, string>;
  for (const role of ROLES) {
    const email = `${role}@resources.example.org`;
    const made = ok<{ account: { id: string } }>(
      await admin.post('/api/accounts', { email, display_name: role, password: PASSWORD }),
      201,
    );
    accountIds[role] = made.account.id;
    ok(await admin.post(`/api/initiatives/${initiative.id}/members`, { email, role }), 202);
    // A token per role (not a password sign-in each: scrypt is slow, and sign-in has its own tests).
    const token = await db.transaction().execute((trx) =>
      createApiToken(trx, keys, systemAuth('resource tests'), {
        accountId: made.account.id,
        name: 'tests',
      }),
    );
    as[role] = client(app, { token: token.token });
  }
  const divide = conflict.divides[0];
  return {
    app,
    keys,
    admin,
    adminCookie,
    as,
    anonymous: client(app),
    accountIds,
    workspaceId: workspace.id,
    conflictId: conflict.id,
    divideId: divide.id,
    groupIds: [divide.groups[0].id, divide.groups[1].id],
    initiativeId: initiative.id,
  };
}

/** A person actor made by the administrator, with an identity when names are given. */
export async function makeActor(
  world: World,
  fields: Record<string, unknown> = {},
  names?: string[],
): Promise<{ id: string; pseudonym: string }> {
  return ok(
    await world.admin.post('/api/actors', {
      workspace_id: world.workspaceId,
      conflict_id: world.conflictId,
      role: 'elder',
      track: '2',
      gender: 'woman',
      ...fields,
      ...(names ? { identity: { names, contacts: [], notes: '' } } : {}),
    }),
    201,
  );
}

/**
 * The app and its world for the tests of one describe block: built before them (before the block's own
 * `beforeAll`s that come after this call), the app closed after them. The world is filled in by then.
 */
export function worldOfBlock(getDb: () => Kysely<Database>, engine: EngineContext, keys?: VaultKeys): World {
  const world = {} as World;
  let app: FastifyInstance | undefined;
  const appKeys = keys ?? testKeys();
  beforeAll(async () => {
    app = await testApp(getDb(), engine.dialect, {}, appKeys);
    Object.assign(world, await buildWorld(app, getDb(), appKeys));
  });
  afterAll(async () => {
    await app?.close();
  });
  return world;
}
