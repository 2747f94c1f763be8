import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { generateDemoWorkspace } from '../../src/domain/demo/index.js';
import { parseCsv } from '../../src/interchange/csv.js';
import { createAccount, grantMembership, grantWorkspaceAdmin } from '../../src/security/accounts.js';
import { systemAuth } from '../../src/security/auth.js';
import { createApiToken } from '../../src/security/sessions.js';
import { loadDemoWorkspace, type DemoWorkspaceIds } from '../../src/services/demo/index.js';
import { createConflict } from '../../src/store/repositories/conflicts.js';
import { createWorkspace } from '../../src/store/repositories/workspaces.js';
import type { VaultKeys } from '../../src/security/vault.js';
import type { Database } from '../../src/store/schema.js';
import { countRows, forEachEngine } from '../support/databases.js';
import { client, testApp, testKeys } from './support/app.js';

const demo = generateDemoWorkspace();
const personNames = (demo.identities ?? [])
  .filter((identity) => demo.actors.find((a) => a.id === identity.actor_id)?.kind === 'person')
  .map((identity) => identity.names[0]);
const demoPseudonyms = demo.actors.map((a) => a.pseudonym);

const roles = ['admin', 'convener', 'facilitator', 'participant', 'researcher', 'funder'] as const;
type Role = (typeof roles)[number];

/** Tables an import writes to: all must be as they were after a rejection. */
const importTables = [
  'actors',
  'actor_groups',
  'ties',
  'actor_identities',
  'actor_name_index',
  'audit_log',
] as const;
const counts = (db: Kysely<Database>) => Promise.all(importTables.map((table) => countRows(db, table)));

/** One account per role in the demo's dialogue initiative, and an administrator of the demo workspace. */
async function accountsFor(
  db: Kysely<Database>,
  keys: VaultKeys,
  loaded: DemoWorkspaceIds,
): Promise<Record<Role, string>> {
  const tokens = {} as Record<Role, string>;
  await db.transaction().execute(async (trx) => {
    const system = systemAuth('interchange route test');
    for (const role of roles) {
      const account = await createAccount(trx, keys, system, {
        email: `${role}-interchange@example.org`,
        displayName: role,
        password: 'interchange passphrase 5678',
      });
      if (role === 'admin') {
        await grantWorkspaceAdmin(trx, keys, system, {
          workspaceId: loaded.workspaceId,
          accountId: account.id,
        });
      } else {
        await grantMembership(trx, keys, system, {
          accountId: account.id,
          initiativeId: loaded.initiativeIds.dialogue,
          role,
        });
      }
      const issued = await createApiToken(
        trx,
        keys,
        { accountId: account.id },
        { accountId: account.id, name: 'interchange' },
      );
      tokens[role] = issued.token;
    }
  });
  return tokens;
}

const smallElements = [
  'Label,Type,Role,Track,Gender,Region,Community,Description',
  'Quillon Ardevane,Person,scholar,2,woman,Coast,Keshani,Met at the port forum',
  'Serrith Maloven,Person,elder,3,man,Coast,Dorvak,',
  'Harbour Women Network,Organisation,womens_leader,2,,Coast,Selmiri,',
].join('\n');
const smallConnections = (existingPseudonym: string) =>
  [
    'From,To,Type,Strength',
    'Quillon Ardevane,Serrith Maloven,trusts,4',
    `Harbour Women Network,${existingPseudonym},works_with,2`,
  ].join('\n');

