import { beforeAll, expect, it } from 'vitest';
import { forEachEngine } from '../support/databases.js';

import { worldOfBlock, makeActor, ok, refused, rowCounts } from './support/resources.js';

interface TieBody {
  id: string;
  kind: string;
  strength: number;
  directed: boolean;
  source_actor_id: string;
  target_actor_id: string;
  valid_from: string | null;
  valid_to: string | null;
}

forEachEngine('resources: ties', (getDb, engine) => {
  const world = worldOfBlock(getDb, engine);
  let a: string, b: string, c: string;
  beforeAll(async () => {
    [a, b, c] = (await Promise.all([makeActor(world), makeActor(world), makeActor(world)])).map((x) => x.id);
  });

  const tie = (fields: Record<string, unknown>) => ({
    workspace_id: world.workspaceId,
    conflict_id: world.conflictId,
    source_actor_id: a,
    target_actor_id: b,
    kind: 'trusts',
    ...fields,
  });

  it('creates, reads, lists with filters, changes and deletes a tie', async () => {
    const before = await rowCounts(getDb());
    const trusts = ok<TieBody>(
      await world.as.facilitator.post(
        '/api/ties',
        tie({ directed: true, strength: 4, valid_from: '2020-01-01' }),
      ),
      201,
    );
    expect(trusts).toMatchObject({ kind: 'trusts', directed: true, strength: 4, source: 'reported' });
    const knows = ok<TieBody>(
      await world.as.convener.post(
        '/api/ties',
        tie({ source_actor_id: b, target_actor_id: c, kind: 'knows' }),
      ),
      201,
    );
    expect(ok(await world.as.researcher.get(`/api/ties/${trusts.id}`))).toMatchObject({ id: trusts.id });

    const list = async (query: string) =>
      ok<{ items: TieBody[]; total: number }>(
        await world.as.researcher.get(`/api/conflicts/${world.conflictId}/ties?${query}`),
      )
        .items.map((t) => t.id)
        .sort();
    expect(await list('')).toEqual([trusts.id, knows.id].sort());
    expect(await list('kind=knows')).toEqual([knows.id]);
    expect(await list(`actor_id=${a}`)).toEqual([trusts.id]);
    expect(await list('min_strength=3')).toEqual([trusts.id]);
    expect(await list('as_of=2019-06-01')).toEqual([knows.id]);

    const changed = ok<TieBody>(
      await world.as.convener.patch(`/api/ties/${trusts.id}`, { strength: 5, valid_to: '2023-12-31' }),
    );
    expect(changed).toMatchObject({ strength: 5, valid_from: '2020-01-01', valid_to: '2023-12-31' });
    // A patch in order by itself that would end the stored range before it starts.
    const backwards = await world.as.convener.patch(`/api/ties/${trusts.id}`, { valid_to: '2019-12-31' });
    expect(refused(backwards, 400)).toBe('TT_ERR_VALIDATION');
    expect(backwards.json().error.details).toMatchObject({
      field: 'valid_to',
      reason: 'valid_to must be on or after valid_from',
    });
    ok(await world.as.facilitator.delete(`/api/ties/${knows.id}`), 204);
    expect(refused(await world.as.researcher.get(`/api/ties/${knows.id}`), 404)).toBe('TT_ERR_NOT_FOUND');

    const after = await rowCounts(getDb());
    expect(after.ties - before.ties).toBe(1);
    expect(after.audit_log - before.audit_log).toBe(4);
  });

  it('refuses bad ties and writes by roles without ties.write, writing nothing', async () => {
    const elsewhere = ok<{ id: string }>(
      await world.admin.post('/api/conflicts', { workspace_id: world.workspaceId, name: 'Elsewhere' }),
      201,
    );
    const stranger = await makeActor(world, { conflict_id: elsewhere.id });
    const before = await rowCounts(getDb());
    const bad = async (body: unknown, status = 400) =>
      refused(await world.admin.post('/api/ties', body), status);
    expect(await bad(tie({ target_actor_id: a }))).toBe('TT_ERR_VALIDATION');
    expect(await bad(tie({ strength: 6 }))).toBe('TT_ERR_VALIDATION');
    expect(await bad(tie({ confidence: 1.5 }))).toBe('TT_ERR_VALIDATION');
    expect(await bad(tie({ kind: 'loves' }))).toBe('TT_ERR_VALIDATION');
    expect(await bad(tie({ valid_from: '2024-01-01', valid_to: '2023-01-01' }))).toBe('TT_ERR_VALIDATION');
    expect(await bad(tie({ target_actor_id: '00000000-0000-4000-8000-000000000000' }))).toBe(
      'TT_ERR_VALIDATION',
    );
    // An actor of another conflict, even of the same workspace, is no end of this conflict's ties.
    const across = await world.admin.post('/api/ties', tie({ target_actor_id: stranger.id }));
    expect(refused(across, 400)).toBe('TT_ERR_VALIDATION');
    expect(across.json().error.details).toMatchObject({ field: 'target_actor_id' });
    for (const role of ['researcher', 'participant', 'funder'] as const) {
      expect(refused(await world.as[role].post('/api/ties', tie({})), 403)).toBe('TT_ERR_FORBIDDEN');
    }
    expect(await rowCounts(getDb())).toEqual(before);
  });
});
