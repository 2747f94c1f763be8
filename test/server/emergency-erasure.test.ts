import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/security/audit.js';
import { getIdentity } from '../../src/security/vault.js';
import { forEachEngine } from '../support/databases.js';
import { testKeys } from './support/app.js';
import { makeActor, ok, refused, worldOfBlock } from './support/resources.js';

const names = {
  convener: 'Quillon Hartmere',
  attendee: 'Ysolde Brackenfell',
  other: 'Torvald Emberwick',
  bystander: 'Marisol Quenby',
};

forEachEngine('emergency erasure', (getDb, engine) => {
  const keys = testKeys();
  const world = worldOfBlock(getDb, engine, keys);

  /** Every byte of the SQLite database and its write-ahead log, as text. */
  const sqliteBytes = () => {
    const file = engine.getUrl().replace(/^sqlite:/, '');
    return readdirSync(dirname(file))
      .filter((name) => name.startsWith(basename(file)))
      .map((name) => readFileSync(join(dirname(file), name)).toString('latin1'))
      .join('\n');
  };

  it('shreds one initiative: its people’s identities, attendance and dialogue links, nothing of the others', async () => {
    const db = getDb();
    const convener = await makeActor(world, {}, [names.convener]);
    const attendee = await makeActor(world, {}, [names.attendee]);
    const other = await makeActor(world, {}, [names.other]);
    const bystander = await makeActor(world, {}, [names.bystander]);
    ok(
      await world.admin.patch(`/api/initiatives/${world.initiativeId}`, {
        actors: [{ actor_id: convener.id, capacity: 'convener' }],
      }),
    );
    const meeting = ok<{ id: string }>(
      await world.admin.post('/api/meetings', {
        initiative_id: world.initiativeId,
        title: 'First round',
        held_on: '2025-04-01',
        place: null,
        ground_rule: 'chatham_house',
        status: 'held',
      }),
      201,
    );
    ok(
      await world.admin.post(`/api/meetings/${meeting.id}/attendance`, {
        attendees: [{ actor_id: attendee.id }, { actor_id: convener.id }],
      }),
    );
    const otherInitiative = ok<{ id: string; name: string }>(
      await world.admin.post('/api/initiatives', {
        workspace_id: world.workspaceId,
        conflict_id: world.conflictId,
        name: 'Grazing council',
        status: 'active',
      }),
      201,
    );
    ok(
      await world.admin.patch(`/api/initiatives/${otherInitiative.id}`, {
        actors: [{ actor_id: other.id, capacity: 'convener' }],
      }),
    );
    const shredded = await db
      .selectFrom('actor_identities')
      .selectAll()
      .where('actor_id', 'in', [convener.id, attendee.id])
      .execute();
    expect(shredded).toHaveLength(2);
    const initiative = ok<{ name: string }>(await world.admin.get(`/api/initiatives/${world.initiativeId}`));
    const url = `/api/initiatives/${world.initiativeId}/emergency-erase`;

    // A convener of the initiative may not: only the workspace's administrators.
    expect(refused(await world.as.convener.post(url, { confirm: initiative.name }), 403)).toBe(
      'TT_ERR_FORBIDDEN',
    );
    // A wrong confirmation erases nothing.
    expect(refused(await world.admin.post(url, { confirm: 'yes' }), 400)).toBe('TT_ERR_ERASE_NOT_CONFIRMED');
    expect(await getIdentity(db, keys, world.workspaceId, convener.id)).toMatchObject({
      names: [names.convener],
    });

    const report = ok<{ identities_erased: number; attendances_deleted: number }>(
      await world.admin.post(url, { confirm: initiative.name }),
    );
    expect(report).toEqual({ identities_erased: 2, attendances_deleted: 2 });

    // Unrecoverable with the very keys the server runs with (master key included).
    expect(await getIdentity(db, keys, world.workspaceId, convener.id)).toBeUndefined();
    expect(await getIdentity(db, keys, world.workspaceId, attendee.id)).toBeUndefined();
    expect(
      await db.selectFrom('attendances').selectAll().where('meeting_id', '=', meeting.id).execute(),
    ).toEqual([]);
    const left = JSON.stringify(await db.selectFrom('actor_identities').selectAll().execute());
    for (const row of shredded) expect(left).not.toContain(row.wrapped_data_key);
    // The other initiative's people keep their identities.
    expect(await getIdentity(db, keys, world.workspaceId, other.id)).toMatchObject({ names: [names.other] });
    expect(await getIdentity(db, keys, world.workspaceId, bystander.id)).toMatchObject({
      names: [names.bystander],
    });
    if (engine.dialect === 'sqlite') {
      const bytes = sqliteBytes();
      for (const name of [names.convener, names.attendee]) expect(bytes).not.toContain(name);
      for (const row of shredded) {
        expect(bytes).not.toContain(row.wrapped_data_key);
        expect(bytes).not.toContain(row.ciphertext.slice(0, 40));
      }
    }
    // Audited by id only, and the chain still verifies.
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'initiative.emergency_erase')
      .execute();
    expect(rows.map((r) => r.record_id)).toEqual([world.initiativeId]);
    expect((await verifyAuditChain(db, keys)).ok).toBe(true);
  });

  it('shreds a whole workspace: its key, every identity and name token', async () => {
    const db = getDb();
    const workspace = ok<{ name: string }>(await world.admin.get(`/api/workspaces/${world.workspaceId}`));
    const url = `/api/workspaces/${world.workspaceId}/emergency-erase`;
    expect(refused(await world.admin.post(url, { confirm: `${workspace.name}!` }), 400)).toBe(
      'TT_ERR_ERASE_NOT_CONFIRMED',
    );
    const keyRow = await db
      .selectFrom('workspace_keys')
      .selectAll()
      .where('workspace_id', '=', world.workspaceId)
      .executeTakeFirstOrThrow();
    const report = ok<{ identities_erased: number }>(
      await world.admin.post(url, { confirm: workspace.name }),
    );
    expect(report.identities_erased).toBeGreaterThanOrEqual(2);
    for (const table of ['workspace_keys', 'actor_identities', 'actor_name_index'] as const) {
      expect(
        await db.selectFrom(table).selectAll().where('workspace_id', '=', world.workspaceId).execute(),
      ).toEqual([]);
    }
    const actors = await db
      .selectFrom('actors')
      .select('erased_at')
      .where('workspace_id', '=', world.workspaceId)
      .execute();
    expect(actors.every((a) => a.erased_at !== null)).toBe(true);
    if (engine.dialect === 'sqlite') {
      const bytes = sqliteBytes();
      expect(bytes).not.toContain(keyRow.wrapped_key);
      for (const name of [names.other, names.bystander]) expect(bytes).not.toContain(name);
    }
    expect((await verifyAuditChain(db, keys)).ok).toBe(true);
  });
});
