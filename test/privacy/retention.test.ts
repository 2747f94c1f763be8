import { beforeAll, expect, it } from 'vitest';
import type { SurveyAnswer } from '../../src/domain/survey.js';
import { systemAuth } from '../../src/security/auth.js';
import { getIdentity, searchByName } from '../../src/security/vault.js';
import { verifyAuditChain } from '../../src/security/audit.js';
import * as actors from '../../src/services/actors/index.js';
import { actingAs, type ServiceContext } from '../../src/services/context.js';
import * as meetings from '../../src/services/initiatives/index.js';
import { runRetention, updatePrivacySettings, getPrivacySettings } from '../../src/services/privacy/index.js';
import * as surveys from '../../src/services/surveys/index.js';
import { enterOnBehalf } from '../../src/services/surveys/index.js';
import { countRows, forEachEngine } from '../support/databases.js';
import { createTestInitiative } from '../support/records.js';
import { testKeys } from '../server/support/app.js';
import { surveyWorld } from '../surveys/fixtures.js';

const DAY = 86_400_000;

function answers(warmth: number): SurveyAnswer[] {
  return [
    { instrument: 'feeling-thermometer', out_group: 'North', item: 'warmth', value: warmth },
    { instrument: 'feeling-thermometer', out_group: 'South', item: 'warmth', value: warmth - 5 },
  ];
}

