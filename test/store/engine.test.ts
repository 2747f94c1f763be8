import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { TrackTwoError } from '../../src/domain/errors.js';
import { toTrackTwoError as httpErrorOf } from '../../src/server/error-handler.js';
import { engineNamed, engineOf, lockFirstRun, violationOf } from '../../src/store/engine/index.js';
import { toTrackTwoError } from '../../src/store/errors.js';
import type { Database } from '../../src/store/schema.js';
import { forEachEngine } from '../support/databases.js';
import { makeSetting } from './fixtures.js';

/** The driver's own error of `work`, before any mapping. */
async function driverError(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('the statement was expected to fail');
}

/** A coded error without the constraint name, the one part that is each engine's own. */
function portable(error: unknown): { code: string; details: Record<string, unknown> } {
  if (!(error instanceof TrackTwoError)) throw new Error(`not coded: ${String(error)}`);
  const { constraint, ...details } = { ...error.details } as Record<string, unknown>;
  expect(typeof constraint === 'string' || constraint === undefined).toBe(true);
  return { code: error.code, details };
}

const now = () => new Date().toISOString();

function insertWorkspace(db: Kysely<Database>, id: string) {
  return db
    .insertInto('workspaces')
    .values({ id, name: `Workspace ${id}`, created_at: now() })
    .execute();
}

forEachEngine('store engine adapter', (getDb, engine) => {
  it('is found from the database and from its transactions', async () => {
    expect(engineOf(getDb()).name).toBe(engine.dialect);
    expect(engineOf(getDb())).toBe(engineNamed(engine.dialect));
    await getDb()
      .transaction()
      .execute(async (trx) => {
        expect(engineOf(trx).name).toBe(engine.dialect);
      });
  });

  it('maps a unique violation to the same coded error as the other engine', async () => {
    await insertWorkspace(getDb(), 'ws-unique');
    const raw = await driverError(() => insertWorkspace(getDb(), 'ws-unique'));
    expect(violationOf(raw)?.kind).toBe('unique');
    expect(portable(toTrackTwoError(raw, { record: 'workspace' }))).toEqual({
      code: 'TT_ERR_CONFLICT',
      details: { reason: expect.stringMatching(/^this workspace already exists \(.+\)$/) },
    });
  });

  it('maps a foreign-key violation to the same coded error as the other engine', async () => {
    const raw = await driverError(() =>
      getDb()
        .insertInto('conflicts')
        .values({ id: 'c-orphan', workspace_id: 'no-such-workspace', name: 'x', created_at: now() })
        .execute(),
    );
    expect(violationOf(raw)?.kind).toBe('foreign_key');
    expect(portable(toTrackTwoError(raw, { record: 'conflict' }))).toEqual({
      code: 'TT_ERR_VALIDATION',
      details: { reason: 'the conflict refers to a record that does not exist' },
    });
  });

  it('maps a check violation to the same coded error as the other engine', async () => {
    const setting = await makeSetting(getDb(), 'Check');
    const raw = await driverError(() =>
      getDb()
        .insertInto('actors')
        .values({
          id: 'a-bad-role',
          workspace_id: setting.workspace.id,
          conflict_id: setting.conflict.id,
          pseudonym: 'A-1',
          kind: 'person',
          role: 'king',
          track: '2',
          gender: 'man',
          created_at: now(),
          updated_at: now(),
        } as never)
        .execute(),
    );
    expect(violationOf(raw)?.kind).toBe('check');
    expect(portable(toTrackTwoError(raw, { record: 'actor' }))).toEqual({
      code: 'TT_ERR_VALIDATION',
      details: { reason: expect.stringMatching(/^a value of the actor is out of range or missing/) },
    });
  });

  it('gives the server the same mapping for a violation no repository caught', async () => {
    await insertWorkspace(getDb(), 'ws-raced');
    const unique = await driverError(() => insertWorkspace(getDb(), 'ws-raced'));
    const orphan = await driverError(() =>
      getDb()
        .insertInto('conflicts')
        .values({ id: 'c-raced', workspace_id: 'gone', name: 'x', created_at: now() })
        .execute(),
    );
    for (const raw of [unique, orphan]) {
      const served = httpErrorOf(raw);
      expect(served).toEqual(toTrackTwoError(raw));
      expect(served.status).toBeLessThan(500);
    }
  });

  it('refuses a NUL character in text with a coded error, or stores it unchanged', async () => {
    const work = () => insertWorkspace(getDb(), 'ws-a\u0000b');
    if (engine.dialect === 'postgres') {
      const raw = await driverError(work);
      expect(violationOf(raw)?.kind).toBe('unstorable_text');
      expect(httpErrorOf(raw)).toMatchObject({ code: 'TT_ERR_VALIDATION', status: 400 });
    } else {
      await work();
      const { rows } = await sql<{
        n: number;
      }>`select count(*) as n from workspaces where id = ${'ws-a\u0000b'}`.execute(getDb());
      expect(Number(rows[0].n)).toBe(1);
    }
  });

  it('holds the first-run lock only inside a transaction', async () => {
    await expect(lockFirstRun(getDb())).rejects.toThrow('inside the setup transaction');
  });
});
