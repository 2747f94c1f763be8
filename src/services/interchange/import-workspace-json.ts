import type { Kysely } from 'kysely';
import { TrackTwoError } from '../../domain/errors.js';
import {
  workspaceDocumentSchema,
  type WorkspaceDocumentParsed,
} from '../../interchange/workspace-json-schema.js';
import { appendAudit, type AuditEntry } from '../../security/audit.js';
import type { Auth } from '../../security/auth.js';
import { putIdentity, type VaultKeys } from '../../security/vault.js';
import { createActor, markActorErased } from '../../store/repositories/actors.js';
import { createConflict, createConflictEvent } from '../../store/repositories/conflicts.js';
import { createInitiative } from '../../store/repositories/initiatives.js';
import { createMeeting } from '../../store/repositories/meetings.js';
import { addWorkspaceAdmin } from '../../store/repositories/memberships.js';
import { createOutcome, createTransfer, updateTransfer } from '../../store/repositories/outcomes.js';
import { createTie, deleteTie, listTies, updateTie } from '../../store/repositories/ties.js';
import { createWorkspace } from '../../store/repositories/workspaces.js';
import { newId } from '../../store/ids.js';
import type { Database } from '../../store/schema.js';
import { requireAdministrator } from '../common.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAttendees } from '../initiatives/attendance.js';
import { coarsenConflictActors, coarsenMeetingInput } from '../privacy/location.js';
import { getPrivacy, putPrivacy } from '../../store/repositories/privacy.js';
import { identitiesOutliveAttendance } from '../../domain/privacy.js';

/** Reports how far a long write has come (the CLI draws a progress bar from it). */
export type ProgressListener = (done: number, total: number) => void;

export interface ImportedWorkspace {
  workspaceId: string;
  /** New id of every record, by its id in the document. */
  ids: Record<string, string>;
  counts: { actors: number; ties: number; meetings: number; identities: number };
}

/** Validates a workspace document (text or parsed JSON), naming the first bad field. */
export function parseWorkspaceDocument(input: unknown): WorkspaceDocumentParsed {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw new TrackTwoError('TT_ERR_IMPORT_REJECTED', {
        reason: `the file is not JSON (${error instanceof Error ? error.message : String(error)})`,
      });
    }
  }
  const result = workspaceDocumentSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new TrackTwoError('TT_ERR_IMPORT_REJECTED', {
      field: issue.path.map(String).join('.'),
      reason: issue.message,
    });
  }
  return result.data;
}

/** An undirected `met` tie is kept once per pair in id order, so pairs are compared that way. */
const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * Writes a validated document as a new workspace, inside the caller's transaction, every record under
 * a fresh id and with its audit row. Attendance is recorded through the store (which derives `met`
 * ties), and the document's own `met` ties then set their final strength and dates, so an export
 * reads back exactly. Identities go through the vault, encrypted under the new workspace's key.
 */
