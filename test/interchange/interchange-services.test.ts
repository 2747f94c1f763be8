import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoWorkspace } from '../../src/domain/demo/index.js';
import { TrackTwoError } from '../../src/domain/errors.js';
import { parseCsv } from '../../src/interchange/csv.js';
import type { WorkspaceDocument } from '../../src/interchange/workspace-json-schema.js';
import { createAccount } from '../../src/security/accounts.js';
import { systemAuth } from '../../src/security/auth.js';
import { createVaultKeys } from '../../src/security/vault.js';
import type { ServiceContext } from '../../src/services/context.js';
import { loadDemoWorkspace, type DemoWorkspaceIds } from '../../src/services/demo/index.js';
import { exportGraph } from '../../src/services/interchange/index.js';
import { exportKumu } from '../../src/services/interchange/index.js';
import { exportResearch } from '../../src/services/interchange/index.js';
import { exportWorkspaceJson } from '../../src/services/interchange/index.js';
import { importKumu } from '../../src/services/interchange/index.js';
import { importWorkspaceJson } from '../../src/services/interchange/index.js';
import { createConflict } from '../../src/store/repositories/conflicts.js';
import { addMembership } from '../../src/store/repositories/memberships.js';
import { createWorkspace } from '../../src/store/repositories/workspaces.js';
import { countRows, forEachEngine } from '../support/databases.js';

const demo = generateDemoWorkspace();
const personNames = (demo.identities ?? [])
  .filter((_, i) => demo.actors[i].kind === 'person')
  .map((i) => i.names[0]);

async function rejection(run: () => Promise<unknown>): Promise<TrackTwoError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof TrackTwoError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

/** A document with its ids replaced by pseudonyms and names, so two workspaces can be compared. */
function canonical(doc: WorkspaceDocument) {
  const pseudonym = new Map(doc.actors.map((a) => [a.id, a.pseudonym]));
  const groupName = new Map(
    doc.conflicts.flatMap((c) => c.divides.flatMap((d) => d.groups.map((g) => [g.id, g.name] as const))),
  );
  const meetingTitle = new Map(doc.meetings.map((m) => [m.id, m.title]));
  const sorted = <T>(items: T[]) => items.map((x) => JSON.stringify(x)).sort();
  return {
    actors: sorted(
      doc.actors.map((a) => ({
        ...a,
        id: 0,
        conflict_id: 0,
        groups: a.groups.map((g) => groupName.get(g.group_id)).sort(),
      })),
    ),
    ties: sorted(
      doc.ties.map((t) => ({
        ...t,
        id: 0,
        conflict_id: 0,
        pair:
          t.directed || t.kind !== 'met'
            ? [pseudonym.get(t.source_actor_id), pseudonym.get(t.target_actor_id)]
            : [pseudonym.get(t.source_actor_id), pseudonym.get(t.target_actor_id)].sort(),
        source_actor_id: 0,
        target_actor_id: 0,
      })),
    ),
    meetings: sorted(
      doc.meetings.map((m) => ({
        ...m,
        id: 0,
        initiative_id: 0,
        attendances: sorted(m.attendances.map((a) => ({ ...a, actor_id: pseudonym.get(a.actor_id) }))),
      })),
    ),
    outcomes: sorted(
      doc.outcomes.map((o) => ({
        ...o,
        id: 0,
        initiative_id: 0,
        meeting_id: o.meeting_id && meetingTitle.get(o.meeting_id),
      })),
    ),
    transfers: sorted(
      doc.transfers.map((t) => ({
        ...t,
        id: 0,
        outcome_id: 0,
        recipient_actor_ids: t.recipient_actor_ids.map((id) => pseudonym.get(id)).sort(),
      })),
    ),
    identities: sorted((doc.identities ?? []).map((i) => ({ ...i, actor_id: pseudonym.get(i.actor_id) }))),
  };
}

