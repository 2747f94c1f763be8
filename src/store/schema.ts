import type { CoreTables } from './tables/core.js';
import type { SecurityTables } from './tables/security.js';
import type { DialogueTables } from './tables/dialogues.js';
import type { SurveyTables } from './tables/surveys.js';
import type { SecondFactorTables } from './tables/second-factors.js';
import type { JoinLinkTables } from './tables/join-links.js';
import type { InvitationLinkTables } from './tables/invitation-links.js';
import type { MeetingTextTables } from './tables/meeting-texts.js';
import type { StatementTranslationTables } from './tables/statement-translations.js';
import type { EventDataTables } from './tables/event-data.js';
import type { MapVersionTables } from './tables/map-versions.js';
import type { ChannelTables } from './tables/channels.js';
import type { TrackOneTables } from './tables/track-one.js';

/** The one Kysely schema both engines share. */
export interface Database
  extends
    CoreTables,
    SecurityTables,
    DialogueTables,
    SurveyTables,
    SecondFactorTables,
    JoinLinkTables,
    InvitationLinkTables,
    MeetingTextTables,
    StatementTranslationTables,
    EventDataTables,
    MapVersionTables,
    ChannelTables,
    TrackOneTables {}
