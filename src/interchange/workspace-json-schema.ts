import { z } from 'zod';
import { actorSchema } from '../domain/actor.js';
import { initiativeSchema } from '../domain/initiative.js';
import { meetingSchema } from '../domain/meeting.js';
import { latitudeSchema, longitudeSchema } from '../domain/scalars.js';
import { privacySettingsPatchSchema } from '../domain/privacy.js';
import { outcomeSchema } from '../domain/outcome.js';
import { checkTieDates, checkTieEnds } from '../domain/tie-checks.js';
import { tieSchema } from '../domain/tie.js';
import { identitySchema } from '../security/identity.js';
import {
  colorSchema,
  isoDateSchema,
  isoTimestampSchema,
  longTextSchema,
  nameSchema,
  noteSchema,
  titleSchema,
} from '../domain/scalars.js';
import {
  attendanceRoleSchema,
  conflictEventKindSchema,
  initiativeCapacitySchema,
  transferStatusSchema,
} from '../domain/vocabulary.js';

/**
 * The full JSON form of one workspace: every record, with references by id. Ids inside a document are
 * only labels (the import gives every record a fresh id), so the demo generator can use readable keys
 * such as `actor-017` and an export can be loaded next to the workspace it came from.
 */
export const workspaceDocumentFormat = 'tracktwo.workspace';
export const workspaceDocumentVersion = 1;

const refSchema = z.string().trim().min(1).max(100);

const documentGroupSchema = z.strictObject({
  id: refSchema,
  name: nameSchema,
  color: colorSchema.nullable(),
});
const documentDivideSchema = z.strictObject({
  id: refSchema,
  name: nameSchema,
  groups: z.array(documentGroupSchema).min(2).max(50),
});
const documentEventSchema = z.strictObject({
  id: refSchema,
  kind: conflictEventKindSchema,
  occurred_on: isoDateSchema,
  title: titleSchema,
});
const documentConflictSchema = z.strictObject({
  id: refSchema,
  name: nameSchema,
  description: longTextSchema,
  started_on: isoDateSchema.nullable(),
  ended_on: isoDateSchema.nullable(),
  divides: z.array(documentDivideSchema).max(20),
  events: z.array(documentEventSchema).max(10_000),
});
/*
 * Records as a document holds them: the domain's record without its workspace and timestamps, with its
 * references as labels (refSchema) and its lists bounded.
 */
const documentActorSchema = actorSchema
  .omit({ workspace_id: true, created_at: true, updated_at: true })
  .extend({
    id: refSchema,
    conflict_id: refSchema,
    // Documents written before coordinates existed have none.
    latitude: latitudeSchema.nullable().optional(),
    longitude: longitudeSchema.nullable().optional(),
    groups: z.array(z.strictObject({ divide_id: refSchema, group_id: refSchema })).max(20),
  });
const documentTieSchema = tieSchema.omit({ workspace_id: true, created_at: true, updated_at: true }).extend({
  id: refSchema,
  conflict_id: refSchema,
  source_actor_id: refSchema,
  target_actor_id: refSchema,
});
const documentInitiativeSchema = initiativeSchema.omit({ workspace_id: true, created_at: true }).extend({
  id: refSchema,
  conflict_id: refSchema,
  /** Retention periods and location precision; absent: keep everything, area only (the defaults). */
  privacy: privacySettingsPatchSchema.optional(),
  actors: z.array(z.strictObject({ actor_id: refSchema, capacity: initiativeCapacitySchema })).max(200),
});
const documentMeetingSchema = meetingSchema.omit({ created_at: true }).extend({
  id: refSchema,
  initiative_id: refSchema,
  latitude: latitudeSchema.nullable().optional(),
  longitude: longitudeSchema.nullable().optional(),
  attendances: z.array(z.strictObject({ actor_id: refSchema, role: attendanceRoleSchema })).max(500),
});
const documentOutcomeSchema = outcomeSchema.omit({ created_at: true }).extend({
  id: refSchema,
  initiative_id: refSchema,
  meeting_id: refSchema.nullable(),
});
/** The steps a transfer went through; the record keeps only the last, the audit log keeps each. */
const transferStepSchema = z.strictObject({ status: transferStatusSchema, on: isoDateSchema });
const documentTransferSchema = z.strictObject({
  id: refSchema,
  outcome_id: refSchema,
  status: transferStatusSchema,
  handed_on: isoDateSchema,
  status_on: isoDateSchema,
  note: noteSchema,
  recipient_actor_ids: z.array(refSchema).min(1).max(100),
  history: z.array(transferStepSchema).max(50).default([]),
});
/** An identity as the vault holds it (names, contacts, notes), for the actor it belongs to. */
const documentIdentitySchema = identitySchema.extend({ actor_id: refSchema });

