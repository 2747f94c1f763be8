import { beforeAll, expect, it } from 'vitest';
import { systemAuth } from '../../src/security/auth.js';
import { createApiToken } from '../../src/security/sessions.js';
import { forEachEngine } from '../support/databases.js';
import { tablesSnapshot } from '../support/records.js';
import { client } from './support/app.js';
import { makeActor, ok, refused, worldOfBlock, type Client } from './support/resources.js';

interface EventBody {
  id: string;
  kind: string;
  occurred_on: string;
  agreement_stage: string | null;
  gender_provisions: boolean | null;
  party_actor_ids: string[];
  party_count: number;
}

const TABLES = [
  'track_one_events',
  'track_one_event_parties',
  'transfer_track_one_events',
  'peace_indicators',
  'funders',
  'budget_lines',
  'pledges',
  'disbursements',
  'audit_log',
] as const;

forEachEngine('resources: the Track-I timeline, peace indicators and funding', (getDb, engine) => {
  const world = worldOfBlock(getDb, engine);
  let monitor: Client;
  let government: string;
  let rebels: string;
  const snapshot = () => tablesSnapshot(getDb(), TABLES);

  beforeAll(async () => {
    government = (await makeActor(world, { role: 'state_official', track: '1' }, ['Minister Zorblat'])).id;
    rebels = (
      await makeActor(world, {
        kind: 'organisation',
        role: 'armed_group_representative',
        track: '1',
        gender: null,
      })
    ).id;
    const email = 'monitor@resources.example.org';
    const made = ok<{ account: { id: string } }>(
      await world.admin.post('/api/accounts', {
        email,
        display_name: 'monitor',
        password: 'resource tests passphrase 77',
      }),
      201,
    );
    ok(
      await world.admin.post(`/api/initiatives/${world.initiativeId}/members`, {
        email,
        role: 'field_monitor',
      }),
      202,
    );
    const token = await getDb()
      .transaction()
      .execute((trx) =>
        createApiToken(trx, world.keys, systemAuth('tests'), { accountId: made.account.id, name: 'tests' }),
      );
    monitor = client(world.app, { token: token.token });
  });

  it('records a Track-I timeline with PA-X coded agreements; parties only to actor readers', async () => {
    const talks = ok<EventBody>(
      await world.as.convener.post('/api/track-one-events', {
        conflict_id: world.conflictId,
        kind: 'talks_opened',
        occurred_on: '2023-05-17',
        date_precision: 'month',
        title: 'Jeddah talks open',
        source: 'UN press release',
        party_actor_ids: [government, rebels],
      }),
      201,
    );
    expect(talks.occurred_on).toBe('2023-05-01');
    const accord = ok<EventBody>(
      await world.as.facilitator.post('/api/track-one-events', {
        conflict_id: world.conflictId,
        kind: 'agreement_signed',
        occurred_on: '2023-05-20',
        title: 'Declaration of commitment',
        agreement_stage: 'ceasefire',
        gender_provisions: false,
        party_actor_ids: [government],
      }),
      201,
    );
    expect(accord).toMatchObject({ agreement_stage: 'ceasefire', gender_provisions: false, party_count: 1 });
    const url = `/api/conflicts/${world.conflictId}/track-one-events`;
    const lead = ok<{ items: EventBody[] }>(await world.as.facilitator.get(url));
    expect(lead.items.map((e) => e.kind)).toEqual(['talks_opened', 'agreement_signed']);
    expect(lead.items[0].party_actor_ids.sort()).toEqual([government, rebels].sort());
    for (const role of ['participant', 'funder'] as const) {
      const reply = await world.as[role].get(url);
      const seen = ok<{ items: EventBody[] }>(reply);
      expect(seen.items.map((e) => e.party_count)).toEqual([2, 1]);
      expect(seen.items.every((e) => e.party_actor_ids.length === 0)).toBe(true);
      expect(reply.body).not.toContain(government);
      expect(reply.body).not.toContain('Zorblat');
    }
    expect(refused(await monitor.get(url), 403)).toBe('TT_ERR_FORBIDDEN');
    expect(
      ok<EventBody>(
        await world.as.convener.patch(`/api/track-one-events/${accord.id}`, { gender_provisions: true }),
      ),
    ).toMatchObject({ gender_provisions: true });
  });

  it('refuses bad Track-I input with a coded error and writes nothing', async () => {
    const before = await snapshot();
    const post = (body: Record<string, unknown>) =>
      world.as.convener.post('/api/track-one-events', {
        conflict_id: world.conflictId,
        kind: 'ceasefire',
        occurred_on: '2024-01-01',
        title: 'Ceasefire',
        ...body,
      });
    expect(refused(await post({ kind: 'agreement_signed' }), 400)).toBe('TT_ERR_VALIDATION');
    expect(refused(await post({ agreement_stage: 'renewal', gender_provisions: true }), 400)).toBe(
      'TT_ERR_VALIDATION',
    );
    expect(refused(await post({ occurred_on: '2024-13-01' }), 400)).toBe('TT_ERR_VALIDATION');
    expect(refused(await post({ kind: 'armistice' }), 400)).toBe('TT_ERR_VALIDATION');
    expect(refused(await post({ party_actor_ids: ['00000000-0000-4000-8000-000000000000'] }), 400)).toBe(
      'TT_ERR_PARTY_NOT_IN_CONFLICT',
    );
    expect(
      refused(
        await world.as.participant.post('/api/track-one-events', {
          conflict_id: world.conflictId,
          kind: 'ceasefire',
          occurred_on: '2024-01-01',
          title: 'x',
        }),
        403,
      ),
    ).toBe('TT_ERR_FORBIDDEN');
    const events = ok<{ items: EventBody[] }>(
      await world.as.convener.get(`/api/conflicts/${world.conflictId}/track-one-events`),
    );
    const accord = events.items.find((e) => e.kind === 'agreement_signed')!;
    expect(
      refused(await world.as.convener.patch(`/api/track-one-events/${accord.id}`, { kind: 'truce' }), 400),
    ).toBe('TT_ERR_VALIDATION');
    expect(await snapshot()).toBe(before);
  });

  it('takes a field monitor’s report per area and month, all or nothing', async () => {
    const url = `/api/initiatives/${world.initiativeId}/peace-indicators`;
    const report = {
      area: 'Beledweyne',
      month: '2024-03',
      entries: [
        { kind: 'markets_open', count: 4 },
        { kind: 'women_peace_messengers', count: 12 },
        { kind: 'other', other_label: 'Shared water points', count: 2 },
      ],
    };
    const stored = ok<{ items: { kind: string; count: number }[] }>(await monitor.put(url, report));
    expect(stored.items).toHaveLength(3);
    ok(await monitor.put(url, { ...report, entries: [{ kind: 'markets_open', count: 5 }] }));
    const listed = ok<{ items: { kind: string; count: number }[] }>(await world.as.funder.get(url));
    expect(listed.items.find((i) => i.kind === 'markets_open')!.count).toBe(5);
    expect(listed.items).toHaveLength(3);
    const before = await snapshot();
    expect(refused(await monitor.put(url, { ...report, month: '2024-3' }), 400)).toBe('TT_ERR_VALIDATION');
    expect(
      refused(await monitor.put(url, { ...report, entries: [{ kind: 'markets_open', count: -1 }] }), 400),
    ).toBe('TT_ERR_VALIDATION');
    expect(
      refused(
        await monitor.put(url, {
          ...report,
          entries: [
            { kind: 'joint_events', count: 1 },
            { kind: 'joint_events', count: 2 },
          ],
        }),
        400,
      ),
    ).toBe('TT_ERR_VALIDATION');
    expect(refused(await monitor.put(url, { ...report, entries: [{ kind: 'other', count: 1 }] }), 400)).toBe(
      'TT_ERR_VALIDATION',
    );
    expect(refused(await world.as.participant.put(url, report), 403)).toBe('TT_ERR_FORBIDDEN');
    expect(refused(await monitor.get(`/api/initiatives/${world.initiativeId}/outcomes`), 403)).toBe(
      'TT_ERR_FORBIDDEN',
    );
    expect(await snapshot()).toBe(before);
  });

  it('keeps funders, needs, pledges and disbursements; the gap per currency; funders see aggregates only', async () => {
    const funder = ok<{ id: string }>(
      await world.as.convener.post(`/api/workspaces/${world.workspaceId}/funders`, {
        name: 'Nordic Peace Fund',
      }),
      201,
    );
    const i = world.initiativeId;
    ok(
      await world.as.convener.post(`/api/initiatives/${i}/budget-lines`, {
        label: 'Travel',
        currency: 'USD',
        amount: 1000.1,
      }),
      201,
    );
    ok(
      await world.as.convener.post(`/api/initiatives/${i}/budget-lines`, {
        label: 'Venue',
        currency: 'USD',
        amount: 500.2,
      }),
      201,
    );
    ok(
      await world.as.convener.post(`/api/initiatives/${i}/budget-lines`, {
        label: 'Interpreters',
        currency: 'EUR',
        amount: 300,
      }),
      201,
    );
    const pledge = ok<{ id: string }>(
      await world.as.convener.post(`/api/initiatives/${i}/pledges`, {
        funder_id: funder.id,
        currency: 'USD',
        amount: 1200,
        pledged_on: '2024-01-10',
      }),
      201,
    );
    ok(
      await world.as.convener.post(`/api/pledges/${pledge.id}/disbursements`, {
        amount: 700,
        disbursed_on: '2024-02-01',
      }),
      201,
    );
    const before = await snapshot();
    expect(
      refused(
        await world.as.convener.post(`/api/pledges/${pledge.id}/disbursements`, {
          amount: 500.01,
          disbursed_on: '2024-03-01',
        }),
        409,
      ),
    ).toBe('TT_ERR_OVER_DISBURSED');
    expect(
      refused(
        await world.as.convener.post(`/api/initiatives/${i}/budget-lines`, {
          label: 'x',
          currency: 'usd',
          amount: 1,
        }),
        400,
      ),
    ).toBe('TT_ERR_VALIDATION');
    expect(
      refused(
        await world.as.convener.post(`/api/initiatives/${i}/pledges`, {
          funder_id: funder.id,
          currency: 'USD',
          amount: -5,
          pledged_on: '2024-01-10',
        }),
        400,
      ),
    ).toBe('TT_ERR_VALIDATION');
    expect(
      refused(
        await world.as.facilitator.post(`/api/initiatives/${i}/budget-lines`, {
          label: 'x',
          currency: 'USD',
          amount: 1,
        }),
        403,
      ),
    ).toBe('TT_ERR_FORBIDDEN');
    expect(await snapshot()).toBe(before);

    const gap = [
      { currency: 'EUR', needed: 300, pledged: 0, disbursed: 0, unpledged: 300, undisbursed: 0 },
      { currency: 'USD', needed: 1500.3, pledged: 1200, disbursed: 700, unpledged: 300.3, undisbursed: 500 },
    ];
    const full = ok<{ details: boolean; pledges: { funder_name: string }[]; gap: unknown }>(
      await world.as.facilitator.get(`/api/initiatives/${i}/resources`),
    );
    expect(full).toMatchObject({ details: true, gap });
    expect(full.pledges[0].funder_name).toBe('Nordic Peace Fund');
    const funderView = await world.as.funder.get(`/api/initiatives/${i}/resources`);
    expect(ok(funderView)).toMatchObject({ details: false, pledges: [], disbursements: [], gap });
    expect(funderView.body).not.toContain('Nordic Peace Fund');
    expect(refused(await world.as.funder.get(`/api/workspaces/${world.workspaceId}/funders`), 403)).toBe(
      'TT_ERR_FORBIDDEN',
    );
    for (const who of [world.as.participant, world.as.researcher, monitor]) {
      expect(refused(await who.get(`/api/initiatives/${i}/resources`), 403)).toBe('TT_ERR_FORBIDDEN');
      expect(refused(await who.get(`/api/conflicts/${world.conflictId}/funding-gap`), 403)).toBe(
        'TT_ERR_FORBIDDEN',
      );
      // The initiative itself carries no funding figure for them either.
      const initiative = ok<{ funding_needed: unknown; funding_pledged: unknown }>(
        await who.get(`/api/initiatives/${i}`),
      );
      expect([initiative.funding_needed, initiative.funding_pledged]).toEqual([null, null]);
    }
    expect(ok(await world.as.funder.get(`/api/conflicts/${world.conflictId}/funding-gap`))).toEqual({
      initiative_ids: [i],
      currencies: gap,
    });
  });
});
