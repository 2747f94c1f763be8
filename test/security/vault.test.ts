import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createVaultKeys,
  eraseIdentity,
  getIdentities,
  getIdentity,
  purgeErasedResidue,
  putIdentity,
  searchByName,
} from '../../src/security/vault.js';
import { forEachEngine } from '../support/databases.js';
import { makeActor, makeWorkspace } from './fixtures.js';

const master = randomBytes(32);

const amina = {
  names: ['Amina Wärsame-Dualeh', 'Umm Khalid'],
  contacts: [{ kind: 'phone' as const, value: '+252 61 555 0199' }],
  notes: 'Prefers meetings in Hargeisa-Qorraxley market; met the Zorvani delegation in 2024.',
};

function sqliteBytes(url: string): Buffer {
  const path = url.replace(/^sqlite:/, '');
  const parts = [path, `${path}-wal`].filter((file) => existsSync(file)).map((file) => readFileSync(file));
  return Buffer.concat(parts);
}

forEachEngine('identity vault', (getDb, engine) => {
  const keys = createVaultKeys(master);
  let workspaceId: string;
  let conflictId: string;

  beforeAll(async () => {
    ({ workspaceId, conflictId } = await makeWorkspace(getDb()));
  });

  it('gives back the identity it stored, and replaces it', async () => {
    const actorId = await makeActor(getDb(), workspaceId, conflictId);
    await getDb()
      .transaction()
      .execute((trx) => putIdentity(trx, keys, workspaceId, actorId, amina));
    expect(await getIdentity(getDb(), keys, workspaceId, actorId)).toEqual(amina);

    const renamed = { names: ['Amina Dualeh'], contacts: [], notes: '' };
    await getDb()
      .transaction()
      .execute((trx) => putIdentity(trx, keys, workspaceId, actorId, renamed));
    expect(await getIdentity(getDb(), keys, workspaceId, actorId)).toEqual(renamed);
    expect(await searchByName(getDb(), keys, workspaceId, 'Warsame')).not.toContain(actorId);
    expect(await searchByName(getDb(), keys, workspaceId, 'dualeh')).toContain(actorId);
  });

  it('reads many identities at once, each as getIdentity reads it, and skips actors without one', async () => {
    const db = getDb();
    const named = await makeActor(db, workspaceId, conflictId);
    const other = await makeActor(db, workspaceId, conflictId);
    const unnamed = await makeActor(db, workspaceId, conflictId);
    const otherIdentity = { names: ['Other Person'], contacts: [], notes: 'n' };
    await db.transaction().execute(async (trx) => {
      await putIdentity(trx, keys, workspaceId, named, amina);
      await putIdentity(trx, keys, workspaceId, other, otherIdentity);
    });
    const many = await getIdentities(db, keys, workspaceId, [named, other, unnamed]);
    expect([...many.keys()].sort()).toEqual([named, other].sort());
    expect(many.get(named)).toEqual(await getIdentity(db, keys, workspaceId, named));
    expect(many.get(other)).toEqual(otherIdentity);
    expect((await getIdentities(db, keys, 'another-workspace', [named])).size).toBe(0);
  });

  it('refuses a malformed identity with a coded error naming the field', async () => {
    const actorId = await makeActor(getDb(), workspaceId, conflictId);
    await expect(
      getDb()
        .transaction()
        .execute((trx) =>
          putIdentity(trx, keys, workspaceId, actorId, {
            names: ['x'],
            contacts: [{ kind: 'fax', value: '1' }],
          }),
        ),
    ).rejects.toMatchObject({ code: 'TT_ERR_VALIDATION', details: { field: 'identity.contacts.0.kind' } });
    await expect(
      getDb()
        .transaction()
        .execute((trx) => putIdentity(trx, keys, workspaceId, actorId, { names: ['x'], extra: 1 })),
    ).rejects.toMatchObject({ code: 'TT_ERR_VALIDATION' });
  });

  it('keeps no name, contact or note in plain text in the database', async () => {
    const actorId = await makeActor(getDb(), workspaceId, conflictId);
    await getDb()
      .transaction()
      .execute((trx) => putIdentity(trx, keys, workspaceId, actorId, amina));
    const secrets = ['Amina', 'Wärsame', 'Warsame', 'warsame', 'Khalid', '555 0199', 'Qorraxley', 'Zorvani'];

    const rows = [
      ...(await getDb().selectFrom('actor_identities').selectAll().execute()),
      ...(await getDb().selectFrom('actor_name_index').selectAll().execute()),
      ...(await getDb().selectFrom('workspace_keys').selectAll().execute()),
    ];
    const dump = JSON.stringify(rows);
    for (const secret of secrets) expect(dump).not.toContain(secret);
    // Neither in base64 form: the ciphertext is not a mere encoding.
    for (const secret of secrets)
      expect(dump).not.toContain(Buffer.from(secret).toString('base64').slice(0, 6));

    if (engine.dialect === 'sqlite') {
      const bytes = sqliteBytes(engine.getUrl());
      expect(bytes.length).toBeGreaterThan(0);
      for (const secret of secrets) {
        expect(bytes.includes(Buffer.from(secret, 'utf8'))).toBe(false);
        expect(bytes.includes(Buffer.from(secret, 'utf16le'))).toBe(false);
      }
    }
  });

  it('binds each box to its actor: a ciphertext copied onto another actor does not open', async () => {
    const db = getDb();
    const first = await makeActor(db, workspaceId, conflictId);
    const second = await makeActor(db, workspaceId, conflictId);
    await db.transaction().execute(async (trx) => {
      await putIdentity(trx, keys, workspaceId, first, amina);
      await putIdentity(trx, keys, workspaceId, second, { names: ['Other Person'], contacts: [], notes: '' });
    });
    const stolen = await db
      .selectFrom('actor_identities')
      .selectAll()
      .where('actor_id', '=', first)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('actor_identities')
      .set({ wrapped_data_key: stolen.wrapped_data_key, ciphertext: stolen.ciphertext })
      .where('actor_id', '=', second)
      .execute();
    await expect(getIdentity(db, keys, workspaceId, second)).rejects.toMatchObject({
      code: 'TT_ERR_IDENTITY_UNREADABLE',
    });
  });

  it('does not open under another master key', async () => {
    const actorId = await makeActor(getDb(), workspaceId, conflictId);
    await getDb()
      .transaction()
      .execute((trx) => putIdentity(trx, keys, workspaceId, actorId, amina));
    const intruder = createVaultKeys(randomBytes(32));
    await expect(getIdentity(getDb(), intruder, workspaceId, actorId)).rejects.toMatchObject({
      code: 'TT_ERR_IDENTITY_UNREADABLE',
    });
  });

  it('finds actors by any normalised name word, all words required, within the workspace only', async () => {
    const db = getDb();
    const { workspaceId: ws, conflictId: cf } = await makeWorkspace(db, 'search');
    const { workspaceId: otherWs, conflictId: otherCf } = await makeWorkspace(db, 'other');
    const a = await makeActor(db, ws, cf);
    const b = await makeActor(db, ws, cf);
    const c = await makeActor(db, otherWs, otherCf);
    await db.transaction().execute(async (trx) => {
      await putIdentity(trx, keys, ws, a, { names: ['José Ñúñez Ålvarez', 'Pepe'], contacts: [], notes: '' });
      await putIdentity(trx, keys, ws, b, { names: ['Maria Nunez'], contacts: [], notes: '' });
      await putIdentity(trx, keys, otherWs, c, { names: ['Jose Nunez'], contacts: [], notes: '' });
    });
    const find = (query: string) => searchByName(db, keys, ws, query);
    expect(await find('nunez')).toEqual([a, b].sort());
    expect(await find('JOSE  núñez')).toEqual([a]);
    expect(await find('alvarez')).toEqual([a]);
    expect(await find('pepe')).toEqual([a]);
    expect(await find('maria nunez')).toEqual([b]);
    expect(await find('maria jose')).toEqual([]);
    expect(await find('nun')).toEqual([]);
    expect(await find('  ,, ')).toEqual([]);
    expect(await searchByName(db, keys, otherWs, 'nunez')).toEqual([c]);
    const fresh = await makeWorkspace(db, 'no identities yet');
    expect(await searchByName(db, keys, fresh.workspaceId, 'nunez')).toEqual([]);
    // Searching must not create a workspace key.
    const key = await db
      .selectFrom('workspace_keys')
      .select('workspace_id')
      .where('workspace_id', '=', fresh.workspaceId)
      .execute();
    expect(key).toEqual([]);
  });

  it('erases for good: no key, no ciphertext, no index rows, and no bytes left in the files', async () => {
    const db = getDb();
    // A workspace of its own: name tokens are shared by every actor of a workspace with the same name word.
    const { workspaceId, conflictId } = await makeWorkspace(db, 'erasure');
    const actorId = await makeActor(db, workspaceId, conflictId);
    const survivor = await makeActor(db, workspaceId, conflictId);
    await db.transaction().execute(async (trx) => {
      await putIdentity(trx, keys, workspaceId, actorId, amina);
      await putIdentity(trx, keys, workspaceId, survivor, {
        names: ['Someone Else'],
        contacts: [],
        notes: '',
      });
    });
    const before = await db
      .selectFrom('actor_identities')
      .selectAll()
      .where('actor_id', '=', actorId)
      .executeTakeFirstOrThrow();
    const tokens = await db
      .selectFrom('actor_name_index')
      .select('token')
      .where('actor_id', '=', actorId)
      .execute();
    expect(tokens.length).toBeGreaterThan(0);

    const erased = await db.transaction().execute(async (trx) => {
      const done = await eraseIdentity(trx, workspaceId, actorId);
      await trx
        .updateTable('actors')
        .set({ erased_at: new Date().toISOString() })
        .where('id', '=', actorId)
        .execute();
      return done;
    });
    expect(erased).toBe(true);
    await purgeErasedResidue(db);

    expect(await getIdentity(db, keys, workspaceId, actorId)).toBeUndefined();
    expect(
      await db.selectFrom('actor_identities').selectAll().where('actor_id', '=', actorId).execute(),
    ).toEqual([]);
    expect(
      await db.selectFrom('actor_name_index').selectAll().where('actor_id', '=', actorId).execute(),
    ).toEqual([]);
    expect(await searchByName(db, keys, workspaceId, 'Umm Khalid')).toEqual([]);
    expect(await getIdentity(db, keys, workspaceId, survivor)).toMatchObject({ names: ['Someone Else'] });
    // The master key and the workspace key are still here, and still of no use for this actor.
    expect(await keys.workspaceKey(db, workspaceId, false)).toBeInstanceOf(Buffer);

    if (engine.dialect === 'sqlite') {
      const bytes = sqliteBytes(engine.getUrl());
      for (const copy of [before.wrapped_data_key, before.ciphertext, ...tokens.map((t) => t.token)]) {
        expect(bytes.includes(Buffer.from(copy.slice(0, 32), 'utf8'))).toBe(false);
      }
    }

    await expect(
      db.transaction().execute((trx) => putIdentity(trx, keys, workspaceId, actorId, amina)),
    ).rejects.toMatchObject({ code: 'TT_ERR_ACTOR_ERASED' });
  });

  it('refuses an actor of another workspace', async () => {
    const db = getDb();
    const other = await makeWorkspace(db, 'elsewhere');
    const actorId = await makeActor(db, other.workspaceId, other.conflictId);
    await expect(
      db.transaction().execute((trx) => putIdentity(trx, keys, workspaceId, actorId, amina)),
    ).rejects.toMatchObject({ code: 'TT_ERR_NOT_FOUND' });
  });
});

describe('vault keys', () => {
  it('refuses a master key of the wrong length', () => {
    expect(() => createVaultKeys(randomBytes(16))).toThrow(RangeError);
  });
});
