import type { DialogueStatus, ModerationState, StatementOrigin } from '../../domain/dialogue.js';
import type { Flag } from './core.js';

export interface DialoguesTable {
  id: string;
  initiative_id: string;
  /** The meeting the dialogue belongs to; its ground rule decides whether authors are shown. */
  meeting_id: string | null;
  /** The divide whose groups participants may declare. */
  divide_id: string | null;
  prompt: string;
  status: DialogueStatus;
  strict_moderation: Flag;
  /** Once set, authors stay hidden even if the meeting's rule is later relaxed. */
  hide_authors: Flag;
  seed: number;
  created_at: string;
  closed_at: string | null;
  /** JSON array of the language codes the dialogue is held in (migration 0012), e.g. `["ar","he"]`. */
  languages: string;
  /** Hold a participant's new statement back from other languages until it is translated into them. */
  translation_hold: Flag;
}

export interface DialogueParticipantsTable {
  id: string;
  dialogue_id: string;
  /** Pseudonymous number inside the dialogue (Pol.is' participant id): 0, 1, 2, ... */
  number: number;
  /** sha-256 (hex) of the participant's secret token; null for imported participants, who cannot vote. */
  token_hash: string | null;
  account_id: string | null;
  actor_id: string | null;
  /** Declared group (side) in the dialogue's divide. */
  group_id: string | null;
  created_at: string;
  /** The language the participant reads statements in (null: not said). */
  language: string | null;
}

export interface DialogueStatementsTable {
  id: string;
  dialogue_id: string;
  /** Pol.is' comment-id: 0, 1, 2, ... */
  number: number;
  author_participant_id: string | null;
  text: string;
  origin: StatementOrigin;
  moderation: ModerationState;
  is_meta: Flag;
  created_at: string;
  /** The language the statement was written in (null: not said, read as the dialogue's first language). */
  language: string | null;
}

/** One row per participant and statement: a later vote replaces the earlier one. */
export interface DialogueVotesTable {
  dialogue_id: string;
  participant_id: string;
  statement_id: string;
  vote: number;
  /** When the vote (the latest) was cast. */
  voted_at: string;
  /** Idempotency key of the request that cast it (null for imported votes). */
  request_id: string | null;
}

/** Every request id a participant used, so a replayed vote changes nothing. */
export interface DialogueVoteRequestsTable {
  participant_id: string;
  request_id: string;
}

/** Tables of the dialogue feature (migration 0003_dialogues). */
export interface DialogueTables {
  dialogues: DialoguesTable;
  dialogue_participants: DialogueParticipantsTable;
  dialogue_statements: DialogueStatementsTable;
  dialogue_votes: DialogueVotesTable;
  dialogue_vote_requests: DialogueVoteRequestsTable;
}
