import { expect, it } from 'vitest';
import { TrackTwoError } from '../../src/domain/errors.js';
import { getActor, insertActors, listActors, type NewActor } from '../../src/store/repositories/actors.js';
import { insertTies, listTies, type NewTie } from '../../src/store/repositories/ties.js';
import { countRows, forEachEngine } from '../support/databases.js';
import { makeSetting } from './fixtures.js';

forEachEngine('batch inserts', (getDb) => {
  it('inserts 1,200 actors and 1,500 ties in chunks, with unique pseudonyms and memberships', async () => {
    const s = await makeSetting(getDb(), 'Batch');
    const community = s.conflict.divides[0];
    const groups = [s.groups.north, s.groups.south, s.groups.east];
    const inputs: NewActor[] = Array.from({ length: 1200 }, (_, i) => ({
      workspace_id: s.workspace.id,
      conflict_id: s.conflict.id,
      kind: 'person',
      role: 'peace_activist',
      track: '2',
      gender: 'undisclosed',
      groups: [{ divide_id: community.id, group_id: groups[i % 3] }],
    }));
    inputs[5] = { ...inputs[5], pseudonym: 'A-KEEP22' };
    const actors = await getDb()
      .transaction()
      .execute((trx) => insertActors(trx, inputs));
    expect(actors).toHaveLength(1200);
    expect(new Set(actors.map((actor) => actor.pseudonym)).size).toBe(1200);
    expect(actors[5].pseudonym).toBe('A-KEEP22');
    expect(await getActor(getDb(), actors[7].id)).toEqual(actors[7]);
    expect((await listActors(getDb(), s.workspace.id, { group_id: s.groups.east })).total).toBe(400);

    const ties: NewTie[] = actors.slice(0, 1500).flatMap((actor, i) =>
      i + 1 < actors.length
        ? [
            {
              workspace_id: s.workspace.id,
              conflict_id: s.conflict.id,
              source_actor_id: actor.id,
              target_actor_id: actors[(i * 7 + 1) % actors.length].id,
              kind: 'knows' as const,
              strength: (i % 5) + 1,
              confidence: 0.5,
            },
          ]
        : [],
    );
    const written = await insertTies(
      getDb(),
      ties.filter((tie) => tie.source_actor_id !== tie.target_actor_id),
    );
    expect((await listTies(getDb(), s.workspace.id, { limit: 1 })).total).toBe(written.length);
  });

  it('writes nothing when one row of a batch is bad, and names its index', async () => {
    const s = await makeSetting(getDb(), 'Bad batch');
    const other = await makeSetting(getDb(), 'Other batch');
    const before = await countRows(getDb(), 'actors');
    const inputs: NewActor[] = Array.from({ length: 700 }, () => ({
      workspace_id: s.workspace.id,
      conflict_id: s.conflict.id,
      kind: 'person',
      role: 'elder',
      track: '3',
      gender: 'man',
    }));
    inputs[612] = {
      ...inputs[612],
      groups: [{ divide_id: other.conflict.divides[0].id, group_id: other.groups.north }],
    };
    const error = await getDb()
      .transaction()
      .execute((trx) => insertActors(trx, inputs))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TrackTwoError);
    expect((error as TrackTwoError).details).toMatchObject({ index: 612, field: 'groups' });
    expect(await countRows(getDb(), 'actors')).toBe(before);

    // A database-level failure late in a batch (duplicate id in the second chunk) also leaves nothing.
    const clean = inputs.map((input, i) => ({
      ...input,
      groups: [],
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    }));
    clean[650] = { ...clean[650], id: clean[3].id };
    await expect(
      getDb()
        .transaction()
        .execute((trx) => insertActors(trx, clean)),
    ).rejects.toMatchObject({ code: 'TT_ERR_CONFLICT' });
    expect(await countRows(getDb(), 'actors')).toBe(before);
  });
});
