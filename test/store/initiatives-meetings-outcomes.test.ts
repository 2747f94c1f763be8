import { beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/actor.js';
import { initiativeSchema } from '../../src/domain/initiative.js';
import { attendanceSchema, meetingSchema } from '../../src/domain/meeting.js';
import { outcomeSchema, transferSchema } from '../../src/domain/outcome.js';
import {
  createInitiative,
  deleteInitiative,
  getInitiative,
  listInitiatives,
  listInitiativesOfActor,
  updateInitiative,
} from '../../src/store/repositories/initiatives.js';
import {
  createMeeting,
  deleteMeeting,
  getMeeting,
  listAttendances,
  listAttendancesOfActor,
  listMeetings,
  removeAttendance,
  updateMeeting,
} from '../../src/store/repositories/meetings.js';
import {
  createOutcome,
  createTransfer,
  deleteOutcome,
  findTransferInitiativeId,
  getOutcome,
  getTransfer,
  listOutcomes,
  listTransfers,
  updateOutcome,
  updateTransfer,
} from '../../src/store/repositories/outcomes.js';
import { listTies } from '../../src/store/repositories/ties.js';
import { recordAttendees } from '../../src/services/initiatives/attendance.js';
import { countRows, forEachEngine } from '../support/databases.js';
import { makeActor, makeSetting, type Setting } from './fixtures.js';

forEachEngine('initiatives, meetings and outcomes', (getDb) => {
  let setting: Setting;
  let people: Actor[];
  let minister: Actor;
  let envoy: Actor;

  beforeAll(async () => {
    setting = await makeSetting(getDb(), 'Process');
    people = [];
    for (let i = 0; i < 5; i += 1) people.push(await makeActor(getDb(), setting));
    minister = await makeActor(getDb(), setting, { role: 'state_official', track: '1' });
    envoy = await makeActor(getDb(), setting, { role: 'third_party', track: '1.5' });
  });

  const newInitiative = (name: string) =>
    createInitiative(getDb(), {
      workspace_id: setting.workspace.id,
      conflict_id: setting.conflict.id,
      name,
      aims: 'Open a channel',
      status: 'active',
      started_on: '2024-01-01',
      funding_needed: 120000.5,
      funding_pledged: 45000,
      inclusion_target_women: 0.4,
      actors: [
        { actor_id: people[0].id, capacity: 'convener' },
        { actor_id: envoy.id, capacity: 'facilitator' },
      ],
    });

  it('round-trips an initiative with conveners and facilitators', async () => {
    const initiative = await newInitiative('Channel');
    expect(initiativeSchema.parse(initiative)).toEqual(initiative);
    expect(await getInitiative(getDb(), initiative.id)).toEqual(initiative);
    expect(initiative.funding_needed).toBe(120000.5);
    expect(initiative.actors).toEqual([
      { actor_id: people[0].id, capacity: 'convener' },
      { actor_id: envoy.id, capacity: 'facilitator' },
    ]);
    const updated = await updateInitiative(getDb(), initiative.id, {
      status: 'paused',
      actors: [{ actor_id: people[1].id, capacity: 'convener' }],
    });
    expect(updated).toMatchObject({ status: 'paused', aims: 'Open a channel' });
    expect(updated!.actors).toEqual([{ actor_id: people[1].id, capacity: 'convener' }]);
    expect(await listInitiativesOfActor(getDb(), people[1].id)).toEqual([
      { initiative_id: initiative.id, capacity: 'convener' },
    ]);
    await expect(updateInitiative(getDb(), initiative.id, { ended_on: '2023-01-01' })).rejects.toMatchObject({
      code: 'TT_ERR_VALIDATION',
    });
    const stranger = await makeActor(getDb(), await makeSetting(getDb(), 'Outside'));
    await expect(
      updateInitiative(getDb(), initiative.id, {
        actors: [{ actor_id: stranger.id, capacity: 'facilitator' }],
      }),
    ).rejects.toMatchObject({ code: 'TT_ERR_VALIDATION' });
    const listed = await listInitiatives(getDb(), setting.workspace.id, { status: 'paused' });
    expect(listed.map((i) => i.id)).toEqual([initiative.id]);
    expect(await listInitiatives(getDb(), setting.workspace.id, { ids: [] })).toEqual([]);
  });

  it('records attendance with met ties between every pair, once per meeting', async () => {
    const initiative = await newInitiative('Rounds');
    const round1 = await createMeeting(getDb(), {
      initiative_id: initiative.id,
      title: 'Round 1',
      held_on: '2024-02-01',
      place: 'Capital',
      ground_rule: 'chatham_house',
      status: 'held',
    });
    expect(meetingSchema.parse(round1)).toEqual(round1);
    expect(await getMeeting(getDb(), round1.id)).toEqual(round1);

    const first = await recordAttendees(getDb(), round1.id, [
      { actor_id: people[2].id, role: 'participant' },
      { actor_id: people[3].id, role: 'participant' },
      { actor_id: people[4].id, role: 'convener' },
    ]);
    expect(first.added).toBe(3);
    expect(first.ties).toEqual({ created: 3, strengthened: 0 });
    expect(first.attendances.map((row) => attendanceSchema.parse(row))).toHaveLength(3);

    // Recording the same people again changes roles only; a latecomer meets the three.
    const again = await recordAttendees(getDb(), round1.id, [
      { actor_id: people[2].id, role: 'observer' },
      { actor_id: envoy.id, role: 'third_party' },
    ]);
    expect(again.added).toBe(1);
    expect(again.ties).toEqual({ created: 3, strengthened: 0 });
    const roles = Object.fromEntries(
      (await listAttendances(getDb(), round1.id)).map((r) => [r.actor_id, r.role]),
    );
    expect(roles[people[2].id]).toBe('observer');

    const round2 = await createMeeting(getDb(), {
      initiative_id: initiative.id,
      title: 'Round 2',
      held_on: '2024-05-01',
      ground_rule: 'closed',
    });
    const second = await recordAttendees(getDb(), round2.id, [
      { actor_id: people[2].id, role: 'participant' },
      { actor_id: people[3].id, role: 'participant' },
    ]);
    expect(second.ties).toEqual({ created: 0, strengthened: 1 });
    const pair = (
      await listTies(getDb(), setting.workspace.id, { kind: 'met', actor_id: people[2].id })
    ).items.find((tie) => [tie.source_actor_id, tie.target_actor_id].includes(people[3].id));
    expect(pair).toMatchObject({ strength: 2, valid_from: '2024-02-01', valid_to: '2024-05-01' });

    expect((await listAttendancesOfActor(getDb(), people[2].id)).map((row) => row.held_on)).toEqual([
      '2024-02-01',
      '2024-05-01',
    ]);
    expect((await listMeetings(getDb(), initiative.id)).map((m) => m.title)).toEqual(['Round 1', 'Round 2']);
    expect(await listMeetings(getDb(), initiative.id, { from: '2024-03-01' })).toHaveLength(1);
    expect(await updateMeeting(getDb(), round2.id, { status: 'held' })).toMatchObject({ status: 'held' });

    expect(await removeAttendance(getDb(), round2.id, people[3].id)).toBe(true);
    expect(await listAttendances(getDb(), round2.id)).toHaveLength(1);
  });

  it('writes nothing when an attendee is not of the conflict', async () => {
    const initiative = await newInitiative('Strict');
    const meeting = await createMeeting(getDb(), {
      initiative_id: initiative.id,
      title: 'R',
      held_on: '2024-09-09',
      ground_rule: 'open',
    });
    const stranger = await makeActor(getDb(), await makeSetting(getDb(), 'Strangers'));
    const ties = await countRows(getDb(), 'ties');
    await expect(
      getDb()
        .transaction()
        .execute((trx) =>
          recordAttendees(trx, meeting.id, [
            { actor_id: people[0].id, role: 'participant' },
            { actor_id: stranger.id, role: 'participant' },
          ]),
        ),
    ).rejects.toMatchObject({ code: 'TT_ERR_VALIDATION' });
    expect(await listAttendances(getDb(), meeting.id)).toEqual([]);
    expect(await countRows(getDb(), 'ties')).toBe(ties);
    await expect(recordAttendees(getDb(), 'missing', [])).rejects.toMatchObject({
      code: 'TT_ERR_NOT_FOUND',
    });
    const cancelled = await createMeeting(getDb(), {
      initiative_id: initiative.id,
      title: 'Called off',
      held_on: '2024-09-10',
      ground_rule: 'open',
      status: 'cancelled',
    });
    await expect(
      recordAttendees(getDb(), cancelled.id, [
        { actor_id: people[0].id, role: 'participant' },
        { actor_id: people[1].id, role: 'participant' },
      ]),
    ).rejects.toMatchObject({ code: 'TT_ERR_VALIDATION' });
    expect(await countRows(getDb(), 'ties')).toBe(ties);
  });

  it('round-trips outcomes and transfers to Track-I actors', async () => {
    const initiative = await newInitiative('Outcomes');
    const meeting = await createMeeting(getDb(), {
      initiative_id: initiative.id,
      title: 'Drafting',
      held_on: '2024-04-04',
      ground_rule: 'chatham_house',
    });
    const outcome = await createOutcome(getDb(), {
      initiative_id: initiative.id,
      meeting_id: meeting.id,
      title: 'Water-sharing proposal',
      kind: 'proposal',
    });
    expect(outcomeSchema.parse(outcome)).toEqual(outcome);
    expect(await getOutcome(getDb(), outcome.id)).toEqual(outcome);
    expect(await updateOutcome(getDb(), outcome.id, { description: 'Three wells' })).toMatchObject({
      description: 'Three wells',
    });
    const otherInitiative = await newInitiative('Elsewhere');
    const otherMeeting = await createMeeting(getDb(), {
      initiative_id: otherInitiative.id,
      title: 'X',
      held_on: '2024-04-04',
      ground_rule: 'open',
    });
    await expect(updateOutcome(getDb(), outcome.id, { meeting_id: otherMeeting.id })).rejects.toMatchObject({
      code: 'TT_ERR_VALIDATION',
    });

    const transfer = await createTransfer(getDb(), {
      outcome_id: outcome.id,
      status: 'handed',
      handed_on: '2024-06-01',
      note: 'via the envoy',
      recipient_actor_ids: [minister.id],
    });
    expect(transferSchema.parse(transfer)).toEqual(transfer);
    expect(await getTransfer(getDb(), transfer.id)).toEqual(transfer);
    expect(transfer.status_on).toBe('2024-06-01');
    await expect(
      createTransfer(getDb(), {
        outcome_id: outcome.id,
        status: 'handed',
        handed_on: '2024-06-01',
        recipient_actor_ids: [people[0].id],
      }),
    ).rejects.toMatchObject({ code: 'TT_ERR_VALIDATION' });

    const adopted = await updateTransfer(getDb(), transfer.id, {
      status: 'adopted',
      status_on: '2024-09-15',
    });
    expect(adopted).toMatchObject({
      status: 'adopted',
      status_on: '2024-09-15',
      recipient_actor_ids: [minister.id],
    });
    await expect(updateTransfer(getDb(), transfer.id, { status_on: '2024-01-01' })).rejects.toMatchObject({
      code: 'TT_ERR_VALIDATION',
    });
    expect(await findTransferInitiativeId(getDb(), transfer.id)).toBe(initiative.id);
    expect((await listTransfers(getDb(), { initiative_id: initiative.id })).map((t) => t.id)).toEqual([
      transfer.id,
    ]);
    expect(await listTransfers(getDb(), { outcome_id: outcome.id })).toEqual([adopted]);

    // A meeting's deletion detaches its outcomes; an outcome's deletion takes its transfers.
    expect(await deleteMeeting(getDb(), meeting.id)).toBe(true);
    expect((await getOutcome(getDb(), outcome.id))!.meeting_id).toBeNull();
    expect(await listOutcomes(getDb(), initiative.id)).toHaveLength(1);
    expect(await deleteOutcome(getDb(), outcome.id)).toBe(true);
    expect(await getTransfer(getDb(), transfer.id)).toBeUndefined();
    expect(await countRows(getDb(), 'transfer_recipients')).toBe(0);
  });

  it('deletes an initiative with its meetings, attendances and outcomes, keeping ties', async () => {
    const initiative = await newInitiative('Short-lived');
    const meeting = await createMeeting(getDb(), {
      initiative_id: initiative.id,
      title: 'Only',
      held_on: '2024-10-10',
      ground_rule: 'open',
    });
    await recordAttendees(getDb(), meeting.id, [
      { actor_id: people[0].id, role: 'participant' },
      { actor_id: people[1].id, role: 'participant' },
    ]);
    await createOutcome(getDb(), { initiative_id: initiative.id, title: 'Note', kind: 'statement' });
    const ties = await countRows(getDb(), 'ties');
    expect(await deleteInitiative(getDb(), initiative.id)).toBe(true);
    expect(await getMeeting(getDb(), meeting.id)).toBeUndefined();
    expect(await listAttendances(getDb(), meeting.id)).toEqual([]);
    expect(await listOutcomes(getDb(), initiative.id)).toEqual([]);
    expect(await countRows(getDb(), 'ties')).toBe(ties);
  });
});
