import { z } from 'zod';
import {
  addRuleIssue,
  checkNotEmpty,
  confidenceSchema,
  idSchema,
  isoDateSchema,
  isoTimestampSchema,
  pageSchema,
  strengthSchema,
} from './scalars.js';
import { checkTieDates, checkTieEnds } from './tie-checks.js';
import { tieKindSchema, tieSourceSchema } from './vocabulary.js';

/** A relation between two actors of one conflict. Undirected ties are stored once, either way round. */
export const tieSchema = z.strictObject({
  id: idSchema,
  workspace_id: idSchema,
  conflict_id: idSchema,
  source_actor_id: idSchema,
  target_actor_id: idSchema,
  kind: tieKindSchema,
  directed: z.boolean(),
  strength: strengthSchema,
  valid_from: isoDateSchema.nullable(),
  valid_to: isoDateSchema.nullable(),
  source: tieSourceSchema,
  confidence: confidenceSchema,
  created_at: isoTimestampSchema,
  updated_at: isoTimestampSchema,
});
export type Tie = z.infer<typeof tieSchema>;

export const tieCreateSchema = z
  .strictObject({
    workspace_id: idSchema,
    conflict_id: idSchema,
    source_actor_id: idSchema,
    target_actor_id: idSchema,
    kind: tieKindSchema,
    directed: z.boolean().default(false),
    strength: strengthSchema.default(1),
    valid_from: isoDateSchema.nullable().default(null),
    valid_to: isoDateSchema.nullable().default(null),
    source: tieSourceSchema.default('reported'),
    confidence: confidenceSchema.default(1),
  })
  .superRefine((value, ctx) => {
    addRuleIssue(ctx, checkTieEnds(value));
    addRuleIssue(ctx, checkTieDates(value));
  });
export type TieCreate = z.input<typeof tieCreateSchema>;

export const tiePatchSchema = z
  .strictObject({
    kind: tieKindSchema,
    directed: z.boolean(),
    strength: strengthSchema,
    valid_from: isoDateSchema.nullable(),
    valid_to: isoDateSchema.nullable(),
    source: tieSourceSchema,
    confidence: confidenceSchema,
  })
  .partial()
  .superRefine((value, ctx) => {
    checkNotEmpty(value, ctx);
    addRuleIssue(ctx, checkTieDates(value));
  });
export type TiePatch = z.infer<typeof tiePatchSchema>;

/** `as_of` keeps ties valid on that day (open bounds count as valid). */
export const tieFilterSchema = pageSchema.extend({
  limit: z.coerce.number().int().min(1).max(10_000).default(1_000),
  conflict_id: idSchema.optional(),
  actor_id: idSchema.optional(),
  kind: tieKindSchema.optional(),
  as_of: isoDateSchema.optional(),
  min_confidence: z.coerce.number().min(0).max(1).optional(),
  min_strength: z.coerce.number().int().min(1).max(5).optional(),
});
export type TieFilter = z.input<typeof tieFilterSchema>;
