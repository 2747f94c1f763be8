import type { Kysely } from 'kysely';
import { systemAuth } from '../../src/security/auth.js';
import * as actors from '../../src/services/actors/index.js';
import { actingAs, type ServiceContext } from '../../src/services/context.js';
import * as meetings from '../../src/services/initiatives/index.js';
import { addMembership } from '../../src/store/repositories/memberships.js';
import type { Database } from '../../src/store/schema.js';
import type { MembershipRole } from '../../src/store/tables/security.js';
import { makeAccount } from '../security/fixtures.js';
import { createTestConflict, createTestInitiative, createTestWorkspace } from '../support/records.js';

/** A small deterministic generator (LCG), so every run draws the same answers. */
export function lcg(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return { next, normal: () => Math.sqrt(-2 * Math.log(next() + 1e-12)) * Math.cos(2 * Math.PI * next()) };
}

export const roleNames = ['convener', 'facilitator', 'participant', 'researcher', 'funder'] as const;

/**
 * A workspace with one conflict (divide "Side": North, South), an initiative with a women's target,
 * eight participant actors (four women), three held meetings with attendance, and one account per role.
 */
export async function surveyWorld(db: Kysely<Database>, ctx: ServiceContext, target = 0.5) {
  const system = actingAs(ctx, systemAuth('survey fixture'));
  const workspace = await createTestWorkspace(system, 'Survey workspace');
  const conflict = await createTestConflict(system, workspace.id, 'Survey conflict', {
    name: 'Side',
    groups: ['North', 'South'],
  });
  const divide = conflict.divides[0];
  const group = (name: string) => divide.groups.find((g) => g.name === name)!.id;
  const people: Awaited<ReturnType<typeof actors.createActor>>[] = [];
  for (let i = 0; i < 8; i++) {
    people.push(
      await actors.createActor(system, {
        workspace_id: workspace.id,
        conflict_id: conflict.id,
        kind: 'person',
        role: i % 4 === 0 ? 'elder' : 'youth_leader',
        track: '2',
        gender: i % 2 === 0 ? 'woman' : 'man',
        region: null,
        groups: [{ divide_id: divide.id, group_id: group(i < 4 ? 'North' : 'South') }],
      }),
    );
  }
  const initiative = await createTestInitiative(system, workspace.id, conflict.id, 'Survey initiative', {
    inclusion_target_women: target,
  });
  // Meeting 1: everyone (4 women of 8); meeting 2: 1 woman of 4 (below a 50% target); meeting 3: the first six.
  const plan: { held_on: string; rule: 'open' | 'chatham_house'; who: number[] }[] = [
    { held_on: '2024-02-10', rule: 'chatham_house', who: [0, 1, 2, 3, 4, 5, 6, 7] },
    { held_on: '2024-05-10', rule: 'chatham_house', who: [0, 1, 3, 5] },
    { held_on: '2025-01-20', rule: 'open', who: [0, 1, 2, 3, 4, 5] },
  ];
  const meetingIds: string[] = [];
  for (const [index, m] of plan.entries()) {
    const meeting = await meetings.createMeeting(system, {
      initiative_id: initiative.id,
      title: `Round ${index + 1}`,
      held_on: m.held_on,
      place: null,
      ground_rule: m.rule,
      status: 'held',
    });
    await meetings.recordAttendance(system, meeting.id, {
      attendees: m.who.map((i) => ({ actor_id: people[i].id, role: 'participant' as const })),
    });
    meetingIds.push(meeting.id);
  }
  const accounts = {} as Record<MembershipRole, ServiceContext>;
  const accountIds = {} as Record<MembershipRole, string>;
  for (const role of roleNames) {
    const id = await makeAccount(db);
    await addMembership(db, { account_id: id, initiative_id: initiative.id, role });
    accounts[role] = actingAs(ctx, { accountId: id });
    accountIds[role] = id;
  }
  return { system, workspace, conflict, initiative, people, meetingIds, accounts, accountIds };
}
