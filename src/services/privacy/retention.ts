import type { Kysely } from 'kysely';
import {
  identityExpired,
  noRetentionCounts,
  retentionCutoffs,
  retentionGraceDays,
  type RetentionCounts,
} from '../../domain/privacy.js';
import { eraseIdentity } from '../../security/vault.js';
import { engineOf } from '../../store/engine/index.js';
import { markActorErased } from '../../store/repositories/actors.js';
import { actorsNamedByInitiative } from '../../store/repositories/erasure.js';
import { getInitiative } from '../../store/repositories/initiatives.js';
import { getPrivacy, listRetainingInitiatives, type PrivacyRow } from '../../store/repositories/privacy.js';
import * as repo from '../../store/repositories/retention.js';
import type { Database } from '../../store/schema.js';
import { audit, requireOperator } from '../common.js';
import type { ServiceContext } from '../context.js';

/**
 * The retention job: for every initiative that keeps something for a limited time, hides (marks
 * `deleted_at`) the identities, attendance (with the meetings' minutes and notes) and raw survey answers its
 * periods have outlived, and the invitation links that have ended (in every initiative), and purges
 * what has been hidden for more than the grace period: attendance and answers rows deleted, identities
 * crypto-erased (the row with its data key deleted, the actor marked erased). The engine then drops the
 * deleted rows' old copies (SQLite: zeroed free pages and a truncated WAL; PostgreSQL: VACUUM FULL).
 * Each initiative's changes commit with two audit rows that carry counts, never data. Runs as the system
 * (on server start and daily, or `tracktwo retention run`).
 */

export interface RetentionRunOptions {
  /** The clock (tests inject one). */
  now?: Date;
  /** Count what would go, change nothing. */
  dryRun?: boolean;
}

export interface InitiativeRetention extends RetentionCounts {
  initiative_id: string;
}

export interface RetentionReport {
  dry_run: boolean;
  ran_at: string;
  grace_days: number;
  initiatives: InitiativeRetention[];
}

const PURGED = [
  'actor_identities',
  'actor_name_index',
  'attendances',
  'survey_responses',
  'meeting_texts',
  'invitation_links',
] as const;

class DryRun extends Error {}

function changed(counts: RetentionCounts): boolean {
  return Object.values(counts).some((n) => n > 0);
}

async function retainIdentities(
  trx: Kysely<Database>,
  settings: PrivacyRow,
  workspaceId: string,
  now: Date,
  counts: RetentionCounts,
): Promise<void> {
  if (settings.identities_days === null) return;
  const at = now.toISOString();
  const { purgeHiddenBefore } = retentionCutoffs(now, settings.identities_days);
  for (const actorId of await actorsNamedByInitiative(trx, settings.initiative_id)) {
    const facts = await repo.identityFacts(trx, actorId);
    if (!facts || facts.workspace_id !== workspaceId) continue;
    if (facts.deleted_at !== null) {
      if (facts.deleted_at < purgeHiddenBefore && (await eraseIdentity(trx, workspaceId, actorId))) {
        await markActorErased(trx, actorId, at);
        counts.identities_purged += 1;
      }
      continue;
    }
    if (identityExpired(await repo.identityAnchors(trx, actorId), facts.identity_updated_at, now)) {
      await repo.hideIdentity(trx, actorId, at);
      counts.identities_hidden += 1;
    }
  }
}

