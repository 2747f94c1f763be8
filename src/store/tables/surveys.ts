import type { ColumnType, Generated } from 'kysely';
import type { RespondentArm, ResponseEntryKind, SurveyWaveKind } from '../../domain/survey.js';
import type { Gender } from '../../domain/vocabulary.js';

/**
 * Survey tables (migration 0004_surveys). Instruments, out-groups and languages are JSON text: a survey
 * keeps its own copy of what it asked. Answers are sealed (AES-256-GCM under the workspace key) in
 * `survey_responses.ciphertext`; a link's token is stored only as its SHA-256.
 */
export interface SurveysTable {
  id: string;
  workspace_id: string;
  initiative_id: string;
  title: string;
  instruments_json: string;
  out_groups_json: string;
  languages_json: string;
  created_at: string;
  updated_at: string;
}

export interface SurveyWavesTable {
  id: string;
  survey_id: string;
  kind: SurveyWaveKind;
  opens_on: string;
  closes_on: string;
  after_meeting_id: string | null;
  created_at: string;
}

export interface SurveyRespondentsTable {
  id: string;
  survey_id: string;
  arm: RespondentArm;
  /** The participant's pseudonymous actor; null for a comparison respondent. */
  actor_id: string | null;
  /** The actor's pseudonym, or the comparison respondent's given one; unique per survey. */
  pseudonym: string;
  side: string | null;
  gender: Gender | null;
  created_at: string;
}

export interface SurveyLinksTable {
  /** SHA-256 of the token, hex: the token itself is shown once and never stored. */
  token_hash: string;
  survey_id: string;
  wave_id: string;
  respondent_id: string;
  created_at: string;
  /** When a newer link for the same respondent and wave replaced it. */
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface SurveyResponsesTable {
  id: string;
  survey_id: string;
  wave_id: string;
  respondent_id: string;
  entered_by: ResponseEntryKind;
  language: string;
  /** Sealed JSON of the answers; opened only to score them or to show them to their author. */
  ciphertext: string;
  submitted_at: string;
  /** How many times the answer was replaced before the wave closed. */
  revision: Generated<number>;
  /** When retention hid the answer (migration 0009); hidden answers are read by the retention job only. */
  deleted_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ExternalEffectsTable {
  id: string;
  workspace_id: string;
  label: string;
  effect: number;
  variance: number;
  instrument_kind: string | null;
  citation: string;
  created_at: string;
}

/**
 * A survey's own translation of one instrument into one language (migration 0015_survey_translations):
 * a draft until a second person approves it; only approved texts are put to respondents.
 */
export interface SurveyTranslationsTable {
  survey_id: string;
  instrument_id: string;
  language: string;
  /** InstrumentTexts as JSON. */
  texts_json: string;
  status: 'draft' | 'approved';
  translated_by: string | null;
  updated_at: string;
  approved_by: string | null;
  approved_at: string | null;
}

export interface SurveyTables {
  surveys: SurveysTable;
  survey_waves: SurveyWavesTable;
  survey_respondents: SurveyRespondentsTable;
  survey_links: SurveyLinksTable;
  survey_responses: SurveyResponsesTable;
  external_effects: ExternalEffectsTable;
  survey_translations: SurveyTranslationsTable;
}