forEachEngine('interchange routes (import and export over HTTP)', (getDb, engine) => {
  let app: FastifyInstance;
  let loaded: DemoWorkspaceIds;
  let tokens: Record<Role, string>;
  const as = (role: Role) => client(app, { token: tokens[role] });
  const conflictUrl = (path: string) => `/api/conflicts/${loaded.conflictId}${path}`;

  beforeAll(async () => {
    const keys = testKeys();
    app = await testApp(getDb(), engine.dialect, {}, keys);
    loaded = await loadDemoWorkspace(getDb(), keys);
    tokens = await accountsFor(getDb(), keys, loaded);
  });
  afterAll(async () => {
    await app.close();
  });

  describe('POST /api/conflicts/:id/import/kumu', () => {
    it('imports a small Kumu pair, and the actors are there with their names for a convener', async () => {
      const before = await counts(getDb());
      const response = await as('convener').post(conflictUrl('/import/kumu'), {
        elements: smallElements,
        connections: smallConnections(demoPseudonyms[0]),
      });
      expect(response.statusCode, response.body).toBe(201);
      const result = response.json();
      expect(result).toMatchObject({ actors: 3, ties: 2 });
      const after = await counts(getDb());
      expect(after[importTables.indexOf('actors')]).toBe(before[importTables.indexOf('actors')] + 3);
      expect(after[importTables.indexOf('ties')]).toBe(before[importTables.indexOf('ties')] + 2);

      const found = await as('convener').get(conflictUrl('/actors?name=quillon'));
      expect(found.statusCode).toBe(200);
      expect(found.json().items.map((a: { id: string }) => a.id)).toEqual([
        result.actor_ids['Quillon Ardevane'],
      ]);
      expect(found.json().items[0]).toMatchObject({ role: 'scholar', track: '2', region: 'Coast' });
      const identity = await as('facilitator').get(
        `/api/actors/${result.actor_ids['Serrith Maloven']}/identity`,
      );
      expect(identity.json()).toMatchObject({ identity: { names: ['Serrith Maloven'] } });
      const ties = await as('convener').get(
        conflictUrl(`/ties?actor_id=${result.actor_ids['Quillon Ardevane']}`),
      );
      expect(ties.json().items).toHaveLength(1);
      expect(ties.json().items[0]).toMatchObject({ kind: 'trusts', strength: 4 });
    });

    it('rejects a bad connection row with its file, row and column, and writes nothing', async () => {
      const connections = [
        'From,To,Type,Strength',
        'Ulmo Tarrant,Vessa Orrin,knows,3',
        'Ulmo Tarrant,Nobody Known,knows,3',
      ].join('\n');
      const elements = [
        'Label,Type,Role,Track',
        'Ulmo Tarrant,Person,elder,2',
        'Vessa Orrin,Person,elder,2',
      ].join('\n');
      const before = await counts(getDb());
      const response = await as('convener').post(conflictUrl('/import/kumu'), { elements, connections });
      expect(response.statusCode).toBe(400);
      const { error } = response.json();
      expect(error.code).toBe('TT_ERR_IMPORT_REJECTED');
      expect(error.message).toMatch(/nothing was written/);
      expect(error.details).toMatchObject({ file: 'connections', row: 3, column: 'To' });
      expect(error.details.reason).toMatch(/Nobody Known|unknown/i);
      expect(await counts(getDb())).toEqual(before);
    });

    it('rejects a bad element value by row and column', async () => {
      const elements = [
        'Label,Type,Role,Track',
        'Ulmo Tarrant,Person,elder,2',
        'Vessa Orrin,Person,elder,7',
      ].join('\n');
      const before = await counts(getDb());
      const response = await as('convener').post(conflictUrl('/import/kumu'), {
        elements,
        connections: 'From,To,Type\n',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toMatchObject({ file: 'elements', row: 3, column: 'Track' });
      expect(await counts(getDb())).toEqual(before);
    });

    it('rejects one bad row among 10,000 (row 7,342, column From) and leaves the database unchanged', async () => {
      const labels = Array.from({ length: 400 }, (_, i) => `Bulk Person ${i}`);
      const elements = [
        'Label,Type,Role,Track,Community',
        ...labels.map((l, i) => `${l},Person,scholar,2,${['Keshani', 'Dorvak', 'Selmiri'][i % 3]}`),
      ].join('\n');
      const rows = ['From,To,Type,Strength'];
      for (let r = 0; rows.length < 10_001; r++) {
        const a = r % 400;
        rows.push(`${labels[a]},${labels[(a + 1 + Math.floor(r / 400)) % 400]},knows,${(r % 5) + 1}`);
      }
      rows[7_341] = rows[7_341].replace(/^Bulk Person \d+,/, 'Nobody Known,');
      const before = await counts(getDb());
      const response = await as('convener').post(conflictUrl('/import/kumu'), {
        elements,
        connections: rows.join('\n'),
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({
        code: 'TT_ERR_IMPORT_REJECTED',
        details: { file: 'connections', row: 7_342, column: 'From' },
      });
      expect(await counts(getDb())).toEqual(before);
    });

    it('validates the body: unknown fields, missing files and other media types get 4xx', async () => {
      const url = conflictUrl('/import/kumu');
      const extra = await as('convener').post(url, { elements: smallElements, connections: 'x', more: 1 });
      expect(extra.statusCode).toBe(400);
      expect(extra.json().error).toMatchObject({ code: 'TT_ERR_VALIDATION', details: { field: 'more' } });
      const missing = await as('convener').post(url, { elements: smallElements });
      expect(missing.json().error.details.field).toBe('connections');
      const multipart = await app.inject({
        method: 'POST',
        url,
        headers: {
          authorization: `Bearer ${tokens.convener}`,
          'content-type': 'multipart/form-data; boundary=x',
        },
        payload: '--x\r\nContent-Disposition: form-data; name="elements"\r\n\r\nLabel\r\n--x--\r\n',
      });
      expect(multipart.statusCode).toBe(415);
      expect(multipart.json().error.code).toBe('TT_ERR_UNSUPPORTED_MEDIA_TYPE');
    });

    it('is refused to every role that may not write the actor map, and writes nothing', async () => {
      const before = await counts(getDb());
      for (const role of ['participant', 'researcher', 'funder'] as const) {
        const response = await as(role).post(conflictUrl('/import/kumu'), {
          elements: smallElements.replace(/Quillon/g, 'Other'),
          connections: 'From,To,Type\n',
        });
        expect(response.statusCode, role).toBe(403);
        expect(response.json().error.code).toBe('TT_ERR_FORBIDDEN');
      }
      const anonymous = await client(app).post(conflictUrl('/import/kumu'), {
        elements: smallElements,
        connections: 'From,To,Type\n',
      });
      expect(anonymous.statusCode).toBe(401);
      expect(await counts(getDb())).toEqual(before);
    });
  });

  describe('GET /api/conflicts/:id/export/kumu|graphml|gexf', () => {
    it('downloads Kumu CSV with pseudonyms only, unless names are asked for and allowed', async () => {
      for (const role of ['facilitator', 'researcher', 'convener'] as const) {
        const elements = await as(role).get(conflictUrl('/export/kumu?part=elements'));
        expect(elements.statusCode, role).toBe(200);
        expect(elements.headers['content-type']).toBe('text/csv; charset=utf-8');
        expect(elements.headers['content-disposition']).toBe(
          `attachment; filename="kumu-elements-${loaded.conflictId}.csv"`,
        );
        expect(elements.headers['cache-control']).toBe('no-store');
        const table = parseCsv(elements.body);
        expect(table.header).toContain('Label');
        expect(table.rows.length).toBeGreaterThanOrEqual(demo.actors.length);
        expect(personNames.filter((name) => elements.body.includes(name))).toEqual([]);
        expect(elements.body).not.toContain('Quillon');
        expect(elements.body).toContain(demoPseudonyms[0]);
      }
      const connections = await as('researcher').get(conflictUrl('/export/kumu?part=connections'));
      expect(connections.statusCode).toBe(200);
      expect(parseCsv(connections.body).header.slice(0, 3)).toEqual(['From', 'To', 'Type']);
      // The administrator gets every tie; a researcher not those only Chatham House or closed rounds made.
      const every = await as('admin').get(conflictUrl('/export/kumu?part=connections'));
      expect(parseCsv(every.body).rows.length).toBeGreaterThanOrEqual(demo.ties.length);
      expect(parseCsv(connections.body).rows.length).toBeLessThan(parseCsv(every.body).rows.length);
      expect(personNames.filter((name) => connections.body.includes(name))).toEqual([]);

      const named = await as('convener').get(conflictUrl('/export/kumu?names=true'));
      expect(named.statusCode).toBe(200);
      expect(named.body).toContain(personNames[0]);
      expect(named.body).toContain('Quillon Ardevane');
    });

    it('refuses names to a researcher, and the actor map to a participant or a funder', async () => {
      for (const path of [
        '/export/kumu?names=true',
        '/export/graphml?names=true',
        '/export/gexf?names=true',
      ]) {
        const response = await as('researcher').get(conflictUrl(path));
        expect(response.statusCode, path).toBe(403);
        expect(response.json().error.code).toBe('TT_ERR_FORBIDDEN');
      }
      for (const role of ['participant', 'funder'] as const) {
        for (const path of [
          '/export/kumu',
          '/export/kumu?part=connections',
          '/export/graphml',
          '/export/gexf',
        ]) {
          const response = await as(role).get(conflictUrl(path));
          expect(response.statusCode, `${role} ${path}`).toBe(403);
          expect(response.body).not.toContain(demoPseudonyms[0]);
        }
      }
    });

    it('downloads GraphML and GEXF with the right media types and pseudonyms as nodes', async () => {
      const graphml = await as('researcher').get(conflictUrl('/export/graphml'));
      expect(graphml.statusCode).toBe(200);
      expect(graphml.headers['content-type']).toBe('application/graphml+xml; charset=utf-8');
      expect(graphml.headers['content-disposition']).toBe(
        `attachment; filename="actor-map-${loaded.conflictId}.graphml"`,
      );
      expect(graphml.body).toMatch(/^<\?xml/);
      expect((graphml.body.match(/<node /g) ?? []).length).toBeGreaterThanOrEqual(demo.actors.length);
      const gexf = await as('facilitator').get(conflictUrl('/export/gexf'));
      expect(gexf.statusCode).toBe(200);
      expect(gexf.headers['content-type']).toBe('application/gexf+xml; charset=utf-8');
      const edges = (body: string) => (body.match(/<edge /g) ?? []).length;
      const every = await as('admin').get(conflictUrl('/export/gexf'));
      expect(edges(every.body)).toBeGreaterThanOrEqual(demo.ties.length);
      expect(edges(gexf.body)).toBeGreaterThan(0);
      expect(edges(gexf.body)).toBeLessThan(edges(every.body));
      for (const body of [graphml.body, gexf.body]) {
        expect(personNames.filter((name) => body.includes(name))).toEqual([]);
        expect(body).toContain(demoPseudonyms[0]);
      }
      const named = await as('facilitator').get(conflictUrl('/export/gexf?names=true'));
      expect(named.statusCode).toBe(200);
      expect(named.body).toContain(personNames[0]);
    });

    it('validates the query', async () => {
      const bad = await as('convener').get(conflictUrl('/export/kumu?part=nodes'));
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details).toMatchObject({ field: 'part', in: 'query' });
      const yes = await as('convener').get(conflictUrl('/export/graphml?names=yes'));
      expect(yes.json().error.details).toMatchObject({ field: 'names', in: 'query' });
      const unknown = await as('convener').get(conflictUrl('/export/gexf?format=x'));
      expect(unknown.json().error.details.field).toBe('format');
    });
  });

  describe('GET /api/workspaces/:id/export/json and POST /api/workspaces/import/json', () => {
    const exportUrl = () => `/api/workspaces/${loaded.workspaceId}/export/json`;

    it('gives a researcher a document of pseudonyms with no names, and refuses identities', async () => {
      const response = await as('researcher').get(exportUrl());
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="workspace-${loaded.workspaceId}.json"`,
      );
      const doc = response.json();
      expect(doc.format).toBe('tracktwo.workspace');
      expect(doc.actors.length).toBeGreaterThanOrEqual(demo.actors.length);
      expect(doc.identities).toBeUndefined();
      expect(personNames.filter((name) => response.body.includes(name))).toEqual([]);
      const identities = await as('researcher').get(`${exportUrl()}?identities=true`);
      expect(identities.statusCode).toBe(403);
    });

    it('gives a participant the workspace without the actor map', async () => {
      const response = await as('participant').get(exportUrl());
      expect(response.statusCode).toBe(200);
      expect(response.json().actors).toEqual([]);
      expect(response.json().ties).toEqual([]);
      expect(demoPseudonyms.filter((p) => response.body.includes(p))).toEqual([]);
      // Asking for names gets the researcher's answer: one refusal for "not allowed", not a 200 of nothing.
      const identities = await as('participant').get(`${exportUrl()}?identities=true`);
      expect(identities.statusCode).toBe(403);
      expect(identities.json().error.code).toBe('TT_ERR_FORBIDDEN');
    });

    it('round-trips the workspace with identities through an administrator, as a new workspace', async () => {
      const exported = await as('admin').get(`${exportUrl()}?identities=true`);
      expect(exported.statusCode).toBe(200);
      const doc = exported.json();
      expect(doc.identities.length).toBeGreaterThanOrEqual(demo.actors.length);
      expect(exported.body).toContain(personNames[0]);

      const workspacesBefore = await countRows(getDb(), 'workspaces');
      const imported = await as('admin').post('/api/workspaces/import/json?name=Restored%20copy', doc);
      expect(imported.statusCode, imported.body).toBe(201);
      const { workspace_id: workspaceId, counts: written } = imported.json();
      expect(workspaceId).not.toBe(loaded.workspaceId);
      expect(written).toMatchObject({ actors: doc.actors.length, identities: doc.identities.length });
      expect(await countRows(getDb(), 'workspaces')).toBe(workspacesBefore + 1);
      const copy = await as('admin').get(`/api/workspaces/${workspaceId}`);
      expect(copy.json()).toMatchObject({ name: 'Restored copy' });
      const again = await as('admin').get(`/api/workspaces/${workspaceId}/export/json?identities=true`);
      expect(
        again
          .json()
          .actors.map((a: { pseudonym: string }) => a.pseudonym)
          .sort(),
      ).toEqual(doc.actors.map((a: { pseudonym: string }) => a.pseudonym).sort());
      expect(again.body).toContain(personNames[0]);
    });

    it('rejects a document with a broken reference, naming the field, and writes nothing', async () => {
      const doc = (await as('admin').get(exportUrl())).json();
      doc.ties[3] = { ...doc.ties[3], target_actor_id: 'no-such-actor' };
      const before = await countRows(getDb(), 'workspaces');
      const response = await as('admin').post('/api/workspaces/import/json', doc);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toMatchObject({ field: 'ties.3.target_actor_id', in: 'body' });
      expect(await countRows(getDb(), 'workspaces')).toBe(before);
    });

    it('lets only workspace administrators import', async () => {
      const doc = (await as('researcher').get(exportUrl())).json();
      const before = await countRows(getDb(), 'workspaces');
      for (const role of ['convener', 'researcher', 'funder'] as const) {
        const response = await as(role).post('/api/workspaces/import/json', doc);
        expect(response.statusCode, role).toBe(403);
      }
      expect(await countRows(getDb(), 'workspaces')).toBe(before);
    });
  });

  describe('GET /api/initiatives/:id/export/research', () => {
    const researchUrl = (query = '') =>
      `/api/initiatives/${loaded.initiativeIds.dialogue}/export/research${query}`;

    it('gives a researcher an anonymised file: no names, no pseudonyms, no cell below k', async () => {
      const response = await as('researcher').get(researchUrl());
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="research-${loaded.initiativeIds.dialogue}.json"`,
      );
      const data = response.json();
      expect(data).toMatchObject({ format: 'tracktwo.research', k: 5 });
      expect(personNames.filter((name) => response.body.includes(name))).toEqual([]);
      expect(demoPseudonyms.filter((p) => response.body.includes(p))).toEqual([]);
      expect(response.body).not.toContain('Quillon');
      const cells = Object.values(data.tables as Record<string, { count: number | null }[]>).flatMap(
        (table) => table.map((row) => row.count),
      );
      expect(cells.length).toBeGreaterThan(0);
      expect(cells.every((count) => count === null || count >= 5)).toBe(true);
      expect(cells.some((count) => count === null)).toBe(true);

      const strict = (await as('researcher').get(researchUrl('?k=20'))).json();
      const strictCells = Object.values(strict.tables as Record<string, { count: number | null }[]>).flatMap(
        (table) => table.map((row) => row.count),
      );
      expect(strict.k).toBe(20);
      expect(strictCells.every((count) => count === null || count >= 20)).toBe(true);
    });

    it('refuses k below 5, and refuses the roles without export.research', async () => {
      const small = await as('researcher').get(researchUrl('?k=2'));
      expect(small.statusCode).toBe(400);
      expect(small.json().error.details).toMatchObject({ field: 'k', in: 'query' });
      for (const role of ['facilitator', 'participant', 'funder'] as const) {
        const response = await as(role).get(researchUrl());
        expect(response.statusCode, role).toBe(403);
      }
      expect((await as('convener').get(researchUrl())).statusCode).toBe(200);
    });
  });

  it('documents every interchange route in the OpenAPI document', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const kumu = spec.paths['/api/conflicts/{id}/export/kumu'].get;
    expect(kumu.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['id', 'names', 'part']);
    expect(Object.keys(kumu.responses['200'].content)).toEqual(['text/csv']);
    expect(spec.paths['/api/conflicts/{id}/import/kumu'].post.requestBody).toBeDefined();
    expect(spec.paths['/api/conflicts/{id}/export/graphml'].get).toBeDefined();
    expect(spec.paths['/api/conflicts/{id}/export/gexf'].get).toBeDefined();
    expect(spec.paths['/api/workspaces/{id}/export/json'].get).toBeDefined();
    expect(spec.paths['/api/workspaces/import/json'].post.requestBody).toBeDefined();
    expect(spec.paths['/api/initiatives/{id}/export/research'].get).toBeDefined();
  });
});

forEachEngine('interchange routes: body limits', (getDb, engine) => {
  let app: FastifyInstance;
  let loaded: { workspaceId: string; conflictId: string };
  let admin: ReturnType<typeof client>;

  beforeAll(async () => {
    // An app whose general limit is tiny, so the import's own, larger limit is what lets a file through.
    const keys = testKeys();
    app = await testApp(getDb(), engine.dialect, { bodyLimit: 2048, importBodyLimit: 32 * 1024 }, keys);
    const workspace = await createWorkspace(getDb(), { name: 'Body limits' });
    const conflict = await createConflict(getDb(), {
      workspace_id: workspace.id,
      name: 'Limits',
      divides: [],
    });
    loaded = { workspaceId: workspace.id, conflictId: conflict.id };
    admin = client(app, {
      token: await getDb()
        .transaction()
        .execute(async (trx) => {
          const system = systemAuth('interchange body limit test');
          const account = await createAccount(trx, keys, system, {
            email: 'limits-admin@example.org',
            displayName: 'Admin',
            password: 'interchange passphrase 5678',
          });
          await grantWorkspaceAdmin(trx, keys, system, { workspaceId: workspace.id, accountId: account.id });
          const auth = { accountId: account.id };
          return (await createApiToken(trx, keys, auth, { accountId: account.id, name: 'limits' })).token;
        }),
    });
  });
  afterAll(async () => {
    await app.close();
  });

  const elementsOfSize = (bytes: number) => {
    const lines = ['Label,Type,Role,Track'];
    for (let i = 0; lines.join('\n').length < bytes; i++) lines.push(`Sized Person ${i},Person,elder,2`);
    return lines.join('\n');
  };

  it('takes an import larger than the general body limit, up to the import limit', async () => {
    const elements = elementsOfSize(8 * 1024);
    const response = await admin.post(`/api/conflicts/${loaded.conflictId}/import/kumu`, {
      elements,
      connections: 'From,To,Type\n',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().actors).toBe(elements.split('\n').length - 1);
    const other = await admin.post('/api/actors', {
      workspace_id: loaded.workspaceId,
      conflict_id: loaded.conflictId,
      role: 'elder',
      track: '2',
      region: 'x'.repeat(4096),
    });
    expect(other.statusCode).toBe(413);
  });

  it('answers an oversized import with 413 and a coded error, writing nothing', async () => {
    const before = await counts(getDb());
    const response = await admin.post(`/api/conflicts/${loaded.conflictId}/import/kumu`, {
      elements: elementsOfSize(40 * 1024),
      connections: 'From,To,Type\n',
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('TT_ERR_PAYLOAD_TOO_LARGE');
    const json = await admin.post('/api/workspaces/import/json', { padding: 'x'.repeat(40 * 1024) });
    expect(json.statusCode).toBe(413);
    expect(await counts(getDb())).toEqual(before);
  });

  it('reads the import limit from TRACKTWO_IMPORT_BODY_LIMIT (64 MiB unless set)', () => {
    expect(loadConfig({}).importBodyLimit).toBe(64 * 1024 * 1024);
    expect(loadConfig({ TRACKTWO_IMPORT_BODY_LIMIT: '10485760' }).importBodyLimit).toBe(10 * 1024 * 1024);
    expect(() => loadConfig({ TRACKTWO_IMPORT_BODY_LIMIT: 'big' })).toThrow(/TRACKTWO_IMPORT_BODY_LIMIT/);
  });
});
