import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { createAccount, grantMembership } from '../../src/security/accounts.js';
import { systemAuth } from '../../src/security/auth.js';
import { createApiToken } from '../../src/security/sessions.js';
import type { VaultKeys } from '../../src/security/vault.js';
import { actingAs, type ServiceContext } from '../../src/services/context.js';
import * as meetings from '../../src/services/initiatives/index.js';
import type { Database } from '../../src/store/schema.js';
import type { EngineContext } from '../support/databases.js';
import {
  createTestConflict,
  createTestInitiative,
  createTestWorkspace,
  tablesSnapshot,
} from '../support/records.js';
import { testApp, testKeys } from '../server/support/app.js';

export const roles = ['convener', 'facilitator', 'participant', 'researcher', 'funder', 'outsider'] as const;
export type Role = (typeof roles)[number];

/**
 * A workspace with a conflict of three sides, an initiative, an open and a Chatham House meeting, and
 * one account (with an API token) per initiative role, plus an outsider with a role in another initiative.
 */
export async function dialogueWorld(db: Kysely<Database>, dialect: 'sqlite' | 'postgres', keys: VaultKeys) {
  const ctx: ServiceContext = { db, dialect, keys, auth: null };
  const system = actingAs(ctx, systemAuth('dialogue test fixture'));
  const W = await createTestWorkspace(system, 'Dialogue workspace');
  const conflict = await createTestConflict(system, W.id, 'Three-sided conflict', {
    name: 'Community',
    groups: ['Highlanders', 'Coast', 'Plains'],
  });
  const initiative = (name: string) => createTestInitiative(system, W.id, conflict.id, name);
  const I = await initiative('Dialogue initiative');
  const other = await initiative('Other initiative');
  const meeting = (groundRule: 'open' | 'chatham_house') =>
    meetings.createMeeting(system, {
      initiative_id: I.id,
      title: `Round (${groundRule})`,
      held_on: '2025-03-01',
      place: 'Neutral city',
      ground_rule: groundRule,
      status: 'held',
    });
  const openMeeting = await meeting('open');
  const chathamMeeting = await meeting('chatham_house');
  const tokens = {} as Record<Role, string>;
  await db.transaction().execute(async (trx) => {
    const sys = systemAuth('fixture');
    for (const role of roles) {
      const account = await createAccount(trx, keys, sys, {
        email: `${role}@example.org`,
        displayName: role,
        password: 'dialogue passphrase 1234',
      });
      await grantMembership(trx, keys, sys, {
        accountId: account.id,
        initiativeId: role === 'outsider' ? other.id : I.id,
        role: role === 'outsider' ? 'participant' : role,
      });
      tokens[role] = (
        await createApiToken(trx, keys, { accountId: account.id }, { accountId: account.id, name: 'test' })
      ).token;
    }
  });
  const divide = conflict.divides[0];
  return {
    ctx,
    system,
    workspaceId: W.id,
    initiativeId: I.id,
    otherInitiativeId: other.id,
    divideId: divide.id,
    groupIds: divide.groups.map((g) => g.id),
    openMeetingId: openMeeting.id,
    chathamMeetingId: chathamMeeting.id,
    tokens,
  };
}

export type DialogueWorld = Awaited<ReturnType<typeof dialogueWorld>>;

/** JSON requests as an account (API token) or as a participant (dialogue token). */
export function caller(app: FastifyInstance, credential: { bearer?: string; participant?: string } = {}) {
  return (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, body?: unknown) =>
    app.inject({
      method,
      url,
      headers: {
        ...(credential.bearer ? { authorization: `Bearer ${credential.bearer}` } : {}),
        ...(credential.participant ? { 'x-participant-token': credential.participant } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
}

/** Every row of the dialogue tables, to show a refused request changed nothing. */
export function dialogueSnapshot(db: Kysely<Database>): Promise<string> {
  return tablesSnapshot(db, [
    'dialogues',
    'dialogue_participants',
    'dialogue_statements',
    'dialogue_votes',
    'dialogue_vote_requests',
  ]);
}

/**
 * The app and the dialogue world for the tests of one describe block: built before them, the app closed
 * after them. The world (with its app) is filled in by the time a test runs.
 */
export function dialogueWorldOfBlock(
  getDb: () => Kysely<Database>,
  engine: EngineContext,
): DialogueWorld & { app: FastifyInstance } {
  const world = {} as DialogueWorld & { app: FastifyInstance };
  beforeAll(async () => {
    const keys = testKeys();
    world.app = await testApp(getDb(), engine.dialect, {}, keys);
    Object.assign(world, await dialogueWorld(getDb(), engine.dialect, keys));
  });
  afterAll(async () => {
    await world.app?.close();
  });
  return world;
}
