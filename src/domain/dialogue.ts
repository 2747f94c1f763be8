import { z } from 'zod';
import { checkNotEmpty, idSchema, isoTimestampSchema } from './scalars.js';
import { dialogueLanguagesSchema, languageCodeSchema } from './language-code.js';

/** A deliberation: a prompt, statements, and agree / disagree / pass votes by its participants. */
export const dialogueStatuses = ['open', 'closed'] as const;
export const dialogueStatusSchema = z.enum(dialogueStatuses);
export type DialogueStatus = z.infer<typeof dialogueStatusSchema>;

export const statementOrigins = ['seeded', 'submitted'] as const;
export const statementOriginSchema = z.enum(statementOrigins);
export type StatementOrigin = z.infer<typeof statementOriginSchema>;

export const moderationStates = ['accepted', 'rejected', 'unmoderated'] as const;
export const moderationStateSchema = z.enum(moderationStates);
export type ModerationState = z.infer<typeof moderationStateSchema>;

/** Agree +1, disagree -1, pass 0 (the sign of Pol.is exports). */
export type VoteValue = -1 | 0 | 1;

export function isVoteValue(value: number): value is VoteValue {
  return value === 1 || value === -1 || value === 0;
}

/**
 * A vote's value. A number that is none of the three is refused with TT_ERR_DIALOGUE_BAD_VOTE (the
 * refinement names its code), anything else that is not a number with TT_ERR_VALIDATION.
 */
export const voteValueSchema = z.number().refine(isVoteValue, {
  message: 'a vote is 1 (agree), -1 (disagree) or 0 (pass)',
  params: { code: 'TT_ERR_DIALOGUE_BAD_VOTE' },
});

export const promptSchema = z.string().trim().min(1).max(2_000);
export const statementTextSchema = z.string().trim().min(1).max(1_000);
/** The client's idempotency key of one vote: a replay with the same key changes nothing. */
export const requestIdSchema = z
  .string()
  .min(8)
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only');

export const dialogueSchema = z.strictObject({
  id: idSchema,
  initiative_id: idSchema,
  meeting_id: idSchema.nullable(),
  /** The divide whose groups participants may declare (their side). */
  divide_id: idSchema.nullable(),
  prompt: promptSchema,
  status: dialogueStatusSchema,
  strict_moderation: z.boolean(),
  /** Never show who said what: set when the dialogue sits in a chatham_house or closed meeting. */
  hide_authors: z.boolean(),
  seed: z.number().int(),
  created_at: isoTimestampSchema,
  closed_at: isoTimestampSchema.nullable(),
  /**
   * The open join link in force (relative to the server's address, e.g. `/p/#/join/…`); absent when the
   * dialogue takes personal links only.
   */
  join_url: z.string().optional(),
  /** The languages the dialogue is held in; the first is the language of statements that name none. */
  languages: dialogueLanguagesSchema,
  /** Hold a participant's new statement back from other languages until it is translated into them. */
  translation_hold: z.boolean(),
});
export type Dialogue = z.infer<typeof dialogueSchema>;

export const dialogueCreateSchema = z.strictObject({
  meeting_id: idSchema.nullable().default(null),
  divide_id: idSchema.nullable().default(null),
  prompt: promptSchema,
  strict_moderation: z.boolean().default(false),
  /** A convener may hide authors in any dialogue; inside chatham_house or closed meetings it is forced. */
  hide_authors: z.boolean().default(false),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(0),
  statements: z.array(statementTextSchema).max(500).default([]),
  languages: dialogueLanguagesSchema.default([]),
  translation_hold: z.boolean().default(false),
  /** The language the seed statements are written in (default: the dialogue's first language). */
  statements_language: languageCodeSchema.nullable().default(null),
  /** `open`: the dialogue gets an open join link at once; `personal`: it takes personal links only. */
  join: z.enum(['open', 'personal']).default('open'),
});
export type DialogueCreate = z.input<typeof dialogueCreateSchema>;

export const dialoguePatchSchema = z
  .strictObject({
    prompt: promptSchema,
    status: dialogueStatusSchema,
    strict_moderation: z.boolean(),
    languages: dialogueLanguagesSchema,
    translation_hold: z.boolean(),
  })
  .partial()
  .superRefine(checkNotEmpty);
export type DialoguePatch = z.infer<typeof dialoguePatchSchema>;

/** A statement as conveners see it in the moderation queue; `author` is null when authors are hidden. */
export const dialogueStatementSchema = z.strictObject({
  id: idSchema,
  dialogue_id: idSchema,
  /** Pol.is' comment-id: 0, 1, 2, ... in order of creation. */
  number: z.number().int().min(0),
  text: statementTextSchema,
  origin: statementOriginSchema,
  moderation: moderationStateSchema,
  is_meta: z.boolean(),
  /** The author's participant number, or null (seeded by a convener, or authors hidden). */
  author: z.number().int().nullable(),
  created_at: isoTimestampSchema,
  /** The language it was written in; null when none was given (read as the dialogue's first language). */
  language: languageCodeSchema.nullable(),
});
export type DialogueStatement = z.infer<typeof dialogueStatementSchema>;

export const statementSeedSchema = z.strictObject({
  text: statementTextSchema,
  is_meta: z.boolean().default(false),
  language: languageCodeSchema.nullable().default(null),
});
export const statementSubmitSchema = z.strictObject({
  text: statementTextSchema,
  /** The language it is written in (default: the dialogue's first language). */
  language: languageCodeSchema.optional(),
});
export const moderationSchema = z.strictObject({ moderation: moderationStateSchema });

/** Anonymous participant tokens a convener hands out (on paper, by message): each is shown once. */
export const tokenIssueSchema = z
  .strictObject({
    count: z.number().int().min(1).max(1_000).default(1),
    /** Link the participants to an actor of the initiative's conflict (one token then). */
    actor_id: idSchema.nullable().default(null),
    group_id: idSchema.nullable().default(null),
  })
  .superRefine((value, ctx) => {
    if (value.actor_id !== null && value.count !== 1) {
      ctx.addIssue({ code: 'custom', path: ['count'], message: 'one token per linked actor' });
    }
  });

export const joinSchema = z.strictObject({
  group_id: idSchema.nullable().default(null),
  /** The language the participant reads in: counted for participation by language. */
  language: languageCodeSchema.nullable().default(null),
});
export const participantLanguageSchema = z.strictObject({ language: languageCodeSchema.nullable() });
export const declareGroupSchema = z.strictObject({ group_id: idSchema.nullable() });

export const voteSchema = z.strictObject({
  statement_id: idSchema,
  vote: voteValueSchema,
  /** The language the participant reads in (a statement held back from it cannot be voted on). */
  language: languageCodeSchema.optional(),
  /** Idempotency key (or the Idempotency-Key header); without one a replay cannot be told apart. */
  request_id: requestIdSchema.optional(),
});
export type VoteInput = z.infer<typeof voteSchema>;

/** Pol.is export files as text, for import over the API (the CLI reads a folder). */
export const polisImportSchema = z.strictObject({
  prompt: promptSchema.optional(),
  meeting_id: idSchema.nullable().default(null),
  summary: z.string().max(1_000_000).optional(),
  comments: z.string().max(20_000_000),
  votes: z.string().max(200_000_000),
  participants_votes: z.string().max(200_000_000).optional(),
});
export type PolisImportInput = z.input<typeof polisImportSchema>;
