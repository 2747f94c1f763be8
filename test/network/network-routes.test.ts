import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { generateDemoWorkspace } from '../../src/domain/demo/index.js';
import { analyzeNetwork } from '../../src/network/analyze.js';
import { betweenness, sampledBetweenness } from '../../src/network/betweenness.js';
import { divideChange } from '../../src/network/divide-change.js';
import { fragility } from '../../src/network/fragility.js';
import { groupBrokers } from '../../src/network/group-brokers.js';
import { introductions } from '../../src/network/introductions.js';
import type { NetworkInput, TieRow } from '../../src/network/network-input.js';
import { buildNetwork } from '../../src/network/network.js';
import { filterTies, type TieFilter } from '../../src/network/tie-filter.js';
import { trackOnePaths } from '../../src/network/track-one-paths.js';
import { createAccount, grantMembership, grantWorkspaceAdmin } from '../../src/security/accounts.js';
import { systemAuth } from '../../src/security/auth.js';
import { createApiToken } from '../../src/security/sessions.js';
import { createVaultKeys, getIdentity } from '../../src/security/vault.js';
import { actingAs, type ServiceContext } from '../../src/services/context.js';
import { loadDemoWorkspace, type DemoWorkspaceIds } from '../../src/services/demo/index.js';
import { analyzeConflictNetwork } from '../../src/services/network/index.js';
import { metricsQuerySchema } from '../../src/services/network/index.js';
import { changePeriod } from '../../src/services/network/index.js';
import { listActors } from '../../src/store/repositories/actors.js';
import { getConflict } from '../../src/store/repositories/conflicts.js';
import { listTies } from '../../src/store/repositories/ties.js';
import type { Database } from '../../src/store/schema.js';
import { forEachEngine } from '../support/databases.js';
import { testApp } from '../server/support/app.js';
import { createTestConflict, createTestInitiative, createTestWorkspace } from '../support/records.js';
import { snakeKeys } from '../../src/domain/snake-case.js';
import { decodeGraphColumns } from '../../src/domain/network-graph-columns.js';

/*
 * The network routes on the demo workspace, checked against the core run directly on the same data. The
 * expected input is built here from the repositories, independently of the service's loader: actors by
 * pseudonym, their group in the divide by name, every tie kind but `hostile` unless kinds are named.
 */

const roles = ['convener', 'facilitator', 'researcher', 'participant', 'funder'] as const;
type Caller = (typeof roles)[number] | 'outsider' | 'other-admin';

const demoNames = (() => {
  const demo = generateDemoWorkspace();
  return demo.identities!.flatMap((identity) => identity.names);
})();

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
/** What the API answers for a core result: the same figures, field names in snake_case. */
const api = (value: unknown) => snakeKeys(json(value));

interface Expected {
  /**
   * Whose map: the system (operator, services) sees every tie; a researcher of the dialogue initiative
   * (the default) does not see `met` ties that only Chatham House or closed meetings made.
   */
  seenBy?: 'researcher' | 'system';
  divide?: string;
  kinds?: string[];
  directed?: boolean;
  filter?: TieFilter;
}

async function coreInput(
  db: Kysely<Database>,
  demo: DemoWorkspaceIds,
  wanted: Expected = {},
): Promise<{ input: NetworkInput; all: TieRow[] }> {
  const conflict = (await getConflict(db, demo.conflictId))!;
  const divide = conflict.divides.find((d) => d.name === (wanted.divide ?? 'Community'))!;
  const groupNames = new Map(divide.groups.map((g) => [g.id, g.name]));
  const page = { conflict_id: demo.conflictId, limit: 1000, offset: 0 };
  const actors = (await listActors(db, demo.workspaceId, { ...page, include_erased: true })).items;
  const stored = (await listTies(db, demo.workspaceId, page)).items;
  expect(stored.length).toBeLessThan(1000);
  const ties = (wanted.seenBy ?? 'researcher') === 'system' ? stored : await shownToOutsiders(db, stored);
  const pseudonym = new Map(actors.map((a) => [a.id, a.pseudonym]));
  const directed = wanted.directed ?? false;
  const all = ties.flatMap((tie): TieRow[] => {
    const row = {
      source: pseudonym.get(tie.source_actor_id)!,
      target: pseudonym.get(tie.target_actor_id)!,
      strength: tie.strength,
      kind: tie.kind,
      startDate: tie.valid_from,
      endDate: tie.valid_to,
      confidence: tie.confidence,
    };
    return directed && !tie.directed ? [row, { ...row, source: row.target, target: row.source }] : [row];
  });
  const kinds = wanted.kinds ?? ['knows', 'trusts', 'kin', 'works_with', 'met', 'influences'];
  return {
    all,
    input: {
      directed,
      nodes: actors.map((a) => {
        const membership = a.groups.find((g) => g.divide_id === divide.id);
        return {
          id: a.pseudonym,
          group: membership ? groupNames.get(membership.group_id)! : null,
          track: a.track,
        };
      }),
      ties: filterTies(all, { kinds, ...wanted.filter }),
    },
  };
}

