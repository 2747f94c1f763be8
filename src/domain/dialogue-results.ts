import { z } from 'zod';
import { dialogueSchema, moderationStateSchema, statementOriginSchema } from './dialogue.js';
import { idSchema } from './scalars.js';

/** One statement in the results: its tallies, consensus and routing priority. */
export const statementResultSchema = z.strictObject({
  id: idSchema,
  number: z.number().int().min(0),
  /** In the viewer's language (`?language=`) when translated, else the original. */
  text: z.string(),
  /** The language of `text`; null when no language was ever given. */
  language: z.string().nullable(),
  /** Whether `text` is the original; when false the original is beside it. */
  original: z.boolean(),
  original_text: z.string(),
  original_language: z.string().nullable(),
  origin: statementOriginSchema,
  moderation: moderationStateSchema,
  /** Author's participant number; null when seeded or when authors are hidden. */
  author: z.number().int().nullable(),
  agree: z.number().int().min(0),
  disagree: z.number().int().min(0),
  pass: z.number().int().min(0),
  /**
   * GIC over opinion groups; null ("not enough votes") unless every group cast at least
   * `minimum_votes_per_group` votes on the statement.
   */
  group_informed_consensus: z.number().nullable(),
  /** The fewest votes any opinion group cast on the statement (all voters when there are no groups). */
  fewest_group_votes: z.number().int().min(0),
  /** GIC over declared sides; null when nobody declared a side or some side has too few votes. */
  side_informed_consensus: z.number().nullable(),
  priority: z.number(),
});
export type StatementResult = z.infer<typeof statementResultSchema>;

/** A statement that sets a group apart (Pol.is' repness). */
export const representativeResultSchema = z.strictObject({
  statement_id: idSchema,
  type: z.enum(['agree', 'disagree']),
  metric: z.number(),
  probability: z.number(),
  repness: z.number(),
});
export type RepresentativeResult = z.infer<typeof representativeResultSchema>;

/** Representative statements keyed by group (opinion group number, or a declared side's group id). */
const repnessSchema = z.record(z.string(), z.array(representativeResultSchema));

/** The votes on one statement of the participants reading in one language. */
const languageTallySchema = z.strictObject({
  agree: z.number().int().min(0),
  disagree: z.number().int().min(0),
  pass: z.number().int().min(0),
});

/**
 * Participation and common ground by the language participants read in, beside those by declared side.
 * `language` null gathers those who never said. A statement is common ground across languages when, in
 * every language with voters, at least `minimum_votes_per_group` voted on it and most of them agreed.
 */
export const byLanguageSchema = z.strictObject({
  languages: z.array(
    z.strictObject({
      language: z.string().nullable(),
      participants: z.number().int().min(0),
      votes: z.number().int().min(0),
    }),
  ),
  statements: z.array(
    z.strictObject({
      statement_id: idSchema,
      tallies: z.array(languageTallySchema.extend({ language: z.string().nullable() })),
    }),
  ),
  common_ground: z.array(idSchema),
});
export type ByLanguage = z.infer<typeof byLanguageSchema>;

/**
 * Results for conveners and researchers: the opinion map, opinion groups, their representative
 * statements, consensus, and the same over declared sides. Participants appear only by their number.
 */
export const dialogueResultsSchema = z.strictObject({
  dialogue: dialogueSchema,
  participants: z.number().int().min(0),
  votes: z.number().int().min(0),
  authors_hidden: z.boolean(),
  /** The minimum-votes rule: consensus is scored only where each group has at least this many votes. */
  minimum_votes_per_group: z.number().int().min(1),
  statements: z.array(statementResultSchema),
  groups: z.array(z.strictObject({ id: z.number().int(), members: z.array(z.number().int()) })),
  opinion_map: z.array(
    z.strictObject({
      participant: z.number().int(),
      x: z.number(),
      y: z.number(),
      group: z.number().int().nullable(),
    }),
  ),
  repness: repnessSchema,
  consensus: z.strictObject({ agree: z.array(idSchema), disagree: z.array(idSchema) }),
  sides: z
    .strictObject({
      groups: z.array(
        z.strictObject({ group_id: idSchema, name: z.string(), participants: z.number().int().min(0) }),
      ),
      repness: repnessSchema,
    })
    .nullable(),
  /** Participation and common ground by the language participants read in. */
  by_language: byLanguageSchema,
});
export type DialogueResults = z.infer<typeof dialogueResultsSchema>;
