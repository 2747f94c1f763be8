import { z } from 'zod';
import { idSchema } from './scalars.js';
import { surveyWaveSchema } from './survey.js';

/** One effect pooled in the meta-analysis: an initiative's survey, or an external study. */
export const pooledStudySchema = z.strictObject({
  effect: z.number(),
  variance: z.number(),
  label: z.string(),
  source: z.enum(['initiative', 'external']),
  initiative_id: idSchema.nullable(),
  survey_id: idSchema.nullable(),
  kind: z.enum(['d_ppc2', 'g_rm', 'external']),
  n: z.number().int().nullable(),
});
export type PooledStudy = z.infer<typeof pooledStudySchema>;

/** The pooled estimate and heterogeneity (evaluation/meta-analysis.ts), as metafor reports them. */
export const metaAnalysisResultSchema = z.strictObject({
  method: z.enum(['fe', 'dl', 'reml']),
  k: z.number().int(),
  estimate: z.number(),
  se: z.number(),
  z: z.number(),
  p_value: z.number(),
  ci_lower: z.number(),
  ci_upper: z.number(),
  tau2: z.number(),
  tau2_se: z.number().nullable(),
  tau: z.number(),
  i2: z.number(),
  h2: z.number(),
  q: z.number(),
  q_df: z.number(),
  qp: z.number(),
  prediction_interval: z.strictObject({
    lower: z.number(),
    upper: z.number(),
    distribution: z.literal('normal'),
  }),
  weights: z.array(z.number()),
  labels: z.array(z.string().nullable()),
  iterations: z.number().int(),
  level: z.number(),
});

export const evidenceMetaSchema = z.strictObject({
  workspace_id: idSchema,
  instrument: z.string(),
  from: surveyWaveSchema,
  to: surveyWaveSchema,
  /** Effects are oriented so that a positive value means less prejudice. */
  orientation: z.literal('positive_is_improvement'),
  studies: z.array(pooledStudySchema),
  /** Initiatives' surveys with too few answers for an effect, and why. */
  left_out: z.array(z.strictObject({ survey_id: idSchema, initiative_id: idSchema, reason: z.string() })),
  result: metaAnalysisResultSchema,
});
export type EvidenceMeta = z.infer<typeof evidenceMetaSchema>;

/**
 * The studies a forest plot of the same query would show, without pooling them: how many there are
 * (pooling needs two, the fixed-effect model one) and what they are, so a page can say what it plots.
 */
export const evidenceStudiesSchema = evidenceMetaSchema.omit({ result: true });
export type EvidenceStudies = z.infer<typeof evidenceStudiesSchema>;
