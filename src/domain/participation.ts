import { z } from 'zod';
import { dialogueSchema, voteValueSchema } from './dialogue.js';
import { idSchema } from './scalars.js';

/** What a participant (by token or account) is answered while taking part in a dialogue. */

/** An anonymous participant token, shown once. */
export const issuedTokenSchema = z.strictObject({ participant: z.number().int().min(0), token: z.string() });
export type IssuedToken = z.infer<typeof issuedTokenSchema>;

/** Joining as the signed-in account: the participant number and a fresh token. */
export const joinedSchema = issuedTokenSchema;

export const declaredGroupSchema = z.strictObject({ group_id: idSchema.nullable() });

/** A statement a participant may vote on, with their own vote (never anyone else's). */
export const participantStatementSchema = z.strictObject({
  id: idSchema,
  number: z.number().int().min(0),
  text: z.string(),
  /** The language of `text`: the reader's when translated, else the original's (null: never said). */
  language: z.string().nullable(),
  /** True when `text` is the original, not a translation into the reader's language (mark it so). */
  original: z.boolean(),
  my_vote: voteValueSchema.nullable(),
});
export type ParticipantStatement = z.infer<typeof participantStatementSchema>;

export const voteReceiptSchema = z.strictObject({
  statement_id: idSchema,
  vote: voteValueSchema,
  request_id: z.string(),
});
export type VoteReceipt = z.infer<typeof voteReceiptSchema>;

/** The next statement to vote on (null when none is left) and how many remain. */
export const nextStatementSchema = z.strictObject({
  statement: z
    .strictObject({
      id: idSchema,
      number: z.number().int().min(0),
      text: z.string(),
      language: z.string().nullable(),
      original: z.boolean(),
    })
    .nullable(),
  remaining: z.number().int().min(0),
});
export type NextStatement = z.infer<typeof nextStatementSchema>;

export const commonGroundItemSchema = z.strictObject({
  statement_id: idSchema,
  /** In the viewer's language when translated (`original` false), else the original. */
  text: z.string(),
  language: z.string().nullable(),
  original: z.boolean(),
  /** The original text, beside the translation. */
  original_text: z.string(),
  /** Share of those who saw it who agreed. */
  agree_share: z.number(),
  group_informed_consensus: z.number(),
});
export type CommonGroundItem = z.infer<typeof commonGroundItemSchema>;

/** A dialogue made from a Pol.is export, with what it holds. */
export const importedDialogueSchema = z.strictObject({
  dialogue: dialogueSchema,
  statements: z.number().int().min(0),
  participants: z.number().int().min(0),
  votes: z.number().int().min(0),
});
export type ImportedDialogue = z.infer<typeof importedDialogueSchema>;

/** The four Pol.is files, as text, under their file names. */
export const polisExportSchema = z.strictObject({
  'summary.csv': z.string(),
  'comments.csv': z.string(),
  'votes.csv': z.string(),
  'participants-votes.csv': z.string(),
  /** tracktwo's extra file: each statement's translations (comments.csv keeps the original text). */
  'comment-translations.csv': z.string(),
});
