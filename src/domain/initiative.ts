import { z } from 'zod';
import {
  checkDateOrder,
  checkNotEmpty,
  checkUnique,
  idSchema,
  isoDateSchema,
  isoTimestampSchema,
  longTextSchema,
  moneySchema,
  nameSchema,
  shareSchema,
} from './scalars.js';
import { initiativeCapacitySchema, initiativeStatusSchema } from './vocabulary.js';

/** An actor serving the initiative as convener or third-party facilitator. */
export const initiativeActorSchema = z.strictObject({
  actor_id: idSchema,
  capacity: initiativeCapacitySchema,
});
export type InitiativeActor = z.infer<typeof initiativeActorSchema>;

export const initiativeSchema = z.strictObject({
  id: idSchema,
  workspace_id: idSchema,
  conflict_id: idSchema,
  name: nameSchema,
  aims: longTextSchema,
  status: initiativeStatusSchema,
  started_on: isoDateSchema.nullable(),
  ended_on: isoDateSchema.nullable(),
  funding_needed: moneySchema.nullable(),
  funding_pledged: moneySchema.nullable(),
  inclusion_target_women: shareSchema.nullable(),
  created_at: isoTimestampSchema,
  actors: z.array(initiativeActorSchema),
});
export type Initiative = z.infer<typeof initiativeSchema>;

function checkActorsOnce(actors: readonly InitiativeActor[] | undefined, ctx: z.RefinementCtx): void {
  const key = (entry: InitiativeActor) => `${entry.actor_id}:${entry.capacity}`;
  checkUnique(actors, key, ctx, (index) => ['actors', index], 'listed twice in the same capacity');
}

export const initiativeCreateSchema = z
  .strictObject({
    workspace_id: idSchema,
    conflict_id: idSchema,
    name: nameSchema,
    aims: longTextSchema.default(''),
    status: initiativeStatusSchema.default('planned'),
    started_on: isoDateSchema.nullable().default(null),
    ended_on: isoDateSchema.nullable().default(null),
    funding_needed: moneySchema.nullable().default(null),
    funding_pledged: moneySchema.nullable().default(null),
    inclusion_target_women: shareSchema.nullable().default(null),
    actors: z.array(initiativeActorSchema).max(200).default([]),
  })
  .superRefine((value, ctx) => {
    checkDateOrder(value, ctx, 'started_on', 'ended_on');
    checkActorsOnce(value.actors, ctx);
  });
export type InitiativeCreate = z.input<typeof initiativeCreateSchema>;

/** `actors`, when given, replaces the whole list of conveners and facilitators. */
export const initiativePatchSchema = z
  .strictObject({
    name: nameSchema,
    aims: longTextSchema,
    status: initiativeStatusSchema,
    started_on: isoDateSchema.nullable(),
    ended_on: isoDateSchema.nullable(),
    funding_needed: moneySchema.nullable(),
    funding_pledged: moneySchema.nullable(),
    inclusion_target_women: shareSchema.nullable(),
    actors: z.array(initiativeActorSchema).max(200),
  })
  .partial()
  .superRefine((value, ctx) => {
    checkNotEmpty(value, ctx);
    checkDateOrder(value, ctx, 'started_on', 'ended_on');
    checkActorsOnce(value.actors, ctx);
  });
export type InitiativePatch = z.infer<typeof initiativePatchSchema>;
