import { beforeAll, expect, it } from 'vitest';
import { systemAuth } from '../../src/security/auth.js';
import { verifyAuditChain } from '../../src/security/audit.js';
import {
  createInvitation,
  listInvitations,
  revokeInvitation,
} from '../../src/services/accounts/invitations.js';
import { actingAs, type ServiceContext } from '../../src/services/context.js';
import { getMeetingText, putMeetingText } from '../../src/services/initiatives/meeting-texts.js';
import { runRetention, updatePrivacySettings } from '../../src/services/privacy/index.js';
import { countRows, forEachEngine } from '../support/databases.js';
import { createTestInitiative } from '../support/records.js';
import { testKeys } from '../server/support/app.js';
import { surveyWorld } from '../surveys/fixtures.js';

const DAY = 86_400_000;

/**
 * Retention of the records migration 0021 brought under it: meetings' minutes and notes go with the
 * attendance period (anchored at the meeting's date), and ended invitation links (an email address each)
 * are hidden at once in every initiative, whatever its periods; both purged after the grace period.
 */
forEachEngine('retention: minutes, notes and ended invitation links', (getDb, engine) => {
  let ctx: ServiceContext;
  let system: ServiceContext;
  let world: Awaited<ReturnType<typeof surveyWorld>>;
  let otherInitiativeId: string;
  const texts = async () => countRows(getDb(), 'meeting_texts');
  const invitations = async () => countRows(getDb(), 'invitation_links');

  beforeAll(async () => {
    ctx = { db: getDb(), dialect: engine.dialect, keys: testKeys(), auth: null };
    world = await surveyWorld(getDb(), ctx);
    system = actingAs(ctx, systemAuth('retention test'));
    // Notes of the three meetings (2024-02-10, 2024-05-10, 2025-01-20); minutes of the open one.
    for (const meetingId of world.meetingIds) {
      await putMeetingText(system, meetingId, 'notes', `Working notes of ${meetingId}`);
    }
    await putMeetingText(system, world.meetingIds[2], 'minutes', 'The parties agreed to meet again.');
    const other = await createTestInitiative(system, world.workspace.id, world.conflict.id, 'No periods');
    otherInitiativeId = other.id;
  });

  it('hides minutes and notes of meetings older than the attendance period, and purges them after the grace', async () => {
    const total = await texts();
    expect(total).toBe(4);
    await updatePrivacySettings(world.accounts.convener, world.initiative.id, { attendance_days: 365 });
    const at = new Date('2025-06-01T00:00:00Z');
    const report = await runRetention(system, { now: at });
    const mine = report.initiatives.find((i) => i.initiative_id === world.initiative.id)!;
    expect(mine).toMatchObject({ meeting_texts_hidden: 2, meeting_texts_purged: 0 });
    // Hidden: not shown any more, still in the table until the grace period has run.
    expect((await getMeetingText(system, world.meetingIds[0], 'notes')).body).toBe('');
    expect((await getMeetingText(system, world.meetingIds[1], 'notes')).body).toBe('');
    expect((await getMeetingText(system, world.meetingIds[2], 'notes')).body).toContain('Working notes');
    expect((await getMeetingText(system, world.meetingIds[2], 'minutes')).body).toContain('meet again');
    expect(await texts()).toBe(total);
    // A second run the same day changes nothing.
    const again = await runRetention(system, { now: at });
    expect(again.initiatives.find((i) => i.initiative_id === world.initiative.id)).toMatchObject({
      meeting_texts_hidden: 0,
      meeting_texts_purged: 0,
    });

    // A dry run after the grace counts the purge and deletes nothing.
    const later = new Date(Date.now() + 31 * DAY);
    const dry = await runRetention(system, { now: later, dryRun: true });
    expect(dry.initiatives.find((i) => i.initiative_id === world.initiative.id)).toMatchObject({
      meeting_texts_purged: 2,
    });
    expect(await texts()).toBe(total);
    const real = await runRetention(system, { now: later });
    const purged = real.initiatives.find((i) => i.initiative_id === world.initiative.id)!;
    expect(purged.meeting_texts_purged).toBe(2);
    expect(await texts()).toBe(total - 2);
    // The audit says how many went, never what; the chain still verifies.
    const rows = await getDb()
      .selectFrom('audit_log')
      .select(['action', 'record_id'])
      .where('action', 'in', ['retention.hide', 'retention.purge'])
      .execute();
    expect(rows.some((r) => r.action === 'retention.purge' && r.record_id.includes(':meeting-texts-2'))).toBe(
      true,
    );
    expect(rows.every((r) => !r.record_id.includes('Working notes'))).toBe(true);
    expect((await verifyAuditChain(getDb(), ctx.keys)).ok).toBe(true);
  });

  it('hides ended invitation links at once in any initiative, keeps pending ones, purges after the grace', async () => {
    const made = new Date();
    const pending = await createInvitation(system, otherInitiativeId, {
      email: 'pending@example.org',
      role: 'participant',
    });
    const withdrawn = await createInvitation(system, otherInitiativeId, {
      email: 'withdrawn@example.org',
      role: 'researcher',
    });
    await revokeInvitation(system, otherInitiativeId, withdrawn.id);
    const expired = await createInvitation(
      system,
      otherInitiativeId,
      { email: 'expired@example.org', role: 'funder' },
      new Date(made.getTime() - 400 * DAY),
    );
    const total = await invitations();

    const report = await runRetention(system, { now: made });
    // This initiative sets no period, and still has its ended links hidden.
    const other = report.initiatives.find((i) => i.initiative_id === otherInitiativeId)!;
    expect(other).toMatchObject({ invitations_hidden: 2, invitations_purged: 0 });
    const listed = (await listInvitations(system, otherInitiativeId)).map((i) => i.id);
    expect(listed).toEqual([pending.id]);
    expect(listed).not.toContain(withdrawn.id);
    expect(listed).not.toContain(expired.id);
    expect(await invitations()).toBe(total);

    const afterGrace = new Date(made.getTime() + 31 * DAY);
    const purged = (await runRetention(system, { now: afterGrace })).initiatives.find(
      (i) => i.initiative_id === otherInitiativeId,
    )!;
    // The two ended ones go; the pending one has expired meanwhile (14 days), and is hidden now.
    expect(purged.invitations_purged).toBe(2);
    expect(purged.invitations_hidden).toBe(1);
    expect(await listInvitations(system, otherInitiativeId)).toEqual([]);
    expect(await invitations()).toBe(total - 2);
    const emails = await getDb().selectFrom('invitation_links').select('email').execute();
    expect(emails.map((e) => e.email)).not.toContain('withdrawn@example.org');
    expect(emails.map((e) => e.email)).not.toContain('expired@example.org');
    expect((await verifyAuditChain(getDb(), ctx.keys)).ok).toBe(true);
  });
});