const documentShape = z.strictObject({
  format: z.literal(workspaceDocumentFormat),
  version: z.literal(workspaceDocumentVersion),
  exported_at: isoTimestampSchema,
  workspace: z.strictObject({
    id: refSchema,
    name: nameSchema,
    description: longTextSchema,
    is_demo: z.boolean(),
  }),
  conflicts: z.array(documentConflictSchema).max(1_000),
  actors: z.array(documentActorSchema).max(200_000),
  ties: z.array(documentTieSchema).max(2_000_000),
  initiatives: z.array(documentInitiativeSchema).max(10_000),
  meetings: z.array(documentMeetingSchema).max(100_000),
  outcomes: z.array(documentOutcomeSchema).max(100_000),
  transfers: z.array(documentTransferSchema).max(100_000),
  /** Present only when the exporter could see names and asked for them. */
  identities: z.array(documentIdentitySchema).max(200_000).optional(),
});

/** Every reference must resolve inside the document, and within the right conflict. */
function checkReferences(doc: z.infer<typeof documentShape>, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  const unique = (kind: string, ids: string[], at: (index: number) => (string | number)[]) => {
    const seen = new Set<string>();
    ids.forEach((id, index) => {
      if (seen.has(id)) issue(at(index), `duplicate ${kind} id "${id}"`);
      seen.add(id);
    });
  };

  const conflictIds = new Set(doc.conflicts.map((c) => c.id));
  const dividesOfConflict = new Map<string, Map<string, Set<string>>>();
  const allDivideIds: string[] = [];
  const allGroupIds: string[] = [];
  for (const conflict of doc.conflicts) {
    const divides = new Map<string, Set<string>>();
    for (const divide of conflict.divides) {
      divides.set(divide.id, new Set(divide.groups.map((g) => g.id)));
      allDivideIds.push(divide.id);
      allGroupIds.push(...divide.groups.map((g) => g.id));
    }
    dividesOfConflict.set(conflict.id, divides);
  }
  unique(
    'conflict',
    doc.conflicts.map((c) => c.id),
    (i) => ['conflicts', i, 'id'],
  );
  unique('divide', allDivideIds, () => ['conflicts']);
  unique('group', allGroupIds, () => ['conflicts']);

  const actorConflict = new Map<string, string>();
  unique(
    'actor',
    doc.actors.map((a) => a.id),
    (i) => ['actors', i, 'id'],
  );
  unique(
    'pseudonym',
    doc.actors.map((a) => a.pseudonym),
    (i) => ['actors', i, 'pseudonym'],
  );
  doc.actors.forEach((actor, i) => {
    actorConflict.set(actor.id, actor.conflict_id);
    const divides = dividesOfConflict.get(actor.conflict_id);
    if (!divides) return issue(['actors', i, 'conflict_id'], `unknown conflict "${actor.conflict_id}"`);
    const seen = new Set<string>();
    actor.groups.forEach((membership, g) => {
      const groups = divides.get(membership.divide_id);
      if (!groups) issue(['actors', i, 'groups', g, 'divide_id'], 'not a divide of the actor’s conflict');
      else if (!groups.has(membership.group_id))
        issue(['actors', i, 'groups', g, 'group_id'], 'not a group of that divide');
      if (seen.has(membership.divide_id)) issue(['actors', i, 'groups', g], 'one group per divide');
      seen.add(membership.divide_id);
    });
    if (actor.kind === 'organisation' && actor.gender !== null)
      issue(['actors', i, 'gender'], 'an organisation has no gender');
    if (actor.kind === 'person' && actor.gender === null)
      issue(['actors', i, 'gender'], 'a person needs a gender (or "undisclosed")');
  });
  const actorIn = (id: string, conflictId: string | null, path: (string | number)[]) => {
    const conflict = actorConflict.get(id);
    if (conflict === undefined) issue(path, `unknown actor "${id}"`);
    else if (conflictId !== null && conflict !== conflictId)
      issue(path, 'the actor belongs to another conflict');
  };

  unique(
    'tie',
    doc.ties.map((t) => t.id),
    (i) => ['ties', i, 'id'],
  );
  doc.ties.forEach((tie, i) => {
    if (!conflictIds.has(tie.conflict_id))
      issue(['ties', i, 'conflict_id'], `unknown conflict "${tie.conflict_id}"`);
    actorIn(tie.source_actor_id, tie.conflict_id, ['ties', i, 'source_actor_id']);
    actorIn(tie.target_actor_id, tie.conflict_id, ['ties', i, 'target_actor_id']);
    for (const found of [checkTieEnds(tie), checkTieDates(tie)]) {
      if (found) issue(['ties', i, found.field], found.reason);
    }
  });

  const initiativeConflict = new Map<string, string>();
  unique(
    'initiative',
    doc.initiatives.map((x) => x.id),
    (i) => ['initiatives', i, 'id'],
  );
  doc.initiatives.forEach((initiative, i) => {
    initiativeConflict.set(initiative.id, initiative.conflict_id);
    if (!conflictIds.has(initiative.conflict_id))
      issue(['initiatives', i, 'conflict_id'], `unknown conflict "${initiative.conflict_id}"`);
    initiative.actors.forEach((entry, a) =>
      actorIn(entry.actor_id, initiative.conflict_id, ['initiatives', i, 'actors', a, 'actor_id']),
    );
  });

  const meetingInitiative = new Map<string, string>();
  unique(
    'meeting',
    doc.meetings.map((x) => x.id),
    (i) => ['meetings', i, 'id'],
  );
  doc.meetings.forEach((meeting, i) => {
    meetingInitiative.set(meeting.id, meeting.initiative_id);
    const conflict = initiativeConflict.get(meeting.initiative_id);
    if (conflict === undefined)
      issue(['meetings', i, 'initiative_id'], `unknown initiative "${meeting.initiative_id}"`);
    const seen = new Set<string>();
    meeting.attendances.forEach((attendance, a) => {
      actorIn(attendance.actor_id, conflict ?? null, ['meetings', i, 'attendances', a, 'actor_id']);
      if (seen.has(attendance.actor_id)) issue(['meetings', i, 'attendances', a], 'listed twice');
      seen.add(attendance.actor_id);
    });
  });

  const outcomeConflict = new Map<string, string | null>();
  unique(
    'outcome',
    doc.outcomes.map((x) => x.id),
    (i) => ['outcomes', i, 'id'],
  );
  doc.outcomes.forEach((outcome, i) => {
    outcomeConflict.set(outcome.id, initiativeConflict.get(outcome.initiative_id) ?? null);
    if (!initiativeConflict.has(outcome.initiative_id))
      issue(['outcomes', i, 'initiative_id'], `unknown initiative "${outcome.initiative_id}"`);
    if (outcome.meeting_id !== null && meetingInitiative.get(outcome.meeting_id) !== outcome.initiative_id)
      issue(['outcomes', i, 'meeting_id'], 'not a meeting of the same initiative');
  });

  unique(
    'transfer',
    doc.transfers.map((x) => x.id),
    (i) => ['transfers', i, 'id'],
  );
  doc.transfers.forEach((transfer, i) => {
    if (!outcomeConflict.has(transfer.outcome_id))
      issue(['transfers', i, 'outcome_id'], `unknown outcome "${transfer.outcome_id}"`);
    if (transfer.handed_on > transfer.status_on) issue(['transfers', i, 'status_on'], 'before handed_on');
    if (new Set(transfer.recipient_actor_ids).size !== transfer.recipient_actor_ids.length)
      issue(['transfers', i, 'recipient_actor_ids'], 'a recipient is listed twice');
    transfer.recipient_actor_ids.forEach((id, r) =>
      actorIn(id, outcomeConflict.get(transfer.outcome_id) ?? null, [
        'transfers',
        i,
        'recipient_actor_ids',
        r,
      ]),
    );
  });

  doc.identities?.forEach((identity, i) => {
    if (!actorConflict.has(identity.actor_id))
      issue(['identities', i, 'actor_id'], `unknown actor "${identity.actor_id}"`);
  });
  unique(
    'identity',
    (doc.identities ?? []).map((x) => x.actor_id),
    (i) => ['identities', i, 'actor_id'],
  );
}

export const workspaceDocumentSchema = documentShape.superRefine(checkReferences);
export type WorkspaceDocument = z.input<typeof workspaceDocumentSchema>;
export type WorkspaceDocumentParsed = z.output<typeof workspaceDocumentSchema>;
export type DocumentActor = z.infer<typeof documentActorSchema>;
export type DocumentTie = z.infer<typeof documentTieSchema>;
export type DocumentIdentity = z.infer<typeof documentIdentitySchema>;
