import type { JoinLinkKind } from '../../domain/join-links.js';

/**
 * A dialogue's join links (migration 0010_join_links): at most one open link in force per dialogue, whose
 * code is kept (it is printed on the room's sheet and carried as the dialogue's `join_url`), and personal
 * links, of which only the sha-256 of the code is kept (shown once to the convener, who sends them).
 */
export interface DialogueJoinLinksTable {
  id: string;
  dialogue_id: string;
  kind: JoinLinkKind;
  /** The open link's code; null for a personal link. */
  code: string | null;
  /** sha-256 (hex) of the code: what a join looks up. */
  code_hash: string;
  /** The convener's label for a personal link (a pseudonym), never shown to others. */
  label: string | null;
  /** The participant a personal link made (it then works no more). */
  participant_id: string | null;
  created_at: string;
  revoked_at: string | null;
}

/**
 * A survey's open join link (migration 0014_survey_join_links): at most one in force per survey, its code
 * kept (printed on the sheet); `joined` counts the respondents it made.
 */
export interface SurveyJoinLinksTable {
  id: string;
  survey_id: string;
  code: string;
  /** sha-256 (hex) of the code: what a join looks up. */
  code_hash: string;
  joined: number;
  created_at: string;
  revoked_at: string | null;
}

export interface JoinLinkTables {
  dialogue_join_links: DialogueJoinLinksTable;
  survey_join_links: SurveyJoinLinksTable;
}
