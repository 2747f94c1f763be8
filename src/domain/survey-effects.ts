import { z } from 'zod';
import { surveyWaveSchema } from './survey.js';
import { idSchema } from './scalars.js';

/** A standardised mean change with its sampling variance and interval (evaluation/effect-sizes.ts). */
export const standardisedEffectSchema = z.strictObject({
  d: z.number(),
  variance_d: z.number(),
  g: z.number(),
  variance_g: z.number(),
  se: z.number(),
  ci_lower: z.number(),
  ci_upper: z.number(),
});

/** Paired pre/post change of one group of respondents. */
export const pairedChangeSchema = z.strictObject({
  n: z.number().int(),
  r: z.number(),
  mean_change: z.number(),
  sd_change: z.number(),
  mean_change_ci_lower: z.number(),
  mean_change_ci_upper: z.number(),
  t: z.number(),
  p_value: z.number(),
  dz: standardisedEffectSchema,
  drm: standardisedEffectSchema,
  dav: standardisedEffectSchema,
  dpre: standardisedEffectSchema,
});

const groupChangeSchema = z.strictObject({
  n: z.number().int().min(0),
  change: pairedChangeSchema.nullable(),
});

/** The effect of contact between two waves, for all respondents or one subgroup. */
export const waveEffectSchema = z.strictObject({
  participants: groupChangeSchema,
  comparison: groupChangeSchema,
  difference_in_differences: z
    .strictObject({
      estimate: z.number(),
      se: z.number(),
      df: z.number(),
      t: z.number(),
      p_value: z.number(),
      ci_lower: z.number(),
      ci_upper: z.number(),
    })
    .nullable(),
  pre_post_control: z
    .strictObject({
      d: z.number(),
      variance: z.number(),
      variance_large_sample: z.number(),
      sd_pooled_pre: z.number(),
      correction: z.number(),
      ci_lower: z.number(),
      ci_upper: z.number(),
    })
    .nullable(),
  /** The effect to compare and pool: d_ppc2 with a comparison group, else the participants' g_rm. */
  primary: z
    .strictObject({ kind: z.enum(['d_ppc2', 'g_rm']), estimate: z.number(), se: z.number() })
    .nullable(),
  notes: z.array(z.string()),
});

export const subgroupDifferenceSchema = z.strictObject({
  q_between: z.number(),
  df: z.number(),
  p_value: z.number(),
});

export const surveyEffectsReportSchema = z.strictObject({
  from: surveyWaveSchema,
  to: surveyWaveSchema,
  respondents: z.number().int().min(0),
  overall: waveEffectSchema,
  subgroups: z.array(
    z.strictObject({
      attribute: z.string(),
      groups: z.array(
        z.strictObject({
          level: z.string(),
          /** Respondents who answered both waves, per arm: given even when the effect is suppressed. */
          participants: z.number().int().min(0),
          comparison: z.number().int().min(0),
          /** null when suppressed: a subgroup arm below the minimum gets no estimate. */
          effect: waveEffectSchema.nullable(),
          suppressed: z
            .strictObject({ reason: z.literal('too_few_per_arm'), minimum: z.number().int() })
            .nullable(),
        }),
      ),
      difference: subgroupDifferenceSchema.nullable(),
    }),
  ),
  dose_response: z
    .strictObject({
      levels: z.array(
        z.strictObject({
          dose: z.number(),
          n: z.number().int(),
          mean_change: z.number(),
          variance: z.number(),
        }),
      ),
      skipped_doses: z.array(z.number()),
      trend: z.strictObject({
        intercept: z.number(),
        intercept_se: z.number(),
        slope: z.number(),
        slope_se: z.number(),
        slope_ci_lower: z.number(),
        slope_ci_upper: z.number(),
        slope_z: z.number(),
        slope_p_value: z.number(),
        residual_q: z.number(),
        points: z.number().int(),
      }),
    })
    .nullable(),
  notes: z.array(z.string()),
});

export const instrumentEffectsSchema = z.strictObject({
  instrument_id: z.string(),
  kind: z.string(),
  name: z.string(),
  higher_means: z.string(),
  /** +1 when a rise in the score is an improvement, -1 when a fall is (social distance, anxiety). */
  improvement_sign: z.union([z.literal(1), z.literal(-1)]),
  report: surveyEffectsReportSchema,
});
export type InstrumentEffects = z.infer<typeof instrumentEffectsSchema>;

/** Effects of one survey's instruments between two waves: aggregates only. */
export const surveyEffectsSchema = z.strictObject({
  survey_id: idSchema,
  initiative_id: idSchema,
  title: z.string(),
  from: surveyWaveSchema,
  to: surveyWaveSchema,
  instruments: z.array(instrumentEffectsSchema),
});
export type SurveyEffects = z.infer<typeof surveyEffectsSchema>;
