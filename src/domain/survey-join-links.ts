import { z } from 'zod';
import { idSchema, isoTimestampSchema, isoDateSchema } from './scalars.js';
import { outGroupSchema, surveyWaveSchema } from './survey.js';
import { genderSchema } from './vocabulary.js';

/**
 * A survey's open join link: for a room or a public call, anybody holding it answers without an account.
 * Each first use makes a new comparison respondent (a generated pseudonym; their own side and gender if
 * they give them) with an answer link for the wave open that day. Participants of the process are reached
 * by their personal answer links instead, which tie their answers to their actor (for the dose of contact).
 * The device keeps its answer link: coming back for a later wave, it hands the earlier link over and gets
 * the new wave's link for the same respondent, so that before and after pair up.
 */

/**
 * Where a survey join link leads in the web app: the light participant page (/p/, hash-routed, so the code
 * never reaches a server log); older links at the root (`/#/survey-join/…`) are forwarded there.
 */
export function surveyJoinPath(code: string): string {
  return `/p/#/survey-join/${code}`;
}

export const surveyJoinLinkSchema = z.strictObject({
  id: idSchema,
  survey_id: idSchema,
  /** The link, relative to the server's address. */
  url: z.string(),
  /** Respondents it has made. */
  joined: z.number().int().min(0),
  created_at: isoTimestampSchema,
  revoked_at: isoTimestampSchema.nullable(),
});
export type SurveyJoinLink = z.infer<typeof surveyJoinLinkSchema>;

/** What the link opens before joining: the survey's title, the wave open today, the sides one may give. */
export const surveyJoinInfoSchema = z.strictObject({
  survey_id: idSchema,
  title: z.string(),
  languages: z.array(z.string()),
  /** The wave open today, or null when none is (joining is then refused). */
  wave: z
    .strictObject({ id: idSchema, kind: surveyWaveSchema, opens_on: isoDateSchema, closes_on: isoDateSchema })
    .nullable(),
  sides: z.array(outGroupSchema),
});
export type SurveyJoinInfo = z.infer<typeof surveyJoinInfoSchema>;

export const surveyJoinSchema = z.strictObject({
  /** The respondent's own side, one of the survey's sides. */
  side: outGroupSchema.nullable().default(null),
  gender: genderSchema.nullable().default(null),
  /** An answer link this device got from the same survey before: the same respondent joins again. */
  previous_token: z.string().trim().min(20).max(200).optional(),
});
export type SurveyJoin = z.output<typeof surveyJoinSchema>;

/** A respondent made (or found again) by a survey join link, with the answer link for today's wave. */
export const surveyJoinedSchema = z.strictObject({
  survey_id: idSchema,
  wave_id: idSchema,
  respondent_id: idSchema,
  pseudonym: z.string(),
  token: z.string(),
  /** True when the device's earlier answer link was recognised. */
  returning: z.boolean(),
});
export type SurveyJoined = z.infer<typeof surveyJoinedSchema>;