forEachEngine('retention: hide after the period, purge after the grace period', (getDb, engine) => {
  let ctx: ServiceContext;
  let system: ServiceContext;
  let world: Awaited<ReturnType<typeof surveyWorld>>;
  let surveyId: string;
  let otherInitiativeId: string;
  let otherMeetingId: string;
  const start = new Date();

  beforeAll(async () => {
    ctx = { db: getDb(), dialect: engine.dialect, keys: testKeys(), auth: null };
    world = await surveyWorld(getDb(), ctx);
    system = actingAs(ctx, systemAuth('retention test'));
    // Two people with names in the vault; the second also convenes an initiative that keeps identities.
    for (const [i, name] of [
      [0, 'Orsolya Venkataraman'],
      [1, 'Bertrand Okonkwo-Lindqvist'],
    ] as const) {
      await actors.updateActor(system, world.people[i].id, {
        identity: { names: [name], contacts: [], notes: '' },
      });
    }
    const other = await createTestInitiative(system, world.workspace.id, world.conflict.id, 'Other process');
    otherInitiativeId = other.id;
    await meetings.updateInitiative(system, other.id, {
      actors: [{ actor_id: world.people[1].id, capacity: 'convener' }],
    });
    const otherMeeting = await meetings.createMeeting(system, {
      initiative_id: other.id,
      title: 'Old round',
      held_on: '2023-01-01',
      place: null,
      ground_rule: 'open',
      status: 'held',
    });
    otherMeetingId = otherMeeting.id;
    await meetings.recordAttendance(system, otherMeeting.id, {
      attendees: [
        { actor_id: world.people[2].id, role: 'participant' },
        { actor_id: world.people[3].id, role: 'participant' },
      ],
    });
    // Raw answers of the comparison arm, entered now.
    const survey = await surveys.createSurvey(world.accounts.convener, {
      initiative_id: world.initiative.id,
      title: 'Warmth',
      instruments: [{ library: 'feeling-thermometer' }],
      out_groups: ['North', 'South'],
      languages: ['en'],
    });
    surveyId = survey.id;
    const wave = await surveys.addWave(world.accounts.convener, surveyId, {
      kind: 'baseline',
      opens_on: '2020-01-01',
      closes_on: '2099-12-31',
      after_meeting_id: null,
    });
    const added = await surveys.addRespondents(
      world.accounts.facilitator,
      surveyId,
      Array.from({ length: 6 }, (_, i) => ({
        arm: 'comparison' as const,
        pseudonym: `CMP-${i + 1}`,
        side: i < 3 ? 'North' : 'South',
        gender: (i % 2 === 0 ? 'woman' : 'man') as 'woman' | 'man',
      })),
    );
    for (const [i, r] of added.entries()) {
      await enterOnBehalf(world.accounts.facilitator, surveyId, wave.id, {
        respondent_id: r.id,
        language: 'en',
        answers: answers(40 + i),
      });
    }
  });

  const attendance = async (meetingId: string) =>
    (await meetings.listAttendance(system, meetingId)).map((a) => a.actor_id);
  const rawAttendances = async () => countRows(getDb(), 'attendances');

  it('keeps everything while no period is set, and refuses settings from who may not change them', async () => {
    const before = await rawAttendances();
    const report = await runRetention(system, { now: new Date(start.getTime() + 4000 * DAY) });
    expect(report.initiatives).toEqual([]);
    expect(await rawAttendances()).toBe(before);
    await expect(
      updatePrivacySettings(world.accounts.facilitator, world.initiative.id, { attendance_days: 30 }),
    ).rejects.toMatchObject({ code: 'TT_ERR_FORBIDDEN' });
    await expect(runRetention(world.accounts.convener)).rejects.toMatchObject({ code: 'TT_ERR_FORBIDDEN' });
    const settings = await getPrivacySettings(world.accounts.participant, world.initiative.id);
    expect(settings).toMatchObject({ identities_days: null, attendance_days: null, answers_days: null });
  });

  it('hides attendance older than the period at once, keeps younger meetings, and a second run changes nothing', async () => {
    await updatePrivacySettings(world.accounts.convener, world.initiative.id, {
      attendance_days: 365,
      answers_days: 30,
      identities_days: 60,
    });
    const total = await rawAttendances();
    const at = new Date('2025-06-01T00:00:00Z');
    const report = await runRetention(system, { now: at });
    const mine = report.initiatives.find((i) => i.initiative_id === world.initiative.id)!;
    // Meetings of 2024-02-10 (8 attendees) and 2024-05-10 (4) are older than a year; 2025-01-20 is not.
    // people[0] last met here on 2025-01-20, more than 60 days ago: their identity is hidden. people[1]
    // also convenes an initiative that keeps identities, and keeps theirs.
    expect(mine).toMatchObject({
      attendances_hidden: 12,
      attendances_purged: 0,
      answers_hidden: 0,
      identities_hidden: 1,
    });
    expect(await getIdentity(getDb(), ctx.keys, world.workspace.id, world.people[0].id)).toBeUndefined();
    expect(await searchByName(getDb(), ctx.keys, world.workspace.id, 'Venkataraman')).toEqual([]);
    expect((await getIdentity(getDb(), ctx.keys, world.workspace.id, world.people[1].id))?.names).toEqual([
      'Bertrand Okonkwo-Lindqvist',
    ]);
    expect(await attendance(world.meetingIds[0])).toEqual([]);
    expect(await attendance(world.meetingIds[1])).toEqual([]);
    expect(await attendance(world.meetingIds[2])).toHaveLength(6);
    expect(await meetings.meetingsAttendedBy(system, world.people[7].id)).toEqual([]);
    expect(await rawAttendances()).toBe(total); // hidden, not yet gone
    const again = await runRetention(system, { now: at });
    expect(again.initiatives.find((i) => i.initiative_id === world.initiative.id)).toMatchObject({
      attendances_hidden: 0,
      attendances_purged: 0,
      identities_hidden: 0,
    });
    // The other initiative keeps everything: its 2023 meeting is untouched.
    expect(await attendance(otherMeetingId)).toHaveLength(2);
  });

  it('dry run counts the purge without doing it; the real run purges after the grace period', async () => {
    const total = await rawAttendances();
    const at = new Date('2025-07-02T00:00:00Z'); // 31 days after the rows were hidden
    const dry = await runRetention(system, { now: at, dryRun: true });
    expect(dry.dry_run).toBe(true);
    expect(dry.initiatives.find((i) => i.initiative_id === world.initiative.id)).toMatchObject({
      attendances_purged: 12,
    });
    expect(await rawAttendances()).toBe(total);
    const auditRows = await countRows(getDb(), 'audit_log');
    const real = await runRetention(system, { now: at });
    expect(real.initiatives.find((i) => i.initiative_id === world.initiative.id)).toMatchObject({
      attendances_purged: 12,
      attendances_hidden: 0,
      identities_purged: 1,
    });
    expect(await rawAttendances()).toBe(total - 12);
    // Crypto-erased: the row and its data key are gone, the actor is marked erased.
    const row = await getDb()
      .selectFrom('actor_identities')
      .select('actor_id')
      .where('actor_id', '=', world.people[0].id)
      .executeTakeFirst();
    expect(row).toBeUndefined();
    const erased = await getDb()
      .selectFrom('actors')
      .select('erased_at')
      .where('id', '=', world.people[0].id)
      .executeTakeFirstOrThrow();
    expect(erased.erased_at).not.toBeNull();
    // Audited with counts in the chained record, never names or ids of people.
    const audit = await getDb()
      .selectFrom('audit_log')
      .select(['action', 'record_id'])
      .where('seq', '>', auditRows)
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      {
        action: 'retention.hide',
        record_id: `${world.initiative.id}:identities-0:attendances-0:answers-0:meeting-texts-0:invitations-0`,
      },
      {
        action: 'retention.purge',
        record_id: `${world.initiative.id}:identities-1:attendances-12:answers-0:meeting-texts-0:invitations-0`,
      },
    ]);
    expect((await verifyAuditChain(getDb(), ctx.keys)).ok).toBe(true);
    const third = await runRetention(system, { now: at });
    expect(await rawAttendances()).toBe(total - 12);
    expect(
      Object.values(third.initiatives.find((i) => i.initiative_id === world.initiative.id)!).filter(
        (v) => v !== world.initiative.id,
      ),
    ).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('hides raw answers after their period and purges them; survey scores go on from what remains', async () => {
    const respondentsBefore = await countRows(getDb(), 'survey_respondents');
    const young = await runRetention(system, { now: new Date(start.getTime() + 20 * DAY) });
    expect(young.initiatives.find((i) => i.initiative_id === world.initiative.id)).toMatchObject({
      answers_hidden: 0,
    });
    expect(await countRows(getDb(), 'survey_responses')).toBe(6);
    const at = new Date(start.getTime() + 61 * DAY);
    const report = await runRetention(system, { now: at });
    const mine = report.initiatives.find((i) => i.initiative_id === world.initiative.id)!;
    expect(mine.answers_hidden).toBe(6);
    // The survey still scores: respondents stay, their hidden raw answers are no longer read.
    const exported = await surveys.surveyResearchExport(world.accounts.researcher, surveyId);
    expect(exported).toBeDefined();
    expect(await countRows(getDb(), 'survey_respondents')).toBe(respondentsBefore);
    expect(await countRows(getDb(), 'survey_responses')).toBe(6);

    const purgeAt = new Date(at.getTime() + 31 * DAY);
    const purged = (await runRetention(system, { now: purgeAt })).initiatives.find(
      (i) => i.initiative_id === world.initiative.id,
    )!;
    expect(purged).toMatchObject({ answers_purged: 6 });
    expect(await countRows(getDb(), 'survey_responses')).toBe(0);
    expect(await surveys.surveyResearchExport(world.accounts.researcher, surveyId)).toBeDefined();
    expect(await countRows(getDb(), 'survey_respondents')).toBe(respondentsBefore);
    // The other initiative and the identity it keeps are untouched.
    expect(await attendance(otherMeetingId)).toHaveLength(2);
    expect(await getIdentity(getDb(), ctx.keys, world.workspace.id, world.people[1].id)).toBeDefined();
    const settled = await runRetention(system, { now: purgeAt });
    expect(
      Object.entries(settled.initiatives.find((i) => i.initiative_id === world.initiative.id)!)
        .filter(([key]) => key !== 'initiative_id')
        .every(([, n]) => n === 0),
    ).toBe(true);
    expect(otherInitiativeId).toBeDefined();
  });

  it('refuses identities kept longer than attendance, changing nothing', async () => {
    await expect(
      updatePrivacySettings(world.accounts.convener, world.initiative.id, { identities_days: 400 }),
    ).rejects.toMatchObject({ code: 'TT_ERR_VALIDATION' });
    expect(await getPrivacySettings(world.accounts.convener, world.initiative.id)).toMatchObject({
      identities_days: 60,
      attendance_days: 365,
    });
  });
});
