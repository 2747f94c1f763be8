import { z } from 'zod';
import { instrumentSchema, surveyLanguageSchema, type Instrument } from './instruments.js';
import {
  checkDateOrder,
  checkNotEmpty,
  idSchema,
  isoDateSchema,
  isoTimestampSchema,
  nameSchema,
  titleSchema,
} from './scalars.js';
import { surveyWaves } from './survey-values.js';
import { genderSchema } from './vocabulary.js';

/**
 * Surveys of an initiative: which instruments (from the library, or a convener's own items), asked
 * about which out-groups, in which languages; their waves; respondents (participants by their
 * pseudonymous actor, or a comparison group known only by a pseudonym); and the answers, which are
 * sealed at rest and never listed one by one outside the respondent's own link.
 */

export { surveyWaves } from './survey-values.js';
export const surveyWaveSchema = z.enum(surveyWaves);
export type SurveyWaveKind = z.infer<typeof surveyWaveSchema>;

export const respondentArms = ['participant', 'comparison'] as const;
export const respondentArmSchema = z.enum(respondentArms);
export type RespondentArm = z.infer<typeof respondentArmSchema>;

export const responseEntryKinds = ['respondent', 'facilitator', 'import'] as const;
export type ResponseEntryKind = (typeof responseEntryKinds)[number];

/** A library instrument by id, or a custom one given whole (its kind is forced to `custom`). */
export const surveyInstrumentChoiceSchema = z.union([
  z.strictObject({ library: z.string().regex(/^[a-z][a-z0-9_.-]{0,59}$/) }),
  z.strictObject({ custom: z.unknown() }),
]);
export type SurveyInstrumentChoice = z.infer<typeof surveyInstrumentChoiceSchema>;

/** An out-group the instruments ask about: a group's name as respondents know it. */
export const outGroupSchema = z.string().trim().min(1).max(80);

export const surveySchema = z.strictObject({
  id: idSchema,
  workspace_id: idSchema,
  initiative_id: idSchema,
  title: titleSchema,
  /** Resolved copies: a later change to the library does not change what was asked. */
  instruments: z.array(instrumentSchema),
  out_groups: z.array(outGroupSchema),
  languages: z.array(surveyLanguageSchema),
  created_at: isoTimestampSchema,
  updated_at: isoTimestampSchema,
});
export type Survey = Omit<z.infer<typeof surveySchema>, 'instruments'> & { instruments: Instrument[] };

const instrumentsField = z.array(surveyInstrumentChoiceSchema).min(1).max(12);
const outGroupsField = z
  .array(outGroupSchema)
  .min(1)
  .max(12)
  .refine((list) => new Set(list).size === list.length, 'out-groups must differ');
const languagesField = z
  .array(surveyLanguageSchema)
  .min(1)
  .refine((list) => new Set(list).size === list.length, 'languages must differ');

export const surveyCreateSchema = z.strictObject({
  initiative_id: idSchema,
  title: titleSchema,
  instruments: instrumentsField,
  out_groups: outGroupsField,
  languages: languagesField.default(['en']),
});
export type SurveyCreate = z.output<typeof surveyCreateSchema>;

export const surveyPatchSchema = z
  .strictObject({
    title: titleSchema,
    instruments: instrumentsField,
    out_groups: outGroupsField,
    languages: languagesField,
  })
  .partial()
  .superRefine(checkNotEmpty);
export type SurveyPatch = z.output<typeof surveyPatchSchema>;

export const surveyWaveRecordSchema = z.strictObject({
  id: idSchema,
  survey_id: idSchema,
  kind: surveyWaveSchema,
  opens_on: isoDateSchema,
  closes_on: isoDateSchema,
  /** The meeting this wave follows (post and follow-up waves); null for a baseline. */
  after_meeting_id: idSchema.nullable(),
  created_at: isoTimestampSchema,
});
export type SurveyWave = z.infer<typeof surveyWaveRecordSchema>;

