import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { GroundRule } from '../../src/domain/vocabulary.js';
import { hashPassword } from '../../src/security/passwords.js';
import type { Database } from '../../src/store/schema.js';

const NOW = '2026-01-15T10:00:00.000Z';

/** A workspace with one conflict, for tests that need rows to point at. */
export async function makeWorkspace(db: Kysely<Database>, name = 'Test workspace') {
  const workspaceId = randomUUID();
  await db.insertInto('workspaces').values({ id: workspaceId, name, created_at: NOW }).execute();
  const conflictId = await makeConflict(db, workspaceId, 'Conflict');
  return { workspaceId, conflictId };
}

export async function makeConflict(
  db: Kysely<Database>,
  workspaceId: string,
  name = 'Another conflict',
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('conflicts')
    .values({
      id,
      workspace_id: workspaceId,
      name,
      started_on: null,
      ended_on: null,
      created_at: NOW,
    })
    .execute();
  return id;
}

export async function makeInitiative(
  db: Kysely<Database>,
  workspaceId: string,
  conflictId: string,
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('initiatives')
    .values({
      id,
      workspace_id: workspaceId,
      conflict_id: conflictId,
      name: 'Initiative',
      status: 'active',
      started_on: null,
      ended_on: null,
      funding_needed: null,
      funding_pledged: null,
      inclusion_target_women: null,
      created_at: NOW,
    })
    .execute();
  return id;
}

export async function makeMeeting(
  db: Kysely<Database>,
  initiativeId: string,
  groundRule: GroundRule,
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('meetings')
    .values({
      id,
      initiative_id: initiativeId,
      title: 'Round',
      held_on: '2026-01-10',
      place: 'Region',
      ground_rule: groundRule,
      status: 'held',
      created_at: NOW,
    })
    .execute();
  return id;
}

export async function makeActor(
  db: Kysely<Database>,
  workspaceId: string,
  conflictId: string,
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('actors')
    .values({
      id,
      workspace_id: workspaceId,
      conflict_id: conflictId,
      pseudonym: `A-${randomBytes(4).toString('hex').toUpperCase()}`,
      kind: 'person',
      role: 'elder',
      track: '2',
      gender: 'woman',
      region: null,
      created_at: NOW,
      updated_at: NOW,
      erased_at: null,
    })
    .execute();
  return id;
}

/** The password of every account makeAccount makes. */
export const SHARED_PASSWORD = 'correct horse battery staple';
let sharedHash: Promise<string> | undefined;

/** An account row (one scrypt hash shared by all of them: hashing is slow on purpose). */
export async function makeAccount(
  db: Kysely<Database>,
  email = `${randomUUID()}@example.org`,
): Promise<string> {
  sharedHash ??= hashPassword(SHARED_PASSWORD);
  const id = randomUUID();
  await db
    .insertInto('accounts')
    .values({
      id,
      email,
      display_name: 'Someone',
      password_hash: await sharedHash,
      created_at: NOW,
      disabled_at: null,
    })
    .execute();
  return id;
}
