import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { expect, it } from 'vitest';
import { getIdentity } from '../../src/security/vault.js';
import { forEachEngine } from '../support/databases.js';
import { testKeys } from './support/app.js';
import {
  worldOfBlock,
  makeActor,
  ok,
  refused,
  rowCounts,
  type Role,
  type World,
} from './support/resources.js';

interface ActorBody {
  id: string;
  pseudonym: string;
  region: string | null;
  role: string;
  groups: { divide_id: string; group_id: string }[];
  erased_at: string | null;
}

const IDENTITY = {
  names: ['Ilsabet Marrowgate', 'Ilsa M.'],
  contacts: [
    { kind: 'email', value: 'ilsabet@example.org' },
    { kind: 'phone', value: '+000 555 0101' },
  ],
  notes: 'Met at the river market.',
};

forEachEngine('resources: actors and their identities', (getDb, engine) => {
  const keys = testKeys();
  const world = worldOfBlock(getDb, engine, keys);
  let actor: ActorBody;

  it('creates an actor with an identity (contacts as {kind, value}) and keeps it in the vault only', async () => {
    const before = await rowCounts(getDb());
    actor = ok<ActorBody>(
      await world.as.convener.post('/api/actors', {
        workspace_id: world.workspaceId,
        conflict_id: world.conflictId,
        kind: 'person',
        role: 'womens_leader',
        track: '2',
        gender: 'woman',
        region: 'Lower valley',
        groups: [{ divide_id: world.divideId, group_id: world.groupIds[0] }],
        identity: IDENTITY,
      }),
      201,
    );
    expect(actor.pseudonym).toMatch(/^A-[2-9A-HJKMNP-Z]{6}$/);
    expect(actor.groups).toEqual([{ divide_id: world.divideId, group_id: world.groupIds[0] }]);
    expect(JSON.stringify(actor)).not.toContain('Marrowgate');
    const after = await rowCounts(getDb());
    expect(after.actors - before.actors).toBe(1);
    expect(after.actor_identities - before.actor_identities).toBe(1);
    expect(after.audit_log - before.audit_log).toBe(1);
    const stored = await getDb()
      .selectFrom('actor_identities')
      .selectAll()
      .where('actor_id', '=', actor.id)
      .execute();
    expect(JSON.stringify(stored)).not.toMatch(/Marrowgate|ilsabet@|river market/);
  });

  it('refuses contacts given as plain strings, naming the field, and writes nothing', async () => {
    const before = await rowCounts(getDb());
    const reply = await world.admin.post('/api/actors', {
      workspace_id: world.workspaceId,
      conflict_id: world.conflictId,
      role: 'elder',
      track: '3',
      identity: { names: ['Someone'], contacts: ['someone@example.org'] },
    });
    expect(refused(reply, 400)).toBe('TT_ERR_VALIDATION');
    expect(reply.json().error.details.field).toBe('identity.contacts.0');
    expect(await rowCounts(getDb())).toEqual(before);
  });

  it('shows the pseudonymous record to those who read the map, names only to conveners and facilitators', async () => {
    const identityFor = async (client: World['admin']) => client.get(`/api/actors/${actor.id}/identity`);
    for (const client of [world.admin, world.as.convener, world.as.facilitator]) {
      expect(ok(await identityFor(client))).toEqual({ identity: IDENTITY });
    }
    for (const role of ['convener', 'facilitator', 'researcher'] as const) {
      const record = ok<ActorBody>(await world.as[role].get(`/api/actors/${actor.id}`));
      expect(record).toMatchObject({ id: actor.id, pseudonym: actor.pseudonym, role: 'womens_leader' });
      expect(JSON.stringify(record)).not.toContain('Ilsabet');
    }
    // The researcher reads the map but not the vault; participants and funders read neither.
    expect(refused(await identityFor(world.as.researcher), 403)).toBe('TT_ERR_FORBIDDEN');
    for (const role of ['participant', 'funder'] as const) {
      expect(refused(await world.as[role].get(`/api/actors/${actor.id}`), 403)).toBe('TT_ERR_FORBIDDEN');
      expect(refused(await identityFor(world.as[role]), 403)).toBe('TT_ERR_FORBIDDEN');
    }
    expect(refused(await identityFor(world.anonymous), 401)).toBe('TT_ERR_UNAUTHENTICATED');
  });

  it('lists and searches: by pseudonym for map readers, by name only with the right to see names', async () => {
    await makeActor(world, { role: 'scholar', gender: 'man' }, ['Corvin Ashdale']);
    const list = (role: Role, query: string) =>
      world.as[role].get(`/api/conflicts/${world.conflictId}/actors?${query}`);
    const ids = (reply: Awaited<ReturnType<typeof list>>) =>
      ok<{ items: ActorBody[]; total: number }>(reply).items.map((a) => a.id);

    const all = ok<{ items: ActorBody[]; total: number }>(await list('researcher', 'limit=50'));
    expect(all.total).toBe(2);
    expect(ids(await list('researcher', `q=${actor.pseudonym}`))).toEqual([actor.id]);
    expect(ids(await list('researcher', 'role=womens_leader'))).toEqual([actor.id]);

    // Whole words, any order, accents and case ignored.
    expect(ids(await list('convener', 'name=marrowgate'))).toEqual([actor.id]);
    expect(ids(await list('facilitator', 'name=ILSABET%20marrowgate'))).toEqual([actor.id]);
    expect(ids(await list('convener', 'name=Marrow'))).toEqual([]);
    expect(refused(await list('researcher', 'name=Marrowgate'), 403)).toBe('TT_ERR_FORBIDDEN');
    expect(refused(await list('participant', 'limit=5'), 403)).toBe('TT_ERR_FORBIDDEN');
  });

  it('carries each actor\u2019s first name in the list for those who may see names, and no name for others', async () => {
    const list = async (role: Role, query: string) =>
      ok<{ items: (ActorBody & { name?: string })[] }>(
        await world.as[role].get(`/api/conflicts/${world.conflictId}/actors?${query}`),
      ).items;
    for (const role of ['convener', 'facilitator'] as const) {
      const items = await list(role, 'limit=50');
      expect(items.find((a) => a.id === actor.id)?.name).toBe('Ilsabet Marrowgate');
      expect(items.map((a) => a.name).sort()).toEqual(['Corvin Ashdale', 'Ilsabet Marrowgate']);
      // A name search answers with the names too, so the picker shows what was searched for.
      expect((await list(role, 'name=corvin')).map((a) => a.name)).toEqual(['Corvin Ashdale']);
    }
    // A map reader without the right to see names: pseudonyms only, and no name anywhere in the reply.
    const reply = await world.as.researcher.get(`/api/conflicts/${world.conflictId}/actors?limit=50`);
    const items = ok<{ items: (ActorBody & { name?: string })[] }>(reply).items;
    expect(items.length).toBe(2);
    expect(items.every((a) => !('name' in a))).toBe(true);
    expect(reply.body).not.toContain('Marrowgate');
    expect(reply.body).not.toContain('Ashdale');
  });

  it('updates the record and replaces the identity (the old name no longer found)', async () => {
    const before = await rowCounts(getDb());
    const changed = ok<ActorBody>(
      await world.as.facilitator.patch(`/api/actors/${actor.id}`, {
        region: 'Upper valley',
        groups: [{ divide_id: world.divideId, group_id: world.groupIds[1] }],
        identity: { names: ['Ilsabet Rowan'], contacts: [{ kind: 'messenger', value: '@ilsa' }] },
      }),
    );
    expect(changed).toMatchObject({ region: 'Upper valley', groups: [{ group_id: world.groupIds[1] }] });
    expect(ok(await world.as.convener.get(`/api/actors/${actor.id}/identity`))).toEqual({
      identity: { names: ['Ilsabet Rowan'], contacts: [{ kind: 'messenger', value: '@ilsa' }], notes: '' },
    });
    const search = (name: string) =>
      world.as.convener
        .get(`/api/conflicts/${world.conflictId}/actors?name=${name}`)
        .then((r) => ok<{ items: ActorBody[] }>(r).items.map((a) => a.id));
    expect(await search('Rowan')).toEqual([actor.id]);
    expect(await search('Marrowgate')).toEqual([]);
    // A researcher reads the map but may not change it.
    expect(refused(await world.as.researcher.patch(`/api/actors/${actor.id}`, { region: 'X' }), 403)).toBe(
      'TT_ERR_FORBIDDEN',
    );
    const after = await rowCounts(getDb());
    expect(after.actors).toBe(before.actors);
    expect(after.audit_log - before.audit_log).toBe(1);
  });

  it('erases by crypto-shredding: the identity is gone for good, even with the master key', async () => {
    const row = await getDb()
      .selectFrom('actor_identities')
      .selectAll()
      .where('actor_id', '=', actor.id)
      .executeTakeFirstOrThrow();
    // A researcher may not erase: it needs the right to see names.
    expect(refused(await world.as.researcher.post(`/api/actors/${actor.id}/erase`), 403)).toBe(
      'TT_ERR_FORBIDDEN',
    );

    const erased = ok<ActorBody>(await world.as.convener.post(`/api/actors/${actor.id}/erase`));
    expect(erased).toMatchObject({ id: actor.id, pseudonym: actor.pseudonym });
    expect(erased.erased_at).not.toBeNull();

    expect(ok(await world.admin.get(`/api/actors/${actor.id}/identity`))).toEqual({ identity: null });
    // The keys the server runs with (master key included) find nothing: the data key was destroyed.
    expect(await getIdentity(getDb(), keys, world.workspaceId, actor.id)).toBeUndefined();
    const vaultRows = [
      ...(await getDb().selectFrom('actor_identities').selectAll().execute()),
      ...(await getDb().selectFrom('actor_name_index').selectAll().execute()),
    ];
    expect(vaultRows.filter((r) => r.actor_id === actor.id)).toEqual([]);
    expect(JSON.stringify(vaultRows)).not.toContain(row.wrapped_data_key);
    if (engine.dialect === 'sqlite') {
      // Not in the file, nor in its write-ahead log, either.
      const file = engine.getUrl().replace(/^sqlite:/, '');
      const bytes = readdirSync(dirname(file))
        .filter((name) => name.startsWith(basename(file)))
        .map((name) => readFileSync(join(dirname(file), name)).toString('latin1'))
        .join('\n');
      expect(bytes).not.toContain(row.wrapped_data_key);
      expect(bytes).not.toContain(row.ciphertext.slice(0, 40));
    }
    const search = await world.admin.get(`/api/conflicts/${world.conflictId}/actors?name=Rowan`);
    expect(ok<{ items: unknown[] }>(search).items).toEqual([]);
    // Nobody can put a name back on an erased actor.
    expect(
      refused(await world.admin.put(`/api/actors/${actor.id}/identity`, { names: ['Ilsabet Rowan'] }), 410),
    ).toBe('TT_ERR_ACTOR_ERASED');
    // The pseudonymous record stays (ties and counts keep their meaning), listed only on request.
    const listed = ok<{ items: ActorBody[] }>(
      await world.as.researcher.get(`/api/conflicts/${world.conflictId}/actors?include_erased=true`),
    );
    expect(listed.items.map((a) => a.id)).toContain(actor.id);
    const audit = await getDb()
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', actor.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['actor.create', 'actor.update', 'actor.erase']);
  });
});
