import type { Migration } from 'kysely';
import { coreMigration } from './0001_core.js';
import { securityMigration } from './0002_security.js';
import { dialoguesMigration } from './0003_dialogues.js';
import { surveysMigration } from './0004_surveys.js';
import { tieMeetingsMigration } from './0005_tie_meetings.js';
import { keyedAuditMigration } from './0006_keyed_audit.js';
import { instanceRightsMigration } from './0007_instance_rights.js';
import { secondFactorsMigration } from './0008_second_factors.js';
import { retentionAndPrecisionMigration } from './0009_retention_and_precision.js';
import { joinLinksMigration } from './0010_join_links.js';
import { surveyJoinLinksMigration } from './0014_survey_join_links.js';
import { invitationLinksMigration } from './0011_invitation_links.js';
import { meetingMinutesMigration } from './0013_meeting_minutes.js';
import { statementTranslationsMigration } from './0012_statement_translations.js';
import { surveyTranslationsMigration } from './0015_survey_translations.js';
import { eventDataMigration } from './0018_event_data.js';
import { mapVersionsMigration } from './0016_map_versions.js';
import { channelsMigration } from './0017_channels.js';
import { retentionMoreMigration } from './0021_retention_more.js';
import { trackOneAndResourcesMigration } from './0019_track_one_and_resources.js';

/** One migrations folder for SQLite and PostgreSQL, applied in name order. */
export const migrations: Record<string, Migration> = {
  '0001_core': coreMigration,
  '0002_security': securityMigration,
  '0003_dialogues': dialoguesMigration,
  '0004_surveys': surveysMigration,
  '0005_tie_meetings': tieMeetingsMigration,
  '0006_keyed_audit': keyedAuditMigration,
  '0007_instance_rights': instanceRightsMigration,
  '0008_second_factors': secondFactorsMigration,
  '0009_retention_and_precision': retentionAndPrecisionMigration,
  '0010_join_links': joinLinksMigration,
  '0014_survey_join_links': surveyJoinLinksMigration,
  '0011_invitation_links': invitationLinksMigration,
  '0013_meeting_minutes': meetingMinutesMigration,
  '0012_statement_translations': statementTranslationsMigration,
  '0015_survey_translations': surveyTranslationsMigration,
  '0018_event_data': eventDataMigration,
  '0016_map_versions': mapVersionsMigration,
  '0017_channels': channelsMigration,
  '0021_retention_more': retentionMoreMigration,
  '0019_track_one_and_resources': trackOneAndResourcesMigration,
};