export async function writeWorkspaceDocument(
  trx: Kysely<Database>,
  keys: VaultKeys,
  auth: Auth,
  doc: WorkspaceDocumentParsed,
  options: { onProgress?: ProgressListener; name?: string } = {},
): Promise<ImportedWorkspace> {
  const ids = new Map<string, string>();
  const fresh = (documentId: string) => {
    const id = newId();
    ids.set(documentId, id);
    return id;
  };
  const idOf = (documentId: string) => {
    const id = ids.get(documentId);
    if (id === undefined) throw new Error(`document reference ${documentId} was not written first`);
    return id;
  };
  const total =
    doc.conflicts.length +
    doc.actors.length +
    doc.ties.length +
    doc.initiatives.length +
    doc.meetings.length +
    doc.outcomes.length +
    doc.transfers.length +
    (doc.identities?.length ?? 0);
  let done = 0;
  const step = () => options.onProgress?.(++done, total);

  const workspace = await createWorkspace(trx, {
    id: fresh(doc.workspace.id),
    name: options.name ?? doc.workspace.name,
    description: doc.workspace.description,
    is_demo: doc.workspace.is_demo,
  });
  const workspaceId = workspace.id;
  const audit = (entry: Omit<AuditEntry, 'workspaceId'>) =>
    appendAudit(trx, keys, auth, { ...entry, workspaceId });
  await audit({ action: 'workspace.import', recordType: 'workspace', recordId: workspaceId });
  if (!auth.system) await addWorkspaceAdmin(trx, workspaceId, auth.accountId);

  for (const conflict of doc.conflicts) {
    const conflictId = fresh(conflict.id);
    await createConflict(trx, {
      id: conflictId,
      workspace_id: workspaceId,
      name: conflict.name,
      description: conflict.description,
      started_on: conflict.started_on,
      ended_on: conflict.ended_on,
      divides: conflict.divides.map((divide) => ({
        id: fresh(divide.id),
        name: divide.name,
        groups: divide.groups.map((group) => ({ id: fresh(group.id), name: group.name, color: group.color })),
      })),
    });
    await audit({ action: 'conflict.create', recordType: 'conflict', recordId: conflictId });
    for (const event of conflict.events) {
      const eventId = fresh(event.id);
      await createConflictEvent(trx, { id: eventId, conflict_id: conflictId, ...withoutId(event) });
      await audit({ action: 'conflict_event.create', recordType: 'conflict_event', recordId: eventId });
    }
    step();
  }

  for (const actor of doc.actors) {
    const actorId = fresh(actor.id);
    // Coarsened below, once the conflict's initiatives and their precision are in (same transaction).
    const place = { latitude: actor.latitude ?? null, longitude: actor.longitude ?? null };
    await createActor(trx, {
      id: actorId,
      workspace_id: workspaceId,
      conflict_id: idOf(actor.conflict_id),
      pseudonym: actor.pseudonym,
      kind: actor.kind,
      role: actor.role,
      track: actor.track,
      gender: actor.gender,
      region: actor.region,
      ...place,
      groups: actor.groups.map((g) => ({ divide_id: idOf(g.divide_id), group_id: idOf(g.group_id) })),
    });
    await audit({ action: 'actor.create', recordType: 'actor', recordId: actorId });
    step();
  }
  for (const identity of doc.identities ?? []) {
    const { actor_id, ...payload } = identity;
    const actorId = idOf(actor_id);
    await putIdentity(trx, keys, workspaceId, actorId, payload);
    await audit({ action: 'identity.put', recordType: 'actor', recordId: actorId });
    step();
  }
  // Erasure is kept: the record stays pseudonymous and no identity is imported for it.
  const erased = doc.actors.filter((actor) => actor.erased_at !== null);
  if (erased.length > 0) {
    for (const actor of erased) await markActorErased(trx, idOf(actor.id), actor.erased_at ?? undefined);
  }

  for (const tie of doc.ties.filter((t) => t.kind !== 'met')) {
    const tieId = fresh(tie.id);
    await createTie(trx, {
      ...withoutId(tie),
      id: tieId,
      workspace_id: workspaceId,
      conflict_id: idOf(tie.conflict_id),
      source_actor_id: idOf(tie.source_actor_id),
      target_actor_id: idOf(tie.target_actor_id),
    });
    await audit({ action: 'tie.create', recordType: 'tie', recordId: tieId });
    step();
  }

  for (const initiative of doc.initiatives) {
    const initiativeId = fresh(initiative.id);
    await createInitiative(trx, {
      ...withoutId(initiative),
      id: initiativeId,
      workspace_id: workspaceId,
      conflict_id: idOf(initiative.conflict_id),
      actors: initiative.actors.map((a) => ({ actor_id: idOf(a.actor_id), capacity: a.capacity })),
    });
    await audit({ action: 'initiative.create', recordType: 'initiative', recordId: initiativeId });
    if (initiative.privacy) {
      const settings = { ...(await getPrivacy(trx, initiativeId)), ...initiative.privacy };
      if (identitiesOutliveAttendance(settings)) {
        throw new TrackTwoError('TT_ERR_VALIDATION', {
          field: 'initiatives.privacy.identities_days',
          reason: 'identities may not be kept longer than attendance',
        });
      }
      await putPrivacy(trx, { ...settings, updated_at: new Date().toISOString() });
      await audit({ action: 'initiative.privacy_update', recordType: 'initiative', recordId: initiativeId });
    }
    step();
  }
  // Actors' coordinates no finer than the initiatives of their conflict allow, now that they are known.
  for (const conflictId of new Set(doc.actors.map((actor) => idOf(actor.conflict_id)))) {
    await coarsenConflictActors(trx, conflictId);
  }

  // Attendance in date order, as it happened, so derived `met` ties grow as they did.
  const meetings = [...doc.meetings].sort((a, b) =>
    a.held_on < b.held_on ? -1 : a.held_on > b.held_on ? 1 : 0,
  );
  for (const meeting of meetings) {
    const meetingId = fresh(meeting.id);
    const { attendances, ...fields } = meeting;
    const initiativeId = idOf(meeting.initiative_id);
    await createMeeting(trx, {
      ...(await coarsenMeetingInput(trx, initiativeId, withoutId(fields))),
      id: meetingId,
      initiative_id: initiativeId,
    });
    await audit({ action: 'meeting.create', recordType: 'meeting', recordId: meetingId });
    if (attendances.length > 0) {
      await recordAttendees(
        trx,
        meetingId,
        attendances.map((a) => ({ actor_id: idOf(a.actor_id), role: a.role })),
      );
      await audit({ action: 'attendance.record', recordType: 'meeting', recordId: meetingId });
    }
    step();
  }
  await reconcileMetTies(trx, workspaceId, doc, idOf, fresh, ids, audit, step);

  for (const outcome of doc.outcomes) {
    const outcomeId = fresh(outcome.id);
    await createOutcome(trx, {
      ...withoutId(outcome),
      id: outcomeId,
      initiative_id: idOf(outcome.initiative_id),
      meeting_id: outcome.meeting_id === null ? null : idOf(outcome.meeting_id),
    });
    await audit({ action: 'outcome.create', recordType: 'outcome', recordId: outcomeId });
    step();
  }
  for (const transfer of doc.transfers) {
    const transferId = fresh(transfer.id);
    const { history, ...fields } = transfer;
    const [first, ...later] =
      history.length > 0 ? history : [{ status: transfer.status, on: transfer.status_on }];
    await createTransfer(trx, {
      ...withoutId(fields),
      id: transferId,
      outcome_id: idOf(transfer.outcome_id),
      status: first.status,
      status_on: first.on,
      recipient_actor_ids: transfer.recipient_actor_ids.map(idOf),
    });
    await audit({ action: 'transfer.create', recordType: 'transfer', recordId: transferId });
    // Each later step is its own change, so the audit log keeps the transfer's history.
    for (const change of later) {
      await updateTransfer(trx, transferId, { status: change.status, status_on: change.on });
      await audit({ action: 'transfer.update', recordType: 'transfer', recordId: transferId });
    }
    if (later.length > 0 || first.status !== transfer.status || first.on !== transfer.status_on) {
      await updateTransfer(trx, transferId, { status: transfer.status, status_on: transfer.status_on });
    }
    step();
  }

  return {
    workspaceId,
    ids: Object.fromEntries(ids),
    counts: {
      actors: doc.actors.length,
      ties: doc.ties.length,
      meetings: doc.meetings.length,
      identities: doc.identities?.length ?? 0,
    },
  };
}

