import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { createAccount, grantMembership } from '../../src/security/accounts.js';
import { systemAuth } from '../../src/security/auth.js';
import { createApiToken } from '../../src/security/sessions.js';
import type { VaultKeys } from '../../src/security/vault.js';
import * as conflicts from '../../src/services/conflicts.js';
import { actingAs, type ServiceContext } from '../../src/services/context.js';
import * as initiatives from '../../src/services/initiatives.js';
import * as meetings from '../../src/services/meetings.js';
import * as workspaces from '../../src/services/workspaces.js';
import type { Database } from '../../src/store/schema.js';

export const roles = ['convener', 'facilitator', 'participant', 'researcher', 'funder', 'outsider'] as const;
export type Role = (typeof roles)[number];

/**
 * A workspace with a conflict of three sides, an initiative, an open and a Chatham House meeting, and
 * one account (with an API token) per initiative role, plus an outsider with a role in another initiative.
 */
export async function dialogueWorld(db: Kysely<Database>, dialect: 'sqlite' | 'postgres', keys: VaultKeys) {
  const ctx: ServiceContext = { db, dialect, keys, auth: null };
  const system = actingAs(ctx, systemAuth('dialogue test fixture'));
  const W = await workspaces.createWorkspace(system, {
    name: 'Dialogue workspace',
    description: '',
    is_demo: false,
  });
  const conflict = await conflicts.createConflict(system, {
    workspace_id: W.id,
    name: 'Three-sided conflict',
    description: '',
    started_on: null,
    ended_on: null,
    divides: [
      {
        name: 'Community',
        groups: [
          { name: 'Highlanders', color: null },
          { name: 'Coast', color: null },
          { name: 'Plains', color: null },
        ],
      },
    ],
  });
  const initiative = (name: string) =>
    initiatives.createInitiative(system, {
      workspace_id: W.id,
      conflict_id: conflict.id,
      name,
      aims: '',
      status: 'active',
      started_on: null,
      ended_on: null,
      funding_needed: null,
      funding_pledged: null,
      inclusion_target_women: null,
      actors: [],
    });
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
      const account = await createAccount(trx, sys, {
        email: `${role}@example.org`,
        displayName: role,
        password: 'dialogue passphrase 1234',
      });
      await grantMembership(trx, sys, {
        accountId: account.id,
        initiativeId: role === 'outsider' ? other.id : I.id,
        role: role === 'outsider' ? 'participant' : role,
      });
      tokens[role] = (
        await createApiToken(trx, { accountId: account.id }, { accountId: account.id, name: 'test' })
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
export async function dialogueSnapshot(db: Kysely<Database>): Promise<string> {
  const parts: string[] = [];
  for (const table of [
    'dialogues',
    'dialogue_participants',
    'dialogue_statements',
    'dialogue_votes',
    'dialogue_vote_requests',
  ] as const) {
    const rows = await db.selectFrom(table).selectAll().execute();
    parts.push(
      `${table}:${rows
        .map((row) => JSON.stringify(row))
        .sort()
        .join('\n')}`,
    );
  }
  return parts.join('\n#\n');
}
