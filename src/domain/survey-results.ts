import { z } from 'zod';
import { instrumentSchema, responseScaleSchema, surveyLanguageSchema } from './instruments.js';
import { idSchema, isoDateSchema } from './scalars.js';
import {
  surveyAnswerSchema,
  surveyRespondentSchema,
  surveySchema,
  surveyWaveRecordSchema,
  surveyWaveSchema,
} from './survey.js';

/**
 * A survey's instruments as answered: resolved copies, which the store hands back as the library wrote them
 * (the instrument schema's own checks ran when the survey was made).
 */
const surveyRecordSchema = surveySchema.extend({ instruments: z.array(instrumentSchema) });

/** A survey as listed (without its waves). */
export const surveyListedSchema = surveyRecordSchema;

/** One survey with its waves. */
export const surveyDetailSchema = surveyRecordSchema.extend({ waves: z.array(surveyWaveRecordSchema) });
export type SurveyDetail = z.infer<typeof surveyDetailSchema>;

/** A respondent (pseudonym) with the waves (by kind) they have answered; never the answers. */
export const respondentStatusSchema = surveyRespondentSchema.extend({ answered: z.array(z.string()) });
export type RespondentStatus = z.infer<typeof respondentStatusSchema>;

/** An answer link for one respondent and wave; the token is shown once (only its hash is stored). */
export const issuedLinkSchema = z.strictObject({
  respondent_id: idSchema,
  pseudonym: z.string(),
  token: z.string(),
});
export type IssuedLink = z.infer<typeof issuedLinkSchema>;

/** The form a link opens, in one language, with the holder's own earlier answers. */
export const surveyFormSchema = z.strictObject({
  survey_id: idSchema,
  wave: z.strictObject({
    id: idSchema,
    kind: surveyWaveSchema,
    opens_on: isoDateSchema,
    closes_on: isoDateSchema,
  }),
  language: surveyLanguageSchema,
  instruments: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      instructions: z.string(),
      out_group: z.string().nullable(),
      scale: responseScaleSchema,
      items: z.array(z.strictObject({ id: z.string(), text: z.string() })),
      /** Translations still to be checked by a native speaker. */
      draft_translation: z.boolean(),
    }),
  ),
  /** The respondent's own earlier answer for this wave, to change before the wave closes. */
  previous: z.array(surveyAnswerSchema).nullable(),
});
export type SurveyForm = z.infer<typeof surveyFormSchema>;

/** A stored answer; `replaced` when it replaced the respondent's earlier one for the wave. */
export const submittedResponseSchema = z.strictObject({
  id: idSchema,
  wave: surveyWaveSchema,
  replaced: z.boolean(),
});
export type SubmittedResponse = z.infer<typeof submittedResponseSchema>;

/** What an import of a wave's answers did. */
export const answersImportedSchema = z.strictObject({
  rows: z.number().int().min(0),
  created: z.number().int().min(0),
  replaced: z.number().int().min(0),
  /** Comparison respondents the file named for the first time. */
  new_respondents: z.number().int().min(0),
});
export type AnswersImported = z.infer<typeof answersImportedSchema>;

/** The anonymised research export of a survey: aggregate cells, none below k respondents. */
export const surveyResearchExportSchema = z.strictObject({
  format: z.literal('tracktwo.survey-research'),
  version: z.literal(1),
  k: z.number().int(),
  notice: z.string(),
  instruments: z.array(
    z.strictObject({
      id: z.string(),
      kind: z.string(),
      higher_means: z.string(),
      scale_min: z.number(),
      scale_max: z.number(),
    }),
  ),
  cells: z.array(
    z.strictObject({
      instrument: z.string(),
      wave: surveyWaveSchema,
      arm: z.enum(['participant', 'comparison']),
      dimension: z.enum(['all', 'side', 'gender', 'role', 'groundRule', 'dose']),
      level: z.string(),
      n: z.number().int().nullable(),
      mean: z.number().nullable(),
      sd: z.number().nullable(),
    }),
  ),
  suppressed: z.number().int().min(0),
});
