import { z } from 'zod';
import {
  checkDateOrder,
  checkNotEmpty,
  checkUnique,
  colorSchema,
  idSchema,
  isoDateSchema,
  isoTimestampSchema,
  longTextSchema,
  nameSchema,
  titleSchema,
} from './scalars.js';
import { conflictEventKindSchema } from './vocabulary.js';

export const groupSchema = z.strictObject({
  id: idSchema,
  divide_id: idSchema,
  name: nameSchema,
  color: colorSchema.nullable(),
});
export type Group = z.infer<typeof groupSchema>;

export const divideSchema = z.strictObject({
  id: idSchema,
  conflict_id: idSchema,
  name: nameSchema,
  groups: z.array(groupSchema),
});
export type Divide = z.infer<typeof divideSchema>;

export const conflictEventSchema = z.strictObject({
  id: idSchema,
  conflict_id: idSchema,
  kind: conflictEventKindSchema,
  occurred_on: isoDateSchema,
  title: titleSchema,
});
export type ConflictEvent = z.infer<typeof conflictEventSchema>;

/** A named context with its divides; its official timeline (events) is read apart. */
export const conflictSchema = z.strictObject({
  id: idSchema,
  workspace_id: idSchema,
  name: nameSchema,
  description: longTextSchema,
  started_on: isoDateSchema.nullable(),
  ended_on: isoDateSchema.nullable(),
  created_at: isoTimestampSchema,
  divides: z.array(divideSchema),
});
export type Conflict = z.infer<typeof conflictSchema>;

export const groupCreateSchema = z.strictObject({
  name: nameSchema,
  color: colorSchema.nullable().default(null),
});
export type GroupCreate = z.input<typeof groupCreateSchema>;

/** A divide needs at least two sides to divide anything. */
export const divideCreateSchema = z
  .strictObject({
    name: nameSchema,
    groups: z.array(groupCreateSchema).min(2).max(50),
  })
  .superRefine((divide, ctx) =>
    checkUnique(
      divide.groups,
      (group) => group.name.toLowerCase(),
      ctx,
      (index) => ['groups', index, 'name'],
      'group names must differ',
    ),
  );
export type DivideCreate = z.input<typeof divideCreateSchema>;

const conflictFields = {
  name: nameSchema,
  description: longTextSchema,
  started_on: isoDateSchema.nullable(),
  ended_on: isoDateSchema.nullable(),
};

export const conflictCreateSchema = z
  .strictObject({
    workspace_id: idSchema,
    name: nameSchema,
    description: longTextSchema.default(''),
    started_on: isoDateSchema.nullable().default(null),
    ended_on: isoDateSchema.nullable().default(null),
    divides: z.array(divideCreateSchema).max(20).default([]),
  })
  .superRefine((value, ctx) => checkDateOrder(value, ctx, 'started_on', 'ended_on'));
export type ConflictCreate = z.input<typeof conflictCreateSchema>;

export const conflictPatchSchema = z
  .strictObject(conflictFields)
  .partial()
  .superRefine((value, ctx) => {
    checkNotEmpty(value, ctx);
    checkDateOrder(value, ctx, 'started_on', 'ended_on');
  });
export type ConflictPatch = z.infer<typeof conflictPatchSchema>;

export const conflictEventCreateSchema = z.strictObject({
  conflict_id: idSchema,
  kind: conflictEventKindSchema,
  occurred_on: isoDateSchema,
  title: titleSchema,
});
export type ConflictEventCreate = z.input<typeof conflictEventCreateSchema>;

export const conflictEventPatchSchema = z
  .strictObject({ kind: conflictEventKindSchema, occurred_on: isoDateSchema, title: titleSchema })
  .partial()
  .superRefine(checkNotEmpty);
export type ConflictEventPatch = z.infer<typeof conflictEventPatchSchema>;