async function retainInitiative(
  trx: Kysely<Database>,
  ctx: ServiceContext,
  settings: PrivacyRow,
  now: Date,
): Promise<InitiativeRetention | undefined> {
  const initiative = await getInitiative(trx, settings.initiative_id);
  if (!initiative) return undefined;
  await engineOf(trx).zeroFreedSpace(trx);
  const counts = noRetentionCounts();
  const at = now.toISOString();
  // Identities first: the attendance that names a person in the initiative may go in this same run.
  await retainIdentities(trx, settings, initiative.workspace_id, now, counts);
  if (settings.attendance_days !== null) {
    const { hideBefore, purgeHiddenBefore } = retentionCutoffs(now, settings.attendance_days);
    counts.attendances_purged = await repo.purgeAttendances(trx, initiative.id, purgeHiddenBefore);
    counts.attendances_hidden = await repo.hideAttendances(trx, initiative.id, hideBefore, at);
  }
  if (settings.answers_days !== null) {
    const { hideBefore, purgeHiddenBefore } = retentionCutoffs(now, settings.answers_days);
    counts.answers_purged = await repo.purgeAnswers(trx, initiative.id, purgeHiddenBefore);
    counts.answers_hidden = await repo.hideAnswers(trx, initiative.id, hideBefore, at);
  }
  // Minutes and notes record who met and what was said: they go with the attendance.
  if (settings.attendance_days !== null) {
    const { hideBefore, purgeHiddenBefore } = retentionCutoffs(now, settings.attendance_days);
    counts.meeting_texts_purged = await repo.purgeMeetingTexts(trx, initiative.id, purgeHiddenBefore);
    counts.meeting_texts_hidden = await repo.hideMeetingTexts(trx, initiative.id, hideBefore, at);
  }
  // Ended invitation links, whatever the periods: purged after the grace, hidden at once.
  const { purgeHiddenBefore: invitationsPurgeBefore } = retentionCutoffs(now, 1);
  counts.invitations_purged = await repo.purgeInvitations(trx, initiative.id, invitationsPurgeBefore);
  counts.invitations_hidden = await repo.hideEndedInvitations(trx, initiative.id, at);
  if (changed(counts)) {
    // Counts ride in the chained record id: the audit shows how much went, never what.
    const hidden = `${initiative.id}:identities-${counts.identities_hidden}:attendances-${counts.attendances_hidden}:answers-${counts.answers_hidden}:meeting-texts-${counts.meeting_texts_hidden}:invitations-${counts.invitations_hidden}`;
    const purged = `${initiative.id}:identities-${counts.identities_purged}:attendances-${counts.attendances_purged}:answers-${counts.answers_purged}:meeting-texts-${counts.meeting_texts_purged}:invitations-${counts.invitations_purged}`;
    await audit(trx, ctx.keys, ctx.auth, 'retention.hide', 'initiative', hidden, initiative.workspace_id);
    await audit(trx, ctx.keys, ctx.auth, 'retention.purge', 'initiative', purged, initiative.workspace_id);
  }
  return { initiative_id: initiative.id, ...counts };
}

/** Runs retention over every initiative; see above. Each initiative commits on its own. */
export async function runRetention(
  ctx: ServiceContext,
  options: RetentionRunOptions = {},
): Promise<RetentionReport> {
  requireOperator(ctx.auth);
  const now = options.now ?? new Date();
  const dryRun = options.dryRun === true;
  const report: RetentionReport = {
    dry_run: dryRun,
    ran_at: now.toISOString(),
    grace_days: retentionGraceDays,
    initiatives: [],
  };
  let purged = false;
  // Every initiative with periods, and any other with invitation links to hide or purge.
  const retaining = await listRetainingInitiatives(ctx.db);
  const known = new Set(retaining.map((row) => row.initiative_id));
  const others = (
    await repo.initiativesWithInvitationsToRetain(
      ctx.db,
      now.toISOString(),
      retentionCutoffs(now, 1).purgeHiddenBefore,
    )
  ).filter((id) => !known.has(id));
  const all = [...retaining, ...(await Promise.all(others.map((id) => getPrivacy(ctx.db, id))))].sort(
    (a, b) => (a.initiative_id < b.initiative_id ? -1 : a.initiative_id > b.initiative_id ? 1 : 0),
  );
  for (const settings of all) {
    let result: InitiativeRetention | undefined;
    try {
      await ctx.db.transaction().execute(async (trx) => {
        result = await retainInitiative(trx, ctx, settings, now);
        if (dryRun) throw new DryRun();
      });
    } catch (error) {
      if (!(error instanceof DryRun)) throw error;
    }
    if (!result) continue;
    report.initiatives.push(result);
    if (
      !dryRun &&
      (result.identities_purged ||
        result.attendances_purged ||
        result.answers_purged ||
        result.meeting_texts_purged ||
        result.invitations_purged)
    ) {
      purged = true;
    }
  }
  if (purged) await engineOf(ctx.db).purgeDeletedRows(ctx.db, PURGED);
  return report;
}
