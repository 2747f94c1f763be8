import type { MeetingTextKind } from '../../domain/meeting-text.js';

/** A meeting's minutes or working notes (migration 0013_meeting_minutes), deleted with the meeting. */
export interface MeetingTextsTable {
  meeting_id: string;
  kind: MeetingTextKind;
  body: string;
  updated_at: string;
  /** Set when retention hid the row; purged after the grace period (migration 0021). */
  deleted_at?: string | null;
}

export interface MeetingTextTables {
  meeting_texts: MeetingTextsTable;
}