/** Makes the `met` ties match the document: attendance derived most of them, the document has the last word. */
async function reconcileMetTies(
  trx: Kysely<Database>,
  workspaceId: string,
  doc: WorkspaceDocumentParsed,
  idOf: (id: string) => string,
  fresh: (id: string) => string,
  ids: Map<string, string>,
  audit: (entry: Omit<AuditEntry, 'workspaceId'>) => Promise<unknown>,
  step: () => void,
): Promise<void> {
  for (const conflict of doc.conflicts) {
    const conflictId = idOf(conflict.id);
    const derived = new Map<string, Awaited<ReturnType<typeof listTies>>['items'][number]>();
    for (let offset = 0; ; offset += 1000) {
      const page = await listTies(trx, workspaceId, {
        conflict_id: conflictId,
        kind: 'met',
        limit: 1000,
        offset,
      });
      for (const tie of page.items) derived.set(pairKey(tie.source_actor_id, tie.target_actor_id), tie);
      if (page.items.length < 1000) break;
    }
    const wanted = doc.ties.filter((t) => t.kind === 'met' && t.conflict_id === conflict.id);
    for (const tie of wanted) {
      const a = idOf(tie.source_actor_id);
      const b = idOf(tie.target_actor_id);
      const existing = derived.get(pairKey(a, b));
      const fields = {
        strength: tie.strength,
        valid_from: tie.valid_from,
        valid_to: tie.valid_to,
        source: tie.source,
        confidence: tie.confidence,
      };
      if (existing) {
        derived.delete(pairKey(a, b));
        ids.set(tie.id, existing.id);
        const same = (Object.keys(fields) as (keyof typeof fields)[]).every(
          (key) => existing[key] === fields[key],
        );
        if (!same) await updateTie(trx, existing.id, fields);
        await audit({ action: 'tie.create', recordType: 'tie', recordId: existing.id });
      } else {
        const tieId = fresh(tie.id);
        await createTie(trx, {
          ...fields,
          id: tieId,
          workspace_id: workspaceId,
          conflict_id: conflictId,
          source_actor_id: a,
          target_actor_id: b,
          kind: 'met',
        });
        await audit({ action: 'tie.create', recordType: 'tie', recordId: tieId });
      }
      step();
    }
    // Derived ties the document does not hold had been removed in the source workspace.
    for (const tie of derived.values()) await deleteTie(trx, tie.id);
  }
}

function withoutId<T extends { id: string }>(record: T): Omit<T, 'id'> {
  const { id: _id, ...rest } = record;
  return rest;
}

/**
 * Imports a workspace document as a new workspace, all or nothing. The system, or an account that
 * administers a workspace, may import; the importing account becomes the new workspace's administrator.
 */
export async function importWorkspaceJson(
  ctx: ServiceContext,
  input: unknown,
  options: { onProgress?: ProgressListener; name?: string } = {},
): Promise<ImportedWorkspace> {
  return inTransaction(ctx, async (trx) => {
    await requireAdministrator(trx, ctx.auth);
    const doc = parseWorkspaceDocument(input);
    return writeWorkspaceDocument(trx, ctx.keys, ctx.auth!, doc, options);
  });
}