forEachEngine('imports and exports', (getDb) => {
  const keys = createVaultKeys(randomBytes(32));
  const system = (): ServiceContext => ({ db: getDb(), dialect: 'sqlite', keys, auth: systemAuth('test') });
  let loaded: DemoWorkspaceIds;
  beforeAll(async () => {
    loaded = await loadDemoWorkspace(getDb(), keys);
  });

  async function emptyConflict() {
    const workspace = await createWorkspace(getDb(), { name: 'Kumu target' });
    const conflict = await createConflict(getDb(), {
      workspace_id: workspace.id,
      name: 'Target',
      divides: demo.conflicts[0].divides.map((d) => ({
        name: d.name,
        groups: d.groups.map((g) => ({ name: g.name })),
      })),
    });
    return conflict.id;
  }

  it('exports Kumu files that import into another workspace and export again the same', async () => {
    const first = await exportKumu(system(), loaded.conflictId);
    expect(parseCsv(first.elements).rows).toHaveLength(demo.actors.length);
    expect(parseCsv(first.connections).rows).toHaveLength(demo.ties.length);
    for (const name of personNames) expect(first.elements).not.toContain(name);
    const target = await emptyConflict();
    const result = await importKumu(system(), target, first.elements, first.connections);
    expect(result).toMatchObject({ actors: demo.actors.length, ties: demo.ties.length });
    const second = await exportKumu(system(), target);
    const lines = (text: string) => text.trim().split('\n').slice(1).sort();
    expect(lines(second.elements)).toEqual(lines(first.elements));
    // Undirected connections may come back either way round.
    const connections = (text: string) =>
      parseCsv(text)
        .rows.map((row) => {
          const ends = row.Direction === 'directed' ? [row.From, row.To] : [row.From, row.To].sort();
          return JSON.stringify({ ...row, From: ends[0], To: ends[1] });
        })
        .sort();
    expect(connections(second.connections)).toEqual(connections(first.connections));
  });

  it('rejects a Kumu file with one bad row among 10,000, naming it, and writes nothing', async () => {
    const target = await emptyConflict();
    const labels = Array.from({ length: 400 }, (_, i) => `Person ${i}`);
    const elements = [
      'Label,Type,Role,Track,Gender,Community',
      ...labels.map((l, i) => `${l},Person,scholar,2,woman,${['Keshani', 'Dorvak', 'Selmiri'][i % 3]}`),
    ].join('\n');
    const rows = ['From,To,Type,Strength'];
    for (let r = 0; rows.length < 10_001; r++) {
      const a = r % 400;
      rows.push(`${labels[a]},${labels[(a + 1 + Math.floor(r / 400)) % 400]},knows,${(r % 5) + 1}`);
    }
    rows[7_341] = rows[7_341].replace(/^Person \d+,/, 'Nobody Known,');
    const tables = ['actors', 'ties', 'audit_log', 'actor_identities', 'actor_name_index'] as const;
    const before = await Promise.all(tables.map((t) => countRows(getDb(), t)));
    const error = await rejection(() => importKumu(system(), target, elements, rows.join('\n')));
    expect(error.code).toBe('TT_ERR_IMPORT_REJECTED');
    expect(error.details).toMatchObject({ file: 'connections', row: 7_342, column: 'From' });
    expect(await Promise.all(tables.map((t) => countRows(getDb(), t)))).toEqual(before);
  });

  it('round-trips a workspace through JSON, identities re-encrypted under the new workspace', async () => {
    const exported = await exportWorkspaceJson(system(), loaded.workspaceId, { withIdentities: true });
    expect(exported.identities).toHaveLength(demo.actors.length);
    const imported = await importWorkspaceJson(system(), JSON.stringify(exported));
    expect(imported.workspaceId).not.toBe(loaded.workspaceId);
    const again = await exportWorkspaceJson(system(), imported.workspaceId, { withIdentities: true });
    expect(canonical(again)).toEqual(canonical(exported));
    expect(again.actors.map((a) => a.id)).not.toContain(exported.actors[0].id);
  });

  it('rejects a JSON document with a broken reference and writes nothing', async () => {
    const exported = await exportWorkspaceJson(system(), loaded.workspaceId);
    exported.ties[3] = { ...exported.ties[3], target_actor_id: 'no-such-actor' };
    const before = await countRows(getDb(), 'workspaces');
    const error = await rejection(() => importWorkspaceJson(system(), exported));
    expect(error.code).toBe('TT_ERR_IMPORT_REJECTED');
    expect(error.details?.field).toBe('ties.3.target_actor_id');
    expect(await countRows(getDb(), 'workspaces')).toBe(before);
  });

  it('writes GraphML and GEXF with pseudonyms only', async () => {
    const graphml = await exportGraph(system(), loaded.conflictId, 'graphml');
    const gexf = await exportGraph(system(), loaded.conflictId, 'gexf');
    expect((graphml.match(/<node /g) ?? []).length).toBe(demo.actors.length);
    expect((gexf.match(/<edge /g) ?? []).length).toBe(demo.ties.length);
    for (const name of personNames) {
      expect(graphml).not.toContain(name);
      expect(gexf).not.toContain(name);
    }
  });

  describe('a researcher', () => {
    let researcher: ServiceContext;
    beforeAll(async () => {
      const account = await getDb()
        .transaction()
        .execute((trx) =>
          createAccount(trx, keys, systemAuth('test'), {
            email: `researcher-${randomBytes(4).toString('hex')}@example.invalid`,
            displayName: 'Researcher',
            password: 'a long and unusual passphrase 42',
          }),
        );
      await addMembership(getDb(), {
        account_id: account.id,
        initiative_id: loaded.initiativeIds.dialogue,
        role: 'researcher',
      });
      researcher = { ...system(), auth: { accountId: account.id } };
    });

    it('exports JSON and research files without a single person name', async () => {
      const json = JSON.stringify(await exportWorkspaceJson(researcher, loaded.workspaceId));
      const research = JSON.stringify(await exportResearch(researcher, loaded.initiativeIds.dialogue));
      const found = personNames.filter((name) => json.includes(name) || research.includes(name));
      expect(found).toEqual([]);
      expect(json).toContain('"pseudonym"');
    });

    it('may not export names, nor import Kumu files', async () => {
      expect(
        (await rejection(() => exportWorkspaceJson(researcher, loaded.workspaceId, { withIdentities: true })))
          .code,
      ).toBe('TT_ERR_FORBIDDEN');
      expect(
        (await rejection(() => exportKumu(researcher, loaded.conflictId, { withNames: true }))).code,
      ).toBe('TT_ERR_FORBIDDEN');
      expect(
        (
          await rejection(() =>
            importKumu(researcher, loaded.conflictId, 'Label,Type,Role,Track\n', 'From,To,Type\n'),
          )
        ).code,
      ).toBe('TT_ERR_FORBIDDEN');
    });

    it('gets a research export that is anonymised and k-anonymous', async () => {
      const first = await exportResearch(researcher, loaded.initiativeIds.dialogue);
      const second = await exportResearch(researcher, loaded.initiativeIds.dialogue);
      const text = JSON.stringify(first);
      for (const actor of demo.actors) expect(text).not.toContain(actor.pseudonym);
      expect(new Set(first.actors.map((a) => a.id)).size).toBe(first.actors.length);
      expect(first.actors.some((a) => second.actors.some((b) => b.id === a.id))).toBe(false);
      expect(first.ties.every((t) => t.source_kind !== 'meeting')).toBe(true);
      expect(first.ties.every((t) => t.valid_from === null || /^\d{4}-\d{2}$/.test(t.valid_from))).toBe(true);
      const counts = Object.values(first.tables).flatMap((table) => table.map((row) => row.count));
      expect(counts.every((count) => count === null || count >= 5)).toBe(true);
      expect(counts.some((count) => count === null)).toBe(true);
      const combos = new Map<string, number>();
      for (const a of first.actors) {
        const key = JSON.stringify([a.kind, a.role, a.track, a.gender, a.groups]);
        combos.set(key, (combos.get(key) ?? 0) + 1);
      }
      const small = [...combos].filter(
        ([key, n]) =>
          n < 5 &&
          JSON.parse(key)
            .slice(1, 4)
            .some((v: unknown) => v !== null),
      );
      expect(small).toEqual([]);
      const attended = new Set(first.attendances.map((a) => a.meeting));
      const nonOpen = first.meetings.filter((m) => m.ground_rule !== 'open').map((m) => m.id);
      expect(nonOpen.some((id) => attended.has(id))).toBe(false);
    });
  });
});