/**
 * The ties someone who may not see Chatham House or closed attendance is shown, derived from attendance
 * (not from the store's record of each tie's meetings): a `meeting` tie only when its two actors were
 * together at an open meeting.
 */
async function shownToOutsiders<
  T extends { source: string; source_actor_id: string; target_actor_id: string },
>(db: Kysely<Database>, ties: readonly T[]): Promise<T[]> {
  const rows = await db
    .selectFrom('attendances')
    .innerJoin('meetings', 'meetings.id', 'attendances.meeting_id')
    .select(['attendances.meeting_id', 'attendances.actor_id'])
    .where('meetings.ground_rule', '=', 'open')
    .execute();
  const byMeeting = new Map<string, Set<string>>();
  for (const row of rows) {
    byMeeting.set(row.meeting_id, (byMeeting.get(row.meeting_id) ?? new Set()).add(row.actor_id));
  }
  const together = (a: string, b: string) => [...byMeeting.values()].some((m) => m.has(a) && m.has(b));
  const shown = ties.filter((t) => t.source !== 'meeting' || together(t.source_actor_id, t.target_actor_id));
  // The demo has Chatham House and closed rounds: some of its ties must be kept from outsiders.
  expect(shown.length).toBeLessThan(ties.length);
  return shown;
}

forEachEngine('network analytics through the services, the API and the CLI', (getDb, engine) => {
  const masterKey = randomBytes(32);
  const keys = createVaultKeys(masterKey);
  let app: FastifyInstance;
  let demo: DemoWorkspaceIds;
  let services: ServiceContext;
  const tokens = {} as Record<Caller, string>;
  let otherConflictId = '';

  beforeAll(async () => {
    demo = await loadDemoWorkspace(getDb(), keys);
    app = await testApp(getDb(), engine.dialect, {}, keys);
    services = { db: getDb(), dialect: engine.dialect, keys, auth: systemAuth('network service test') };
    const system = actingAs(services, systemAuth('network service test'));
    const other = await createTestConflict(system, demo.workspaceId, 'Another conflict', {
      name: 'Side',
      groups: ['East', 'West'],
    });
    otherConflictId = other.id;
    const otherInitiative = await createTestInitiative(
      system,
      demo.workspaceId,
      other.id,
      'Another initiative',
    );
    const otherWorkspace = await createTestWorkspace(system, 'Another workspace');
    await getDb()
      .transaction()
      .execute(async (trx) => {
        const sys = systemAuth('network service test');
        const callers: Caller[] = [...roles, 'outsider', 'other-admin'];
        for (const caller of callers) {
          const account = await createAccount(trx, keys, sys, {
            email: `${caller}@example.org`,
            displayName: caller,
            password: 'network service passphrase',
          });
          if (caller === 'outsider') {
            await grantMembership(trx, keys, sys, {
              accountId: account.id,
              initiativeId: otherInitiative.id,
              role: 'convener',
            });
          } else if (caller === 'other-admin') {
            await grantWorkspaceAdmin(trx, keys, sys, {
              workspaceId: otherWorkspace.id,
              accountId: account.id,
            });
          } else {
            await grantMembership(trx, keys, sys, {
              accountId: account.id,
              initiativeId: demo.initiativeIds.dialogue,
              role: caller,
            });
          }
          const auth = { accountId: account.id };
          tokens[caller] = (
            await createApiToken(trx, keys, auth, { accountId: account.id, name: 'network' })
          ).token;
        }
      });
  }, 180_000);
  afterAll(async () => {
    await app?.close();
  });

  const get = (caller: Caller | null, path: string) =>
    app.inject({
      method: 'GET',
      url: `/api/conflicts/${demo.conflictId}/network/${path}`,
      headers: caller ? { authorization: `Bearer ${tokens[caller]}` } : {},
    });

  it('gives a researcher the core measures of the map, named by pseudonym only', async () => {
    const response = await get('researcher', 'metrics');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    const { input } = await coreInput(getDb(), demo);
    expect(body.result).toEqual(api(analyzeNetwork(buildNetwork(input))));
    expect(body.result.nodes).toHaveLength(input.nodes.length);
    expect(body.result.graph.ei_index).toBeLessThan(0);
    expect(body.network).toMatchObject({ names: false, directed: false, ties: input.ties.length });
    expect(body.network.divide.name).toBe('Community');
    expect(body.network.kinds).not.toContain('hostile');
    expect(Object.keys(body.actors)).toHaveLength(input.nodes.length);
    for (const entry of Object.values(body.actors) as Record<string, unknown>[]) {
      expect(entry).not.toHaveProperty('name');
    }
    expect(demoNames.filter((name) => response.body.includes(name))).toEqual([]);
  });

  it('filters the map by divide, kinds, date, confidence and direction as the core does', async () => {
    const response = await get(
      'researcher',
      'metrics?divide=Faith&kinds=knows,trusts,met&as_of=2023-06-30&min_confidence=0.6&directed=true' +
        '&metrics=degree,betweenness,pagerank,ei_index,modularity,brokerage',
    );
    expect(response.statusCode, response.body).toBe(200);
    const filter = { asOf: '2023-06-30', minConfidence: 0.6 };
    const { input } = await coreInput(getDb(), demo, {
      divide: 'Faith',
      kinds: ['knows', 'trusts', 'met'],
      directed: true,
      filter,
    });
    const metrics = ['degree', 'betweenness', 'pagerank', 'eiIndex', 'modularity', 'brokerage'];
    const body = response.json();
    expect(body.result).toEqual(api(analyzeNetwork(buildNetwork(input), { metrics })));
    expect(body.result.graph.directed).toBe(true);
    expect(body.network).toMatchObject({
      as_of: '2023-06-30',
      min_confidence: 0.6,
      kinds: ['knows', 'trusts', 'met'],
    });
    const unfiltered = (await coreInput(getDb(), demo)).input;
    expect(input.ties.length).toBeLessThan(unfiltered.ties.length);
    const period = await get('researcher', 'brokers?from=2019-01-01&to=2020-12-31');
    const inPeriod = await coreInput(getDb(), demo, { filter: { from: '2019-01-01', to: '2020-12-31' } });
    expect(period.json().result).toEqual(api(groupBrokers(buildNetwork(inPeriod.input))));
  });

  it('answers the peacebuilding questions as the core does on the same data', async () => {
    const { input, all } = await coreInput(getDb(), demo);
    const network = buildNetwork(input);

    const brokers = (await get('researcher', 'brokers')).json();
    expect(brokers.result).toEqual(api(groupBrokers(network)));
    expect(brokers.result.pairs).toHaveLength(3);
    expect(brokers.result.pairs.some((p: { brokers: unknown[] }) => p.brokers.length > 0)).toBe(true);

    const intro = (await get('researcher', 'introductions?min_trust=3&limit=7')).json();
    expect(intro.result).toEqual(api(introductions(network, { minTrust: 3, limit: 7 })));
    expect(intro.result.length).toBeGreaterThan(0);
    expect(intro.result[0].reason).toContain(intro.result[0].intermediary.id);
    expect(intro.actors[intro.result[0].intermediary.id]).toBeDefined();

    const fragile = (await get('researcher', 'fragility?limit=5')).json();
    expect(fragile.result).toEqual(api(fragility(network, { limit: 5 })));
    expect(fragile.result[0].cross_divide_reach_lost).toBeGreaterThan(0);

    const paths = (await get('researcher', 'track-one-paths?steps=3&paths=2')).json();
    const reach = trackOnePaths(network, { steps: 3, pathsPerActor: 2 });
    expect(paths.result).toEqual(api(reach.slice(0, 100)));
    expect(paths.result[0].paths.length).toBeGreaterThan(0);

    const changes = (await get('researcher', 'changes?from=2019-01-01&to=2024-01-01')).json();
    const kinds = ['knows', 'trusts', 'kin', 'works_with', 'met', 'influences'];
    expect(changes.result).toEqual(
      api(divideChange({ ...input, ties: all }, '2019-01-01', '2024-01-01', { kinds })),
    );
    expect(changes.result.new_ties.length).toBeGreaterThan(0);
  });

  it('answers "what if this actor were removed" and starts paths from an actor, named by pseudonym or id', async () => {
    const { input } = await coreInput(getDb(), demo);
    const network = buildNetwork(input);
    const worst = fragility(network, { limit: 1 })[0].id;
    const actorId = (await get('researcher', `fragility?actors=${worst}`)).json().actors[worst].actor_id;
    const byId = (await get('researcher', `fragility?actors=${actorId}`)).json();
    expect(byId.result).toEqual(api(fragility(network, { actors: [worst] })));
    const start = input.nodes.find((n) => n.track === '2')!.id;
    const from = (await get('researcher', `track-one-paths?actors=${start}`)).json();
    expect(from.result).toEqual(api(trackOnePaths(network, { from: [start] })));
    expect(from.result[0].paths.every((p: { path: string[] }) => p.path[0] === start)).toBe(true);
  });

  it('gives the browser the map: nodes with pseudonym, group colour and measures, and the ties kept', async () => {
    const response = await get('researcher', 'graph?metrics=degree,betweenness,community');
    expect(response.statusCode, response.body).toBe(200);
    const { result } = response.json();
    const { input } = await coreInput(getDb(), demo);
    const report = analyzeNetwork(buildNetwork(input), { metrics: ['degree', 'betweenness', 'community'] });
    expect(result.nodes.map((n: { id: string }) => n.id)).toEqual(input.nodes.map((n) => n.id));
    expect(result.nodes.map((n: { metrics: object }) => ({ id: '', ...n.metrics }))).toEqual(
      api(report.nodes.map((n) => ({ ...n, id: '' }))),
    );
    const keshani = result.nodes.find((n: { group: string }) => n.group === 'Keshani');
    expect(keshani.color).toBe('#1f77b4');
    expect(result.ties).toHaveLength(input.ties.length);
    const across = input.ties.filter((t) => {
      const g = (id: string) => input.nodes.find((n) => n.id === id)!.group;
      return g(t.source) && g(t.target) && g(t.source) !== g(t.target);
    });
    expect(result.ties.filter((t: { across_divide: boolean }) => t.across_divide)).toHaveLength(
      across.length,
    );
  });

  it('gives the map as columns: the same actors, sides, measures and ties as the core, names only if allowed', async () => {
    const response = await get('researcher', 'graph-columns?kinds=knows,trusts,hostile&as_of=2023-06-30');
    expect(response.statusCode, response.body).toBe(200);
    const { result, network } = response.json();
    expect(network.kinds).toEqual(['knows', 'trusts', 'hostile']);
    const { input } = await coreInput(getDb(), demo, {
      kinds: ['knows', 'trusts', 'hostile'],
      filter: { asOf: '2023-06-30' },
    });
    const report = analyzeNetwork(buildNetwork(input), {
      metrics: ['degree', 'betweenness', 'pagerank', 'community'],
    });
    const { nodes, ties } = decodeGraphColumns(result);
    expect(nodes.map((n) => n.id)).toEqual(input.nodes.map((n) => n.id));
    expect(nodes.map((n) => n.group)).toEqual(input.nodes.map((n) => n.group ?? null));
    expect(nodes.map((n) => n.degree)).toEqual(report.nodes.map((n) => n.degree));
    expect(nodes.map((n) => n.community)).toEqual(report.nodes.map((n) => n.community));
    nodes.forEach((n, v) => expect(n.betweenness).toBeCloseTo(report.nodes[v].betweenness!, 5));
    expect(ties.map((t) => `${t.source}|${t.target}|${t.kind}`).sort()).toEqual(
      input.ties.map((t) => `${t.source}|${t.target}|${t.kind}`).sort(),
    );
    expect(ties.some((t) => t.kind === 'hostile')).toBe(true);
    expect(result.names).toBeUndefined();
    expect(demoNames.filter((name) => response.body.includes(name))).toEqual([]);
    // Sides apart: the first positions of two sides' actors have distinct centres.
    const centre = (group: string) => {
      const members = nodes.filter((n) => n.group === group);
      return members.reduce((sum, n) => sum + n.x, 0) / members.length;
    };
    const sides = [...new Set(nodes.map((n) => n.group).filter((g) => g !== null))] as string[];
    expect(new Set(sides.map((g) => centre(g).toFixed(1))).size).toBe(sides.length);
    const convener = (await get('convener', 'graph-columns')).json();
    expect(convener.result.names.filter((name: string | null) => name !== null).length).toBeGreaterThan(0);
  });

  it('computes the bridges and brokers on the map as filtered (tie kinds, date), as the core does', async () => {
    const query = 'kinds=knows,works_with&as_of=2022-01-01';
    const body = (await get('researcher', `brokers?${query}`)).json();
    const { input } = await coreInput(getDb(), demo, {
      kinds: ['knows', 'works_with'],
      filter: { asOf: '2022-01-01' },
    });
    expect(body.result).toEqual(api(groupBrokers(buildNetwork(input))));
    const unfiltered = (await get('researcher', 'brokers')).json();
    expect(body.result).not.toEqual(unfiltered.result);
  });

  it('adds names from the vault for a convener and a facilitator, unless asked for pseudonyms only', async () => {
    for (const caller of ['convener', 'facilitator'] as const) {
      const body = (await get(caller, 'introductions?limit=3')).json();
      expect(body.network.names).toBe(true);
      const entries = Object.values(body.actors) as { actor_id: string; name?: string }[];
      expect(entries.length).toBeGreaterThan(0);
      for (const entry of entries) {
        const identity = await getIdentity(getDb(), keys, demo.workspaceId, entry.actor_id);
        expect(entry.name).toBe(identity!.names[0]);
      }
    }
    const plain = await get('convener', 'introductions?limit=3&names=false');
    expect(plain.json().network.names).toBe(false);
    expect(demoNames.filter((name) => plain.body.includes(name))).toEqual([]);
  });

  it('refuses a participant and a funder (403), anyone of another initiative or workspace (404), nobody (401)', async () => {
    const paths = ['metrics', 'brokers', 'introductions', 'fragility', 'track-one-paths', 'changes', 'graph'];
    paths.push('graph-columns');
    for (const path of paths) {
      for (const caller of ['participant', 'funder'] as const) {
        const response = await get(caller, path);
        expect(response.statusCode, `${caller} ${path}`).toBe(403);
        expect(response.json().error.code).toBe('TT_ERR_FORBIDDEN');
      }
      for (const caller of ['outsider', 'other-admin'] as const) {
        const response = await get(caller, path);
        expect(response.statusCode, `${caller} ${path}`).toBe(404);
        expect(response.body).not.toContain('A-');
      }
      expect((await get(null, path)).statusCode).toBe(401);
    }
    const own = await app.inject({
      method: 'GET',
      url: `/api/conflicts/${otherConflictId}/network/metrics`,
      headers: { authorization: `Bearer ${tokens.outsider}` },
    });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().result.nodes).toEqual([]);
  });

  it('refuses bad query parameters with a coded 4xx naming the field', async () => {
    const cases: [string, string][] = [
      ['metrics?kinds=friendly', 'kinds'],
      ['metrics?as_of=2023-13-01', 'as_of'],
      ['metrics?min_confidence=2', 'min_confidence'],
      ['metrics?divide=Language', 'divide'],
      ['metrics?metrics=charisma', 'metrics'],
      ['metrics?directed=maybe', 'directed'],
      ['metrics?pivots=0', 'pivots'],
      ['metrics?colour=red', 'colour'],
      ['brokers?from=2024-01-01&to=2020-01-01', 'to'],
      ['introductions?limit=0', 'limit'],
      ['introductions?min_trust=9', 'min_trust'],
      ['fragility?actors=A-NNNNNN', 'actors'],
      ['track-one-paths?steps=0', 'steps'],
      ['changes?from=2024-01-01&to=2020-01-01', 'to'],
      ['changes?as_of=2020-01-01', 'as_of'],
      ['graph?metrics=density', 'metrics'],
    ];
    for (const [path, field] of cases) {
      const response = await get('researcher', path);
      expect(response.statusCode, `${path}: ${response.body}`).toBe(400);
      const { error } = response.json();
      expect(error.code, path).toBe('TT_ERR_VALIDATION');
      expect(String(error.details.field).split('.')[0], path).toBe(field);
    }
  });

  it('documents every network route and its query fields in OpenAPI', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const questions = [
      'metrics',
      'brokers',
      'introductions',
      'fragility',
      'track-one-paths',
      'changes',
      'graph',
    ];
    for (const question of questions) {
      const route = doc.paths[`/api/conflicts/{id}/network/${question}`]?.get;
      expect(route, question).toBeDefined();
      const names = route.parameters.map((p: { name: string }) => p.name);
      expect(names, question).toEqual(
        expect.arrayContaining(['id', 'divide', 'kinds', 'min_confidence', 'directed']),
      );
    }
  });

  if (engine.dialect === 'sqlite') {
    it('computes exact betweenness on worker threads, and sampled betweenness when asked', async () => {
      const { input } = await coreInput(getDb(), demo, { seenBy: 'system' });
      const network = buildNetwork(input);
      const query = metricsQuerySchema.parse({ metrics: 'betweenness' });
      const pooled = await analyzeConflictNetwork(services, demo.conflictId, query, { workers: 2 });
      const exact = betweenness(network);
      pooled.result.nodes.forEach((node, v) => expect(node.betweenness).toBeCloseTo(exact[v], 12));
      const sampled = (await get('researcher', 'metrics?metrics=betweenness&pivots=40&seed=7')).json();
      const reference = sampledBetweenness(buildNetwork((await coreInput(getDb(), demo)).input), 40, {
        seed: 7,
      });
      expect(sampled.result.nodes.map((n: { betweenness: number }) => n.betweenness)).toEqual([
        ...reference.values,
      ]);
      expect(sampled.result.betweenness_sample).toEqual({
        pivots: 40,
        error_bound: reference.errorBound,
        confidence: reference.confidence,
      });
      const stopped = new AbortController();
      stopped.abort();
      await expect(
        analyzeConflictNetwork(services, demo.conflictId, query, { workers: 2, signal: stopped.signal }),
      ).rejects.toMatchObject({ code: 'TT_ERR_NETWORK_CANCELLED' });
    });
  }

  it('answers the same questions at the command line, pseudonyms unless --names', async () => {
    const saved = process.env.TRACKTWO_MASTER_KEY;
    process.env.TRACKTWO_MASTER_KEY = masterKey.toString('base64');
    const run = async (...args: string[]) => {
      const io = captureIo();
      const code = await main(
        [
          'node',
          'tracktwo',
          'network',
          'report',
          ...args,
          '--conflict',
          demo.conflictId,
          '--database',
          engine.getUrl(),
        ],
        io,
      );
      return { code, ...io };
    };
    try {
      // The operator at the command line holds the database: it sees every tie.
      const { input } = await coreInput(getDb(), demo, { seenBy: 'system' });
      const brokers = await run('brokers');
      expect(brokers.code, brokers.stderr).toBe(0);
      expect(JSON.parse(brokers.stdout).result).toEqual(json(groupBrokers(buildNetwork(input))));
      expect(demoNames.filter((name) => brokers.stdout.includes(name))).toEqual([]);
      const named = await run('fragility', '--limit', '3', '--names', '--format', 'table');
      expect(named.code, named.stderr).toBe(0);
      const worst = fragility(buildNetwork(input), { limit: 1 })[0].id;
      const actorId = (await get('researcher', `fragility?actors=${worst}`)).json().actors[worst].actor_id;
      const identity = await getIdentity(getDb(), keys, demo.workspaceId, actorId);
      expect(named.stdout).toContain(identity!.names[0]);
      const summary = await run('metrics', '--metrics', 'degree,ei_index', '--format', 'table');
      const ei = analyzeNetwork(buildNetwork(input), { metrics: ['eiIndex'] }).graph.eiIndex!;
      expect(summary.stdout).toContain(`eiIndex: ${Number(ei.toPrecision(6))}\n`);
      const wrong = await run('track-one-paths', '--steps', 'zero');
      expect(wrong.code).not.toBe(0);
      expect(wrong.stderr).toContain('TT_ERR_VALIDATION');
      expect(wrong.stderr).toContain('--steps');
      const misplaced = await run('brokers', '--steps', '2');
      expect(misplaced.code).not.toBe(0);
      expect(misplaced.stderr).toContain('--steps');
    } finally {
      if (saved === undefined) delete process.env.TRACKTWO_MASTER_KEY;
      else process.env.TRACKTWO_MASTER_KEY = saved;
    }
  });
});

describe('the change period of /network/changes', () => {
  it('runs from a year before `to` (today by default) to `to`, and refuses a period that runs backwards', () => {
    const today = new Date('2026-03-01T12:00:00.000Z');
    expect(changePeriod({}, today)).toEqual(['2025-03-01', '2026-03-01']);
    expect(changePeriod({ to: '2024-02-29' }, today)).toEqual(['2023-03-01', '2024-02-29']);
    expect(changePeriod({ from: '2020-01-01' }, today)).toEqual(['2020-01-01', '2026-03-01']);
    expect(() => changePeriod({ from: '2027-01-01' }, today)).toThrow(
      expect.objectContaining({ code: 'TT_ERR_VALIDATION' }),
    );
  });
});
