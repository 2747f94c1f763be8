import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { TrackTwoError } from '../../src/domain/errors.js';
import { violationOf } from '../../src/store/engine/index.js';
import { mapStoreErrors, toTrackTwoError } from '../../src/store/errors.js';
import { createActor, getActor } from '../../src/store/repositories/actors.js';
import { createInitiative } from '../../src/store/repositories/initiatives.js';
import { createWorkspace, getWorkspace, listWorkspaces } from '../../src/store/repositories/workspaces.js';
import { countRows, forEachEngine } from '../support/databases.js';
import { makeSetting } from './fixtures.js';

async function codeOf(work: Promise<unknown>): Promise<string | undefined> {
  try {
    await work;
    return undefined;
  } catch (error) {
    return error instanceof TrackTwoError ? error.code : `uncoded: ${(error as Error).message}`;
  }
}

forEachEngine('store errors and transactions', (getDb) => {
  it('maps a unique violation to TT_ERR_CONFLICT', async () => {
    const workspace = await createWorkspace(getDb(), { name: 'Unique' });
    expect(await codeOf(createWorkspace(getDb(), { id: workspace.id, name: 'Again' }))).toBe(
      'TT_ERR_CONFLICT',
    );
  });

  it('maps a missing referenced record to TT_ERR_VALIDATION', async () => {
    const insert = mapStoreErrors(
      () =>
        getDb()
          .insertInto('conflicts')
          .values({
            id: 'c-missing-ws',
            workspace_id: 'nope',
            name: 'x',
            created_at: new Date().toISOString(),
          })
          .execute(),
      { record: 'conflict' },
    );
    expect(await codeOf(insert)).toBe('TT_ERR_VALIDATION');
  });

  it('maps a CHECK violation to TT_ERR_VALIDATION', async () => {
    const setting = await makeSetting(getDb(), 'Check');
    const insert = createActor(getDb(), {
      workspace_id: setting.workspace.id,
      conflict_id: setting.conflict.id,
      kind: 'person',
      role: 'king' as never,
      track: '2',
      gender: 'man',
    });
    expect(await codeOf(insert)).toBe('TT_ERR_VALIDATION');
  });

  it('maps deleting a still-referenced record to TT_ERR_CONFLICT when asked', async () => {
    const setting = await makeSetting(getDb(), 'Referenced');
    await createInitiative(getDb(), {
      workspace_id: setting.workspace.id,
      conflict_id: setting.conflict.id,
      name: 'I',
    });
    const remove = mapStoreErrors(
      () => getDb().deleteFrom('conflicts').where('id', '=', setting.conflict.id).execute(),
      { record: 'conflict', foreignKey: 'TT_ERR_CONFLICT' },
    );
    expect(await codeOf(remove)).toBe('TT_ERR_CONFLICT');
  });

  it('rolls back every write of a transaction that throws', async () => {
    const before = await countRows(getDb(), 'workspaces');
    let workspaceId = '';
    let actorId = '';
    await expect(
      getDb()
        .transaction()
        .execute(async (trx) => {
          const setting = await makeSetting(trx, 'Rollback');
          workspaceId = setting.workspace.id;
          const actor = await createActor(trx, {
            workspace_id: setting.workspace.id,
            conflict_id: setting.conflict.id,
            kind: 'organisation',
            role: 'non_state_representative',
            track: '2',
            gender: null,
          });
          actorId = actor.id;
          throw new Error('boom');
        }),
    ).rejects.toThrow('boom');
    expect(workspaceId).not.toBe('');
    expect(await getWorkspace(getDb(), workspaceId)).toBeUndefined();
    expect(await getActor(getDb(), actorId)).toBeUndefined();
    expect(await countRows(getDb(), 'workspaces')).toBe(before);
  });

  it('rolls back a transaction whose later write breaks a constraint', async () => {
    const before = (await listWorkspaces(getDb())).length;
    const code = await codeOf(
      getDb()
        .transaction()
        .execute(async (trx) => {
          const first = await createWorkspace(trx, { name: 'First in trx' });
          await createWorkspace(trx, { id: first.id, name: 'Duplicate in trx' });
        }),
    );
    expect(code).toBe('TT_ERR_CONFLICT');
    expect((await listWorkspaces(getDb())).length).toBe(before);
    // The connection is usable after the failed transaction (PostgreSQL aborts the transaction, not the pool).
    expect((await sql<{ one: number }>`select 1 as one`.execute(getDb())).rows[0].one).toBe(1);
  });
});

describe('violationOf', () => {
  it('reads both engines and ignores other errors', () => {
    expect(
      violationOf({ code: 'SQLITE_CONSTRAINT_UNIQUE', message: 'UNIQUE constraint failed: a.b' }),
    ).toEqual({
      kind: 'unique',
      constraint: 'a.b',
    });
    expect(
      violationOf({
        code: '23503',
        message: 'update or delete on table "x" violates foreign key',
        constraint: 'fk',
      }),
    ).toEqual({ kind: 'foreign_key', constraint: 'fk', stillReferenced: true });
    expect(violationOf(new Error('plain'))).toBeUndefined();
    const plain = new Error('plain');
    expect(toTrackTwoError(plain)).toBe(plain);
  });
});
