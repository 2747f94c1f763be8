import { randomBytes } from 'node:crypto';
import { requireAccess } from '../../security/access.js';
import { appendAudit } from '../../security/audit.js';
import { getInitiative } from '../../store/repositories/initiatives.js';
import { listConflictEvents } from '../../store/repositories/conflicts.js';
import { listAttendances, listMeetings } from '../../store/repositories/meetings.js';
import { listOutcomes, listTransfers } from '../../store/repositories/outcomes.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { readActorMap } from './export-actor-map.js';
import { anonymiseForResearch, defaultK, type ResearchExport } from './export-research-tables.js';

/** A random id of 12 hex characters, new on every export, so two exports cannot be joined on ids. */
function researchId(): string {
  return `r${randomBytes(6).toString('hex')}`;
}

/**
 * The anonymised research export of an initiative: its conflict's actor map and its own meetings,
 * outcomes and transfers, with the safeguards of `anonymiseForResearch` (k = 5 unless raised).
 */
export async function exportResearch(
  ctx: ServiceContext,
  initiativeId: string,
  options: { k?: number } = {},
): Promise<ResearchExport> {
  const k = Math.max(defaultK, Math.floor(options.k ?? defaultK));
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'export.research', { initiativeId });
    const initiative = (await getInitiative(trx, initiativeId))!;
    const { conflict, actors, ties } = await readActorMap(
      trx,
      ctx.auth,
      grant.workspaceId,
      initiative.conflict_id,
    );
    const meetings = [];
    for (const meeting of await listMeetings(trx, initiativeId)) {
      // Attendance of Chatham House and closed meetings is never read for a research export.
      const attendances = meeting.ground_rule === 'open' ? await listAttendances(trx, meeting.id) : [];
      meetings.push({ ...meeting, attendances });
    }
    const outcomes = await listOutcomes(trx, initiativeId);
    const transfers = await listTransfers(trx, { initiative_id: initiativeId });
    const live = actors.filter((a) => !a.erased_at);
    const result = anonymiseForResearch(
      {
        divides: conflict.divides,
        actors: live,
        ties,
        initiatives: [initiative],
        meetings,
        outcomes,
        transfers: transfers.map((t) => ({ ...t, recipient_count: t.recipient_actor_ids.length })),
        events: await listConflictEvents(trx, conflict.id),
      },
      { k, newId: researchId },
    );
    await appendAudit(trx, ctx.keys, ctx.auth!, {
      action: 'export.research',
      recordType: 'initiative',
      recordId: initiativeId,
      workspaceId: grant.workspaceId,
    });
    return result;
  });
}
