import { beforeAll, expect, it } from 'vitest';
import { forEachEngine } from '../support/databases.js';

import { worldOfBlock, makeActor, ok, refused, rowCounts } from './support/resources.js';

interface OutcomeBody {
  id: string;
  title: string;
  kind: string;
  meeting_id: string | null;
}
interface TransferBody {
  id: string;
  status: string;
  handed_on: string;
  status_on: string;
  note: string;
  recipient_actor_ids: string[];
  recipient_count?: number;
}

forEachEngine('resources: outcomes and transfers to Track I', (getDb, engine) => {
  const world = worldOfBlock(getDb, engine);
  let minister: string;
  let envoy: string;
  let citizen: string;
  let meetingId: string;
  let outcome: OutcomeBody;
  let transfer: TransferBody;
  beforeAll(async () => {
    minister = (await makeActor(world, { role: 'state_official', track: '1' })).id;
    envoy = (await makeActor(world, { role: 'state_official', track: '1' })).id;
    citizen = (await makeActor(world, { role: 'youth_leader', track: '3' })).id;
    meetingId = ok<{ id: string }>(
      await world.admin.post('/api/meetings', {
        initiative_id: world.initiativeId,
        title: 'Round 2',
        held_on: '2024-04-01',
        status: 'held',
      }),
      201,
    ).id;
  });

  it('records, lists, reads, changes and deletes outcomes', async () => {
    outcome = ok<OutcomeBody>(
      await world.as.facilitator.post('/api/outcomes', {
        initiative_id: world.initiativeId,
        meeting_id: meetingId,
        title: 'Shared water schedule',
        kind: 'agreement',
      }),
      201,
    );
    const draft = ok<OutcomeBody>(
      await world.as.convener.post('/api/outcomes', { initiative_id: world.initiativeId, title: 'Draft' }),
      201,
    );
    expect(draft).toMatchObject({ kind: 'proposal', meeting_id: null, description: '' });
    for (const role of ['participant', 'researcher', 'funder'] as const) {
      const listed = ok<{ items: OutcomeBody[] }>(
        await world.as[role].get(`/api/initiatives/${world.initiativeId}/outcomes`),
      );
      expect(listed.items.map((o) => o.title).sort()).toEqual(['Draft', 'Shared water schedule']);
      expect(ok(await world.as[role].get(`/api/outcomes/${outcome.id}`))).toMatchObject({
        kind: 'agreement',
      });
      expect(refused(await world.as[role].patch(`/api/outcomes/${draft.id}`, { title: 'Mine' }), 403)).toBe(
        'TT_ERR_FORBIDDEN',
      );
    }
    expect(
      ok(await world.as.convener.patch(`/api/outcomes/${draft.id}`, { description: 'Second reading' })),
    ).toMatchObject({ title: 'Draft', description: 'Second reading' });
    ok(await world.as.convener.delete(`/api/outcomes/${draft.id}`), 204);
    expect(refused(await world.as.convener.get(`/api/outcomes/${draft.id}`), 404)).toBe('TT_ERR_NOT_FOUND');
  });

  it('hands an outcome to Track-I actors, then records its status changes with their dates', async () => {
    const before = await rowCounts(getDb());
    transfer = ok<TransferBody>(
      await world.as.convener.post('/api/transfers', {
        outcome_id: outcome.id,
        handed_on: '2024-04-15',
        recipient_actor_ids: [minister, envoy],
        note: 'Through the ministry',
      }),
      201,
    );
    // Handed on a day: its status dates from that day until something else is recorded.
    expect(transfer).toMatchObject({ status: 'handed', handed_on: '2024-04-15', status_on: '2024-04-15' });
    expect(transfer.recipient_actor_ids.sort()).toEqual([minister, envoy].sort());

    const noted = ok<TransferBody>(
      await world.as.facilitator.patch(`/api/transfers/${transfer.id}`, {
        status: 'noted',
        status_on: '2024-05-02',
      }),
    );
    expect(noted).toMatchObject({ status: 'noted', handed_on: '2024-04-15', status_on: '2024-05-02' });
    const adopted = ok<TransferBody>(
      await world.as.convener.patch(`/api/transfers/${transfer.id}`, {
        status: 'adopted',
        status_on: '2024-09-30',
      }),
    );
    expect(adopted).toMatchObject({ status: 'adopted', status_on: '2024-09-30' });
    const after = await rowCounts(getDb());
    expect(after.transfers - before.transfers).toBe(1);
    expect(after.transfer_recipients - before.transfer_recipients).toBe(2);
    const actions = await getDb()
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', transfer.id)
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['transfer.create', 'transfer.update', 'transfer.update']);
  });

  it('shows recipients to map readers, only their number to the others', async () => {
    const listFor = async (role: 'researcher' | 'funder' | 'participant') =>
      ok<{ items: TransferBody[] }>(
        await world.as[role].get(`/api/initiatives/${world.initiativeId}/transfers`),
      ).items;
    const [seen] = await listFor('researcher');
    expect(seen).toMatchObject({ id: transfer.id, status: 'adopted', recipient_count: 2 });
    expect(seen.recipient_actor_ids).toHaveLength(2);
    for (const role of ['funder', 'participant'] as const) {
      const [counted] = await listFor(role);
      expect(counted).toMatchObject({ status: 'adopted', recipient_count: 2, recipient_actor_ids: [] });
      const one = ok<TransferBody>(await world.as[role].get(`/api/transfers/${transfer.id}`));
      expect(one.recipient_actor_ids).toEqual([]);
      expect(JSON.stringify(one)).not.toContain(minister);
    }
  });

  it('refuses a status dated before the handing, a recipient outside Track I, and others’ writes', async () => {
    const before = await rowCounts(getDb());
    expect(
      refused(
        await world.as.convener.patch(`/api/transfers/${transfer.id}`, {
          handed_on: '2024-10-01',
          status_on: '2024-09-01',
        }),
        400,
      ),
    ).toBe('TT_ERR_VALIDATION');
    expect(
      refused(
        await world.as.convener.post('/api/transfers', {
          outcome_id: outcome.id,
          handed_on: '2024-04-15',
          recipient_actor_ids: [citizen],
        }),
        400,
      ),
    ).toBe('TT_ERR_VALIDATION');
    expect(
      refused(
        await world.as.convener.post('/api/transfers', {
          outcome_id: outcome.id,
          handed_on: '2024-04-15',
          status: 'rejected',
          status_on: '2024-03-01',
          recipient_actor_ids: [minister],
        }),
        400,
      ),
    ).toBe('TT_ERR_VALIDATION');
    for (const role of ['researcher', 'funder', 'participant'] as const) {
      expect(
        refused(
          await world.as[role].patch(`/api/transfers/${transfer.id}`, {
            status: 'rejected',
            status_on: '2024-10-01',
          }),
          403,
        ),
      ).toBe('TT_ERR_FORBIDDEN');
    }
    expect(await rowCounts(getDb())).toEqual(before);
    ok(await world.as.convener.delete(`/api/transfers/${transfer.id}`), 204);
    expect(refused(await world.as.convener.get(`/api/transfers/${transfer.id}`), 404)).toBe(
      'TT_ERR_NOT_FOUND',
    );
  });
});
