import { TrackTwoError } from '../../domain/errors.js';
import {
  workspaceDocumentFormat,
  workspaceDocumentVersion,
  type WorkspaceDocument,
} from '../../interchange/workspace-json-schema.js';
import { hasAccess, listVisibleInitiatives, requireAccess } from '../../security/access.js';
import { appendAudit } from '../../security/audit.js';
import { getIdentities } from '../../security/vault.js';
import { getConflict, listConflictEvents, listConflicts } from '../../store/repositories/conflicts.js';
import { listInitiatives } from '../../store/repositories/initiatives.js';
import { listAttendances, listMeetings } from '../../store/repositories/meetings.js';
import { listOutcomes, listTransfers } from '../../store/repositories/outcomes.js';
import { getWorkspace } from '../../store/repositories/workspaces.js';
import { getPrivacy } from '../../store/repositories/privacy.js';
import { must } from '../common.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { readActorMap } from './export-actor-map.js';

/**
 * A workspace as one JSON document, holding only what the caller may see: the initiatives it has a
 * role in (all, for an administrator), the actor maps its roles open, attendance lists it may read.
 * Identities only when asked (`withIdentities`) and only for callers allowed to see names.
 */
export async function exportWorkspaceJson(
  ctx: ServiceContext,
  workspaceId: string,
  options: { withIdentities?: boolean } = {},
): Promise<WorkspaceDocument> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'workspace.read', { workspaceId });
    const workspace = await getWorkspace(trx, workspaceId);
    if (!workspace) throw new TrackTwoError('TT_ERR_NOT_FOUND', { reason: `workspace ${workspaceId}` });
    const visible = await listVisibleInitiatives(trx, ctx.auth, { workspaceId });
    const admin = await hasAccess(trx, ctx.auth, 'workspace.manage', { workspaceId });
    const initiativeIds = new Set(visible.map((v) => v.id));
    const initiatives = (await listInitiatives(trx, workspaceId)).filter(
      (i) => admin || initiativeIds.has(i.id),
    );
    const conflictIds = new Set(initiatives.map((i) => i.conflict_id));
    if (admin) {
      for (const conflict of await listConflicts(trx, workspaceId)) conflictIds.add(conflict.id);
    }

    const doc: WorkspaceDocument = {
      format: workspaceDocumentFormat,
      version: workspaceDocumentVersion,
      exported_at: new Date().toISOString(),
      workspace: {
        id: workspace.id,
        name: workspace.name,
        description: workspace.description,
        is_demo: workspace.is_demo,
      },
      conflicts: [],
      actors: [],
      ties: [],
      initiatives: [],
      meetings: [],
      outcomes: [],
      transfers: [],
    };
    const withIdentities = options.withIdentities === true;
    const identities: NonNullable<WorkspaceDocument['identities']> = [];
    const exportedActors = new Set<string>();

    for (const conflictId of conflictIds) {
      // The actor map is read only where the caller's roles open it; elsewhere the conflict alone.
      const readsActors = await hasAccess(trx, ctx.auth, 'actors.read', { conflictId });
      const { conflict, actors, ties } = readsActors
        ? await readActorMap(trx, ctx.auth, workspaceId, conflictId)
        : { conflict: must(await getConflict(trx, conflictId), 'conflict'), actors: [], ties: [] };
      doc.conflicts.push({
        id: conflict.id,
        name: conflict.name,
        description: conflict.description,
        started_on: conflict.started_on,
        ended_on: conflict.ended_on,
        divides: conflict.divides.map((d) => ({
          id: d.id,
          name: d.name,
          groups: d.groups.map((g) => ({ id: g.id, name: g.name, color: g.color })),
        })),
        events: (await listConflictEvents(trx, conflictId)).map((e) => ({
          id: e.id,
          kind: e.kind,
          occurred_on: e.occurred_on,
          title: e.title,
        })),
      });
      // Asking for names where the role shows none is one refusal, whether or not the role reads actors
      // (a participant once got a 200 without names where a researcher got this 403).
      const names = withIdentities && (await hasAccess(trx, ctx.auth, 'actors.names', { conflictId }));
      if (withIdentities && !names) {
        throw new TrackTwoError('TT_ERR_FORBIDDEN', {
          reason: 'your role does not show names: export without them',
        });
      }
      if (!readsActors) continue;
      const vault = names
        ? await getIdentities(
            trx,
            ctx.keys,
            workspaceId,
            actors.filter((actor) => !actor.erased_at).map((actor) => actor.id),
          )
        : new Map();
      for (const actor of actors) {
        exportedActors.add(actor.id);
        doc.actors.push({
          id: actor.id,
          conflict_id: actor.conflict_id,
          pseudonym: actor.pseudonym,
          kind: actor.kind,
          role: actor.role,
          track: actor.track,
          gender: actor.gender,
          region: actor.region,
          latitude: actor.latitude,
          longitude: actor.longitude,
          groups: actor.groups,
          erased_at: actor.erased_at,
        });
        const identity = vault.get(actor.id);
        if (identity) identities.push({ actor_id: actor.id, ...identity });
      }
      for (const tie of ties) {
        const { workspace_id: _w, created_at: _c, updated_at: _u, ...fields } = tie;
        doc.ties.push(fields);
      }
    }

    for (const initiative of initiatives) {
      const { workspace_id: _w, created_at: _c, actors, ...fields } = initiative;
      const privacy = await getPrivacy(trx, initiative.id);
      doc.initiatives.push({
        ...fields,
        actors: actors.filter((a) => exportedActors.has(a.actor_id)),
        // Only an initiative that chose settings carries them: the defaults need no saying.
        ...(privacy.updated_at === null
          ? {}
          : {
              privacy: {
                identities_days: privacy.identities_days,
                attendance_days: privacy.attendance_days,
                answers_days: privacy.answers_days,
                location_precision: privacy.location_precision,
              },
            }),
      });
      for (const meeting of await listMeetings(trx, initiative.id)) {
        const { created_at: _m, ...meetingFields } = meeting;
        const mayList = await hasAccess(trx, ctx.auth, 'attendance.read', { meetingId: meeting.id });
        const attendances = mayList
          ? (await listAttendances(trx, meeting.id))
              .filter((a) => exportedActors.has(a.actor_id))
              .map((a) => ({ actor_id: a.actor_id, role: a.role }))
          : [];
        doc.meetings.push({ ...meetingFields, attendances });
      }
      for (const outcome of await listOutcomes(trx, initiative.id)) {
        const { created_at: _o, ...outcomeFields } = outcome;
        doc.outcomes.push(outcomeFields);
      }
      for (const transfer of await listTransfers(trx, { initiative_id: initiative.id })) {
        const { created_at: _t, ...transferFields } = transfer;
        // Recipients are actors: without the actor map, the transfer cannot name them.
        if (!transfer.recipient_actor_ids.every((id) => exportedActors.has(id))) continue;
        doc.transfers.push({ ...transferFields, history: [] });
      }
    }
    if (withIdentities) doc.identities = identities;
    await appendAudit(trx, ctx.keys, ctx.auth!, {
      action: withIdentities ? 'export.workspace_names' : 'export.workspace',
      recordType: 'workspace',
      recordId: workspaceId,
      workspaceId,
    });
    return doc;
  });
}
