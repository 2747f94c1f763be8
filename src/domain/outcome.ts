import { z } from 'zod';
import {
  checkDateOrder,
  checkNotEmpty,
  idSchema,
  isoDateSchema,
  isoTimestampSchema,
  longTextSchema,
  noteSchema,
  titleSchema,
} from './scalars.js';
import { outcomeKindSchema, transferStatusSchema } from './vocabulary.js';

/** What a process produced; optionally tied to the meeting that produced it. */
export const outcomeSchema = z.strictObject({
  id: idSchema,
  initiative_id: idSchema,
  meeting_id: idSchema.nullable(),
  title: titleSchema,
  description: longTextSchema,
  kind: outcomeKindSchema,
  created_at: isoTimestampSchema,
});
export type Outcome = z.infer<typeof outcomeSchema>;

export const outcomeCreateSchema = z.strictObject({
  initiative_id: idSchema,
  meeting_id: idSchema.nullable().default(null),
  title: titleSchema,
  description: longTextSchema.default(''),
  kind: outcomeKindSchema.default('proposal'),
});
export type OutcomeCreate = z.input<typeof outcomeCreateSchema>;

export const outcomePatchSchema = z
  .strictObject({
    meeting_id: idSchema.nullable(),
    title: titleSchema,
    description: longTextSchema,
    kind: outcomeKindSchema,
  })
  .partial()
  .superRefine(checkNotEmpty);
export type OutcomePatch = z.infer<typeof outcomePatchSchema>;

/** An outcome handed to Track-I actors, and what became of it (status as of `status_on`). */
export const transferSchema = z.strictObject({
  id: idSchema,
  outcome_id: idSchema,
  status: transferStatusSchema,
  handed_on: isoDateSchema,
  status_on: isoDateSchema,
  note: noteSchema,
  created_at: isoTimestampSchema,
  recipient_actor_ids: z.array(idSchema),
});
export type Transfer = z.infer<typeof transferSchema>;

function checkRecipientsOnce(ids: readonly string[] | undefined, ctx: z.RefinementCtx): void {
  if (ids && new Set(ids).size !== ids.length) {
    ctx.addIssue({ code: 'custom', path: ['recipient_actor_ids'], message: 'a recipient is listed twice' });
  }
}

export const transferCreateSchema = z
  .strictObject({
    outcome_id: idSchema,
    status: transferStatusSchema.default('handed'),
    handed_on: isoDateSchema,
    status_on: isoDateSchema.optional(),
    note: noteSchema.default(''),
    recipient_actor_ids: z.array(idSchema).min(1).max(100),
  })
  .transform((value) => ({ ...value, status_on: value.status_on ?? value.handed_on }))
  .superRefine((value, ctx) => {
    checkDateOrder(value, ctx, 'handed_on', 'status_on');
    checkRecipientsOnce(value.recipient_actor_ids, ctx);
  });
export type TransferCreate = z.input<typeof transferCreateSchema>;
export type TransferCreateParsed = z.output<typeof transferCreateSchema>;

/** `recipient_actor_ids`, when given, replaces the recipients. */
export const transferPatchSchema = z
  .strictObject({
    status: transferStatusSchema,
    handed_on: isoDateSchema,
    status_on: isoDateSchema,
    note: noteSchema,
    recipient_actor_ids: z.array(idSchema).min(1).max(100),
  })
  .partial()
  .superRefine((value, ctx) => {
    checkNotEmpty(value, ctx);
    checkDateOrder(value, ctx, 'handed_on', 'status_on');
    checkRecipientsOnce(value.recipient_actor_ids, ctx);
  });
export type TransferPatch = z.infer<typeof transferPatchSchema>;
