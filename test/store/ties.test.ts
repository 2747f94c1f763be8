import { beforeAll, expect, it } from 'vitest';
import { tieSchema } from '../../src/domain/tie.js';
import type { Actor } from '../../src/domain/actor.js';
import { createTie, deleteTie, getTie, listTies, updateTie } from '../../src/store/repositories/ties.js';
import { upsertMetTies } from '../../src/services/initiatives/attendance.js';
import { forEachEngine } from '../support/databases.js';
import { makeActor, makeSetting, type Setting } from './fixtures.js';

forEachEngine('ties', (getDb) => {
  let setting: Setting;
  let a: Actor;
  let b: Actor;
  let c: Actor;
  let d: Actor;

  beforeAll(async () => {
    setting = await makeSetting(getDb(), 'Ties');
    [a, b, c, d] = [
      await makeActor(getDb(), setting),
      await makeActor(getDb(), setting),
      await makeActor(getDb(), setting),
      await makeActor(getDb(), setting),
    ];
  });

  const base = () => ({ workspace_id: setting.workspace.id, conflict_id: setting.conflict.id });

  it('round-trips a tie with booleans and real numbers intact', async () => {
    const tie = await createTie(getDb(), {
      ...base(),
      source_actor_id: a.id,
      target_actor_id: b.id,
      kind: 'influences',
      directed: true,
      strength: 4,
      valid_from: '2021-01-01',
      valid_to: '2023-06-30',
      source: 'observed',
      confidence: 0.65,
    });
    const read = await getTie(getDb(), tie.id);
    expect(read).toEqual(tie);
    expect(tieSchema.parse(read)).toEqual(read);
    expect(read!.directed).toBe(true);
    expect(read!.confidence).toBe(0.65);

    const updated = await updateTie(getDb(), tie.id, { strength: 5, directed: false, valid_to: null });
    expect(updated).toMatchObject({ strength: 5, directed: false, valid_to: null, valid_from: '2021-01-01' });
    await expect(updateTie(getDb(), tie.id, { valid_to: '2020-01-01' })).rejects.toMatchObject({
      code: 'TT_ERR_VALIDATION',
    });
    expect(await deleteTie(getDb(), tie.id)).toBe(true);
    expect(await getTie(getDb(), tie.id)).toBeUndefined();
  });

  it('enforces the limits in the schema too', async () => {
    for (const bad of [{ strength: 6 }, { strength: 0 }, { confidence: 1.5 }]) {
      await expect(
        createTie(getDb(), {
          ...base(),
          source_actor_id: a.id,
          target_actor_id: c.id,
          kind: 'knows',
          ...bad,
        }),
      ).rejects.toMatchObject({ code: 'TT_ERR_VALIDATION' });
    }
    await expect(
      createTie(getDb(), { ...base(), source_actor_id: a.id, target_actor_id: a.id, kind: 'knows' }),
    ).rejects.toMatchObject({ code: 'TT_ERR_VALIDATION' });
  });

  it('lists by kind, actor, date as of, minimum confidence and strength', async () => {
    const s = await makeSetting(getDb(), 'Tie list');
    const [p, q, r] = [await makeActor(getDb(), s), await makeActor(getDb(), s), await makeActor(getDb(), s)];
    const scope = { workspace_id: s.workspace.id, conflict_id: s.conflict.id };
    await createTie(getDb(), {
      ...scope,
      source_actor_id: p.id,
      target_actor_id: q.id,
      kind: 'knows',
      confidence: 0.9,
    });
    await createTie(getDb(), {
      ...scope,
      source_actor_id: q.id,
      target_actor_id: r.id,
      kind: 'trusts',
      strength: 3,
      valid_from: '2022-01-01',
      valid_to: '2022-12-31',
      confidence: 0.4,
    });
    await createTie(getDb(), {
      ...scope,
      source_actor_id: r.id,
      target_actor_id: p.id,
      kind: 'hostile',
      valid_from: '2023-05-01',
    });
    const ws = s.workspace.id;
    expect((await listTies(getDb(), ws)).total).toBe(3);
    expect((await listTies(getDb(), ws, { kind: 'trusts' })).items.map((t) => t.kind)).toEqual(['trusts']);
    expect((await listTies(getDb(), ws, { actor_id: p.id })).total).toBe(2);
    expect((await listTies(getDb(), ws, { as_of: '2022-06-01' })).items.map((t) => t.kind).sort()).toEqual([
      'knows',
      'trusts',
    ]);
    expect((await listTies(getDb(), ws, { as_of: '2024-01-01' })).items.map((t) => t.kind).sort()).toEqual([
      'hostile',
      'knows',
    ]);
    expect((await listTies(getDb(), ws, { min_confidence: 0.5 })).total).toBe(2);
    expect((await listTies(getDb(), ws, { min_strength: 2 })).total).toBe(1);
    const page = await listTies(getDb(), ws, { limit: 2, offset: 2 });
    expect(page).toMatchObject({ total: 3, limit: 2, offset: 2 });
    expect(page.items).toHaveLength(1);
  });

  it('creates met ties for every pair, then strengthens them up to 5 and widens their dates', async () => {
    const meeting = { ...base(), newcomers: [a.id, b.id, c.id] };
    expect(await upsertMetTies(getDb(), { ...meeting, on: '2024-03-10' })).toEqual({
      created: 3,
      strengthened: 0,
    });
    const met = async () =>
      (await listTies(getDb(), setting.workspace.id, { kind: 'met', actor_id: a.id })).items;
    const first = await met();
    expect(first).toHaveLength(2);
    for (const tie of first) {
      expect(tie).toMatchObject({ strength: 1, source: 'meeting', directed: false, confidence: 1 });
      expect(tie.source_actor_id < tie.target_actor_id).toBe(true);
      expect([tie.valid_from, tie.valid_to]).toEqual(['2024-03-10', '2024-03-10']);
    }

    expect(await upsertMetTies(getDb(), { ...meeting, on: '2024-01-05' })).toEqual({
      created: 0,
      strengthened: 3,
    });
    expect(await upsertMetTies(getDb(), { ...meeting, on: '2024-07-20' })).toEqual({
      created: 0,
      strengthened: 3,
    });
    for (const tie of await met()) {
      expect(tie.strength).toBe(3);
      expect([tie.valid_from, tie.valid_to]).toEqual(['2024-01-05', '2024-07-20']);
    }
    for (let i = 0; i < 4; i += 1) await upsertMetTies(getDb(), { ...meeting, on: '2024-05-01' });
    expect((await met()).map((tie) => tie.strength)).toEqual([5, 5]);

    // A latecomer meets everyone already there; those already there do not meet again.
    expect(
      await upsertMetTies(getDb(), {
        ...base(),
        on: '2024-08-01',
        newcomers: [d.id],
        present: [a.id, b.id, c.id],
      }),
    ).toEqual({ created: 3, strengthened: 0 });
    expect((await met()).map((tie) => tie.strength).sort()).toEqual([1, 5, 5]);
  });

  it('keeps one met tie per pair whichever way it is given', async () => {
    await expect(
      createTie(getDb(), { ...base(), source_actor_id: b.id, target_actor_id: a.id, kind: 'met' }),
    ).rejects.toMatchObject({ code: 'TT_ERR_CONFLICT' });
  });

  it('leaves an open bound open when strengthening', async () => {
    const s = await makeSetting(getDb(), 'Open bound');
    const [p, q] = [await makeActor(getDb(), s), await makeActor(getDb(), s)];
    const scope = { workspace_id: s.workspace.id, conflict_id: s.conflict.id };
    const tie = await createTie(getDb(), {
      ...scope,
      source_actor_id: p.id,
      target_actor_id: q.id,
      kind: 'met',
    });
    await upsertMetTies(getDb(), { ...scope, on: '2025-02-02', newcomers: [q.id, p.id] });
    expect(await getTie(getDb(), tie.id)).toMatchObject({ strength: 2, valid_from: null, valid_to: null });
  });
});
