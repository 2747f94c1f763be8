import { expect, it } from 'vitest';
import { forEachEngine } from '../support/databases.js';

import { systemAuth } from '../../src/security/auth.js';
import { setInstanceAdminByEmail } from '../../src/services/accounts/index.js';
import { testKeys } from './support/app.js';
import { worldOfBlock, ok, refused, rowCounts } from './support/resources.js';

forEachEngine('resources: workspaces', (getDb, engine) => {
  const world = worldOfBlock(getDb, engine);

  it('lists the workspace to its administrator and to every role holder, and to nobody signed out', async () => {
    const ids = (page: { items: { id: string }[] }) => page.items.map((w) => w.id);
    expect(ids(ok(await world.admin.get('/api/workspaces')))).toEqual([world.workspaceId]);
    for (const role of ['participant', 'funder'] as const) {
      expect(ids(ok(await world.as[role].get('/api/workspaces')))).toEqual([world.workspaceId]);
      expect(ok(await world.as[role].get(`/api/workspaces/${world.workspaceId}`))).toMatchObject({
        name: 'Resource tests',
      });
    }
    expect(refused(await world.anonymous.get('/api/workspaces'), 401)).toBe('TT_ERR_UNAUTHENTICATED');
  });

  it('creates, reads, renames and deletes a workspace, auditing each write', async () => {
    const before = await rowCounts(getDb());
    // Opening a workspace is an instance right: a researcher without it is refused and nothing is written.
    expect(refused(await world.as.researcher.post('/api/workspaces', { name: 'Mine' }), 403)).toBe(
      'TT_ERR_FORBIDDEN',
    );
    expect(await rowCounts(getDb())).toEqual(before);
    await setInstanceAdminByEmail(
      { db: getDb(), dialect: engine.dialect, keys: testKeys(), auth: systemAuth('test: operator') },
      'researcher@resources.example.org',
      true,
    );
    // An instance administrator opens a workspace and becomes its administrator.
    const created = ok<{ id: string; name: string; is_demo: boolean }>(
      await world.as.researcher.post('/api/workspaces', { name: 'Research notes', description: 'Mine' }),
      201,
    );
    expect(created).toMatchObject({ name: 'Research notes', is_demo: false });
    const mine = ok<{ items: { id: string }[] }>(await world.as.researcher.get('/api/workspaces'));
    expect(mine.items.map((w) => w.id).sort()).toEqual([created.id, world.workspaceId].sort());
    // Others see nothing of it: not even that it exists.
    expect(refused(await world.as.convener.get(`/api/workspaces/${created.id}`), 404)).toBe(
      'TT_ERR_NOT_FOUND',
    );

    const renamed = ok(
      await world.as.researcher.patch(`/api/workspaces/${created.id}`, { name: 'Field notes' }),
    );
    expect(renamed).toMatchObject({ id: created.id, name: 'Field notes', description: 'Mine' });
    expect(ok(await world.as.researcher.get(`/api/workspaces/${created.id}`))).toMatchObject({
      name: 'Field notes',
    });
    ok(await world.as.researcher.delete(`/api/workspaces/${created.id}`), 204);
    expect(refused(await world.as.researcher.get(`/api/workspaces/${created.id}`), 404)).toBe(
      'TT_ERR_NOT_FOUND',
    );
    const after = await rowCounts(getDb());
    expect(after.workspaces).toBe(before.workspaces);
    // instance-admin grant, create + admin grant, update, delete
    expect(after.audit_log - before.audit_log).toBe(5);
    const actions = await getDb()
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', created.id)
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'workspace.create',
      'workspace.update',
      'workspace.delete',
    ]);
  });

  it('lets only administrators manage the workspace', async () => {
    const before = await rowCounts(getDb());
    for (const role of ['convener', 'facilitator', 'participant'] as const) {
      const patch = await world.as[role].patch(`/api/workspaces/${world.workspaceId}`, { name: 'Taken' });
      expect(refused(patch, 403)).toBe('TT_ERR_FORBIDDEN');
      expect(refused(await world.as[role].delete(`/api/workspaces/${world.workspaceId}`), 403)).toBe(
        'TT_ERR_FORBIDDEN',
      );
    }
    expect(await rowCounts(getDb())).toEqual(before);
    expect(
      ok(await world.admin.patch(`/api/workspaces/${world.workspaceId}`, { description: 'Shared' })),
    ).toMatchObject({ name: 'Resource tests', description: 'Shared' });
  });
});
