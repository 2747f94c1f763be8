import { z } from 'zod';
import { idSchema } from './scalars.js';

const unitSchema = z.enum(['meeting', 'initiative', 'conflict']);

/** The official baseline Track-II figures are set beside (evaluation/inclusion.ts). */
const baselineSchema = z.strictObject({
  period: z.string(),
  negotiators: z.number(),
  mediators: z.number(),
  signatories: z.number(),
  source: z.string(),
});

export const womenInclusionReportSchema = z.strictObject({
  rows: z.array(
    z.strictObject({
      unit: unitSchema,
      unit_id: idSchema,
      period: z.string(),
      attendees: z.number().int().min(0),
      women: z.number().int().min(0),
      share: z.number(),
      above_track_one_negotiators: z.boolean(),
      below_target: z.boolean(),
    }),
  ),
  baseline: baselineSchema,
  target: z.number().nullable(),
  warnings: z.array(
    z.strictObject({
      unit_id: idSchema,
      period: z.string(),
      share: z.number(),
      target: z.number(),
      message: z.string(),
    }),
  ),
});

/** Counts and shares of each value (a side, a role, a track) among distinct attendees of a unit. */
const inclusionRowSchema = z.strictObject({
  unit: unitSchema,
  unit_id: idSchema,
  period: z.string(),
  attendees: z.number().int().min(0),
  counts: z.record(z.string(), z.number()),
  shares: z.record(z.string(), z.number()),
});

export const initiativeInclusionSchema = z.strictObject({
  initiative_id: idSchema,
  target: z.number().nullable(),
  meetings: womenInclusionReportSchema,
  over_time: womenInclusionReportSchema,
});
export type InitiativeInclusion = z.infer<typeof initiativeInclusionSchema>;

/** Who takes part: women's share (and sides', roles', tracks') per meeting and over time, with the target. */
export const inclusionReportSchema = z.strictObject({
  scope: z.union([z.strictObject({ initiative_id: idSchema }), z.strictObject({ conflict_id: idSchema })]),
  period: z.enum(['all', 'year', 'quarter', 'month']),
  baseline: baselineSchema,
  initiatives: z.array(initiativeInclusionSchema),
  /** Conflict scope only: all its readable initiatives together, per period. */
  conflict: womenInclusionReportSchema.nullable(),
  breakdown: z.strictObject({
    side: z.array(inclusionRowSchema),
    role: z.array(inclusionRowSchema),
    track: z.array(inclusionRowSchema),
  }),
  warnings: z.array(
    z.strictObject({
      level: z.enum(['meeting', 'initiative']),
      unit_id: idSchema,
      period: z.string(),
      share: z.number(),
      target: z.number(),
      message: z.string(),
    }),
  ),
});
export type InclusionReport = z.infer<typeof inclusionReportSchema>;