export const surveyWaveCreateSchema = z
  .strictObject({
    kind: surveyWaveSchema,
    opens_on: isoDateSchema,
    closes_on: isoDateSchema,
    after_meeting_id: idSchema.nullable().default(null),
  })
  .superRefine((value, ctx) => checkDateOrder(value, ctx, 'opens_on', 'closes_on'));
export type SurveyWaveCreate = z.output<typeof surveyWaveCreateSchema>;

export const surveyWavePatchSchema = z
  .strictObject({
    opens_on: isoDateSchema,
    closes_on: isoDateSchema,
    after_meeting_id: idSchema.nullable(),
  })
  .partial()
  .superRefine(checkNotEmpty)
  .superRefine((value, ctx) => checkDateOrder(value, ctx, 'opens_on', 'closes_on'));
export type SurveyWavePatch = z.output<typeof surveyWavePatchSchema>;

/** A respondent as managers see them: never a name, only the actor's pseudonym or a given one. */
export const surveyRespondentSchema = z.strictObject({
  id: idSchema,
  survey_id: idSchema,
  arm: respondentArmSchema,
  actor_id: idSchema.nullable(),
  pseudonym: z.string(),
  /** Comparison respondents' own side and gender (participants' come from their actor record). */
  side: nameSchema.nullable(),
  gender: genderSchema.nullable(),
  created_at: isoTimestampSchema,
});
export type SurveyRespondent = z.infer<typeof surveyRespondentSchema>;

export const comparisonPseudonymSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{1,39}$/, 'letters, digits, - and _ (2 to 40), never a name');

export const surveyRespondentCreateSchema = z.union([
  z.strictObject({ arm: z.literal('participant'), actor_id: idSchema }),
  z.strictObject({
    arm: z.literal('comparison'),
    pseudonym: comparisonPseudonymSchema,
    side: nameSchema.nullable().default(null),
    gender: genderSchema.nullable().default(null),
  }),
]);
export type SurveyRespondentCreate = z.output<typeof surveyRespondentCreateSchema>;

/** One answer: the instrument, the out-group it was asked about (per-out-group instruments), the item. */
export const surveyAnswerSchema = z.strictObject({
  instrument: z.string().min(1).max(60),
  out_group: outGroupSchema.nullable().default(null),
  item: z.string().min(1).max(40),
  value: z.number().finite().nullable(),
});
export type SurveyAnswer = z.output<typeof surveyAnswerSchema>;

export const surveyAnswersSchema = z.strictObject({
  language: surveyLanguageSchema.default('en'),
  answers: z.array(surveyAnswerSchema).min(1).max(2_000),
});
export type SurveyAnswers = z.output<typeof surveyAnswersSchema>;

export const facilitatorEntrySchema = surveyAnswersSchema.extend({ respondent_id: idSchema });
export type FacilitatorEntry = z.output<typeof facilitatorEntrySchema>;

export const linkIssueSchema = z.strictObject({
  /** Respondents to issue links to; all respondents of the survey when absent. */
  respondent_ids: z.array(idSchema).min(1).max(5_000).optional(),
});

/** An effect entered by hand from a published study, to pool beside the workspace's own. */
export const externalEffectSchema = z.strictObject({
  id: idSchema,
  workspace_id: idSchema,
  label: nameSchema,
  effect: z.number().finite(),
  variance: z.number().finite().positive(),
  instrument_kind: z.string().max(40).nullable(),
  citation: z.string().trim().max(500),
  created_at: isoTimestampSchema,
});
export type ExternalEffect = z.infer<typeof externalEffectSchema>;

export const externalEffectCreateSchema = z.strictObject({
  label: nameSchema,
  effect: z.number().finite(),
  variance: z.number().finite().positive(),
  instrument_kind: z.string().max(40).nullable().default(null),
  citation: z.string().trim().max(500).default(''),
});
export type ExternalEffectCreate = z.output<typeof externalEffectCreateSchema>;
